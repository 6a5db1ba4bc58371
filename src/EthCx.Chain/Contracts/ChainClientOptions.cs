using EthCx.Chain.Fees;

namespace EthCx.Chain.Contracts;

/// <summary>
/// Settings of a <see cref="ChainClient"/>: how long to wait for a receipt and how to poll for it,
/// the margin added to gas estimates, and how fees are suggested. Every setting has a documented
/// default and is checked when set.
/// </summary>
public sealed record ChainClientOptions
{
    /// <summary>
    /// How long <see cref="ChainClient.WaitForReceiptAsync"/> waits before it gives up with a
    /// <see cref="ReceiptTimeoutException"/>; 2 minutes by default (about ten Ethereum mainnet blocks).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or a negative duration.</exception>
    public TimeSpan ReceiptTimeout
    {
        get;
        init => field = Positive(value, nameof(ReceiptTimeout));
    } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The pause after the first poll that finds no receipt; 100 ms by default. The first poll is
    /// immediate (a development node mines on send), and each later pause is
    /// <see cref="ReceiptPollBackoffFactor"/> times the previous, up to <see cref="ReceiptPollMaxInterval"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or a negative duration.</exception>
    public TimeSpan ReceiptPollInitialInterval
    {
        get;
        init => field = Positive(value, nameof(ReceiptPollInitialInterval));
    } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between two receipt polls; 4 s by default. A shorter <see cref="ReceiptPollInitialInterval"/> is raised to it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or a negative duration.</exception>
    public TimeSpan ReceiptPollMaxInterval
    {
        get;
        init => field = Positive(value, nameof(ReceiptPollMaxInterval));
    } = TimeSpan.FromSeconds(4);

    /// <summary>How much each pause between receipt polls grows; 2 (doubling) by default, 1 for a fixed interval.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above 10.</exception>
    public double ReceiptPollBackoffFactor
    {
        get;
        init => field = value is >= 1 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(ReceiptPollBackoffFactor), value, "The back-off factor is between 1 and 10.");
    } = 2;

    /// <summary>
    /// The factor applied to <c>eth_estimateGas</c> to set a transaction's gas limit when the
    /// request leaves it open; 1.2 by default (20% head room for state that changes before mining).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above 10.</exception>
    public double GasMargin
    {
        get;
        init => field = value is >= 1 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(GasMargin), value, "The gas margin is between 1 and 10.");
    } = 1.2;

    /// <summary>How EIP-1559 fees are suggested from the node's fee history.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public FeeOptions Fees
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Fees));
    } = new();

    /// <summary>The clock for receipt time-outs, poll pauses and the fee cache; the system clock by default.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public TimeProvider TimeProvider
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(TimeProvider));
    } = TimeProvider.System;

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
