using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Services;

/// <summary>A mined, successful transaction as the services report it: enough to find it on any explorer.</summary>
/// <param name="Hash">The transaction hash.</param>
/// <param name="BlockNumber">The block that includes it.</param>
/// <param name="GasUsed">The gas it used.</param>
public sealed record TransactionSummary(Bytes32 Hash, ulong BlockNumber, ulong GasUsed)
{
    /// <summary>Summarises a receipt.</summary>
    /// <param name="receipt">The receipt of a mined transaction.</param>
    /// <returns>The summary.</returns>
    public static TransactionSummary From(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new TransactionSummary(receipt.TransactionHash, receipt.BlockNumber, receipt.GasUsed);
    }
}
