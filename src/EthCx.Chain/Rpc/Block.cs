using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>A block header with its transaction hashes (<c>eth_getBlockByNumber</c> without full transactions).</summary>
/// <param name="Number">The block number.</param>
/// <param name="Hash">The block hash, or <see langword="null"/> for a pending block.</param>
/// <param name="ParentHash">The parent block's hash.</param>
/// <param name="Timestamp">Seconds since the Unix epoch.</param>
/// <param name="BaseFeePerGas">The EIP-1559 base fee, or <see langword="null"/> before London.</param>
/// <param name="GasLimit">The block gas limit.</param>
/// <param name="GasUsed">The gas used by all its transactions.</param>
/// <param name="Miner">The fee recipient, or <see langword="null"/> for a pending block.</param>
/// <param name="StateRoot">The state trie root after the block.</param>
/// <param name="ExtraData">The extra-data field.</param>
/// <param name="TransactionHashes">The hashes of its transactions, in order.</param>
public sealed record Block(
    ulong Number,
    Bytes32? Hash,
    Bytes32 ParentHash,
    ulong Timestamp,
    BigInteger? BaseFeePerGas,
    ulong GasLimit,
    ulong GasUsed,
    Address? Miner,
    Bytes32 StateRoot,
    ReadOnlyMemory<byte> ExtraData,
    IReadOnlyList<Bytes32> TransactionHashes)
{
    /// <summary>Reads a block object whose <c>transactions</c> are hashes.</summary>
    /// <exception cref="FormatException">A field is missing or malformed (including full transaction objects); the message names it.</exception>
    internal static Block Read(JsonElement element, string path)
    {
        var reader = new RpcObjectReader(element, path);
        return new Block(
            reader.UInt64("number"),
            reader.OptionalBytes32("hash"),
            reader.Bytes32("parentHash"),
            reader.UInt64("timestamp"),
            reader.OptionalQuantity("baseFeePerGas"),
            reader.UInt64("gasLimit"),
            reader.UInt64("gasUsed"),
            reader.OptionalAddress("miner"),
            reader.Bytes32("stateRoot"),
            reader.Data("extraData"),
            reader.Array("transactions", RpcJson.ReadBytes32));
    }
}
