using System.Numerics;
using EthCx.Chain.Rlp;

namespace EthCx.Chain.Transactions;

/// <summary>An EIP-2930 (type 1) transaction: a gas price plus an access list, always bound to a chain.</summary>
public sealed record Eip2930Transaction : Transaction
{
    /// <inheritdoc/>
    public override TransactionType Type => TransactionType.Eip2930;

    /// <summary>The chain id.</summary>
    public required ulong ChainId { get; init; }

    /// <inheritdoc/>
    internal override ulong? TargetChainId => ChainId;

    /// <summary>The gas price in wei; a <c>uint256</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public required BigInteger GasPrice { get; init => field = CheckUInt256(value, nameof(GasPrice)); }

    /// <summary>The addresses and storage slots the transaction declares it will touch.</summary>
    public AccessList AccessList { get; init => field = value ?? throw new ArgumentNullException(nameof(AccessList)); } = AccessList.Empty;

    /// <inheritdoc/>
    private protected override void AddFields(List<RlpItem> fields)
    {
        fields.Add(RlpItem.FromInteger(ChainId));
        fields.Add(RlpItem.FromInteger(Nonce));
        fields.Add(RlpItem.FromInteger(GasPrice));
        AddGasToValueData(fields);
        fields.Add(EncodeAccessList(AccessList));
    }
}
