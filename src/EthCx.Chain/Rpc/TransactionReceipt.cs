using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>The receipt of a mined transaction (<c>eth_getTransactionReceipt</c>).</summary>
/// <param name="TransactionHash">The transaction's hash.</param>
/// <param name="TransactionIndex">Its position in the block.</param>
/// <param name="BlockHash">The block it was mined in.</param>
/// <param name="BlockNumber">That block's number.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipient, or <see langword="null"/> for a contract creation.</param>
/// <param name="ContractAddress">The created contract, or <see langword="null"/> when none was created.</param>
/// <param name="Succeeded">Whether execution succeeded (status 1) rather than reverted (status 0).</param>
/// <param name="GasUsed">The gas this transaction used.</param>
/// <param name="CumulativeGasUsed">The gas used in the block up to and including this transaction.</param>
/// <param name="EffectiveGasPrice">The wei per gas actually paid (base fee plus priority fee).</param>
/// <param name="Type">The transaction type (0 legacy, 1 EIP-2930, 2 EIP-1559, ...).</param>
/// <param name="Logs">The logs it emitted, in order.</param>
public sealed record TransactionReceipt(
    Bytes32 TransactionHash,
    ulong TransactionIndex,
    Bytes32 BlockHash,
    ulong BlockNumber,
    Address From,
    Address? To,
    Address? ContractAddress,
    bool Succeeded,
    ulong GasUsed,
    ulong CumulativeGasUsed,
    BigInteger EffectiveGasPrice,
    byte Type,
    IReadOnlyList<Log> Logs)
{
    /// <summary>Reads a receipt object.</summary>
    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    internal static TransactionReceipt Read(JsonElement element, string path)
    {
        var reader = new RpcObjectReader(element, path);
        ulong status = reader.UInt64("status");
        if (status > 1)
        {
            throw new FormatException($"Field '{reader.PathOf("status")}': expected 0x0 or 0x1, found {RpcQuantity.Format(status)}.");
        }

        return new TransactionReceipt(
            reader.Bytes32("transactionHash"),
            reader.UInt64("transactionIndex"),
            reader.Bytes32("blockHash"),
            reader.UInt64("blockNumber"),
            reader.Address("from"),
            reader.OptionalAddress("to"),
            reader.OptionalAddress("contractAddress"),
            status == 1,
            reader.UInt64("gasUsed"),
            reader.UInt64("cumulativeGasUsed"),
            reader.Quantity("effectiveGasPrice"),
            reader.OptionalByte("type") ?? 0,
            reader.Array("logs", Log.Read));
    }
}
