using System.Numerics;
using EthCx.Chain.Rlp;

namespace EthCx.Chain.Transactions;

/// <summary>An EIP-1559 (type 2) transaction: a priority fee and a fee cap per gas, plus an access list.</summary>
public sealed record Eip1559Transaction : Transaction
{
    /// <inheritdoc/>
    public override TransactionType Type => TransactionType.Eip1559;

    /// <summary>The chain id.</summary>
    public required ulong ChainId { get; init; }

    /// <inheritdoc/>
    internal override ulong? TargetChainId => ChainId;

    /// <summary>The tip per gas paid to the block producer, in wei; a <c>uint256</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public required BigInteger MaxPriorityFeePerGas { get; init => field = CheckUInt256(value, nameof(MaxPriorityFeePerGas)); }

    /// <summary>The most the sender pays per gas (base fee plus tip), in wei; a <c>uint256</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public required BigInteger MaxFeePerGas { get; init => field = CheckUInt256(value, nameof(MaxFeePerGas)); }

    /// <summary>The addresses and storage slots the transaction declares it will touch.</summary>
    public AccessList AccessList { get; init => field = value ?? throw new ArgumentNullException(nameof(AccessList)); } = AccessList.Empty;

    /// <inheritdoc/>
    private protected override void AddFields(List<RlpItem> fields)
    {
        fields.Add(RlpItem.FromInteger(ChainId));
        fields.Add(RlpItem.FromInteger(Nonce));
        fields.Add(RlpItem.FromInteger(MaxPriorityFeePerGas));
        fields.Add(RlpItem.FromInteger(MaxFeePerGas));
        AddGasToValueData(fields);
        fields.Add(EncodeAccessList(AccessList));
    }
}
