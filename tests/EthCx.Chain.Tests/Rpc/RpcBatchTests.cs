using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Tests.Rpc;

public sealed class RpcBatchTests
{
    private static readonly Address Alice = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    [Fact]
    public async Task A_batch_is_one_array_and_answers_are_matched_by_id_not_position()
    {
        // The node answers in reverse order; each handle must still get its own result.
        var transport = new ScriptedTransport(request =>
        {
            using var document = JsonDocument.Parse(request);
            var answers = document.RootElement.EnumerateArray().Reverse().Select(item =>
            {
                long id = item.GetProperty("id").GetInt64();
                string result = item.GetProperty("method").GetString() switch
                {
                    "eth_chainId" => "\"0x7a69\"",
                    "eth_blockNumber" => "\"0x1b4\"",
                    _ => "\"0x21e19e0c9bab2400000\"",
                };
                return $$"""{"jsonrpc":"2.0","id":{{id}},"result":{{result}}}""";
            });
            return "[" + string.Join(",", answers) + "]";
        });
        var client = new EthRpcClient(transport);
        var batch = new RpcBatch();
        RpcBatchItem<ulong> chainId = batch.Add(EthRequests.ChainId());
        RpcBatchItem<ulong> blockNumber = batch.Add(EthRequests.BlockNumber());
        RpcBatchItem<BigInteger> balance = batch.Add(EthRequests.GetBalance(Alice, BlockParameter.Latest));

        await client.BatchAsync(batch);

        Assert.Equal(
            """[{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]},{"jsonrpc":"2.0","id":2,"method":"eth_blockNumber","params":[]},{"jsonrpc":"2.0","id":3,"method":"eth_getBalance","params":["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","latest"]}]""",
            Assert.Single(transport.Requests));
        Assert.Equal("batch of 3 (eth_chainId, eth_blockNumber, eth_getBalance)", Assert.Single(transport.Descriptions));
        Assert.Equal(31337UL, chainId.Value);
        Assert.Equal(436UL, blockNumber.Value);
        Assert.Equal(BigInteger.Pow(10, 22), balance.Value);
    }

    [Fact]
    public async Task Each_item_gets_its_own_error_malformed_result_or_missing_answer()
    {
        const string answer = """
            [{"jsonrpc":"2.0","id":1,"result":"0x7a69"},
             {"jsonrpc":"2.0","id":2,"error":{"code":-32602,"message":"invalid argument"}},
             {"jsonrpc":"2.0","id":3,"result":"0x01"}]
            """;
        var client = new EthRpcClient(new ScriptedTransport(answer));
        var batch = new RpcBatch();
        RpcBatchItem<ulong> ok = batch.Add(EthRequests.ChainId());
        RpcBatchItem<BigInteger> rejected = batch.Add(EthRequests.GetBalance(Alice, BlockParameter.Latest));
        RpcBatchItem<ulong> malformed = batch.Add(EthRequests.BlockNumber());
        RpcBatchItem<ulong> unanswered = batch.Add(EthRequests.GetTransactionCount(Alice, BlockParameter.Pending));

        await client.BatchAsync(batch);

        Assert.True(ok.IsSuccess);
        Assert.Equal(31337UL, ok.Value);
        RpcException error = Assert.Throws<RpcException>(() => rejected.Value);
        Assert.Equal("eth_getBalance failed: invalid argument (JSON-RPC error -32602)", error.Message);
        RpcResponseException bad = Assert.Throws<RpcResponseException>(() => malformed.Value);
        Assert.Equal("eth_blockNumber returned a malformed answer: Field 'result': Quantity '0x01' has a leading zero.", bad.Message);
        RpcResponseException missing = Assert.Throws<RpcResponseException>(() => unanswered.Value);
        Assert.Equal("eth_getTransactionCount returned a malformed answer: the batch response holds no answer for this request.", missing.Message);
        Assert.All(batch.Items, item => Assert.True(item.IsCompleted));
        Assert.Equal([true, false, false, false], batch.Items.Select(item => item.IsSuccess));
    }

    [Fact]
    public async Task A_whole_batch_error_is_thrown()
    {
        var client = new EthRpcClient(new ScriptedTransport("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid request"}}"""));
        var batch = new RpcBatch();
        batch.Add(EthRequests.ChainId());

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => client.BatchAsync(batch));

        Assert.Equal("batch failed: Invalid request (JSON-RPC error -32600)", error.Message);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":9,"result":"0x1"}]""", "batch returned a malformed answer: a response in the batch does not carry the id of a request sent: {\"jsonrpc\":\"2.0\",\"id\":9,\"result\":\"0x1\"}")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x1"}]""", "batch returned a malformed answer: the batch response answers id 1 (eth_chainId) twice.")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":"0x1"}""", "batch returned a malformed answer: expected an array of responses, found an object.")]
    public async Task A_batch_response_that_does_not_match_the_requests_is_malformed(string answer, string message)
    {
        var client = new EthRpcClient(new ScriptedTransport(answer));
        var batch = new RpcBatch();
        batch.Add(EthRequests.ChainId());

        RpcResponseException error = await Assert.ThrowsAsync<RpcResponseException>(() => client.BatchAsync(batch));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_batch_is_sent_once_and_its_items_are_unavailable_before()
    {
        var client = new EthRpcClient(new ScriptedTransport("""[{"jsonrpc":"2.0","id":1,"result":"0x1"}]"""));
        var batch = new RpcBatch();
        RpcBatchItem<ulong> item = batch.Add(EthRequests.ChainId());

        InvalidOperationException early = Assert.Throws<InvalidOperationException>(() => item.Value);
        await client.BatchAsync(batch);
        InvalidOperationException twice = await Assert.ThrowsAsync<InvalidOperationException>(() => client.BatchAsync(batch));
        InvalidOperationException added = Assert.Throws<InvalidOperationException>(() => batch.Add(EthRequests.BlockNumber()));

        Assert.Equal("The batch holding this eth_chainId request has not been answered yet; await EthRpcClient.BatchAsync first.", early.Message);
        Assert.Equal("This batch was already sent; a batch is sent once.", twice.Message);
        Assert.Equal("This batch was already sent; create a new RpcBatch for more requests.", added.Message);
        Assert.Equal(1UL, item.Value);
    }

    [Fact]
    public async Task An_empty_batch_sends_nothing()
    {
        var transport = new ScriptedTransport(_ => throw new InvalidOperationException("nothing should be sent"));

        await new EthRpcClient(transport).BatchAsync(new RpcBatch());

        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task Batch_ids_continue_after_single_requests()
    {
        var transport = new ScriptedTransport(request => request.StartsWith('[')
            ? """[{"jsonrpc":"2.0","id":2,"result":"0x1"},{"jsonrpc":"2.0","id":3,"result":"0x2"}]"""
            : """{"jsonrpc":"2.0","id":1,"result":"0x7a69"}""");
        var client = new EthRpcClient(transport);
        await client.ChainIdAsync();
        var batch = new RpcBatch();
        RpcBatchItem<ulong> first = batch.Add(EthRequests.BlockNumber());
        RpcBatchItem<ulong> second = batch.Add(EthRequests.BlockNumber());

        await client.BatchAsync(batch);

        Assert.Equal(1UL, first.Value);
        Assert.Equal(2UL, second.Value);
    }
}
