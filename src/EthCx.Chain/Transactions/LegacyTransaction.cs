using System.Numerics;
using EthCx.Chain.Rlp;

namespace EthCx.Chain.Transactions;

/// <summary>
/// A legacy (type 0) transaction with a single gas price. With a <see cref="ChainId"/> it is
/// EIP-155 replay-protected: the chain id is signed and folded into v. A transaction valid on
/// every chain (pre-EIP-155) is only made by setting <see cref="ChainId"/> to <see langword="null"/> explicitly.
/// </summary>
public sealed record LegacyTransaction : Transaction
{
    /// <inheritdoc/>
    public override TransactionType Type => TransactionType.Legacy;

    /// <summary>The EIP-155 chain id, or <see langword="null"/> for an unprotected pre-EIP-155 transaction.</summary>
    public required ulong? ChainId { get; init; }

    /// <inheritdoc/>
    internal override ulong? TargetChainId => ChainId;

    /// <summary>The gas price in wei; a <c>uint256</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public required BigInteger GasPrice { get; init => field = CheckUInt256(value, nameof(GasPrice)); }

    /// <inheritdoc/>
    internal override BigInteger GetV(byte yParity) =>
        ChainId is { } chainId ? (new BigInteger(chainId) * 2) + 35 + yParity : 27 + yParity;

    /// <inheritdoc/>
    private protected override void AddFields(List<RlpItem> fields)
    {
        fields.Add(RlpItem.FromInteger(Nonce));
        fields.Add(RlpItem.FromInteger(GasPrice));
        AddGasToValueData(fields);
    }

    /// <inheritdoc/>
    private protected override void AddSigningSuffix(List<RlpItem> fields)
    {
        if (ChainId is { } chainId)
        {
            fields.Add(RlpItem.FromInteger(chainId));
            fields.Add(RlpItem.EmptyString);
            fields.Add(RlpItem.EmptyString);
        }
    }
}
