namespace EthCx.Chain.Transactions;

/// <summary>The EIP-2718 transaction type: the first byte of a typed envelope.</summary>
public enum TransactionType : byte
{
    /// <summary>A legacy (untyped) transaction: a bare RLP list, optionally EIP-155 replay-protected.</summary>
    Legacy = 0,

    /// <summary>EIP-2930: a gas price plus an access list (envelope type 0x01).</summary>
    Eip2930 = 1,

    /// <summary>EIP-1559: a priority fee and a fee cap instead of a gas price, plus an access list (envelope type 0x02).</summary>
    Eip1559 = 2,
}
