// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ILoyaltyPoints
/// @author EthCx
/// @notice Loyalty points: an ERC-20 with 0 decimals and ERC-2612 permit, earned per purchase (exactly once),
/// clawed back on return, never moved between customers, redeemed by the customer or by the customer's EIP-712
/// signature relayed by a merchant, with tiers derived from lifetime earned points.
/// @dev Points move merchant -> customer (an award mints) and customer -> burn (a redemption or a reversal burns);
/// `transfer` and `transferFrom` revert with {LoyaltyTransferNotAllowed}. MERCHANT_ROLE (several merchants may form
/// a coalition) awards, reverses and relays signed redemptions; DEFAULT_ADMIN_ROLE (OpenZeppelin's two-step,
/// delayed admin transfer) grants merchants and sets tier thresholds. Signed redemptions use the EIP-712 domain of
/// the permit (name = token name, version "1") and share the permit's per-owner nonces.
interface ILoyaltyPoints {
    // ------------------------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------------------------

    /// @notice One award of a batch.
    /// @param customer The customer.
    /// @param amount The points the purchase earns; not zero.
    /// @param purchaseRef The purchase reference (hash of the order id); never awarded before.
    struct Award {
        address customer;
        uint96 amount;
        bytes32 purchaseRef;
    }

    /// @notice What a purchase earned (one storage slot).
    /// @param customer The customer awarded; zero when the reference was never awarded.
    /// @param points The points the purchase earned; 0 once reversed.
    struct Purchase {
        address customer;
        uint96 points;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Errors
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Points cannot move from one holder to another: only awards (mint) and burns exist.
    /// @param from The holder the points would leave.
    /// @param to The holder the points would reach.
    error LoyaltyTransferNotAllowed(address from, address to);

    /// @notice An award or redemption must move at least one point.
    /// @param amount The amount given.
    error LoyaltyInvalidAmount(uint256 amount);

    /// @notice A batch must hold at least one award.
    error LoyaltyEmptyBatch();

    /// @notice The purchase reference has already been awarded; a purchase earns once.
    /// @param purchaseRef The purchase reference.
    error LoyaltyPurchaseAlreadyAwarded(bytes32 purchaseRef);

    /// @notice The purchase reference was never awarded.
    /// @param purchaseRef The purchase reference.
    error LoyaltyUnknownPurchase(bytes32 purchaseRef);

    /// @notice The purchase has already been reversed.
    /// @param purchaseRef The purchase reference.
    error LoyaltyPurchaseAlreadyReversed(bytes32 purchaseRef);

    /// @notice More tier thresholds than the program supports.
    /// @param count The number given.
    /// @param maxTiers The maximum.
    error LoyaltyTooManyTiers(uint256 count, uint256 maxTiers);

    /// @notice Tier thresholds must be non-zero and strictly ascending.
    /// @param index The position of the first offending threshold.
    /// @param threshold The offending threshold.
    error LoyaltyTierThresholdsNotAscending(uint256 index, uint32 threshold);

    /// @notice The signed redemption's deadline has passed.
    /// @param deadline The deadline (Unix seconds) the customer set.
    error LoyaltyExpiredSignature(uint256 deadline);

    /// @notice The signature is not the customer's signature of the redemption with the customer's current nonce
    /// and the relaying merchant.
    /// @param customer The customer the message names.
    error LoyaltyInvalidSignature(address customer);

    // ------------------------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------------------------

    /// @notice A merchant awarded points for a purchase (the ERC-20 Transfer from zero is emitted as well).
    /// @param customer The customer.
    /// @param purchaseRef The purchase reference.
    /// @param merchant The awarding merchant.
    /// @param amount The points awarded.
    event PointsAwarded(
        address indexed customer,
        bytes32 indexed purchaseRef,
        address indexed merchant,
        uint256 amount
    );

    /// @notice A merchant reversed a purchase (a return): its points were burned as far as the balance allowed.
    /// @param customer The customer.
    /// @param purchaseRef The purchase reference.
    /// @param merchant The reversing merchant.
    /// @param burned The points burned.
    /// @param shortfall The points the purchase earned that could not be burned (already redeemed).
    event PointsReversed(
        address indexed customer,
        bytes32 indexed purchaseRef,
        address indexed merchant,
        uint256 burned,
        uint256 shortfall
    );

