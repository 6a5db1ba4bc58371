using EthCx.Chain.Contracts;
using EthCx.Chain.Nonces;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.IntegrationTests.Contracts;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Nonces;

/// <summary>Concurrent senders sharing one signer's nonces, failed sends and lost replies, on the real node.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class NonceManagerTests(LocalNodeFixture fixture)
{
    private static readonly Address Recipient = DevAccounts.All[8].Address;

    private LocalNode Node => fixture.Node;

    [Fact]
    public async Task Fifty_concurrent_sends_from_one_signer_are_all_mined_with_contiguous_nonces()
    {
        await using var _ = await Node.SnapshotAsync();
        ChainClient client = await ChainClient.ConnectAsync(Node.Client, TestSigners.Of(9));
        ulong start = await PendingNonceAsync(client);

        Bytes32[] hashes = await Task.WhenAll(Enumerable.Range(1, 50).Select(value =>
            Task.Run(() => client.SendAsync(new TransactionRequest { To = Recipient, Value = value }))));
        TransactionReceipt[] receipts = await Task.WhenAll(hashes.Select(hash => client.WaitForReceiptAsync(hash)));

        Assert.All(receipts, receipt => Assert.True(receipt.Succeeded));
        Assert.Equal(50, hashes.Distinct().Count());
        Assert.Equal(Range(start, 50), await NoncesOfAsync(hashes));
        Assert.Equal(start + 50, await PendingNonceAsync(client));
    }

    [Fact]
    public async Task A_send_that_fails_midway_among_concurrent_senders_leaves_no_gap()
    {
        await using var _ = await Node.SnapshotAsync();
        using var http = new HttpRpcTransport(Node.Url);
        var counting = new CountingTransport(http);
        ChainClient client = await ChainClient.ConnectAsync(new EthRpcClient(counting), TestSigners.Of(9));
        ulong start = await PendingNonceAsync(client);
        var good = new TransactionRequest { To = Recipient, Value = 1, Gas = 21000 };
        var unaffordable = good with { Value = DevAccounts.InitialBalance * 2 };

        Bytes32[] before = await SendConcurrentlyAsync(client, good, 10);
        Task<Bytes32> failing = Task.Run(() => client.SendAsync(unaffordable));
        Bytes32[] during = await SendConcurrentlyAsync(client, good, 10);
        RpcException rejection = await Assert.ThrowsAsync<RpcException>(() => failing);
        Bytes32[] after = await SendConcurrentlyAsync(client, good, 10);

        Assert.Equal("eth_sendRawTransaction", rejection.Method);
        Bytes32[] sent = [.. before, .. during, .. after];
        Assert.Equal(Range(start, 30), await NoncesOfAsync(sent));
        Assert.Equal(start + 30, await PendingNonceAsync(client));
        Assert.Equal(2, counting.Count("eth_getTransactionCount")); // the first send, and the resync after the failure
    }

    [Fact]
    public async Task A_reply_lost_after_the_node_accepted_the_transaction_is_recognised_as_sent_not_resent()
    {
        await using var _ = await Node.SnapshotAsync();
        using var http = new HttpRpcTransport(Node.Url);
        var counting = new CountingTransport(new FaultyTransport(http, "eth_sendRawTransaction", FaultPoint.AfterNode));
        ChainClient client = await ChainClient.ConnectAsync(new EthRpcClient(counting), TestSigners.Of(4));
        ulong start = await PendingNonceAsync(client);

        Bytes32 hash = await client.SendAsync(new TransactionRequest { To = Recipient, Value = 1, Gas = 21000 });

        Assert.True((await client.WaitForReceiptAsync(hash)).Succeeded);
        Assert.Equal(1, counting.Count("eth_sendRawTransaction"));
        Assert.Equal(1, counting.Count("eth_getTransactionByHash"));
        Assert.Equal(start + 1, await PendingNonceAsync(client));

        TransactionReceipt next = await client.SendAndWaitAsync(new TransactionRequest { To = Recipient, Value = 2, Gas = 21000 });
        Assert.Equal([start, start + 1], await NoncesOfAsync([hash, next.TransactionHash]));
    }

    [Fact]
    public async Task A_request_lost_before_the_node_is_sent_again_under_the_same_hash()
    {
        await using var _ = await Node.SnapshotAsync();
        using var http = new HttpRpcTransport(Node.Url);
        var counting = new CountingTransport(new FaultyTransport(http, "eth_sendRawTransaction", FaultPoint.BeforeNode));
        ChainClient client = await ChainClient.ConnectAsync(new EthRpcClient(counting), TestSigners.Of(4));
        ulong start = await PendingNonceAsync(client);

        Bytes32 hash = await client.SendAsync(new TransactionRequest { To = Recipient, Value = 1, Gas = 21000 });

        Assert.True((await client.WaitForReceiptAsync(hash)).Succeeded);
        Assert.Equal(2, counting.Count("eth_sendRawTransaction"));
        Assert.Equal(start + 1, await PendingNonceAsync(client));
    }

    [Fact]
    public async Task When_the_node_cannot_be_asked_the_outcome_is_unknown_and_the_next_send_reads_the_nonce_again()
    {
        await using var _ = await Node.SnapshotAsync();
        using var http = new HttpRpcTransport(Node.Url);
        var faulty = new FaultyTransport(new FaultyTransport(http, "eth_sendRawTransaction", FaultPoint.AfterNode), "eth_getTransactionByHash", FaultPoint.BeforeNode);
        var counting = new CountingTransport(faulty);
        ChainClient client = await ChainClient.ConnectAsync(new EthRpcClient(counting), TestSigners.Of(4));
        ulong start = await PendingNonceAsync(client);

        SendOutcomeUnknownException unknown = await Assert.ThrowsAsync<SendOutcomeUnknownException>(() =>
            client.SendAsync(new TransactionRequest { To = Recipient, Value = 1, Gas = 21000 }));
        TransactionReceipt next = await client.SendAndWaitAsync(new TransactionRequest { To = Recipient, Value = 2, Gas = 21000 });

        Assert.Equal(start, unknown.Nonce);
        Assert.True((await client.WaitForReceiptAsync(unknown.TransactionHash)).Succeeded); // it had reached the node
        Assert.StartsWith($"Transaction {unknown.TransactionHash} (nonce {start}) may or may not have reached the node: ", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(start + 1, (await Node.Client.GetTransactionByHashAsync(next.TransactionHash))!.Nonce);
        Assert.Equal(2, counting.Count("eth_getTransactionCount"));
    }

    private static Task<Bytes32[]> SendConcurrentlyAsync(ChainClient client, TransactionRequest request, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(() => client.SendAsync(request))));

    private static ulong[] Range(ulong start, int count) => [.. Enumerable.Range(0, count).Select(i => start + (ulong)i)];

    private async Task<ulong> PendingNonceAsync(ChainClient client) =>
        await Node.Client.GetTransactionCountAsync(client.Signer!.Address, BlockParameter.Pending);

    private async Task<ulong[]> NoncesOfAsync(IEnumerable<Bytes32> hashes)
    {
        var batch = new RpcBatch();
        var transactions = hashes.Select(hash => batch.Add(EthRequests.GetTransactionByHash(hash))).ToList();
        await Node.Client.BatchAsync(batch);
        return [.. transactions.Select(transaction => transaction.Value!.Nonce).Order()];
    }
}
