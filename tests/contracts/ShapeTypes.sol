// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A point on a grid. AbiShapes and Tally both use it, so its binding is generated once, in Shared.
/// @param x The column; negative to the left of the origin.
/// @param y The row; negative below the origin.
struct Point {
    int32 x;
    int32 y;
}
