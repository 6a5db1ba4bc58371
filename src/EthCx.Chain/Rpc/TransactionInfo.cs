using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>A transaction as a node reports it (<c>eth_getTransactionByHash</c>), mined or pending.</summary>
/// <param name="Hash">The transaction hash.</param>
/// <param name="Type">The transaction type (0 legacy, 1 EIP-2930, 2 EIP-1559, ...).</param>
/// <param name="ChainId">The chain id it is bound to, or <see langword="null"/> for a pre-EIP-155 legacy transaction.</param>
/// <param name="Nonce">The sender's nonce.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipient, or <see langword="null"/> for a contract creation.</param>
/// <param name="Value">The wei transferred.</param>
/// <param name="Gas">The gas limit.</param>
/// <param name="GasPrice">The gas price (legacy and EIP-2930), or the effective price nodes report for mined EIP-1559 transactions.</param>
/// <param name="MaxFeePerGas">The EIP-1559 fee cap, when the type has one.</param>
/// <param name="MaxPriorityFeePerGas">The EIP-1559 tip cap, when the type has one.</param>
/// <param name="Input">The calldata or init code.</param>
/// <param name="BlockHash">The block it was mined in, or <see langword="null"/> while pending.</param>
/// <param name="BlockNumber">That block's number, or <see langword="null"/> while pending.</param>
/// <param name="TransactionIndex">Its position in the block, or <see langword="null"/> while pending.</param>
public sealed record TransactionInfo(
    Bytes32 Hash,
    byte Type,
    ulong? ChainId,
    ulong Nonce,
    Address From,
    Address? To,
    BigInteger Value,
    ulong Gas,
    BigInteger? GasPrice,
    BigInteger? MaxFeePerGas,
    BigInteger? MaxPriorityFeePerGas,
    ReadOnlyMemory<byte> Input,
    Bytes32? BlockHash,
    ulong? BlockNumber,
    ulong? TransactionIndex)
{
    /// <summary>Reads a transaction object.</summary>
    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    internal static TransactionInfo Read(JsonElement element, string path)
    {
        var reader = new RpcObjectReader(element, path);
        return new TransactionInfo(
            reader.Bytes32("hash"),
            reader.OptionalByte("type") ?? 0,
            reader.OptionalUInt64("chainId"),
            reader.UInt64("nonce"),
            reader.Address("from"),
            reader.OptionalAddress("to"),
            reader.Quantity("value"),
            reader.UInt64("gas"),
            reader.OptionalQuantity("gasPrice"),
            reader.OptionalQuantity("maxFeePerGas"),
            reader.OptionalQuantity("maxPriorityFeePerGas"),
            reader.Data("input"),
            reader.OptionalBytes32("blockHash"),
            reader.OptionalUInt64("blockNumber"),
            reader.OptionalUInt64("transactionIndex"));
    }
}
