using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Abi;

public class RevertDecoderTests
{
    private static readonly ContractAbi Abi = ContractAbi.Parse(JsonAbiTests.ArtifactJson);

    [Fact]
    public void Decodes_Error_string_encoded_by_cast()
    {
        byte[] data = Hex.Decode(Oracle.Cast("calldata", "Error(string)", "Not enough points"));
        DecodedError error = RevertDecoder.Decode(data);
        Assert.Equal(RevertKind.Error, error.Kind);
        Assert.True(error.IsKnown);
        Assert.Equal("Error", error.Name);
        Assert.Equal("Error(string)", error.Signature);
        Assert.Equal(Selector.Parse("0x08c379a0"), error.Selector);
        Assert.Equal("Not enough points", error.Message);
        Assert.Equal("Error(message=\"Not enough points\")", error.Description);
        Assert.Equal(data, error.RawData.ToArray());
    }

    [Theory]
    [InlineData(0x01, "Panic(0x01: assertion failed)")]
    [InlineData(0x11, "Panic(0x11: arithmetic underflow or overflow)")]
    [InlineData(0x12, "Panic(0x12: division or modulo by zero)")]
    [InlineData(0x21, "Panic(0x21: conversion into an invalid enum value)")]
    [InlineData(0x22, "Panic(0x22: access to an incorrectly encoded storage byte array)")]
    [InlineData(0x31, "Panic(0x31: pop() on an empty array)")]
    [InlineData(0x32, "Panic(0x32: array index out of bounds)")]
    [InlineData(0x41, "Panic(0x41: out of memory (allocation too large))")]
    [InlineData(0x51, "Panic(0x51: call to a zero-initialized internal function)")]
    [InlineData(0x99, "Panic(0x99: unknown panic code)")]
    public void Decodes_Panic_codes_with_their_meaning(int code, string description)
    {
        DecodedError error = RevertDecoder.Decode(AbiError.Panic.Encode([code]));
        Assert.Equal(RevertKind.Panic, error.Kind);
        Assert.Equal((BigInteger)code, error.PanicCode);
        Assert.Equal(description, error.Description);
    }

    [Fact]
    public void Panic_selector_matches_cast()
    {
        Assert.Equal(Oracle.Cast("calldata", "Panic(uint256)", "0x11"), Hex.Encode(AbiError.Panic.Encode([0x11])));
    }

    [Fact]
    public void Decodes_a_custom_error_from_the_contract_abi()
    {
        byte[] data = Hex.Decode(Oracle.Cast("calldata", "LedgerInsufficientPoints(address,uint256,uint256)", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "5", "10"));
        DecodedError error = Abi.DecodeRevert(data);
        Assert.Equal(RevertKind.Custom, error.Kind);
        Assert.Same(Abi.GetError("LedgerInsufficientPoints"), error.Error);
        Assert.Equal(["customer", "balance", "needed"], error.Arguments.Select(a => a.Name));
        Assert.Equal((BigInteger)10, error.Arguments[2].Value);
        Assert.Equal("LedgerInsufficientPoints(customer=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, balance=5, needed=10)", error.Description);
        Assert.Equal("LedgerPaused()", Abi.DecodeRevert(Abi.GetError("LedgerPaused").Selector.ToArray()).Description);
    }

    [Fact]
    public void Custom_errors_can_come_from_a_list()
    {
        var error = AbiError.Parse("error Expired(uint64 deadline, bytes32[] ids)");
        DecodedError decoded = RevertDecoder.Decode(error.Encode([1234UL, new object?[] { Bytes32.Zero }]), [error]);
        Assert.Equal($"Expired(deadline=1234, ids=[{Hex.Encode(new byte[32])}])", decoded.Description);
    }

    [Fact]
    public void Unknown_selector_is_a_result_with_the_raw_data()
    {
        byte[] data = Hex.Decode("0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001");
        DecodedError error = Abi.DecodeRevert(data);
        Assert.Equal(RevertKind.Unknown, error.Kind);
        Assert.False(error.IsKnown);
        Assert.Null(error.Name);
        Assert.Empty(error.Arguments);
        Assert.Equal(Selector.Parse("0xdeadbeef"), error.Selector);
        Assert.Equal("unknown error 0xdeadbeef (36 bytes: 0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001)", error.Description);
    }

    [Fact]
    public void Empty_short_and_malformed_data_never_throw()
    {
        Assert.Equal("empty revert data (no reason given)", RevertDecoder.Decode([]).Description);
        Assert.Equal(RevertKind.Empty, RevertDecoder.Decode([]).Kind);
        Assert.Equal("revert data shorter than a selector (2 bytes: 0x08c3)", RevertDecoder.Decode([0x08, 0xc3]).Description);
        DecodedError truncated = RevertDecoder.Decode(Hex.Decode("0x08c379a00000000000000000000000000000000000000000000000000000000000000020"));
        Assert.Equal(RevertKind.Unknown, truncated.Kind);
        Assert.Equal(
            "malformed Error(string) data: Cannot decode string at byte offset 32: needs 32 bytes but the data is 32 bytes long (36 bytes: 0x08c379a00000000000000000000000000000000000000000000000000000000000000020)",
            truncated.Description);
    }
}
