using System.Numerics;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Eip712;

/// <summary>
/// The EIP-712 signing domain. Every member is optional; only the members that are set go into
/// the <c>EIP712Domain</c> type, always in the specification's order
/// (<c>name, version, chainId, verifyingContract, salt</c>), as ethers and wallets build it.
/// </summary>
public sealed record Eip712Domain
{
    /// <summary>The reserved name of the domain's struct type.</summary>
    public const string TypeName = "EIP712Domain";

    private static readonly AtomicFieldType UInt256 = new("uint256", AtomicKind.UInt, 256);

    private readonly BigInteger? _chainId;

    /// <summary>The user-readable name of the signing domain (the dapp or protocol), <c>string name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The current major version of the signing domain, <c>string version</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The EIP-155 chain id, <c>uint256 chainId</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 2^256 - 1.</exception>
    public BigInteger? ChainId
    {
        get => _chainId;
        init => _chainId = value is BigInteger chainId ? EvmInteger.CheckUnsigned(chainId, 256, nameof(ChainId)) : null;
    }

    /// <summary>The contract that will verify the signature, <c>address verifyingContract</c>.</summary>
    public Address? VerifyingContract { get; init; }

    /// <summary>A disambiguating salt, <c>bytes32 salt</c>.</summary>
    public Bytes32? Salt { get; init; }

    /// <summary>The members of <c>EIP712Domain</c> for the fields that are set, in the specification's order.</summary>
    public IReadOnlyList<TypedDataField> Fields
    {
        get
        {
            var fields = new List<TypedDataField>(5);
            AddIf(fields, Name is not null, "string", "name");
            AddIf(fields, Version is not null, "string", "version");
            AddIf(fields, ChainId.HasValue, "uint256", "chainId");
            AddIf(fields, VerifyingContract.HasValue, "address", "verifyingContract");
            AddIf(fields, Salt.HasValue, "bytes32", "salt");
            return fields;
        }
    }

    /// <summary><c>encodeType</c> of the domain, e.g. <c>EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)</c>.</summary>
    /// <returns>The type signature.</returns>
    public string EncodeType() => TypedDataType.Format(TypeName, Fields);

    /// <summary>The domain separator: <c>hashStruct(eip712Domain)</c>.</summary>
    /// <returns>The Keccak-256 of the type hash followed by one word per member that is set.</returns>
    /// <exception cref="TypedDataException">The name or version holds an unpaired UTF-16 surrogate.</exception>
    public Bytes32 HashStruct()
    {
        IReadOnlyList<TypedDataField> fields = Fields;
        var encoded = new byte[32 * (1 + fields.Count)];
        Keccak256.HashData(System.Text.Encoding.UTF8.GetBytes(TypedDataType.Format(TypeName, fields)), encoded);
        Span<byte> word = encoded.AsSpan(32);
        if (Name is not null)
        {
            AtomicEncoder.WriteString(Name, $"{TypeName}.name", Next(ref word));
        }

        if (Version is not null)
        {
            AtomicEncoder.WriteString(Version, $"{TypeName}.version", Next(ref word));
        }

        if (ChainId is BigInteger chainId)
        {
            AtomicEncoder.WriteInteger(chainId, UInt256, $"{TypeName}.chainId", Next(ref word));
        }

        if (VerifyingContract is Address verifyingContract)
        {
            AtomicEncoder.WriteAddress(verifyingContract, Next(ref word));
        }

        if (Salt is Bytes32 salt)
        {
            salt.Bytes.CopyTo(Next(ref word));
        }

        return Bytes32.Wrap(Keccak256.HashData(encoded));
    }

    private static void AddIf(List<TypedDataField> fields, bool present, string type, string name)
    {
        if (present)
        {
            fields.Add(new TypedDataField(name, type));
        }
    }

    /// <summary>Returns the next 32-byte word and advances past it.</summary>
    private static Span<byte> Next(ref Span<byte> words)
    {
        Span<byte> word = words[..32];
        words = words[32..];
        return word;
    }
}
