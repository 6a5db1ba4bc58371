using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Primitives;

public class AddressTests
{
    // The EIP-55 specification's examples.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")] // all caps is a valid checksum
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")] // so is all lower
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void Round_trips_eip55_examples(string checksummed)
    {
        Address address = Address.Parse(checksummed.ToLowerInvariant());
        Assert.Equal(checksummed, address.ToString());
        Assert.Equal(address, Address.Parse(checksummed));
    }

    [Fact]
    public void Rejects_mixed_case_with_wrong_checksum_naming_the_address()
    {
        const string bad = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
        var error = Assert.Throws<FormatException>(() => Address.Parse(bad));
        Assert.Equal($"Address '{bad}' has an invalid EIP-55 checksum; expected 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.", error.Message);
    }

    [Theory]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "Address '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' must start with 0x.")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "Address '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA' must have 40 hex digits, not 38.")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAgd", "Invalid hex character 'g' at position 40.")]
    public void Rejects_malformed_text(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => Address.Parse(text)).Message);
    }

    [Fact]
    public void Default_is_zero()
    {
        Assert.True(default(Address).IsZero);
        Assert.Equal(Address.Zero, default);
        Assert.Equal("0x0000000000000000000000000000000000000000", default(Address).ToString());
    }
}
