using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using EthCx.Chain.Contracts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.Bindings;
using EthCx.Contracts.LoyaltyPoints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EthCx.Services.Loyalty;

/// <summary>
/// Loyalty points in the merchant's terms: award for a purchase exactly once (however often the caller retries,
/// concurrently or after a crash), reverse on return, redeem by the customer's signature, read balance and tier.
/// Writes run as the client's signer, a merchant (MERCHANT_ROLE) except for <see cref="RedeemAsync"/>, which the
/// customer sends.
/// </summary>
/// <remarks>
/// Exactly once: the contract refuses a second award of a reference (<c>LoyaltyPurchaseAlreadyAwarded</c>), and that
/// refusal is read back: an existing award with the same customer and points is the answer
/// (<see cref="AwardOutcome.AlreadyAwarded"/>, with the original transaction), other terms are a
/// <see cref="PurchaseAwardConflictException"/>; a duplicate refused while the original is still pending waits (up to
/// the client's receipt time-out) for it to be mined. Concurrent calls for one reference in this process share one
/// attempt, made under the first caller's cancellation token; each caller stops waiting when its own token is
/// cancelled, and a caller whose shared attempt was cancelled by another caller's token makes an attempt of its own.
/// <para>
/// Speed: a first award is one transaction and its receipt, nothing more: no read before it and no gas estimate
/// (the gas limit is the worst case of an award, estimated once per service, see <see cref="AwardForPurchaseAsync"/>).
/// A reference this service has already attempted (a retry) is read first (<c>purchaseOf</c>), so a retry in the
/// same process sends nothing. A retry from another process (after a crash) sends one transaction that the contract
/// refuses: it costs that transaction's gas and changes nothing.
/// </para>
/// </remarks>
public sealed partial class LoyaltyService
{
    /// <summary>
    /// What an award costs more when the points supply is zero (a zero-to-nonzero write instead of a nonzero one,
    /// EIP-2929/EIP-2200: 22,100 - 5,000 gas), which the once-made estimate of <see cref="AwardGasLimitAsync"/> may not have seen.
    /// </summary>
    private const ulong ZeroSupplySurcharge = 17_100;

    /// <summary>How many references <see cref="_attempted"/> remembers; older ones are read back from the contract's refusal instead.</summary>
    private const int AttemptedCapacity = 100_000;

    private readonly LoyaltyPointsService _points;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Bytes32, Lazy<Task<AwardResult>>> _awardsInFlight = new();
    private readonly RecentSet<Bytes32> _attempted = new(AttemptedCapacity);
    private readonly TypedMessageSigner _messages;
    private long _awardGasLimit;

    /// <summary>Creates the service for the points contract at <paramref name="points"/>.</summary>
    /// <param name="client">The client; its signer is the merchant (or, for <see cref="RedeemAsync"/>, the customer).</param>
    /// <param name="points">The <c>LoyaltyPoints</c> address.</param>
    /// <param name="logger">Receives one line per change.</param>
    public LoyaltyService(ChainClient client, Address points, ILogger<LoyaltyService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _points = new LoyaltyPointsService(client, points);
        _messages = new TypedMessageSigner(_points.ContractHandler);
        _logger = logger ?? NullLogger<LoyaltyService>.Instance;
    }

    /// <summary>The points contract's address.</summary>
    public Address Contract => _points.ContractAddress;

    /// <summary>Awards points for a purchase, exactly once per purchase reference (see the class remarks).</summary>
    /// <remarks>
    /// The gas limit of every award is the estimate of an award to a new customer (whose balance slot, like the
    /// purchase slot, goes from zero to nonzero: the dearest case) with calldata of no zero byte (the largest points),
    /// plus <see cref="ZeroSupplySurcharge"/>, times the client's <see cref="ChainClientOptions.GasMargin"/>; made by the
    /// first award of this service. Only the gas used is paid, so the head room costs nothing.
    /// </remarks>
    /// <param name="customer">The customer.</param>
    /// <param name="purchase">The purchase.</param>
    /// <param name="points">The points the purchase earns; at least 1.</param>
    /// <param name="cancellationToken">Cancels the requests (a sent transaction is not recalled; retrying is safe).</param>
    /// <returns>The award, made now or found made earlier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The points are not positive.</exception>
    /// <exception cref="PurchaseAwardConflictException">The purchase was awarded on other terms, or reversed.</exception>
    /// <exception cref="AccessControlUnauthorizedAccountException">The client's signer is not a merchant.</exception>
    public async Task<AwardResult> AwardForPurchaseAsync(Address customer, PurchaseReference purchase, long points, CancellationToken cancellationToken = default)
    {
        if (points <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "A purchase earns at least 1 point.");
        }

