using System.Diagnostics;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts;

[Collection(SharedLocalNode.Name)]
public sealed class ReceiptTimeoutTests(LocalNodeFixture fixture)
{
    private LocalNode Node => fixture.Node;

    [Fact]
    public async Task A_receipt_that_never_comes_ends_in_a_typed_timeout_after_backed_off_polls()
    {
        await using var _ = await Node.SnapshotAsync();
        using var http = new HttpRpcTransport(Node.Url);
        var counting = new CountingTransport(http);
        var options = new ChainClientOptions
        {
            ReceiptTimeout = TimeSpan.FromSeconds(1.5),
            ReceiptPollInitialInterval = TimeSpan.FromMilliseconds(50),
            ReceiptPollMaxInterval = TimeSpan.FromMilliseconds(400),
        };
        ChainClient client = await ChainClient.ConnectAsync(new EthRpcClient(counting), TestSigners.Of(2), options);
        await Node.Client.EvmSetAutomineAsync(false);
        try
        {
            Bytes32 hash = await client.SendAsync(new TransactionRequest { To = DevAccounts.All[3].Address, Value = 1, Gas = 21000 });
            var elapsed = Stopwatch.StartNew();

            ReceiptTimeoutException timeout = await Assert.ThrowsAsync<ReceiptTimeoutException>(() => client.WaitForReceiptAsync(hash));

            elapsed.Stop();
            Assert.Equal(hash, timeout.TransactionHash);
            Assert.Equal(options.ReceiptTimeout, timeout.Timeout);
            Assert.Equal(counting.Count("eth_getTransactionReceipt"), timeout.Polls);
            // Pauses of 50, 100, 200, 400, 400 ms and the rest make 7 polls; a fixed 50 ms pause would make 31.
            Assert.InRange(timeout.Polls, 4, 10);
            Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(15), $"The wait took {elapsed.Elapsed}.");
            Assert.Equal($"No receipt for transaction {hash} within 1.5 s ({timeout.Polls} polls); it may still be mined.", timeout.Message);

            await Node.Client.EvmMineAsync();
            Assert.True((await client.WaitForReceiptAsync(hash)).Succeeded);
        }
        finally
        {
            await Node.Client.EvmSetAutomineAsync(true);
        }
    }
}
