using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Services.Loyalty;

/// <summary>A purchase reference: the hash of the order id, under which a purchase earns points once.</summary>
/// <param name="Hash">The hash the contract stores.</param>
public readonly record struct PurchaseReference(Bytes32 Hash)
{
    /// <summary>The reference of an order: keccak256 of the order id's UTF-8 text (the id itself stays off chain).</summary>
    /// <param name="orderId">The order id, e.g. "ORD-2026-0001".</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The order id is empty.</exception>
    public static PurchaseReference FromOrderId(string orderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        return new PurchaseReference(Bytes32.Keccak(Encoding.UTF8.GetBytes(orderId)));
    }

    /// <inheritdoc/>
    public override string ToString() => Hash.ToString();
}

/// <summary>A reward reference: the hash of the off-chain reward record a redemption pays for.</summary>
/// <param name="Hash">The hash the contract logs.</param>
public readonly record struct RewardReference(Bytes32 Hash)
{
    /// <summary>The reference of a reward: keccak256 of its id's UTF-8 text.</summary>
    /// <param name="rewardId">The reward id, e.g. "VOUCHER-10EUR-0042".</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static RewardReference FromRewardId(string rewardId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rewardId);
        return new RewardReference(Bytes32.Keccak(Encoding.UTF8.GetBytes(rewardId)));
    }

    /// <inheritdoc/>
    public override string ToString() => Hash.ToString();
}

/// <summary>Whether an award call sent the award or found it already made.</summary>
public enum AwardOutcome
{
    /// <summary>This call awarded the points.</summary>
    Awarded,

    /// <summary>The purchase had already been awarded, with the same customer and points (a retry): nothing was sent, or the duplicate was refused by the contract.</summary>
    AlreadyAwarded,
}

/// <summary>The award of a purchase.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Purchase">The purchase.</param>
/// <param name="Points">The points awarded.</param>
/// <param name="Outcome">Whether this call made the award.</param>
/// <param name="Transaction">The transaction that made the award (an earlier one when already awarded).</param>
public sealed record AwardResult(Address Customer, PurchaseReference Purchase, long Points, AwardOutcome Outcome, TransactionSummary Transaction);

/// <summary>Whether a reversal call made the reversal or found it already made.</summary>
public enum ReversalOutcome
{
    /// <summary>This call reversed the purchase.</summary>
    Reversed,

    /// <summary>The purchase had already been reversed (a retry): nothing new was burned.</summary>
    AlreadyReversed,
}

/// <summary>The reversal of a purchase (a return): the points burned and the shortfall (points already redeemed).</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Purchase">The purchase.</param>
/// <param name="Burned">The points burned.</param>
/// <param name="Shortfall">The points the purchase earned that could not be burned.</param>
/// <param name="Outcome">Whether this call made the reversal.</param>
/// <param name="Transaction">The transaction that made the reversal.</param>
public sealed record ReversalResult(Address Customer, PurchaseReference Purchase, long Burned, long Shortfall, ReversalOutcome Outcome, TransactionSummary Transaction);

/// <summary>A redemption signed by the customer (EIP-712 <c>Redeem</c>) for one merchant to relay.</summary>
/// <param name="Customer">The customer who signed.</param>
/// <param name="Merchant">The merchant who may relay it.</param>
/// <param name="Points">The points to burn.</param>
/// <param name="Reward">The reward paid for.</param>
/// <param name="Deadline">The last time the signature is valid (chain time).</param>
/// <param name="Signature">The customer's signature.</param>
public sealed record SignedRedemption(Address Customer, Address Merchant, long Points, RewardReference Reward, DateTimeOffset Deadline, Signature Signature);

/// <summary>A redemption made.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Points">The points burned.</param>
/// <param name="Reward">The reward paid for.</param>
/// <param name="Transaction">The transaction.</param>
public sealed record RedemptionResult(Address Customer, long Points, RewardReference Reward, TransactionSummary Transaction);

/// <summary>A customer's tier: how many thresholds their lifetime earned points reach.</summary>
/// <param name="Level">0 below the first threshold, up to the number of thresholds.</param>
/// <param name="Threshold">The lifetime points of this tier; null for tier 0.</param>
/// <param name="NextThreshold">The lifetime points of the next tier; null at the top.</param>
public sealed record LoyaltyTier(int Level, long? Threshold, long? NextThreshold);

/// <summary>A customer's points.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Balance">The points they hold.</param>
/// <param name="LifetimeEarned">The points earned over time (awards minus reversals; redemptions do not count).</param>
/// <param name="Tier">The tier their lifetime points reach.</param>
public sealed record PointsAccount(Address Customer, long Balance, long LifetimeEarned, LoyaltyTier Tier)
{
    /// <summary>The points still needed for the next tier; null at the top.</summary>
    public long? PointsToNextTier => Tier.NextThreshold - LifetimeEarned;
}

/// <summary>What a purchase earned, as the contract records it.</summary>
/// <param name="Purchase">The purchase.</param>
/// <param name="Customer">The customer awarded.</param>
/// <param name="Points">The points it still counts; 0 once reversed.</param>
public sealed record PurchaseAward(PurchaseReference Purchase, Address Customer, long Points)
{
    /// <summary>Whether the purchase was reversed (a reversed purchase keeps its customer and counts 0 points).</summary>
    public bool Reversed => Points == 0;
}

/// <summary>
/// A purchase reference was already awarded on other terms (another customer or amount) or has been reversed: the
/// requested award cannot be made and is not a retry of the one on chain.
/// </summary>
public sealed class PurchaseAwardConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requested">The purchase reference asked for.</param>
    /// <param name="recorded">What the chain records for the reference.</param>
    /// <param name="requestedPoints">The points asked for.</param>
    /// <param name="requestedCustomer">The customer asked for.</param>
    public PurchaseAwardConflictException(PurchaseReference requested, PurchaseAward recorded, long requestedPoints, Address requestedCustomer)
        : base(recorded.Reversed
            ? $"Purchase {requested} was awarded to {recorded.Customer} and has since been reversed; it cannot earn points again."
            : $"Purchase {requested} was already awarded {recorded.Points} points to {recorded.Customer}; the request for {requestedPoints} points to {requestedCustomer} is not a retry of that award.")
    {
        Purchase = requested;
        Recorded = recorded;
    }

    /// <summary>The purchase.</summary>
    public PurchaseReference Purchase { get; }

    /// <summary>What the chain records for it.</summary>
    public PurchaseAward Recorded { get; }
}
