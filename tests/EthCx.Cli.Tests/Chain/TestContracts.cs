using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Cli.Tests.Chain;

/// <summary>
/// Three contracts written as raw EVM code, so that the CLI tests need no compiler: each is the
/// runtime below behind a 12-byte constructor that copies it into place and returns it.
/// </summary>
internal static class TestContracts
{
    /// <summary>The event <see cref="Store"/> emits on every write.</summary>
    public static readonly AbiEvent Stored = AbiEvent.Parse("event Stored(uint256 value)");

    /// <summary>Returns its calldata after the 4-byte selector: a call's arguments come back as its outputs.</summary>
    /// <remarks>PUSH1 4, CALLDATASIZE, SUB, DUP1, PUSH1 4, PUSH1 0, CALLDATACOPY, PUSH1 0, RETURN.</remarks>
    public static readonly byte[] Echo = Hex.Decode("0x600436038060046000376000f3");

    /// <summary>Reverts with its whole calldata: calling it as <c>Error(string)</c> reverts with that error.</summary>
    /// <remarks>CALLDATASIZE, DUP1, PUSH1 0, PUSH1 0, CALLDATACOPY, PUSH1 0, REVERT.</remarks>
    public static readonly byte[] Reverter = Hex.Decode("0x368060006000376000fd");

    /// <summary>
    /// With at least 36 bytes of calldata, stores the word after the selector in slot 0 and emits
    /// <see cref="Stored"/> with it (any <c>set(uint256)</c>); with less, returns slot 0 (any <c>get()</c>).
    /// </summary>
    /// <remarks>
    /// PUSH1 0x24, CALLDATASIZE, LT, PUSH1 0x38, JUMPI; PUSH1 4, CALLDATALOAD, DUP1, PUSH1 0, SSTORE,
    /// PUSH1 0, MSTORE, PUSH32 topic, PUSH1 0x20, PUSH1 0, LOG1, STOP; JUMPDEST, PUSH1 0, SLOAD,
    /// PUSH1 0, MSTORE, PUSH1 0x20, PUSH1 0, RETURN.
    /// </remarks>
    public static readonly byte[] Store = Hex.Decode(
        "0x6024361060385760043580600055600052" + "7f" + Stored.Topic0.ToString()[2..] + "60206000a1005b60005460005260206000f3");

    /// <summary>The creation code that deploys <paramref name="runtime"/>.</summary>
    /// <remarks>PUSH2 length, DUP1, PUSH1 12, PUSH1 0, CODECOPY, PUSH1 0, RETURN, then the runtime.</remarks>
    public static byte[] CreationCode(byte[] runtime) =>
        [0x61, (byte)(runtime.Length >> 8), (byte)runtime.Length, 0x80, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, .. runtime];
}
