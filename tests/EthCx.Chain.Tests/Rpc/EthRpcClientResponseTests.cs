using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Tests.Rpc;

/// <summary>Parsing of node answers, taken from Hardhat 2.29 and anvil 1.7 where noted.</summary>
public sealed class EthRpcClientResponseTests
{
    private static readonly Bytes32 TxHash = Bytes32.Parse("0x27d3e91a1bec06f98bd944e873a608daa49d101bc9d06bc6d267100306f3b8c4");

    /// <summary>A Hardhat receipt of a creation that emitted one log.</summary>
    private const string HardhatReceipt = """
        {"blockHash":"0xf34f7baee0d65b694e754ac6d2efc2381cdce09eec4a27267a08c5957cd784e2","blockNumber":"0x1",
         "transactionHash":"0x27d3e91a1bec06f98bd944e873a608daa49d101bc9d06bc6d267100306f3b8c4","transactionIndex":"0x0","type":"0x2",
         "from":"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","to":null,"cumulativeGasUsed":"0xd5ab","gasUsed":"0xd5ab",
         "contractAddress":"0x5fbdb2315678afecb367f032d93f642f64180aa3",
         "logs":[{"address":"0x5fbdb2315678afecb367f032d93f642f64180aa3","topics":["0x1111111111111111111111111111111111111111111111111111111111111111"],
                  "data":"0x00000000000000000000000000000000000000000000000000000000000000aa",
                  "transactionHash":"0x27d3e91a1bec06f98bd944e873a608daa49d101bc9d06bc6d267100306f3b8c4",
                  "blockHash":"0xf34f7baee0d65b694e754ac6d2efc2381cdce09eec4a27267a08c5957cd784e2","blockNumber":"0x1","logIndex":"0x0","transactionIndex":"0x0","removed":false}],
         "logsBloom":"0x00","status":"0x1","effectiveGasPrice":"0x6fc23ac0"}
        """;

