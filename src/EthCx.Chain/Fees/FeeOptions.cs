namespace EthCx.Chain.Fees;

/// <summary>
/// How <see cref="FeeOracle"/> suggests EIP-1559 fees: the priority fee is the median, over the
/// last <see cref="HistoryBlocks"/> blocks that held transactions, of the <see cref="RewardPercentile"/>
/// reward (<c>eth_feeHistory</c>); the fee cap is the next block's base fee times
/// <see cref="BaseFeeMultiplier"/> plus that priority fee. Every setting is checked when set.
/// </summary>
public sealed record FeeOptions
{
    /// <summary>How many recent blocks to sample; 10 by default (1 to 1024).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1..1024.</exception>
    public int HistoryBlocks
    {
        get;
        init => field = value is >= 1 and <= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(HistoryBlocks), value, "Between 1 and 1024 blocks can be sampled.");
    } = 10;

    /// <summary>Which percentile of each block's priority fees to sample; 50 (the median) by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 0..100.</exception>
    public double RewardPercentile
    {
        get;
        init => field = value is >= 0 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(RewardPercentile), value, "A percentile is between 0 and 100.");
    } = 50;

    /// <summary>
    /// The head room on the next block's base fee; 2 by default, which keeps a transaction valid
    /// through six consecutive full blocks (each may raise the base fee by 12.5%).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above 100.</exception>
    public double BaseFeeMultiplier
    {
        get;
        init => field = value is >= 1 and <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(BaseFeeMultiplier), value, "The base-fee multiplier is between 1 and 100.");
    } = 2;

    /// <summary>
    /// How long a suggestion is reused before the node is asked again; 2 s by default, zero to ask
    /// for every transaction. The <see cref="BaseFeeMultiplier"/> head room covers the base-fee
    /// changes of the blocks mined meanwhile.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative duration.</exception>
    public TimeSpan CacheDuration
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(CacheDuration), value, "The cache duration cannot be negative.");
    } = TimeSpan.FromSeconds(2);
}
