using System.Globalization;
using System.Numerics;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Fees;

/// <summary>
/// Suggests EIP-1559 fees from one <c>eth_feeHistory</c> request (see <see cref="FeeOptions"/>),
/// asking <c>eth_maxPriorityFeePerGas</c> only when none of the sampled blocks held a transaction.
/// A suggestion is reused for <see cref="FeeOptions.CacheDuration"/>. Thread-safe.
/// </summary>
public sealed class FeeOracle
{
    private readonly EthRpcClient _rpc;
    private readonly TimeProvider _timeProvider;
    private readonly double[] _percentiles;
    private CachedSuggestion? _cached;

    /// <summary>Creates an oracle for the node behind <paramref name="rpc"/>.</summary>
    /// <param name="rpc">The node.</param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock that ages cached suggestions; <see langword="null"/> for the system clock.</param>
    public FeeOracle(EthRpcClient rpc, FeeOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
        Options = options ?? new FeeOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _percentiles = [Options.RewardPercentile];
    }

    /// <summary>The settings.</summary>
    public FeeOptions Options { get; }

    /// <summary>Suggests fees for a transaction sent now, from the cache while it is fresh.</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The suggestion.</returns>
    /// <exception cref="RpcException">The node rejected <c>eth_feeHistory</c> (e.g. a node without EIP-1559).</exception>
    /// <exception cref="RpcTransportException">The node could not be reached.</exception>
    public async Task<FeeSuggestion> SuggestAsync(CancellationToken cancellationToken = default)
    {
        long now = _timeProvider.GetTimestamp();
        if (_cached is { } cached && _timeProvider.GetElapsedTime(cached.Timestamp, now) < Options.CacheDuration)
        {
            return cached.Suggestion;
        }

        FeeHistory history = await _rpc.FeeHistoryAsync((ulong)Options.HistoryBlocks, BlockParameter.Latest, _percentiles, cancellationToken).ConfigureAwait(false);
        BigInteger priorityFee = MedianReward(history) ?? await _rpc.MaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
        FeeSuggestion suggestion = Suggest(history, priorityFee, Options);
        _cached = new CachedSuggestion(suggestion, now);
        return suggestion;
    }

    /// <summary>Forgets the cached suggestion, so the next <see cref="SuggestAsync"/> asks the node.</summary>
    public void Invalidate() => _cached = null;

    /// <summary>
    /// The fees for the block after <paramref name="history"/>: its last base fee times
    /// <see cref="FeeOptions.BaseFeeMultiplier"/> (rounded up), plus <paramref name="priorityFee"/>.
    /// </summary>
    /// <param name="history">Fee history ending at the latest block (its last base fee is the next block's).</param>
    /// <param name="priorityFee">The tip to offer, e.g. <see cref="MedianReward"/>.</param>
    /// <param name="options">The settings.</param>
    /// <returns>The suggestion.</returns>
    /// <exception cref="ArgumentException">The history has no base fee, or the tip is negative.</exception>
    public static FeeSuggestion Suggest(FeeHistory history, BigInteger priorityFee, FeeOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (history.BaseFeePerGas.Count == 0)
        {
            throw new ArgumentException("The fee history holds no base fee, so the node does not support EIP-1559 fees.", nameof(history));
        }

        if (priorityFee < 0)
        {
            throw new ArgumentException($"The priority fee cannot be negative ({priorityFee.ToString(CultureInfo.InvariantCulture)}).", nameof(priorityFee));
        }

        BigInteger baseFee = history.BaseFeePerGas[^1];
        const long Scale = 1_000_000;
        var multiplier = new BigInteger(Math.Round(options.BaseFeeMultiplier * Scale));
        BigInteger cappedBaseFee = ((baseFee * multiplier) + Scale - 1) / Scale;
        return new FeeSuggestion(baseFee, priorityFee, cappedBaseFee + priorityFee);
    }

    /// <summary>
    /// The median of the sampled reward (the first percentile of each row) over the blocks that
    /// held transactions; <see langword="null"/> when none did.
    /// </summary>
    /// <param name="history">Fee history requested with at least one reward percentile.</param>
    /// <returns>The median tip, or <see langword="null"/>.</returns>
    public static BigInteger? MedianReward(FeeHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        List<BigInteger> samples = [];
        for (int i = 0; i < history.Reward.Count && i < history.GasUsedRatio.Count; i++)
        {
            if (history.GasUsedRatio[i] > 0 && history.Reward[i].Count > 0)
            {
                samples.Add(history.Reward[i][0]);
            }
        }

        if (samples.Count == 0)
        {
            return null;
        }

        samples.Sort();
        int middle = samples.Count / 2;
        return samples.Count % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2;
    }

    private sealed record CachedSuggestion(FeeSuggestion Suggestion, long Timestamp);
}
