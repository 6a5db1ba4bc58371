using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>An event log as a node reports it in a receipt or from <c>eth_getLogs</c>.</summary>
/// <param name="Address">The contract that emitted the log.</param>
/// <param name="Topics">Zero to four indexed topics; topic 0 is usually the event signature hash.</param>
/// <param name="Data">The ABI-encoded non-indexed arguments.</param>
/// <param name="BlockNumber">The block the log is in.</param>
/// <param name="BlockHash">The hash of that block.</param>
/// <param name="TransactionHash">The transaction that emitted the log.</param>
/// <param name="TransactionIndex">The transaction's position in the block.</param>
/// <param name="LogIndex">The log's position in the block.</param>
/// <param name="Removed">Whether a reorganisation removed the log (filters only).</param>
public sealed record Log(
    Address Address,
    IReadOnlyList<Bytes32> Topics,
    ReadOnlyMemory<byte> Data,
    ulong BlockNumber,
    Bytes32 BlockHash,
    Bytes32 TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex,
    bool Removed)
{
    /// <summary>Reads a log object.</summary>
    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    internal static Log Read(JsonElement element, string path)
    {
        var reader = new RpcObjectReader(element, path);
        return new Log(
            reader.Address("address"),
            reader.Array("topics", RpcJson.ReadBytes32),
            reader.Data("data"),
            reader.UInt64("blockNumber"),
            reader.Bytes32("blockHash"),
            reader.Bytes32("transactionHash"),
            reader.UInt64("transactionIndex"),
            reader.UInt64("logIndex"),
            reader.OptionalBoolean("removed"));
    }
}
