using EthCx.Chain.Rpc;

namespace EthCx.Services;

/// <summary>Unix-time conversions and the chain's own clock (the latest block's timestamp).</summary>
internal static class ChainTime
{
    /// <summary>The timestamp of the latest block: the time the contracts compare deadlines and expiries with.</summary>
    public static async Task<DateTimeOffset> LatestBlockTimeAsync(EthRpcClient rpc, CancellationToken cancellationToken)
    {
        Block block = await rpc.GetBlockByNumberAsync(BlockParameter.Latest, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The node returned no latest block.");
        return FromUnixSeconds(block.Timestamp);
    }

    /// <summary>The timestamps of the given blocks, read in one JSON-RPC batch.</summary>
    public static async Task<IReadOnlyDictionary<ulong, DateTimeOffset>> BlockTimesAsync(EthRpcClient rpc, IEnumerable<ulong> blockNumbers, CancellationToken cancellationToken)
    {
        ulong[] numbers = [.. blockNumbers.Distinct()];
        var times = new Dictionary<ulong, DateTimeOffset>(numbers.Length);
        if (numbers.Length == 0)
        {
            return times;
        }

        var batch = new RpcBatch();
        var results = numbers.Select(number => batch.Add(EthRequests.GetBlockByNumber(number))).ToArray();
        await rpc.BatchAsync(batch, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < numbers.Length; i++)
        {
            Block block = results[i].Value ?? throw new InvalidOperationException($"The node has no block {numbers[i]}.");
            times[numbers[i]] = FromUnixSeconds(block.Timestamp);
        }

        return times;
    }

    public static DateTimeOffset FromUnixSeconds(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds(checked((long)seconds));

    public static ulong ToUnixSeconds(DateTimeOffset time, string parameterName)
    {
        long seconds = time.ToUnixTimeSeconds();
        return seconds >= 0 ? (ulong)seconds : throw new ArgumentOutOfRangeException(parameterName, time, "A time on chain is after 1970-01-01.");
    }

    public static ulong ToUInt40Seconds(DateTimeOffset time, string parameterName)
    {
        ulong seconds = ToUnixSeconds(time, parameterName);
        return seconds < 1UL << 40 ? seconds : throw new ArgumentOutOfRangeException(parameterName, time, "The time does not fit the contract's 40-bit Unix seconds.");
    }
}
