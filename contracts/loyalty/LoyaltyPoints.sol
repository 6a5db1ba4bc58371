// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {
    AccessControlDefaultAdminRules
} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Signatures} from "../common/Signatures.sol";
import {ILoyaltyPoints} from "./ILoyaltyPoints.sol";

/// @title LoyaltyPoints
/// @author EthCx
/// @notice Loyalty points earned per purchase, clawed back on return, redeemed by the customer; an ERC-20 with
/// 0 decimals and permit whose balances never move between holders.
/// @dev Storage and gas: a holder's balance and lifetime earned points share one slot ({Account}), so an award
/// writes the supply, that slot and the purchase slot (customer and points packed), the same number of writes as
/// OpenZeppelin's ERC-20 mint plus the one that remembers the purchase reference. To get there, {_update} keeps
/// the balances itself and {balanceOf} and {totalSupply} read them; OpenZeppelin's ERC20 balance and supply
/// storage stays unused. Allowances and permit are OpenZeppelin's (harmless: `transferFrom` reverts). The tier
/// thresholds are eight uint32 in one slot.
///
/// Invariants an overrider must keep: every mint is an award (so minting adds to lifetime earned points); a
/// holder's lifetime earned points are the sum of the points of their unreversed purchases; total supply is the
/// sum of balances = awarded - reversed (burned) - redeemed; no balance moves from one holder to another.
contract LoyaltyPoints is ILoyaltyPoints, ERC20Permit, AccessControlDefaultAdminRules, ReentrancyGuard {
    // ------------------------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------------------------

    /// @dev A holder's balance and lifetime earned points: one slot.
    struct Account {
        uint128 balance;
        uint128 lifetimeEarned;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Constants
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Role of merchants: award, reverse, relay signed redemptions; keccak256("MERCHANT_ROLE").
    bytes32 public constant MERCHANT_ROLE = keccak256("MERCHANT_ROLE");

    /// @notice EIP-712 type hash of a signed redemption.
    /// @dev keccak256("Redeem(address customer,address merchant,uint256 amount,bytes32 rewardRef,uint256 nonce,
    /// uint256 deadline)"), the type string on one line without the break.
    bytes32 public constant REDEEM_TYPEHASH = 0xfbcf3a3a3c7c92bdd59ed1c7f59f02203738335e4d9d013217ed585c6f4d0a7a;

    /// @notice The largest number of tiers above tier 0.
    uint256 public constant MAX_TIERS = 8;

    // ------------------------------------------------------------------------------------------------------------
    // Storage
    // ------------------------------------------------------------------------------------------------------------

    mapping(address holder => Account account) private _accounts;

    uint256 private _pointsSupply;

    mapping(bytes32 purchaseRef => Purchase purchase) private _purchases;

    uint32[MAX_TIERS] private _tierThresholds;

    // ------------------------------------------------------------------------------------------------------------
    // Construction
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Deploys the points token; the EIP-712 domain is (tokenName, "1").
    /// @param tokenName The ERC-20 name, also the EIP-712 domain name.
    /// @param tokenSymbol The ERC-20 symbol.
    /// @param initialAdminDelay Delay (seconds) of a DEFAULT_ADMIN_ROLE transfer.
    /// @param initialAdmin The first holder of DEFAULT_ADMIN_ROLE; it grants MERCHANT_ROLE and sets tiers.
    constructor(
        string memory tokenName,
        string memory tokenSymbol,
        uint48 initialAdminDelay,
        address initialAdmin
    )
        ERC20(tokenName, tokenSymbol)
        ERC20Permit(tokenName)
        AccessControlDefaultAdminRules(initialAdminDelay, initialAdmin)
    {
        // The base constructors set name, symbol, domain and admin; there is nothing else to set up.
    }

    // ------------------------------------------------------------------------------------------------------------
    // Operations
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ILoyaltyPoints
    function award(address customer, uint96 amount, bytes32 purchaseRef) external override onlyRole(MERCHANT_ROLE) {
        _award(customer, amount, purchaseRef);
    }

    /// @inheritdoc ILoyaltyPoints
    function awardBatch(Award[] calldata awards) external override onlyRole(MERCHANT_ROLE) {
        uint256 count = awards.length;
        if (count == 0) {
            revert LoyaltyEmptyBatch();
        }
        for (uint256 i = 0; i < count; ++i) {
            Award calldata item = awards[i];
            _award(item.customer, item.amount, item.purchaseRef);
        }
    }

    /// @inheritdoc ILoyaltyPoints
    function reverse(
        bytes32 purchaseRef
    ) external override onlyRole(MERCHANT_ROLE) returns (uint256 burned, uint256 shortfall) {
        Purchase storage purchase = _purchases[purchaseRef];
        address customer = purchase.customer;
        uint96 points = purchase.points;
        if (customer == address(0)) {
            revert LoyaltyUnknownPurchase(purchaseRef);
        }
        if (points == 0) {
            revert LoyaltyPurchaseAlreadyReversed(purchaseRef);
        }
        purchase.points = 0;

        Account storage account = _accounts[customer];
        uint256 balance = account.balance;
        burned = points < balance ? points : balance;
        if (burned != 0) {
            _burn(customer, burned);
        }
        unchecked {
            // burned <= points by the line above.
            shortfall = points - burned;
            // Lifetime earned points are the sum of the customer's unreversed purchases, this one included.
            account.lifetimeEarned -= points;
        }
        emit PointsReversed({
            customer: customer,
            purchaseRef: purchaseRef,
            merchant: msg.sender,
            burned: burned,
            shortfall: shortfall
        });
    }

    /// @inheritdoc ILoyaltyPoints
    function redeem(uint256 amount, bytes32 rewardRef) external override nonReentrant {
        _redeem(msg.sender, amount, rewardRef, address(0));
    }

    /// @inheritdoc ILoyaltyPoints
    function redeemBySig(
        address customer,
        uint256 amount,
        bytes32 rewardRef,
        uint256 deadline,
        bytes calldata signature
    ) external override nonReentrant onlyRole(MERCHANT_ROLE) {
        if (block.timestamp > deadline) {
            revert LoyaltyExpiredSignature(deadline);
        }
        bytes32 structHash = keccak256(
            abi.encode(REDEEM_TYPEHASH, customer, msg.sender, amount, rewardRef, _useNonce(customer), deadline)
        );
        if (!Signatures.isValidCalldata(customer, _hashTypedDataV4(structHash), signature)) {
            revert LoyaltyInvalidSignature(customer);
        }
        _redeem(customer, amount, rewardRef, msg.sender);
    }

    /// @inheritdoc ILoyaltyPoints
    function setTierThresholds(uint32[] calldata thresholds) external override onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 count = thresholds.length;
        if (count > MAX_TIERS) {
            revert LoyaltyTooManyTiers(count, MAX_TIERS);
        }
        uint32[MAX_TIERS] memory packed;
        uint32 previous = 0;
        for (uint256 i = 0; i < count; ++i) {
            uint32 threshold = thresholds[i];
            if (threshold <= previous) {
                revert LoyaltyTierThresholdsNotAscending(i, threshold);
            }
            packed[i] = threshold;
            previous = threshold;
        }
        _tierThresholds = packed;
        emit TierThresholdsSet(thresholds);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ILoyaltyPoints
    function purchaseOf(bytes32 purchaseRef) external view override returns (Purchase memory purchase) {
        purchase = _purchases[purchaseRef];
    }

    /// @inheritdoc ILoyaltyPoints
    function lifetimeEarnedOf(address customer) external view override returns (uint256 earned) {
        earned = _accounts[customer].lifetimeEarned;
    }

    /// @inheritdoc ILoyaltyPoints
    function tierOf(address customer) external view override returns (uint8 tier) {
        uint256 earned = _accounts[customer].lifetimeEarned;
        uint32[MAX_TIERS] memory thresholds = _tierThresholds;
        for (uint256 i = 0; i < MAX_TIERS; ++i) {
            uint32 threshold = thresholds[i];
            if (threshold == 0 || earned < threshold) {
                break;
            }
            // i + 1 <= MAX_TIERS = 8 fits in uint8.
            tier = uint8(i + 1);
        }
    }

    /// @inheritdoc ILoyaltyPoints
    function tierThresholds() external view override returns (uint32[] memory thresholds) {
        uint32[MAX_TIERS] memory stored = _tierThresholds;
        uint256 count = 0;
        while (count < MAX_TIERS && stored[count] != 0) {
            ++count;
        }
        thresholds = new uint32[](count);
        for (uint256 i = 0; i < count; ++i) {
            thresholds[i] = stored[i];
        }
    }

    /// @notice The points in circulation: awarded minus reversed (burned) minus redeemed.
    /// @return supply The total supply.
    function totalSupply() public view override returns (uint256 supply) {
        supply = _pointsSupply;
    }

    /// @notice The points `holder` holds.
    /// @param holder The holder.
    /// @return balance The balance.
    function balanceOf(address holder) public view override returns (uint256 balance) {
        balance = _accounts[holder].balance;
    }

    /// @notice Points have no fractional part.
    /// @return places Always 0.
    function decimals() public pure override returns (uint8 places) {
        places = 0;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Hooks
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Moves points (ERC20 hook).
    /// @dev The one hook that carries every balance change. Mints (awards) add to the balance and to the lifetime
    /// earned points in one slot write; burns (redemptions, reversals) take from the balance; holder-to-holder
    /// transfers revert.
    /// @param from The holder points leave; zero for a mint.
    /// @param to The holder points reach; zero for a burn.
    /// @param value The points.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0)) {
            _pointsSupply += value;
            uint128 amount = SafeCast.toUint128(value);
            Account storage account = _accounts[to];
            _accounts[to] = Account({
                balance: account.balance + amount,
                lifetimeEarned: account.lifetimeEarned + amount
            });
        } else if (to == address(0)) {
            Account storage account = _accounts[from];
            uint256 balance = account.balance;
            if (balance < value) {
                revert ERC20InsufficientBalance(from, balance, value);
            }
            unchecked {
                // value <= balance <= total supply; the difference fits in uint128 like the balance.
                account.balance = uint128(balance - value);
                _pointsSupply -= value;
            }
        } else {
            revert LoyaltyTransferNotAllowed(from, to);
        }
        emit Transfer(from, to, value);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Internal operations
    // ------------------------------------------------------------------------------------------------------------

    function _award(address customer, uint96 amount, bytes32 purchaseRef) private {
        if (amount == 0) {
            revert LoyaltyInvalidAmount(amount);
        }
        Purchase storage purchase = _purchases[purchaseRef];
        if (purchase.customer != address(0)) {
            revert LoyaltyPurchaseAlreadyAwarded(purchaseRef);
        }
        purchase.customer = customer;
        purchase.points = amount;
        _mint(customer, amount);
        emit PointsAwarded(customer, purchaseRef, msg.sender, amount);
    }

    function _redeem(address customer, uint256 amount, bytes32 rewardRef, address merchant) private {
        if (amount == 0) {
            revert LoyaltyInvalidAmount(amount);
        }
        _burn(customer, amount);
        emit PointsRedeemed(customer, rewardRef, merchant, amount);
    }
}
