using System.Globalization;
using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Rpc;

public sealed class RpcQuantityTests
{
    [Theory]
    [InlineData("0x0", "0")]
    [InlineData("0x1", "1")]
    [InlineData("0x400", "1024")]
    [InlineData("0x7a69", "31337")]
    [InlineData("0x3b9aca00", "1000000000")]
    [InlineData("0x21e19e0c9bab2400000", "10000000000000000000000")]
    [InlineData("0xFF", "255")]
    [InlineData("0x8000000000000000", "9223372036854775808")]
    public void Parse_reads_spec_quantities(string text, string expected)
    {
        Assert.Equal(BigInteger.Parse(expected, CultureInfo.InvariantCulture), RpcQuantity.Parse(text));
    }

    [Fact]
    public void Parse_accepts_the_largest_uint256()
    {
        Assert.Equal(EvmInteger.MaxUInt256, RpcQuantity.Parse("0x" + new string('f', 64)));
    }

    [Theory]
    [InlineData("", "Quantity '' must start with 0x.")]
    [InlineData("400", "Quantity '400' must start with 0x.")]
    [InlineData("0X400", "Quantity '0X400' must start with 0x.")]
    [InlineData(" 0x1", "Quantity ' 0x1' must start with 0x.")]
    [InlineData("0x", "Quantity '0x' has no digits.")]
    [InlineData("0x0400", "Quantity '0x0400' has a leading zero.")]
    [InlineData("0x00", "Quantity '0x00' has a leading zero.")]
    [InlineData("0x4g0", "Quantity '0x4g0' has an invalid hex digit 'g' at position 3.")]
    [InlineData("0x-1", "Quantity '0x-1' has an invalid hex digit '-' at position 2.")]
    [InlineData("0x1 ", "Quantity '0x1 ' has an invalid hex digit ' ' at position 3.")]
    public void Parse_rejects_non_strict_quantities_saying_why(string text, string message)
    {
        FormatException error = Assert.Throws<FormatException>(() => RpcQuantity.Parse(text));

        Assert.Equal(message, error.Message);
        Assert.False(RpcQuantity.TryParse(text, out BigInteger value));
        Assert.Equal(BigInteger.Zero, value);
    }

    [Fact]
    public void Parse_rejects_more_than_256_bits()
    {
        string text = "0x1" + new string('0', 64);

        FormatException error = Assert.Throws<FormatException>(() => RpcQuantity.Parse(text));

        Assert.Equal($"Quantity '{text}' does not fit in 256 bits.", error.Message);
    }

    [Fact]
    public void Parse_quotes_at_most_80_characters_of_a_long_input()
    {
        string text = new('z', 10_000);

        FormatException error = Assert.Throws<FormatException>(() => RpcQuantity.Parse(text));

        Assert.Equal($"Quantity '{new string('z', 77)}...' must start with 0x.", error.Message);
    }

    [Fact]
    public void ParseUInt64_accepts_64_bits_and_rejects_65()
    {
        Assert.Equal(ulong.MaxValue, RpcQuantity.ParseUInt64("0xffffffffffffffff"));
        Assert.Equal(31337UL, RpcQuantity.ParseUInt64("0x7a69"));

        FormatException error = Assert.Throws<FormatException>(() => RpcQuantity.ParseUInt64("0x10000000000000000"));

        Assert.Equal("Quantity '0x10000000000000000' does not fit in 64 bits.", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("15")]
    [InlineData("255")]
    [InlineData("1024")]
    [InlineData("1000000000")]
    [InlineData("10000000000000000000000")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Format_matches_cast_to_hex_and_round_trips(string decimalText)
    {
        var value = BigInteger.Parse(decimalText, CultureInfo.InvariantCulture);

        string formatted = RpcQuantity.Format(value);

        Assert.Equal(Oracle.Cast("to-hex", decimalText), formatted);
        Assert.Equal(value, RpcQuantity.Parse(formatted));
    }

    [Fact]
    public void Format_of_ulong_has_no_leading_zeros()
    {
        Assert.Equal("0x0", RpcQuantity.Format(0UL));
        Assert.Equal("0x7a69", RpcQuantity.Format(31337UL));
        Assert.Equal("0xffffffffffffffff", RpcQuantity.Format(ulong.MaxValue));
    }

    [Fact]
    public void Format_rejects_negative_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RpcQuantity.Format(BigInteger.MinusOne));
    }

    [Fact]
    public void BlockParameter_writes_tags_and_numbers_and_defaults_to_latest()
    {
        Assert.Equal("latest", default(BlockParameter).ToString());
        Assert.Equal(BlockParameter.Latest, default);
        Assert.Equal("pending", BlockParameter.Pending.ToString());
        Assert.Equal("earliest", BlockParameter.Earliest.ToString());
        Assert.Equal("safe", BlockParameter.Safe.ToString());
        Assert.Equal("finalized", BlockParameter.Finalized.ToString());
        Assert.Equal("0x1b4", ((BlockParameter)436UL).ToString());
        Assert.Equal("0x0", BlockParameter.FromNumber(0).ToString());
        Assert.Equal(436UL, BlockParameter.FromNumber(436).BlockNumber);
        Assert.Null(BlockParameter.Pending.BlockNumber);
        Assert.NotEqual(BlockParameter.FromNumber(0), BlockParameter.Latest);
    }
}
