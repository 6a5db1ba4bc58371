using System.Numerics;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Services;

/// <summary>One field of an EIP-712 message: its Solidity name, type and value.</summary>
internal readonly record struct MessageField(string Name, string Type, object Value);

/// <summary>Builds and signs the EIP-712 messages the contracts' <c>...BySig</c> functions verify.</summary>
internal static class TypedMessages
{
    public static Eip712Domain Domain(string name, string version, BigInteger chainId, Address verifyingContract) =>
        new() { Name = name, Version = version, ChainId = chainId, VerifyingContract = verifyingContract };

    public static TypedData Create(Eip712Domain domain, string primaryType, IReadOnlyList<MessageField> fields)
    {
        var type = new TypedDataType(primaryType, fields.Select(field => new TypedDataField(field.Name, field.Type)));
        var message = fields.ToDictionary(field => field.Name, field => (object?)field.Value);
        return new TypedData(domain, new TypedDataTypeSet(type), primaryType, message);
    }

    public static async Task<Signature> SignAsync(ISigner signer, Eip712Domain domain, string primaryType, IReadOnlyList<MessageField> fields, CancellationToken cancellationToken) =>
        await signer.SignTypedDataAsync(Create(domain, primaryType, fields), cancellationToken).ConfigureAwait(false);

    /// <summary>The indexed topic of an address: the address left-padded to 32 bytes.</summary>
    public static Bytes32 Topic(Address address)
    {
        Span<byte> word = stackalloc byte[32];
        address.Bytes.CopyTo(word[12..]);
        return Bytes32.FromBytes(word);
    }

    /// <summary>The indexed topic of an unsigned integer (e.g. a <c>uint16</c> purpose).</summary>
    public static Bytes32 Topic(ulong value)
    {
        Span<byte> word = stackalloc byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(word[24..], value);
        return Bytes32.FromBytes(word);
    }
}
