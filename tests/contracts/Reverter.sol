// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Reverter
/// @notice Test contract that fails in each way EthCx decodes: Error(string), Panic(uint256),
/// a custom error with arguments, and an empty revert. Every function changes state when it
/// succeeds, so each can be sent as a transaction and mined with status 0 when it fails.
contract Reverter {
    /// @notice Raised by `withdraw` when the amount exceeds the count.
    /// @param account The caller.
    /// @param balance The count available.
    /// @param needed The amount asked for.
    error ReverterInsufficientBalance(address account, uint256 balance, uint256 needed);

    /// @notice Emitted by `touch`.
    /// @param by The caller.
    /// @param tag The caller's tag.
    /// @param count The new count.
    event Touched(address indexed by, uint256 indexed tag, uint256 count);

    /// @notice A counter every successful call changes.
    uint256 public count;

    /// @notice Adds one to the count and emits `Touched`.
    /// @param tag Any value, indexed in the event.
    function touch(uint256 tag) external {
        uint256 next = count + 1;
        count = next;
        emit Touched(msg.sender, tag, next);
    }

    /// @notice Sets the count to `value`; reverts with Error(string) when it exceeds `limit`.
    /// @param value The new count.
    /// @param limit The largest value accepted.
    function setAtMost(uint256 value, uint256 limit) external {
        require(value <= limit, "Reverter: over limit");
        count = value;
    }

    /// @notice Sets the count to `a / b`; panics with 0x12 when `b` is zero.
    /// @param a The dividend.
    /// @param b The divisor.
    /// @return quotient The new count.
    function divide(uint256 a, uint256 b) external returns (uint256 quotient) {
        quotient = a / b;
        count = quotient;
    }

    /// @notice Subtracts `amount` from the count; reverts with ReverterInsufficientBalance when it is larger.
    /// @param amount The amount to subtract.
    function withdraw(uint256 amount) external {
        uint256 balance = count;
        if (amount > balance) {
            revert ReverterInsufficientBalance(msg.sender, balance, amount);
        }
        count = balance - amount;
    }

    /// @notice Resets the count; reverts with no data when it is not `expected`.
    /// @param expected The count the caller believes is current.
    function reset(uint256 expected) external {
        if (count != expected) {
            revert();
        }
        count = 0;
    }
}