        while (true)
        {
            Lazy<Task<AwardResult>>? attempt = null;
            attempt = new Lazy<Task<AwardResult>>(() => SharedAttemptAsync(attempt!, customer, purchase, points, cancellationToken));
            Lazy<Task<AwardResult>> shared = _awardsInFlight.GetOrAdd(purchase.Hash, attempt);
            try
            {
                AwardResult result = await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
                return result.Customer == customer && result.Points == points
                    ? result
                    : throw new PurchaseAwardConflictException(purchase, new PurchaseAward(purchase, result.Customer, result.Points), points, customer);
            }
            catch (OperationCanceledException) when (shared != attempt && !cancellationToken.IsCancellationRequested)
            {
                // The caller whose attempt this one joined was cancelled, not this one: make an attempt of its own
                // (a retry: it reads the award first, or has its duplicate refused).
            }
        }
    }

    /// <summary>Reverses a purchase (a return): burns the points it earned, or as many as the customer still holds. A repeated reversal returns the first one.</summary>
    /// <param name="purchase">The purchase.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The reversal, made now or found made earlier.</returns>
    /// <exception cref="LoyaltyUnknownPurchaseException">The purchase was never awarded.</exception>
    /// <exception cref="AccessControlUnauthorizedAccountException">The client's signer is not a merchant.</exception>
    public async Task<ReversalResult> ReverseAsync(PurchaseReference purchase, CancellationToken cancellationToken = default)
    {
        try
        {
            TransactionReceipt receipt = await _points.ReverseRequestAndWaitForReceiptAsync(purchase.Hash, cancellationToken).ConfigureAwait(false);
            PointsReversedEventDto reversed = _points.DecodePointsReversedEvents(receipt).Single().Event;
            LogReversed(_logger, purchase, reversed.Customer, reversed.Burned, reversed.Shortfall, receipt.TransactionHash);
            return new ReversalResult(reversed.Customer, purchase, (long)reversed.Burned, (long)reversed.Shortfall, ReversalOutcome.Reversed, TransactionSummary.From(receipt));
        }
        catch (LoyaltyPurchaseAlreadyReversedException)
        {
            var filter = new PointsReversedEventFilter { PurchaseRef = [purchase.Hash] };
            IReadOnlyList<EventLog<PointsReversedEventDto>> reversals = await _points.GetPointsReversedEventsAsync(filter, BlockParameter.Earliest, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
            EventLog<PointsReversedEventDto> earlier = reversals.Count > 0
                ? reversals[0]
                : throw new InvalidOperationException($"The contract refuses purchase {purchase} as already reversed, but the node has no mined PointsReversed log of it (is the reversal still pending?).");
            TransactionSummary transaction = await SummaryAsync(earlier.Log.TransactionHash, cancellationToken).ConfigureAwait(false);
            return new ReversalResult(earlier.Event.Customer, purchase, (long)earlier.Event.Burned, (long)earlier.Event.Shortfall, ReversalOutcome.AlreadyReversed, transaction);
        }
    }

    /// <summary>Redeems points as the customer, who is the client's signer and pays the gas.</summary>
    /// <param name="points">The points to burn; at least 1.</param>
    /// <param name="reward">The reward paid for.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The redemption.</returns>
    /// <exception cref="ERC20InsufficientBalanceException">The customer holds fewer points.</exception>
    public async Task<RedemptionResult> RedeemAsync(long points, RewardReference reward, CancellationToken cancellationToken = default)
    {
        RequirePositive(points);
        Address customer = _points.Client.Signer?.Address ?? throw new InvalidOperationException("Redeeming needs a client with the customer's signer.");
        TransactionReceipt receipt = await _points.RedeemRequestAndWaitForReceiptAsync(points, reward.Hash, cancellationToken).ConfigureAwait(false);
        LogRedeemed(_logger, customer, points, receipt.TransactionHash);
        return new RedemptionResult(customer, points, reward, TransactionSummary.From(receipt));
    }

    /// <summary>Signs a redemption as the customer (in their wallet) for the given merchant to relay with <see cref="RedeemBySignatureAsync"/>.</summary>
    /// <param name="customer">The customer's signer.</param>
    /// <param name="merchant">The merchant who will relay it (only that merchant can).</param>
    /// <param name="points">The points to burn; at least 1.</param>
    /// <param name="reward">The reward paid for.</param>
    /// <param name="deadline">The last time the signature is valid; default: one hour after the latest block.</param>
    /// <param name="nonce">The customer's nonce to sign (shared with ERC-2612 permit); default: their current one.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The signed redemption.</returns>
    public async Task<SignedRedemption> SignRedemptionAsync(ISigner customer, Address merchant, long points, RewardReference reward, DateTimeOffset? deadline = null, ulong? nonce = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        RequirePositive(points);
        (Signature signature, DateTimeOffset until) = await _messages.SignAsync(customer, "Redeem",
        [
            new("customer", "address", customer.Address),
            new("merchant", "address", merchant),
            new("amount", "uint256", points),
            new("rewardRef", "bytes32", reward.Hash),
        ], deadline, nonce, cancellationToken).ConfigureAwait(false);
        return new SignedRedemption(customer.Address, merchant, points, reward, until, signature);
    }

    /// <summary>Relays a signed redemption as the merchant it names (the client's signer), so the customer needs no ether.</summary>
    /// <param name="redemption">The signed redemption.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The redemption.</returns>
    /// <exception cref="LoyaltyInvalidSignatureException">The signature is not the customer's for this merchant, amount, reward and their current nonce.</exception>
    /// <exception cref="LoyaltyExpiredSignatureException">The deadline has passed.</exception>
    /// <exception cref="ERC20InsufficientBalanceException">The customer holds fewer points.</exception>
    public async Task<RedemptionResult> RedeemBySignatureAsync(SignedRedemption redemption, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redemption);
        TransactionReceipt receipt = await _points.RedeemBySigRequestAndWaitForReceiptAsync(
            redemption.Customer, redemption.Points, redemption.Reward.Hash, ChainTime.ToUnixSeconds(redemption.Deadline, nameof(redemption)), redemption.Signature.ToBytes(), cancellationToken).ConfigureAwait(false);
        LogRedeemed(_logger, redemption.Customer, redemption.Points, receipt.TransactionHash);
        return new RedemptionResult(redemption.Customer, redemption.Points, redemption.Reward, TransactionSummary.From(receipt));
    }

    /// <summary>A customer's balance, lifetime earned points and tier, read in one JSON-RPC batch.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The account.</returns>
    public async Task<PointsAccount> GetAccountAsync(Address customer, CancellationToken cancellationToken = default)
    {
        Task<BigInteger> balance = _points.BalanceOfQueryAsync(customer, BlockParameter.Latest, cancellationToken);
        Task<BigInteger> lifetime = _points.LifetimeEarnedOfQueryAsync(customer, BlockParameter.Latest, cancellationToken);
        Task<LoyaltyTier> tier = GetTierAsync(customer, cancellationToken);
        await Task.WhenAll(balance, lifetime, tier).ConfigureAwait(false);
        return new PointsAccount(customer, (long)balance.Result, (long)lifetime.Result, tier.Result);
    }

    /// <summary>A customer's tier and the thresholds around it.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tier.</returns>
    public async Task<LoyaltyTier> GetTierAsync(Address customer, CancellationToken cancellationToken = default)
    {
        Task<byte> level = _points.TierOfQueryAsync(customer, BlockParameter.Latest, cancellationToken);
        Task<IReadOnlyList<uint>> thresholds = _points.TierThresholdsQueryAsync(BlockParameter.Latest, cancellationToken);
        await Task.WhenAll(level, thresholds).ConfigureAwait(false);
        int tier = level.Result;
        IReadOnlyList<uint> limits = thresholds.Result;
        return new LoyaltyTier(tier, tier == 0 ? null : limits[tier - 1], tier < limits.Count ? limits[tier] : null);
    }

    /// <summary>
    /// The award of a purchase already made on these terms, read from the chain, or null when there is none yet. A
    /// short-lived caller (a command line, a script) calls it before <see cref="AwardForPurchaseAsync"/> so that its
    /// retry sends nothing: each run is a new process, to which every award would otherwise look like a first one and
    /// send a transaction the contract refuses.
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <param name="purchase">The purchase.</param>
    /// <param name="points">The points the purchase earns.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The earlier award (<see cref="AwardOutcome.AlreadyAwarded"/>, with its transaction), or null.</returns>
    /// <exception cref="PurchaseAwardConflictException">The purchase was awarded on other terms, or reversed.</exception>
    public Task<AwardResult?> FindAwardAsync(Address customer, PurchaseReference purchase, long points, CancellationToken cancellationToken = default) =>
        EarlierAwardAsync(customer, purchase, points, cancellationToken);

    /// <summary>What a purchase earned, or null when it was never awarded.</summary>
    /// <param name="purchase">The purchase.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The award record, or null.</returns>
    public async Task<PurchaseAward?> GetPurchaseAsync(PurchaseReference purchase, CancellationToken cancellationToken = default)
    {
        Purchase recorded = await _points.PurchaseOfQueryAsync(purchase.Hash, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        return recorded.Customer.IsZero ? null : new PurchaseAward(purchase, recorded.Customer, (long)recorded.Points);
    }

    private static void RequirePositive(long points)
    {
        if (points <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "A redemption burns at least 1 point.");
        }
    }

    /// <summary>One attempt that concurrent calls share; it leaves <see cref="_awardsInFlight"/> when it ends, whoever still waits for it.</summary>
    private async Task<AwardResult> SharedAttemptAsync(Lazy<Task<AwardResult>> self, Address customer, PurchaseReference purchase, long points, CancellationToken cancellationToken)
    {
        try
        {
            return await AwardOnceAsync(customer, purchase, points, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _awardsInFlight.TryRemove(new KeyValuePair<Bytes32, Lazy<Task<AwardResult>>>(purchase.Hash, self));
        }
    }

    private async Task<AwardResult> AwardOnceAsync(Address customer, PurchaseReference purchase, long points, CancellationToken cancellationToken)
    {
        if (!_attempted.Add(purchase.Hash) && await EarlierAwardAsync(customer, purchase, points, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        try
        {
            ulong gas = await AwardGasLimitAsync(cancellationToken).ConfigureAwait(false);
            TransactionReceipt receipt = await _points.AwardRequestAndWaitForReceiptAsync(new AwardFunction(customer, points, purchase.Hash) { Gas = gas }, cancellationToken).ConfigureAwait(false);
            LogAwarded(_logger, points, customer, purchase, receipt.TransactionHash);
            return new AwardResult(customer, purchase, points, AwardOutcome.Awarded, TransactionSummary.From(receipt));
        }
        catch (LoyaltyPurchaseAlreadyAwardedException)
        {
            // Awarded before (a retry from another process or after a crash), or by a concurrent attempt elsewhere: the
            // contract refused this transaction when it was mined.
            return await AwaitEarlierAwardAsync(customer, purchase, points, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Random bytes none of which is zero (a zero calldata byte costs 4 gas instead of 16, which would make an estimate too low).</summary>
    private static byte[] NonZeroRandomBytes(int length)
    {
        byte[] bytes = RandomNumberGenerator.GetBytes(length);
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] |= 1;
        }

        return bytes;
    }

    /// <summary>The gas limit of an award (see <see cref="AwardForPurchaseAsync"/>), estimated by the first call; a refused estimate (e.g. the signer is no merchant) throws the decoded error and is not kept.</summary>
    private async Task<ulong> AwardGasLimitAsync(CancellationToken cancellationToken)
    {
        long known = Volatile.Read(ref _awardGasLimit);
        if (known > 0)
        {
            return (ulong)known;
        }

        // A fresh customer and reference (zero slots), and the largest points: every calldata byte nonzero, the dearest case.
        ulong estimate = await _points.AwardEstimateGasAsync(Address.FromBytes(NonZeroRandomBytes(Address.Length)), long.MaxValue, Bytes32.FromBytes(NonZeroRandomBytes(Bytes32.Length)), cancellationToken).ConfigureAwait(false);
        ulong limit = (ulong)Math.Ceiling((estimate + ZeroSupplySurcharge) * _points.Client.Options.GasMargin);
        Volatile.Write(ref _awardGasLimit, (long)limit);
        return limit;
    }

    private async Task<AwardResult> AwaitEarlierAwardAsync(Address customer, PurchaseReference purchase, long points, CancellationToken cancellationToken)
    {
        ChainClientOptions options = _points.Client.Options;
        long start = options.TimeProvider.GetTimestamp();
        while (true)
        {
            if (await EarlierAwardAsync(customer, purchase, points, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                return earlier;
            }

            if (options.TimeProvider.GetElapsedTime(start) > options.ReceiptTimeout)
            {
                throw new InvalidOperationException($"The contract refused purchase {purchase} as already awarded, but no award of it was mined within {options.ReceiptTimeout}.");
            }

            await Task.Delay(options.ReceiptPollInitialInterval, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AwardResult?> EarlierAwardAsync(Address customer, PurchaseReference purchase, long points, CancellationToken cancellationToken)
    {
        PurchaseAward? recorded = await GetPurchaseAsync(purchase, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            return null;
        }

        if (recorded.Customer != customer || recorded.Points != points)
        {
            throw new PurchaseAwardConflictException(purchase, recorded, points, customer);
        }

        var filter = new PointsAwardedEventFilter { Customer = [customer], PurchaseRef = [purchase.Hash] };
        EventLog<PointsAwardedEventDto> award = (await _points.GetPointsAwardedEventsAsync(filter, BlockParameter.Earliest, BlockParameter.Latest, cancellationToken).ConfigureAwait(false)).SingleOrDefault()
            ?? throw new InvalidOperationException($"The contract records purchase {purchase} as awarded to {customer}, but the node returned no PointsAwarded log of it.");
        LogAlreadyAwarded(_logger, purchase, award.Log.TransactionHash);
        return new AwardResult(customer, purchase, points, AwardOutcome.AlreadyAwarded, await SummaryAsync(award.Log.TransactionHash, cancellationToken).ConfigureAwait(false));
    }

    private async Task<TransactionSummary> SummaryAsync(Bytes32 transactionHash, CancellationToken cancellationToken) =>
        TransactionSummary.From(await _points.Client.Rpc.GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The node has a log of transaction {transactionHash} but not its receipt."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Awarded {Points} points to {Customer} for purchase {Purchase} (transaction {Transaction})")]
    private static partial void LogAwarded(ILogger logger, long points, Address customer, PurchaseReference purchase, Bytes32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase {Purchase} was already awarded (transaction {Transaction}); nothing sent")]
    private static partial void LogAlreadyAwarded(ILogger logger, PurchaseReference purchase, Bytes32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reversed purchase {Purchase} of {Customer}: {Burned} points burned, {Shortfall} short (transaction {Transaction})")]
    private static partial void LogReversed(ILogger logger, PurchaseReference purchase, Address customer, BigInteger burned, BigInteger shortfall, Bytes32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Customer} redeemed {Points} points (transaction {Transaction})")]
    private static partial void LogRedeemed(ILogger logger, Address customer, long points, Bytes32 transaction);
}
