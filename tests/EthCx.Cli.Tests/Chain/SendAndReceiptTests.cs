using System.Globalization;
using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.Cli.Tests.Chain;

/// <summary><c>send</c> (signed here), <c>receipt</c>, <c>estimate</c> and decoded reverts, on Hardhat; each test reverts the node after itself.</summary>
[Collection(HardhatCliNode.Name)]
public sealed class SendAndReceiptTests(HardhatCliFixture fixture)
{
    private const string Alice = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    private static readonly string Key1 = DevAccounts.All[1].PrivateKey.ToString();

    private string Url => fixture.Url;

    private EthRpcClient Client => fixture.Node.Client;

    [Fact]
    public async Task Send_of_ether_prints_the_receipt_and_moves_the_value()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        Address to = DevAccounts.All[6].Address;
        BigInteger before = await Client.GetBalanceAsync(to);

        string output = await Cli.OutputOfAsync("send", to.ToString(), "--value", "1.5ether", "--private-key", Key1, "--rpc-url", Url);

        Assert.Equal(before + BigInteger.Parse("1500000000000000000", CultureInfo.InvariantCulture), await Client.GetBalanceAsync(to));
        Dictionary<string, string> fields = Fields(output);
        Assert.Equal("1 (success)", fields["status"]);
        Assert.Equal(DevAccounts.All[1].Address.ToString(), fields["from"]);
        Assert.Equal(to.ToString(), fields["to"]);
        Assert.Equal("2", fields["type"]);
        Assert.Equal("21000", fields["gasUsed"]);
    }

    [Fact]
    public async Task Send_to_a_function_changes_state_that_call_then_reads()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        string store = fixture.Store.ToString();

        string output = await Cli.OutputOfAsync("send", store, "set(uint256)", "12345", "--mnemonic", DevAccounts.Mnemonic, "--mnemonic-index", "2", "--rpc-url", Url);

        Assert.Equal("12345 [1.234e4]", await Cli.OutputOfAsync("call", store, "get()(uint256)", "--rpc-url", Url));
        Dictionary<string, string> fields = Fields(output);
        Assert.Equal(DevAccounts.All[2].Address.ToString(), fields["from"]);
        Assert.Contains(TestContracts.Stored.Topic0.ToString(), fields["logs"], StringComparison.Ordinal);
        Assert.Contains(fixture.Store.ToLowerHex(), fields["logs"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_async_prints_the_hash_whose_receipt_cast_prints_the_same()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        var variables = new Dictionary<string, string>
        {
            [CliEnvironment.PrivateKeyVariable] = DevAccounts.All[3].PrivateKey.ToString(),
            [CliEnvironment.RpcUrlVariable] = Url,
        };

        CliResult sent = await Cli.RunAsync(variables, "send", fixture.Store.ToString(), "set(uint256)", "7", "--async");

        Assert.Equal(0, sent.ExitCode);
        Bytes32 hash = Bytes32.Parse(sent.Text);
        TransactionReceipt? receipt = await Client.GetTransactionReceiptAsync(hash);
        Assert.NotNull(receipt);
        Assert.Equal(DevAccounts.All[3].Address, receipt.From);

        string ours = await Cli.OutputOfAsync("receipt", hash.ToString(), "--rpc-url", Url);
        string[] castLines = Cast.OutputOf("receipt", hash.ToString(), "--rpc-url", Url).Split('\n');
        Assert.All(ours.Split('\n'), line => Assert.Contains(line, castLines));
        Assert.Equal(13, ours.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        foreach (string field in (string[])["blockHash", "blockNumber", "contractAddress", "cumulativeGasUsed", "effectiveGasPrice", "from", "gasUsed", "logs", "status", "transactionHash", "transactionIndex", "type", "to"])
        {
            await Cast.AssertSameOutputAsync("receipt", hash.ToString(), field, "--rpc-url", Url);
        }
    }

    [Fact]
    public async Task Receipt_of_a_contract_creation_has_the_lines_cast_prints()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        Bytes32 hash = await Client.SendTransactionAsync(new CallRequest { From = DevAccounts.All[4].Address, Data = TestContracts.CreationCode(TestContracts.Echo) });

        string ours = await Cli.OutputOfAsync("receipt", hash.ToString(), "--rpc-url", Url);

        string[] castLines = Cast.OutputOf("receipt", hash.ToString(), "--rpc-url", Url).Split('\n');
        Assert.All(ours.Split('\n'), line => Assert.Contains(line, castLines));
        Assert.DoesNotContain(ours.Split('\n'), line => line.StartsWith("to ", StringComparison.Ordinal));
        await Cast.AssertSameOutputAsync("receipt", hash.ToString(), "contractAddress", "--rpc-url", Url);
    }

    [Fact]
    public async Task Estimate_is_the_nodes_estimate_for_the_sender()
    {
        ulong expected = await Client.EstimateGasAsync(new CallRequest
        {
            From = DevAccounts.All[1].Address,
            To = fixture.Store,
            Data = EthCx.Chain.Abi.EthAbi.EncodeCall("set(uint256)", [BigInteger.One]),
        });

        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await Cli.OutputOfAsync("estimate", fixture.Store.ToString(), "set(uint256)", "1", "--private-key", Key1, "--rpc-url", Url));
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await Cli.OutputOfAsync("estimate", fixture.Store.ToString(), "set(uint256)", "1", "--from", DevAccounts.All[1].Address.ToString(), "--rpc-url", Url));
    }

    [Theory]
    [InlineData("Error(string)", "boom", "Error(message=\"boom\")")]
    [InlineData("Panic(uint256)", "0x11", "Panic(0x11: arithmetic underflow or overflow)")]
    [InlineData("Panic(uint256)", "0x12", "Panic(0x12: division or modulo by zero)")]
    [InlineData("Unauthorized(address)", Alice, "unknown error 0x8e4a23d6")]
    public async Task A_revert_in_call_estimate_or_send_is_one_decoded_line(string signature, string argument, string decoded)
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        string reverter = fixture.Reverter.ToString();

        CliResult call = await Cli.RunAsync("call", reverter, signature, argument, "--rpc-url", Url);
        CliResult estimate = await Cli.RunAsync("estimate", reverter, signature, argument, "--rpc-url", Url);
        CliResult estimateFrom = await Cli.RunAsync("estimate", reverter, signature, argument, "--from", DevAccounts.All[1].Address.ToString(), "--rpc-url", Url);
        CliResult send = await Cli.RunAsync("send", reverter, signature, argument, "--private-key", Key1, "--rpc-url", Url);

        Cli.AssertOneLineError(call, $"The call reverted: {decoded}");
        Cli.AssertOneLineError(estimate, $"The estimateGas reverted: {decoded}");
        Cli.AssertOneLineError(estimateFrom, $"The estimateGas reverted: {decoded}");
        Cli.AssertOneLineError(send, $"The estimateGas reverted: {decoded}");
    }

    [Fact]
    public async Task A_mined_transaction_that_reverts_is_reported_decoded_with_its_hash_not_as_a_receipt()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        ulong blockBefore = await Client.BlockNumberAsync();

        CliResult send = await Cli.RunAsync("send", fixture.Reverter.ToString(), "Error(string)", "mined boom", "--gas-limit", "100000", "--private-key", Key1, "--rpc-url", Url);

        Cli.AssertOneLineError(send, "reverted: Error(message=\"mined boom\")");
        Block? block = await Client.GetBlockByNumberAsync(blockBefore + 1);
        Assert.NotNull(block);
        Bytes32 hash = Assert.Single(block.TransactionHashes);
        Assert.Contains($"The transaction {hash} reverted", send.Error, StringComparison.Ordinal);
        Assert.Equal("0 (failed)", Fields(await Cli.OutputOfAsync("receipt", hash.ToString(), "--rpc-url", Url))["status"]);
        Assert.Equal("false", await Cli.OutputOfAsync("receipt", hash.ToString(), "status", "--rpc-url", Url));
    }

    [Fact]
    public async Task Send_without_a_key_or_to_an_unreachable_node_fails_before_signing_anything()
    {
        Cli.AssertOneLineError(await Cli.RunAsync("send", fixture.Store.ToString(), "set(uint256)", "1", "--rpc-url", Url), "--private-key");
        Cli.AssertOneLineError(await Cli.RunAsync("send", fixture.Store.ToString(), "set(uint256)", "x", "--private-key", Key1, "--rpc-url", Url), "argument 1 (uint256)");
        Cli.AssertOneLineError(await Cli.RunAsync("receipt", "0x" + new string('e', 64), "--rpc-url", Url), "<TX_HASH>");
        Cli.AssertOneLineError(await Cli.RunAsync("receipt", "0x" + new string('e', 64), "nosuch", "--rpc-url", Url), "<FIELD>");
    }

    /// <summary>The <c>name value</c> lines of a printed receipt.</summary>
    private static Dictionary<string, string> Fields(string receipt) =>
        receipt.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(line => line[..20].TrimEnd(), line => line[21..]);
}
