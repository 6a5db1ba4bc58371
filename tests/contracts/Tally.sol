// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Point} from "./ShapeTypes.sol";

/// @title Tally
/// @notice A small contract with one of each kind of ABI item. Its generated bindings are the code generator's
/// snapshot (tests/EthCx.Codegen.Tests/Generated/Tally), so that reviewers see every change to the output.
/// @dev Kept small on purpose: the whole generated output is meant to be read.
contract Tally {
    /// @notice How a mark was made.
    enum Mode {
        Manual,
        Automatic
    }

    /// @notice One mark on the tally.
    /// @param at Where the mark was made.
    /// @param weight How much the mark counts.
    struct Mark {
        Point at;
        uint32 weight;
    }

    /// @notice A mark was added.
    /// @param by The account that added it.
    /// @param label The label; indexed, so the log holds its hash.
    /// @param mark The mark.
    /// @param total The total weight after the mark.
    event Marked(address indexed by, string indexed label, Mark mark, uint256 total);

    /// @notice The weight is zero or above the limit.
    /// @param weight The weight given.
    /// @param limit The largest weight allowed.
    error TallyWeightOutOfRange(uint32 weight, uint32 limit);

    /// @notice The largest weight one mark may have.
    uint32 public immutable limit;

    uint256 private _total;
    Mode private _mode;

    /// @notice Deploys a tally that accepts weights from 1 to `limit_`.
    /// @param limit_ The largest weight one mark may have.
    constructor(uint32 limit_) {
        limit = limit_;
    }

    /// @notice Adds a mark.
    /// @dev Reverts with {TallyWeightOutOfRange} when the weight is 0 or above {limit}.
    /// @param label A label for the mark.
    /// @param m The mark.
    /// @return total The total weight after the mark.
    function mark(string calldata label, Mark calldata m) external returns (uint256 total) {
        if (m.weight == 0 || m.weight > limit) {
            revert TallyWeightOutOfRange(m.weight, limit);
        }
        total = _total + m.weight;
        _total = total;
        _mode = Mode.Manual;
        emit Marked(msg.sender, label, m, total);
    }

    /// @notice Adds a mark of weight 1 at the origin.
    /// @param label A label for the mark.
    /// @return total The total weight after the mark.
    function mark(string calldata label) external returns (uint256 total) {
        total = _total + 1;
        _total = total;
        _mode = Mode.Automatic;
        emit Marked(msg.sender, label, Mark(Point(0, 0), 1), total);
    }

    /// @notice Accepts a tip in ether; the tip does not count towards the total.
    function tip() external payable {}

    /// @notice The total weight and how the last mark was made.
    /// @return total The total weight.
    /// @return mode How the last mark was made.
    function totals() external view returns (uint256 total, Mode mode) {
        return (_total, _mode);
    }
}