    /// @notice A customer redeemed (burned) points for a reward.
    /// @param customer The customer.
    /// @param rewardRef Reference of the reward (hash of the off-chain reward record).
    /// @param merchant The merchant that relayed the signed redemption; zero for a direct redemption.
    /// @param amount The points burned.
    event PointsRedeemed(
        address indexed customer,
        bytes32 indexed rewardRef,
        address indexed merchant,
        uint256 amount
    );

    /// @notice The admin set the tier thresholds.
    /// @param thresholds The lifetime-earned thresholds of tiers 1, 2, ...; empty means one tier (0) for all.
    event TierThresholdsSet(uint32[] thresholds);

    // ------------------------------------------------------------------------------------------------------------
    // Operations
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Awards points to `customer` for a purchase, once per purchase reference. MERCHANT_ROLE only.
    /// @param customer The customer.
    /// @param amount The points; not zero.
    /// @param purchaseRef The purchase reference (hash of the order id).
    function award(address customer, uint96 amount, bytes32 purchaseRef) external;

    /// @notice Awards several purchases; reverts as a whole if any reference was awarded. MERCHANT_ROLE only.
    /// @param awards The awards; at least one.
    function awardBatch(Award[] calldata awards) external;

    /// @notice Reverses a purchase (a return): burns the points it earned, or as many as the customer still holds,
    /// and removes them from the customer's lifetime earned points (a returned purchase earned nothing).
    /// MERCHANT_ROLE only.
    /// @param purchaseRef The purchase reference.
    /// @return burned The points burned.
    /// @return shortfall The points that could not be burned.
    function reverse(bytes32 purchaseRef) external returns (uint256 burned, uint256 shortfall);

    /// @notice Redeems (burns) the caller's points for a reward.
    /// @param amount The points; not zero.
    /// @param rewardRef Reference of the reward.
    function redeem(uint256 amount, bytes32 rewardRef) external;

    /// @notice Redeems `customer`'s points, relayed by the merchant the customer signed for: the EIP-712 message
    /// `Redeem(address customer,address merchant,uint256 amount,bytes32 rewardRef,uint256 nonce,uint256 deadline)`
    /// with `merchant` = the caller. MERCHANT_ROLE only.
    /// @dev The nonce is the customer's current {nonces} value (shared with permit) and is consumed.
    /// @param customer The customer who signed.
    /// @param amount The points; not zero.
    /// @param rewardRef Reference of the reward.
    /// @param deadline The last Unix time at which the signature is valid.
    /// @param signature The customer's signature: 65 bytes (r, s, v), or what the customer's ERC-1271 wallet accepts.
    function redeemBySig(
        address customer,
        uint256 amount,
        bytes32 rewardRef,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Sets the tier thresholds (lifetime earned points for tiers 1, 2, ...). DEFAULT_ADMIN_ROLE only.
    /// @param thresholds At most eight non-zero, strictly ascending thresholds; empty clears the tiers.
    function setTierThresholds(uint32[] calldata thresholds) external;

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @notice What a purchase earned.
    /// @param purchaseRef The purchase reference.
    /// @return purchase The customer and points (points 0 once reversed; all zero when never awarded).
    function purchaseOf(bytes32 purchaseRef) external view returns (Purchase memory purchase);

    /// @notice The points `customer` has earned over time: awards minus reversed awards; redemptions do not count.
    /// @param customer The customer.
    /// @return earned The lifetime earned points.
    function lifetimeEarnedOf(address customer) external view returns (uint256 earned);

    /// @notice The customer's tier: the number of thresholds their lifetime earned points reach.
    /// @param customer The customer.
    /// @return tier 0 below the first threshold, up to the number of thresholds.
    function tierOf(address customer) external view returns (uint8 tier);

    /// @notice The tier thresholds.
    /// @return thresholds The thresholds of tiers 1, 2, ...
    function tierThresholds() external view returns (uint32[] memory thresholds);
}
