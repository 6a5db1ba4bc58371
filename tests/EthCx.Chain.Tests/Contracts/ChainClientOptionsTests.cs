using EthCx.Chain.Contracts;

namespace EthCx.Chain.Tests.Contracts;

public class ChainClientOptionsTests
{
    [Fact]
    public void Defaults_are_documented_values()
    {
        var options = new ChainClientOptions();

        Assert.Equal(TimeSpan.FromMinutes(2), options.ReceiptTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.ReceiptPollInitialInterval);
        Assert.Equal(TimeSpan.FromSeconds(4), options.ReceiptPollMaxInterval);
        Assert.Equal(2.0, options.ReceiptPollBackoffFactor);
        Assert.Equal(1.2, options.GasMargin);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void Out_of_range_settings_are_refused_with_their_name()
    {
        Assert.Equal("ReceiptTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new ChainClientOptions { ReceiptTimeout = TimeSpan.Zero }).ParamName);
        Assert.Equal("ReceiptPollInitialInterval", Assert.Throws<ArgumentOutOfRangeException>(() => new ChainClientOptions { ReceiptPollInitialInterval = TimeSpan.FromSeconds(-1) }).ParamName);
        Assert.Equal("ReceiptPollMaxInterval", Assert.Throws<ArgumentOutOfRangeException>(() => new ChainClientOptions { ReceiptPollMaxInterval = TimeSpan.Zero }).ParamName);
        Assert.Equal("ReceiptPollBackoffFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new ChainClientOptions { ReceiptPollBackoffFactor = 0.5 }).ParamName);
        Assert.Equal("GasMargin", Assert.Throws<ArgumentOutOfRangeException>(() => new ChainClientOptions { GasMargin = 0.99 }).ParamName);
        Assert.Throws<ArgumentNullException>(() => new ChainClientOptions { Fees = null! });
        Assert.Throws<ArgumentNullException>(() => new ChainClientOptions { TimeProvider = null! });
    }
}
