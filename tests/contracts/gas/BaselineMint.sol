// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title BaselineMint
/// @notice The gas baseline of `scripts/gas` for LoyaltyPoints.award: OpenZeppelin's own ERC-20 mint behind a role
/// check, plus the one storage write that remembers the purchase reference (and refuses it a second time).
/// Test-only: nothing else, so that the comparison shows what LoyaltyPoints adds.
contract BaselineMint is ERC20, AccessControl {
    /// @notice The purchase reference was minted for before.
    /// @param ref The purchase reference.
    error BaselineRefUsed(bytes32 ref);

    /// @notice Role allowed to mint; keccak256("MINTER_ROLE").
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    mapping(bytes32 ref => bool used) private _used;

    /// @notice Deploys the token with `admin` as DEFAULT_ADMIN_ROLE (it grants MINTER_ROLE).
    /// @param admin The admin.
    constructor(address admin) ERC20("Baseline", "BASE") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Mints `amount` to `to` for the purchase `ref`, once per reference. MINTER_ROLE only.
    /// @param to The receiver.
    /// @param amount The amount.
    /// @param ref The purchase reference.
    function mint(address to, uint256 amount, bytes32 ref) external onlyRole(MINTER_ROLE) {
        if (_used[ref]) {
            revert BaselineRefUsed(ref);
        }
        _used[ref] = true;
        _mint(to, amount);
    }
}
