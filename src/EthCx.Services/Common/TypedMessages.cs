using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Contracts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

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

/// <summary>
/// Signs one contract's EIP-712 messages for its <c>...BySig</c> functions: the contract's domain (ERC-5267
/// <c>eip712Domain()</c>, read once), then the message's own fields followed by the signer's <c>nonce</c> and a
/// <c>deadline</c>, the last two fields of every such message; by default the signer's current <c>nonces(address)</c>
/// and one hour after the latest block.
/// </summary>
/// <param name="contract">The contract whose messages are signed.</param>
internal sealed class TypedMessageSigner(ContractHandler contract)
{
    private static readonly TimeSpan DefaultSignatureLifetime = TimeSpan.FromHours(1);
    private static readonly AbiFunction DomainFunction = AbiFunction.Parse("function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)");
    private static readonly AbiFunction NoncesFunction = AbiFunction.Parse("function nonces(address account) view returns (uint256)");
    private Eip712Domain? _domain;

    /// <summary>Signs the message; returns the signature and the deadline signed.</summary>
    public async Task<(Signature Signature, DateTimeOffset Deadline)> SignAsync(ISigner signer, string primaryType, IReadOnlyList<MessageField> fields, DateTimeOffset? deadline, ulong? nonce, CancellationToken cancellationToken)
    {
        if (_domain is null)
        {
            object?[] domain = await contract.QueryAsync(DomainFunction, [], BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
            _domain = TypedMessages.Domain((string)domain[1]!, (string)domain[2]!, (BigInteger)domain[3]!, (Address)domain[4]!);
        }

        BigInteger useNonce = nonce ?? (BigInteger)(await contract.QueryAsync(NoncesFunction, [signer.Address], BlockParameter.Latest, cancellationToken).ConfigureAwait(false))[0]!;
        DateTimeOffset until = deadline ?? await ChainTime.LatestBlockTimeAsync(contract.Client.Rpc, cancellationToken).ConfigureAwait(false) + DefaultSignatureLifetime;
        Signature signature = await TypedMessages.SignAsync(signer, _domain, primaryType,
        [
            .. fields,
            new("nonce", "uint256", useNonce),
            new("deadline", "uint256", ChainTime.ToUnixSeconds(until, nameof(deadline))),
        ], cancellationToken).ConfigureAwait(false);
        return (signature, until);
    }
}
