// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ILoyaltyPoints} from "../../contracts/loyalty/ILoyaltyPoints.sol";

/// @title ReentrantRedeemer
/// @notice Test-only smart wallet that holds loyalty points and attacks LoyaltyPoints through the one external call
/// the token makes: when a merchant relays a redemption "signed" by this wallet, LoyaltyPoints asks it, by ERC-1271
/// `isValidSignature`, whether the signature is valid, and the wallet uses that moment to redeem again.
/// @dev `isValidSignature` is reached through a STATICCALL, so the nested redemption is attempted by STATICCALL too
/// (Solidity forbids a state-changing call from a view function). Without a reentrancy guard the nested redemption
/// would halt on its first storage write, with no revert data; with the guard it reverts with
/// `ReentrancyGuardReentrantCall()` before touching anything. The wallet's answer reveals which happened.
contract ReentrantRedeemer is IERC1271 {
    /// @notice Which redemption the wallet attempts from inside the signature check.
    enum Reentry {
        Redeem,
        RedeemBySig
    }

    /// @notice When the wallet answers that the signature is valid.
    enum Answer {
        /// Only when the nested redemption succeeded: the attack either works or the outer redemption fails.
        IfNestedSucceeded,
        /// Only when the nested redemption was refused by the reentrancy guard itself.
        IfGuardRefused
    }

    /// @notice The points token attacked.
    ILoyaltyPoints public immutable points;

    /// @notice The redemption attempted from inside the signature check.
    Reentry public reentry;

    /// @notice When the wallet accepts the signature.
    Answer public answer;

    /// @notice The points the nested redemption asks for.
    uint256 public nestedAmount;

    /// @notice Creates the wallet for a points token.
    /// @param points_ The points token.
    constructor(ILoyaltyPoints points_) {
        points = points_;
    }

    /// @notice Sets up the attack.
    /// @param reentry_ The nested redemption.
    /// @param answer_ When to accept the signature.
    /// @param nestedAmount_ The points the nested redemption asks for.
    function configure(Reentry reentry_, Answer answer_, uint256 nestedAmount_) external {
        reentry = reentry_;
        answer = answer_;
        nestedAmount = nestedAmount_;
    }

    /// @notice Redeems the wallet's own points directly (no reentrancy: the wallet is the caller).
    /// @param amount The points.
    /// @param rewardRef The reward reference.
    function redeem(uint256 amount, bytes32 rewardRef) external {
        points.redeem(amount, rewardRef);
    }

    /// @notice ERC-1271 check, abused to re-enter the points token.
    /// @return magicValue The ERC-1271 magic value when the configured condition holds, 0xffffffff otherwise.
    function isValidSignature(bytes32, bytes calldata) external view override returns (bytes4 magicValue) {
        bytes memory nested = reentry == Reentry.Redeem
            ? abi.encodeCall(ILoyaltyPoints.redeem, (nestedAmount, bytes32("nested")))
            : abi.encodeCall(
                ILoyaltyPoints.redeemBySig,
                (address(this), nestedAmount, bytes32("nested"), type(uint256).max, new bytes(65))
            );
        (bool succeeded, bytes memory returned) = address(points).staticcall(nested);
        bool guardRefused = !succeeded &&
            returned.length == 4 &&
            bytes4(returned) == ReentrancyGuard.ReentrancyGuardReentrantCall.selector;
        bool accept = answer == Answer.IfNestedSucceeded ? succeeded : guardRefused;
        magicValue = accept ? IERC1271.isValidSignature.selector : bytes4(0xffffffff);
    }
}