    [Fact]
    public async Task Receipt_fields_are_read_from_a_hardhat_answer()
    {
        TransactionReceipt receipt = (await ReadAsync(client => client.GetTransactionReceiptAsync(TxHash), HardhatReceipt))!;

        Assert.Equal(TxHash, receipt.TransactionHash);
        Assert.Equal(Bytes32.Parse("0xf34f7baee0d65b694e754ac6d2efc2381cdce09eec4a27267a08c5957cd784e2"), receipt.BlockHash);
        Assert.Equal(1UL, receipt.BlockNumber);
        Assert.Equal(0UL, receipt.TransactionIndex);
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), receipt.From);
        Assert.Null(receipt.To);
        Assert.Equal(Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"), receipt.ContractAddress);
        Assert.True(receipt.Succeeded);
        Assert.Equal(0xd5abUL, receipt.GasUsed);
        Assert.Equal(0xd5abUL, receipt.CumulativeGasUsed);
        Assert.Equal(new BigInteger(1_875_000_000), receipt.EffectiveGasPrice);
        Assert.Equal(2, receipt.Type);
        Log log = Assert.Single(receipt.Logs);
        Assert.Equal(receipt.ContractAddress, log.Address);
        Assert.Equal([Bytes32.Parse("0x" + new string('1', 64))], log.Topics);
        Assert.Equal(0xaa, log.Data.Span[31]);
        Assert.Equal(32, log.Data.Length);
        Assert.Equal(TxHash, log.TransactionHash);
        Assert.Equal(1UL, log.BlockNumber);
        Assert.Equal(0UL, log.LogIndex);
        Assert.False(log.Removed);
    }

    [Fact]
    public async Task A_reverted_receipt_has_succeeded_false_and_a_status_above_one_is_malformed()
    {
        TransactionReceipt reverted = (await ReadAsync(client => client.GetTransactionReceiptAsync(TxHash), HardhatReceipt.Replace("\"status\":\"0x1\"", "\"status\":\"0x0\"", StringComparison.Ordinal)))!;
        RpcResponseException error = await Assert.ThrowsAsync<RpcResponseException>(() =>
            ReadAsync(client => client.GetTransactionReceiptAsync(TxHash), HardhatReceipt.Replace("\"status\":\"0x1\"", "\"status\":\"0x2\"", StringComparison.Ordinal)));

        Assert.False(reverted.Succeeded);
        Assert.Equal("eth_getTransactionReceipt returned a malformed answer: Field 'result.status': expected 0x0 or 0x1, found 0x2.", error.Message);
    }

    [Fact]
    public async Task A_pending_receipt_is_null()
    {
        Assert.Null(await ReadAsync(client => client.GetTransactionReceiptAsync(TxHash), "null"));
    }

    [Theory]
    [InlineData("\"logIndex\":\"0x0\"", "\"logIndex\":\"0x00\"", "Field 'result.logs[0].logIndex': Quantity '0x00' has a leading zero.")]
    [InlineData("\"gasUsed\":\"0xd5ab\",", "", "Field 'result.gasUsed' is missing.")]
    [InlineData("\"gasUsed\":\"0xd5ab\"", "\"gasUsed\":54699", "Field 'result.gasUsed': expected a hex string, found 54699.")]
    [InlineData("\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\"", "\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb922\"", "Field 'result.from': Address '0xf39fd6e51aad88f6f4ce6ab8827279cfffb922' must have 40 hex digits, not 38.")]
    [InlineData("\"topics\":[\"0x1111111111111111111111111111111111111111111111111111111111111111\"]", "\"topics\":[\"0x11\"]", "Field 'result.logs[0].topics[0]': Expected 64 hex digits (32 bytes) but found 2.")]
    [InlineData("\"data\":\"0x00000000000000000000000000000000000000000000000000000000000000aa\"", "\"data\":\"aa\"", "Field 'result.logs[0].data': 'aa' must start with 0x.")]
    [InlineData("\"data\":\"0x00000000000000000000000000000000000000000000000000000000000000aa\"", "\"data\":\"0xaaa\"", "Field 'result.logs[0].data': Hex has an odd number of digits (3).")]
    [InlineData("\"logs\":[", "\"logs\":{\"x\":[", "Field 'result.logs': expected an array, found an object.")]
    public async Task A_malformed_receipt_names_the_field(string original, string replacement, string detail)
    {
        string answer = HardhatReceipt.Replace(original, replacement, StringComparison.Ordinal);
        if (replacement.StartsWith("\"logs\":{", StringComparison.Ordinal))
        {
            answer = answer.Replace("\"removed\":false}]", "\"removed\":false}]}", StringComparison.Ordinal);
        }

        RpcResponseException error = await Assert.ThrowsAsync<RpcResponseException>(() => ReadAsync(client => client.GetTransactionReceiptAsync(TxHash), answer));

        Assert.Equal("eth_getTransactionReceipt", error.Method);
        Assert.Equal(detail, error.Detail);
        Assert.Equal($"eth_getTransactionReceipt returned a malformed answer: {detail}", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public async Task A_block_is_read_with_its_transaction_hashes()
    {
        const string answer = """
            {"hash":"0x4504458914b7b0add1c2aad30b0061a8c452b2803a5bd1c9d06c377768ad513c","parentHash":"0x0000000000000000000000000000000000000000000000000000000000000000",
             "stateRoot":"0xc2b8dc215b5234bd853bb9c2895bb0c2c2642e81d4ed7c370cf716ca269d34e7","number":"0x1b4","gasUsed":"0x5208","gasLimit":"0x3938700",
             "extraData":"0x1234","timestamp":"0x6b03ff51","baseFeePerGas":"0x3b9aca00","miner":"0x0000000000000000000000000000000000000000",
             "transactions":["0x27d3e91a1bec06f98bd944e873a608daa49d101bc9d06bc6d267100306f3b8c4"],"uncles":[]}
            """;

        Block block = (await ReadAsync(client => client.GetBlockByNumberAsync(436UL), answer))!;

        Assert.Equal(436UL, block.Number);
        Assert.Equal(Bytes32.Parse("0x4504458914b7b0add1c2aad30b0061a8c452b2803a5bd1c9d06c377768ad513c"), block.Hash);
        Assert.Equal(Bytes32.Zero, block.ParentHash);
        Assert.Equal(0x6b03ff51UL, block.Timestamp);
        Assert.Equal(new BigInteger(1_000_000_000), block.BaseFeePerGas);
        Assert.Equal(60_000_000UL, block.GasLimit);
        Assert.Equal(21000UL, block.GasUsed);
        Assert.Equal(Address.Zero, block.Miner);
        Assert.Equal([0x12, 0x34], block.ExtraData.ToArray());
        Assert.Equal([TxHash], block.TransactionHashes);
    }

    [Fact]
    public async Task A_block_with_full_transactions_is_rejected()
    {
        const string answer = """
            {"hash":null,"parentHash":"0x0000000000000000000000000000000000000000000000000000000000000000",
             "stateRoot":"0x0000000000000000000000000000000000000000000000000000000000000000","number":"0x1","gasUsed":"0x0","gasLimit":"0x1",
             "extraData":"0x","timestamp":"0x1","transactions":[{"hash":"0x00"}]}
            """;

        RpcResponseException error = await Assert.ThrowsAsync<RpcResponseException>(() => ReadAsync(client => client.GetBlockByNumberAsync(BlockParameter.Pending), answer));

        Assert.Equal("Field 'result.transactions[0]': expected a hex string, found an object.", error.Detail);
    }

    [Fact]
    public async Task A_pending_transaction_has_no_block()
    {
        const string answer = """
            {"hash":"0x27d3e91a1bec06f98bd944e873a608daa49d101bc9d06bc6d267100306f3b8c4","nonce":"0x5","blockHash":null,"blockNumber":null,"transactionIndex":null,
             "from":"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","to":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","value":"0xde0b6b3a7640000",
             "gasPrice":"0x6fc23ac0","gas":"0x5208","input":"0x","chainId":"0x7a69","type":"0x2","maxFeePerGas":"0xa3e9ab80","maxPriorityFeePerGas":"0x3b9aca00"}
            """;

        TransactionInfo transaction = (await ReadAsync(client => client.GetTransactionByHashAsync(TxHash), answer))!;

        Assert.Equal(TxHash, transaction.Hash);
        Assert.Equal(5UL, transaction.Nonce);
        Assert.Null(transaction.BlockHash);
        Assert.Null(transaction.BlockNumber);
        Assert.Null(transaction.TransactionIndex);
        Assert.Equal(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), transaction.To);
        Assert.Equal(BigInteger.Pow(10, 18), transaction.Value);
        Assert.Equal(21000UL, transaction.Gas);
        Assert.Equal(31337UL, transaction.ChainId);
        Assert.Equal(2, transaction.Type);
        Assert.Equal(new BigInteger(2_750_000_000), transaction.MaxFeePerGas);
        Assert.Equal(new BigInteger(1_000_000_000), transaction.MaxPriorityFeePerGas);
        Assert.True(transaction.Input.IsEmpty);
    }

    [Fact]
    public async Task Fee_history_without_percentiles_has_no_rewards()
    {
        const string answer = """{"oldestBlock":"0x0","baseFeePerGas":["0x3b9aca00","0x342770c0"],"gasUsedRatio":[0.5]}""";

        FeeHistory history = await ReadAsync(client => client.FeeHistoryAsync(1, BlockParameter.Latest, []), answer);

        Assert.Equal(0UL, history.OldestBlock);
        Assert.Equal([new BigInteger(1_000_000_000), new BigInteger(875_000_000)], history.BaseFeePerGas);
        Assert.Equal([0.5], history.GasUsedRatio);
        Assert.Empty(history.Reward);
    }

    [Fact]
    public async Task Hardhat_revert_data_is_read_from_error_data_data()
    {
        const string error = """{"code":-32603,"message":"Error: VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0xdeadbeef)","data":{"message":"Error: VM Exception","data":"0xdeadbeef"}}""";

        RpcException e = await Assert.ThrowsAsync<RpcException>(() => FailAsync(client => client.CallAsync(new CallRequest()), error));

        Assert.Equal(-32603, e.Code);
        Assert.Equal("eth_call", e.Method);
        Assert.Equal([0xde, 0xad, 0xbe, 0xef], e.ErrorData!.Value.ToArray());
        Assert.Equal("""{"message":"Error: VM Exception","data":"0xdeadbeef"}""", e.ErrorDataJson);
        Assert.Equal("eth_call failed: Error: VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0xdeadbeef) (JSON-RPC error -32603)", e.Message);
    }

    [Fact]
    public async Task Anvil_and_geth_revert_data_is_read_from_error_data()
    {
        const string error = """{"code":3,"message":"execution reverted: custom error 0xdeadbeef","data":"0xdeadbeef"}""";

        RpcException e = await Assert.ThrowsAsync<RpcException>(() => FailAsync(client => client.EstimateGasAsync(new CallRequest()), error));

        Assert.Equal(3, e.Code);
        Assert.Equal([0xde, 0xad, 0xbe, 0xef], e.ErrorData!.Value.ToArray());
        Assert.Equal("eth_estimateGas failed: execution reverted: custom error 0xdeadbeef (JSON-RPC error 3)", e.Message);
    }

    [Theory]
    [InlineData("""{"code":-32602,"message":"invalid params","data":{"message":"invalid params","data":{"method":"eth_getBalance"}}}""")]
    [InlineData("""{"code":-32000,"message":"nonce too low","data":"nonce too low"}""")]
    [InlineData("""{"code":-32000,"message":"nonce too low","data":"0xnot hex"}""")]
    [InlineData("""{"code":-32601,"message":"Method not found"}""")]
    public async Task Error_data_that_is_not_hex_gives_no_bytes(string error)
    {
        RpcException e = await Assert.ThrowsAsync<RpcException>(() => FailAsync(client => client.ChainIdAsync(), error));

        Assert.Null(e.ErrorData);
        Assert.False(e.IsTransient);
    }

    [Theory]
    [InlineData(-32005, true)]
    [InlineData(-32002, true)]
    [InlineData(-32000, false)]
    [InlineData(3, false)]
    public async Task Rate_limits_and_unavailable_resources_are_transient(int code, bool transient)
    {
        RpcException e = await Assert.ThrowsAsync<RpcException>(() => FailAsync(client => client.ChainIdAsync(), $$"""{"code":{{code}},"message":"m"}"""));

        Assert.Equal(transient, e.IsTransient);
    }

    [Theory]
    [InlineData("not json", "the answer is not JSON (")]
    [InlineData("[]", "expected a response object, found an array.")]
    [InlineData("""{"jsonrpc":"2.0","id":7,"result":"0x1"}""", "the response's id is 7, not 1.")]
    [InlineData("""{"jsonrpc":"2.0","result":"0x1"}""", "the response's id is missing, not 1.")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""", "the response has neither a result nor an error.")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":"boom"}""", "the error member is not a JSON-RPC error object: \"boom\"")]
    public async Task An_answer_that_is_not_a_json_rpc_response_is_malformed(string answer, string detailStart)
    {
        var client = new EthRpcClient(new ScriptedTransport(answer));

        RpcResponseException error = await Assert.ThrowsAsync<RpcResponseException>(() => client.ChainIdAsync());

        Assert.StartsWith(detailStart, error.Detail, StringComparison.Ordinal);
        Assert.Equal("eth_chainId", error.Method);
    }

    private static async Task<T> ReadAsync<T>(Func<EthRpcClient, Task<T>> send, string result) =>
        await send(new EthRpcClient(new ScriptedTransport(request => EthRpcClientRequestTests.Answer(request, result))));

    private static Task<T> FailAsync<T>(Func<EthRpcClient, Task<T>> send, string error) =>
        send(new EthRpcClient(new ScriptedTransport($$"""{"jsonrpc":"2.0","id":1,"error":{{error}}}""")));
}
