using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Primitives;

public class HexTests
{
    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("0x00ff10", new byte[] { 0, 255, 16 })]
    [InlineData("00FF10", new byte[] { 0, 255, 16 })]
    public void Decodes_with_or_without_prefix(string text, byte[] expected)
    {
        Assert.Equal(expected, Hex.Decode(text));
    }

    [Theory]
    [InlineData("0x12z4", "Invalid hex character 'z' at position 4.")]
    [InlineData("12z4", "Invalid hex character 'z' at position 2.")]
    [InlineData("0x123", "Hex has an odd number of digits (3).")]
    public void Names_the_position_of_a_bad_character(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Hex.Decode(text)).Message);
    }

    [Fact]
    public void Encodes_lower_case_with_prefix()
    {
        Assert.Equal("0x00abff", Hex.Encode([0x00, 0xAB, 0xFF]));
        Assert.Equal("00abff", Hex.Encode([0x00, 0xAB, 0xFF], prefix: false));
    }
}
