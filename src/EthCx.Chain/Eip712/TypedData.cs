using System.Text.Json;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Eip712;

/// <summary>
/// An EIP-712 typed-data document: domain, struct types, primary type and message, with its
/// hashes. The domain and message are encoded when the document is created, so a value that does
/// not fit its type fails here rather than at signing time, and later changes to the message
/// dictionary do not change <see cref="Hash"/>.
/// </summary>
public sealed class TypedData
{
    /// <summary>Creates and hashes a typed-data document.</summary>
    /// <param name="domain">The signing domain.</param>
    /// <param name="types">The struct types (without <c>EIP712Domain</c>, which comes from <paramref name="domain"/>).</param>
    /// <param name="primaryType">The type of <paramref name="message"/>.</param>
    /// <param name="message">The message (see <see cref="TypedDataTypeSet"/> for accepted member values).</param>
    /// <exception cref="TypedDataException">
    /// The primary type is not in <paramref name="types"/>, or the message does not fit it (the
    /// path names the member, e.g. <c>Mail.from.wallet</c>).
    /// </exception>
    public TypedData(Eip712Domain domain, TypedDataTypeSet types, string primaryType, IReadOnlyDictionary<string, object?> message)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(primaryType);
        ArgumentNullException.ThrowIfNull(message);
        if (!types.Contains(primaryType))
        {
            throw new TypedDataException("primaryType", $"unknown type '{primaryType}'.");
        }

        Domain = domain;
        Types = types;
        PrimaryType = primaryType;
        Message = message;
        DomainSeparator = domain.HashStruct();
        MessageHash = types.HashStruct(primaryType, message);
        Hash = ComputeHash(DomainSeparator, MessageHash);
    }

    /// <summary>The signing domain.</summary>
    public Eip712Domain Domain { get; }

    /// <summary>The struct types.</summary>
    public TypedDataTypeSet Types { get; }

    /// <summary>The type of <see cref="Message"/>.</summary>
    public string PrimaryType { get; }

    /// <summary>The message, as given.</summary>
    public IReadOnlyDictionary<string, object?> Message { get; }

    /// <summary>The domain separator, <c>hashStruct(domain)</c>.</summary>
    public Bytes32 DomainSeparator { get; }

    /// <summary><c>hashStruct(message)</c> under <see cref="PrimaryType"/>.</summary>
    public Bytes32 MessageHash { get; }

    /// <summary>The digest that is signed: <c>keccak256(0x19 0x01 || domainSeparator || hashStruct(message))</c>.</summary>
    public Bytes32 Hash { get; }

    /// <summary>The EIP-712 digest of a domain separator and a struct hash.</summary>
    /// <param name="domainSeparator">The domain separator.</param>
    /// <param name="structHash">The struct hash of the message.</param>
    /// <returns><c>keccak256(0x19 0x01 || domainSeparator || structHash)</c>.</returns>
    public static Bytes32 ComputeHash(Bytes32 domainSeparator, Bytes32 structHash)
    {
        Span<byte> preimage = stackalloc byte[2 + 32 + 32];
        preimage[0] = 0x19;
        preimage[1] = 0x01;
        domainSeparator.Bytes.CopyTo(preimage[2..]);
        structHash.Bytes.CopyTo(preimage[34..]);
        return Bytes32.Wrap(Keccak256.HashData(preimage));
    }

    /// <summary>
    /// Reads the <c>eth_signTypedData_v4</c> JSON form, <c>{"types", "primaryType", "domain", "message"}</c>.
    /// Integers may be JSON numbers (integers only), decimal strings or <c>0x</c>-hex strings;
    /// bytes are <c>0x</c> hex. <c>types.EIP712Domain</c> may be left out; if present it must
    /// declare exactly the domain members that are set, in the specification's order.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The hashed document.</returns>
    /// <exception cref="TypedDataException">The JSON is malformed, does not have this shape, or its message does not fit its types.</exception>
    public static TypedData Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new TypedDataException(null, $"invalid JSON: {error.Message}", error);
        }

        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    /// <summary>
    /// Writes the <c>eth_signTypedData_v4</c> JSON form (for a node's or wallet's
    /// <c>eth_signTypedData_v4</c>): <c>types</c> including <c>EIP712Domain</c>, integers as decimal
    /// strings, addresses checksummed, bytes as <c>0x</c> hex. <see cref="Parse(string)"/> reads it
    /// back to the same <see cref="Hash"/>.
    /// </summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="InvalidOperationException">The message dictionary was changed after this document was created.</exception>
    /// <exception cref="TypedDataException">The message dictionary was changed after this document was created and no longer fits its type.</exception>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the <c>eth_signTypedData_v4</c> JSON form; see <see cref="ToJson"/>.</summary>
    /// <param name="writer">The writer, positioned where a JSON value may start.</param>
    /// <exception cref="InvalidOperationException">The message dictionary was changed after this document was created.</exception>
    /// <exception cref="TypedDataException">The message dictionary was changed after this document was created and no longer fits its type.</exception>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Types.HashStruct(PrimaryType, Message) != MessageHash)
        {
            throw new InvalidOperationException("The message was changed after this TypedData was created; its JSON would not match Hash.");
        }

        TypedDataJson.Write(this, writer);
    }

    /// <summary>Reads the <c>eth_signTypedData_v4</c> JSON form from a parsed element; see <see cref="Parse(string)"/>.</summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The hashed document; it does not refer to <paramref name="json"/>.</returns>
    /// <exception cref="TypedDataException">The JSON does not have this shape, or its message does not fit its types.</exception>
    public static TypedData FromJson(JsonElement json) => TypedDataJson.Read(json);
}
