using System.Numerics;
using System.Text.Json;

namespace EthCx.Chain.Rpc;

/// <summary>Fee statistics for a range of blocks (<c>eth_feeHistory</c>).</summary>
/// <param name="OldestBlock">The first block of the range.</param>
/// <param name="BaseFeePerGas">The base fee of each block in the range, plus the next block's (one more entry than blocks).</param>
/// <param name="GasUsedRatio">Each block's gas used divided by its gas limit.</param>
/// <param name="Reward">For each block, the priority fee at each requested percentile; empty when no percentiles were asked for.</param>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Reward)
{
    /// <summary>Reads a fee-history object.</summary>
    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    internal static FeeHistory Read(JsonElement element, string path)
    {
        var reader = new RpcObjectReader(element, path);
        return new FeeHistory(
            reader.UInt64("oldestBlock"),
            reader.Array("baseFeePerGas", RpcJson.ReadQuantity),
            reader.Array("gasUsedRatio", ReadRatio),
            reader.OptionalArray<IReadOnlyList<BigInteger>>("reward", static (row, rowPath) => RpcJson.ReadArray(row, rowPath, RpcJson.ReadQuantity)));
    }

    private static double ReadRatio(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double ratio)
            ? ratio
            : throw new FormatException($"Field '{path}': expected a number, found {RpcJson.Describe(element)}.");
}
