using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Contracts;

/// <summary>
/// A transaction for <see cref="ChainClient"/> to complete and send: the client fills in the nonce,
/// the EIP-1559 fees, the chain id and (unless <see cref="Gas"/> is set) the gas limit.
/// </summary>
public sealed record TransactionRequest
{
    /// <summary>The recipient; <see langword="null"/> creates a contract from <see cref="Data"/>.</summary>
    public Address? To { get; init; }

    /// <summary>The calldata, or the creation code (bytecode and encoded constructor arguments).</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The wei sent along.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public BigInteger Value
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Value), value, "A transaction cannot send a negative value.");
    }

    /// <summary>The gas limit; <see langword="null"/> to estimate it (<c>eth_estimateGas</c> times <see cref="ChainClientOptions.GasMargin"/>).</summary>
    public ulong? Gas { get; init; }

    /// <summary>The custom errors the called contract may raise, to decode a revert; <see langword="null"/> for none.</summary>
    public IReadOnlyList<AbiError>? Errors { get; init; }
}
