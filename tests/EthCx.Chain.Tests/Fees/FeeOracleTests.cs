using System.Numerics;
using EthCx.Chain.Fees;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Tests.Fees;

public class FeeOracleTests
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    [Fact]
    public void The_fee_cap_is_twice_the_next_base_fee_plus_the_tip_by_default()
    {
        FeeHistory history = History([10 * Gwei, 12 * Gwei], [0.9], [[2 * Gwei]]);

        FeeSuggestion suggestion = FeeOracle.Suggest(history, 2 * Gwei, new FeeOptions());

        Assert.Equal(new FeeSuggestion(12 * Gwei, 2 * Gwei, 26 * Gwei), suggestion);
    }

    [Fact]
    public void The_base_fee_multiplier_rounds_up()
    {
        FeeHistory history = History([7, 7], [0.5], [[0]]);

        Assert.Equal(new BigInteger(9 + 3), FeeOracle.Suggest(history, 3, new FeeOptions { BaseFeeMultiplier = 1.25 }).MaxFeePerGas);
        Assert.Equal(new BigInteger(7), FeeOracle.Suggest(history, 0, new FeeOptions { BaseFeeMultiplier = 1 }).MaxFeePerGas);
    }

    [Fact]
    public void The_tip_is_the_median_over_blocks_that_held_transactions()
    {
        FeeHistory history = History(
            [1, 1, 1, 1, 1, 1],
            [0.5, 0, 0.2, 0.9, 0.1],
            [[5 * Gwei], [0], [1 * Gwei], [3 * Gwei], [2 * Gwei]]);

        Assert.Equal(new BigInteger(2.5e9), FeeOracle.MedianReward(history));
        Assert.Equal(3 * Gwei, FeeOracle.MedianReward(history with { GasUsedRatio = [0.5, 0, 0.2, 0.9, 0], Reward = history.Reward }));
    }

    [Fact]
    public void Without_a_block_that_held_transactions_there_is_no_median_tip()
    {
        Assert.Null(FeeOracle.MedianReward(History([1, 1, 1], [0, 0], [[0], [0]])));
        Assert.Null(FeeOracle.MedianReward(History([1], [], [])));
    }

    [Fact]
    public void A_history_without_base_fees_or_a_negative_tip_is_refused()
    {
        ArgumentException noBaseFee = Assert.Throws<ArgumentException>(() => FeeOracle.Suggest(History([], [], []), 1, new FeeOptions()));
        ArgumentException negative = Assert.Throws<ArgumentException>(() => FeeOracle.Suggest(History([1], [], []), -1, new FeeOptions()));

        Assert.Equal("The fee history holds no base fee, so the node does not support EIP-1559 fees. (Parameter 'history')", noBaseFee.Message);
        Assert.Equal("The priority fee cannot be negative (-1). (Parameter 'priorityFee')", negative.Message);
    }

    [Fact]
    public void Options_are_checked_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeOptions { HistoryBlocks = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeOptions { HistoryBlocks = 1025 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeOptions { RewardPercentile = 100.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeOptions { BaseFeeMultiplier = 0.9 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeOptions { CacheDuration = TimeSpan.FromTicks(-1) });
        var defaults = new FeeOptions();
        Assert.Equal((10, 50.0, 2.0, TimeSpan.FromSeconds(2)), (defaults.HistoryBlocks, defaults.RewardPercentile, defaults.BaseFeeMultiplier, defaults.CacheDuration));
    }

    private static FeeHistory History(BigInteger[] baseFees, double[] ratios, BigInteger[][] rewards) =>
        new(1, baseFees, ratios, [.. rewards.Select(row => (IReadOnlyList<BigInteger>)row)]);
}
