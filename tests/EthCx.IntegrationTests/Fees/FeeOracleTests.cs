using System.Numerics;
using EthCx.Chain.Fees;
using EthCx.Chain.Rpc;
using EthCx.IntegrationTests.Contracts;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Fees;

[Collection(SharedLocalNode.Name)]
public sealed class FeeOracleTests(LocalNodeFixture fixture)
{
    private static readonly BigInteger OneGwei = 1_000_000_000;

    private LocalNode Node => fixture.Node;

    [Fact]
    public async Task The_tip_is_the_median_paid_in_recent_blocks_and_the_cap_doubles_the_next_base_fee()
    {
        await using var _ = await Node.SnapshotAsync();
        for (int i = 0; i < 3; i++)
        {
            await Node.Client.SendTransactionAsync(new CallRequest { From = DevAccounts.All[7].Address, To = DevAccounts.All[8].Address, Value = 1 });
        }

        FeeSuggestion suggestion = await new FeeOracle(Node.Client).SuggestAsync();

        FeeHistory latest = await Node.Client.FeeHistoryAsync(1, BlockParameter.Latest, []);
        Assert.Equal(latest.BaseFeePerGas[^1], suggestion.BaseFeePerGas);
        Assert.Equal(OneGwei, suggestion.MaxPriorityFeePerGas); // what Hardhat's eth_sendTransaction tips
        Assert.Equal((2 * suggestion.BaseFeePerGas) + OneGwei, suggestion.MaxFeePerGas);
    }

    [Fact]
    public async Task Without_recent_transactions_the_tip_is_the_nodes_suggestion()
    {
        await using var _ = await Node.SnapshotAsync();
        for (int i = 0; i < 4; i++)
        {
            await Node.Client.EvmMineAsync();
        }

        using var http = new HttpRpcTransport(Node.Url);
        var counting = new CountingTransport(http);
        FeeSuggestion suggestion = await new FeeOracle(new EthRpcClient(counting), new FeeOptions { HistoryBlocks = 4 }).SuggestAsync();

        Assert.Equal(await Node.Client.MaxPriorityFeePerGasAsync(), suggestion.MaxPriorityFeePerGas);
        Assert.Equal(1, counting.Count("eth_maxPriorityFeePerGas"));
    }

    [Fact]
    public async Task A_suggestion_is_reused_until_the_cache_duration_passes()
    {
        using var http = new HttpRpcTransport(Node.Url);
        var counting = new CountingTransport(http);
        var clock = new ManualClock();
        var oracle = new FeeOracle(new EthRpcClient(counting), new FeeOptions { CacheDuration = TimeSpan.FromSeconds(2) }, clock);

        FeeSuggestion first = await oracle.SuggestAsync();
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Same(first, await oracle.SuggestAsync());
        Assert.Equal(1, counting.Count("eth_feeHistory"));

        clock.Advance(TimeSpan.FromSeconds(0.1));
        await oracle.SuggestAsync();
        Assert.Equal(2, counting.Count("eth_feeHistory"));

        oracle.Invalidate();
        await oracle.SuggestAsync();
        Assert.Equal(3, counting.Count("eth_feeHistory"));
    }
}
