// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Counter
/// @notice The smallest useful contract: the foundation's demo deploys it and counts.
contract Counter {
    /// @notice Emitted when the count changes.
    /// @param by The account that changed it.
    /// @param count The new count.
    event Counted(address indexed by, uint256 count);

    /// @notice The current count.
    uint256 public count;

    /// @notice Adds one to the count.
    function increment() external {
        uint256 next = count + 1;
        count = next;
        emit Counted(msg.sender, next);
    }
}
