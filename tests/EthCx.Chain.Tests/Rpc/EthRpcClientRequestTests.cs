using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Tests.Rpc;

/// <summary>The exact JSON each typed request puts on the wire.</summary>
public sealed class EthRpcClientRequestTests
{
    private static readonly Address Alice = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly Address Bob = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly Bytes32 TopicA = Bytes32.Parse("0x" + new string('a', 64));
    private static readonly Bytes32 TopicB = Bytes32.Parse("0x" + new string('b', 64));

    [Fact]
    public async Task GetBalance_writes_lower_case_address_and_block_tag()
    {
        string request = await SentAsync(client => client.GetBalanceAsync(Alice, BlockParameter.Pending), "\"0x0\"");

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","pending"]}""", request);
    }

    [Fact]
    public async Task Call_writes_every_set_field_as_quantities_and_data()
    {
        var call = new CallRequest { From = Alice, To = Bob, Data = new byte[] { 0x70, 0xa0, 0x82, 0x31 }, Value = 1_000_000_000, Gas = 21000 };

        string request = await SentAsync(client => client.CallAsync(call, 436UL), "\"0x\"");

        Assert.Equal(
            """{"jsonrpc":"2.0","id":1,"method":"eth_call","params":[{"from":"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","to":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","data":"0x70a08231","value":"0x3b9aca00","gas":"0x5208"},"0x1b4"]}""",
            request);
    }

    [Fact]
    public async Task EstimateGas_leaves_out_unset_fields()
    {
        string request = await SentAsync(client => client.EstimateGasAsync(new CallRequest { To = Bob }), "\"0x5208\"");

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"eth_estimateGas","params":[{"to":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8"}]}""", request);
    }

    [Fact]
    public async Task GetLogs_writes_single_topics_as_strings_alternatives_as_arrays_and_wildcards_as_null()
    {
        var filter = new LogFilter
        {
            Addresses = [Alice, Bob],
            Topics = [[TopicA], null, [TopicA, TopicB]],
            FromBlock = 1UL,
            ToBlock = BlockParameter.Latest,
        };

        string request = await SentAsync(client => client.GetLogsAsync(filter), "[]");

        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"address\":[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\"],"
            + $"\"topics\":[\"{TopicA}\",null,[\"{TopicA}\",\"{TopicB}\"]],\"fromBlock\":\"0x1\",\"toBlock\":\"latest\"}}]}}",
            request);
    }

    [Fact]
    public async Task GetLogs_with_one_address_and_a_block_hash()
    {
        string request = await SentAsync(client => client.GetLogsAsync(new LogFilter { Addresses = [Bob], BlockHash = TopicB }), "[]");

        Assert.Equal($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{{\"address\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\",\"blockHash\":\"{TopicB}\"}}]}}", request);
    }

    [Fact]
    public void LogFilter_rejects_five_topics_an_empty_alternative_and_hash_with_range()
    {
        ArgumentException tooMany = Assert.Throws<ArgumentException>(() => EthRequests.GetLogs(new LogFilter { Topics = [null, null, null, null, null] }));
        ArgumentException empty = Assert.Throws<ArgumentException>(() => EthRequests.GetLogs(new LogFilter { Topics = [null, []] }));
        ArgumentException both = Assert.Throws<ArgumentException>(() => EthRequests.GetLogs(new LogFilter { BlockHash = TopicA, FromBlock = 1UL }));

        Assert.Equal("A log has at most 4 topics; the filter has 5 positions. (Parameter 'Topics')", tooMany.Message);
        Assert.Equal("Topic position 1 is an empty list, which would match nothing; use null to match any topic. (Parameter 'Topics')", empty.Message);
        Assert.Equal("A log filter takes either BlockHash or FromBlock/ToBlock, not both. (Parameter 'BlockHash')", both.Message);
    }

    [Fact]
    public async Task FeeHistory_writes_count_as_quantity_and_percentiles_as_numbers()
    {
        const string answer = """{"oldestBlock":"0x0","baseFeePerGas":["0x3b9aca00"],"gasUsedRatio":[]}""";

        string request = await SentAsync(client => client.FeeHistoryAsync(3, BlockParameter.Latest, [25, 75.5]), answer);

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"eth_feeHistory","params":["0x3","latest",[25,75.5]]}""", request);
    }

    [Fact]
    public void FeeHistory_rejects_zero_blocks_and_unordered_or_out_of_range_percentiles()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EthRequests.FeeHistory(0, BlockParameter.Latest, []));
        ArgumentException unordered = Assert.Throws<ArgumentException>(() => EthRequests.FeeHistory(1, BlockParameter.Latest, [50, 25]));
        ArgumentException tooHigh = Assert.Throws<ArgumentException>(() => EthRequests.FeeHistory(1, BlockParameter.Latest, [101]));
        Assert.Throws<ArgumentException>(() => EthRequests.FeeHistory(1, BlockParameter.Latest, [double.NaN]));

        Assert.Equal("Reward percentiles must be ascending values from 0 to 100; item 1 is 25. (Parameter 'rewardPercentiles')", unordered.Message);
        Assert.Equal("Reward percentiles must be ascending values from 0 to 100; item 0 is 101. (Parameter 'rewardPercentiles')", tooHigh.Message);
    }

    [Fact]
    public async Task SendRawTransaction_writes_the_envelope_as_data()
    {
        string hash = "\"0x" + new string('c', 64) + "\"";

        string request = await SentAsync(client => client.SendRawTransactionAsync(new byte[] { 0x02, 0xf8, 0x6c }), hash);

        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"eth_sendRawTransaction","params":["0x02f86c"]}""", request);
        Assert.Throws<ArgumentException>(() => EthRequests.SendRawTransaction(ReadOnlyMemory<byte>.Empty));
    }

    [Fact]
    public void SendTransaction_requires_a_sender()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => EthRequests.SendTransaction(new CallRequest { To = Bob }));

        Assert.Equal("eth_sendTransaction needs From: the node-managed account that signs. (Parameter 'transaction')", error.Message);
    }

    [Fact]
    public async Task Development_helpers_write_their_parameters()
    {
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"evm_mine","params":[1900000000]}""", await SentAsync(client => client.EvmMineAsync(1_900_000_000), "\"0\""));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"evm_mine","params":[]}""", await SentAsync(client => client.EvmMineAsync(), "\"0x0\""));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"evm_setAutomine","params":[false]}""", await SentAsync(client => client.EvmSetAutomineAsync(false), "null"));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"evm_setNextBlockTimestamp","params":[1900000100]}""", await SentAsync(client => client.EvmSetNextBlockTimestampAsync(1_900_000_100), "\"1900000100\""));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"evm_revert","params":["0x2"]}""", await SentAsync(client => client.EvmRevertAsync("0x2"), "true"));
        Assert.Equal("""{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x0",false]}""", await SentAsync(client => client.GetBlockByNumberAsync(0UL), "null"));
    }

    [Fact]
    public async Task Ids_increase_per_request()
    {
        var transport = new ScriptedTransport(request => Answer(request, "\"0x1\""));
        var client = new EthRpcClient(transport);

        await client.ChainIdAsync();
        await client.BlockNumberAsync();

        Assert.Contains("\"id\":1,", transport.Requests[0], StringComparison.Ordinal);
        Assert.Contains("\"id\":2,", transport.Requests[1], StringComparison.Ordinal);
        Assert.Equal(["eth_chainId", "eth_blockNumber"], transport.Descriptions);
    }

    /// <summary>Sends one request through a scripted transport answering <paramref name="result"/> and returns the JSON sent.</summary>
    private static async Task<string> SentAsync(Func<EthRpcClient, Task> send, string result)
    {
        var transport = new ScriptedTransport(request => Answer(request, result));
        await send(new EthRpcClient(transport));
        return Assert.Single(transport.Requests);
    }

    /// <summary>A response echoing the request's id.</summary>
    internal static string Answer(string request, string result)
    {
        using var document = System.Text.Json.JsonDocument.Parse(request);
        long id = document.RootElement.GetProperty("id").GetInt64();
        return $$"""{"jsonrpc":"2.0","id":{{id}},"result":{{result}}}""";
    }
}
