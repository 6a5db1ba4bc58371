using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Rpc;

[Collection(SharedLocalNode.Name)]
public sealed class EthRpcClientTests(LocalNodeFixture fixture)
{
    /// <summary>Init code that emits LOG1(topic 0x11..11, data = uint256 0xaa) and deploys empty code.</summary>
    internal static readonly byte[] LoggingInitCode =
        Hex.Decode("0x60aa6000527f" + new string('1', 64) + "60206000a100");

    /// <summary>Init code that reverts with the four bytes 0xdeadbeef.</summary>
    internal static readonly byte[] RevertingInitCode = Hex.Decode("0x63deadbeef60e01b60005260046000fd");

    internal static readonly Bytes32 LoggedTopic = Bytes32.Parse("0x" + new string('1', 64));

    private LocalNode Node => fixture.Node;

    private EthRpcClient Client => fixture.Node.Client;

    [Fact]
    public async Task ChainId_is_31337()
    {
        Assert.Equal(31337UL, await Client.ChainIdAsync());
    }

    [Fact]
    public async Task BlockNumber_advances_by_one_per_mined_block()
    {
        await using var _ = await Node.SnapshotAsync();
        ulong before = await Client.BlockNumberAsync();

        await Client.EvmMineAsync();

        Assert.Equal(before + 1, await Client.BlockNumberAsync());
    }

    [Fact]
    public async Task Accounts_begin_with_the_ten_test_mnemonic_accounts()
    {
        IReadOnlyList<Address> accounts = await Client.AccountsAsync();

        Assert.Equal(DevAccounts.All.Select(account => account.Address), accounts.Take(DevAccounts.All.Count));
    }

    [Fact]
    public async Task Default_accounts_start_with_10000_ether()
    {
        BigInteger balance = await Client.GetBalanceAsync(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), BlockParameter.Earliest);

        Assert.Equal(BigInteger.Pow(10, 22), balance);
        Assert.Equal(DevAccounts.InitialBalance, balance);
    }

    [Fact]
    public async Task Nonce_counts_sent_transactions_and_pending_matches_latest_under_automine()
    {
        await using var _ = await Node.SnapshotAsync();
        Address sender = DevAccounts.All[1].Address;
        ulong before = await Client.GetTransactionCountAsync(sender, BlockParameter.Latest);

        await Client.SendTransactionAsync(new CallRequest { From = sender, To = DevAccounts.All[2].Address, Value = 1 });

        Assert.Equal(before + 1, await Client.GetTransactionCountAsync(sender, BlockParameter.Latest));
        Assert.Equal(before + 1, await Client.GetTransactionCountAsync(sender, BlockParameter.Pending));
        Assert.Equal(0UL, await Client.GetTransactionCountAsync(sender, BlockParameter.Earliest));
    }

    [Fact]
    public async Task GetCode_of_an_externally_owned_account_is_empty()
    {
        Assert.Empty(await Client.GetCodeAsync(DevAccounts.Deployer.Address, BlockParameter.Latest));
    }

    [Fact]
    public async Task FeeHistory_has_one_base_fee_more_than_blocks_and_a_reward_row_per_block()
    {
        await using var _ = await Node.SnapshotAsync();
        for (int i = 0; i < 3; i++)
        {
            await Client.EvmMineAsync();
        }

        ulong newest = await Client.BlockNumberAsync();

        FeeHistory history = await Client.FeeHistoryAsync(3, newest, [25, 75]);

        Assert.Equal(newest - 2, history.OldestBlock);
        Assert.Equal(4, history.BaseFeePerGas.Count);
        Assert.Equal(3, history.GasUsedRatio.Count);
        Assert.Equal(3, history.Reward.Count);
        Assert.All(history.Reward, row => Assert.Equal(2, row.Count));
        Assert.All(history.GasUsedRatio, ratio => Assert.Equal(0.0, ratio));
        Assert.All(history.BaseFeePerGas, fee => Assert.True(fee > 0));
        Block? latest = await Client.GetBlockByNumberAsync(newest);
        Assert.Equal(latest!.BaseFeePerGas, history.BaseFeePerGas[2]);
    }

    [Fact]
    public async Task A_batch_of_ten_reads_answers_each_in_order()
    {
        var batch = new RpcBatch();
        RpcBatchItem<ulong> chainId = batch.Add(EthRequests.ChainId());
        RpcBatchItem<ulong> blockNumber = batch.Add(EthRequests.BlockNumber());
        var balances = DevAccounts.All.Take(8)
            .Select(account => batch.Add(EthRequests.GetBalance(account.Address, BlockParameter.Earliest)))
            .ToList();

        await Client.BatchAsync(batch);

        Assert.Equal(10, batch.Count);
        Assert.All(batch.Items, item => Assert.True(item.IsSuccess));
        Assert.Equal(31337UL, chainId.Value);
        Assert.Equal(await Client.BlockNumberAsync(), blockNumber.Value);
        Assert.All(balances, balance => Assert.Equal(DevAccounts.InitialBalance, balance.Value));
        Assert.Equal(
            ["eth_chainId", "eth_blockNumber", .. Enumerable.Repeat("eth_getBalance", 8)],
            batch.Items.Select(item => item.Method));
    }

    [Fact]
    public async Task A_batch_item_with_an_invalid_parameter_fails_alone()
    {
        var batch = new RpcBatch();
        RpcBatchItem<ulong> before = batch.Add(EthRequests.ChainId());
        RpcBatchItem<BigInteger> invalid = batch.Add(new RpcRequest<BigInteger>(
            "eth_getBalance",
            writer =>
            {
                writer.WriteStringValue("0xzz");
                writer.WriteStringValue("latest");
            },
            result => throw new InvalidOperationException("An invalid request has no result to read.")));
        RpcBatchItem<BigInteger> after = batch.Add(EthRequests.GetBalance(DevAccounts.Deployer.Address, BlockParameter.Earliest));

        await Client.BatchAsync(batch);

        Assert.Equal(31337UL, before.Value);
        Assert.Equal(DevAccounts.InitialBalance, after.Value);
        Assert.False(invalid.IsSuccess);
        var error = Assert.IsType<RpcException>(invalid.Error);
        Assert.Equal(-32602, error.Code);
        Assert.Equal("eth_getBalance", error.Method);
        Assert.Null(error.ErrorData);
        RpcException thrown = Assert.Throws<RpcException>(() => invalid.Value);
        Assert.Same(error, thrown);
        Assert.Equal($"eth_getBalance failed: {error.NodeMessage} (JSON-RPC error -32602)", thrown.Message);
        Assert.StartsWith("invalid value \"0xzz\" supplied to : ADDRESS", error.NodeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_and_revert_restore_the_block_number()
    {
        ulong start = await Client.BlockNumberAsync();
        string snapshot = await Client.EvmSnapshotAsync();
        for (int i = 0; i < 3; i++)
        {
            await Client.EvmMineAsync();
        }

        Assert.Equal(start + 3, await Client.BlockNumberAsync());

        Assert.True(await Client.EvmRevertAsync(snapshot));
        Assert.Equal(start, await Client.BlockNumberAsync());
        Assert.False(await Client.EvmRevertAsync(snapshot));
    }

    [Fact]
    public async Task Snapshot_helper_reverts_balances_on_dispose()
    {
        Address recipient = DevAccounts.All[3].Address;
        BigInteger start = await Client.GetBalanceAsync(recipient);
        await using (await Node.SnapshotAsync())
        {
            await Client.SendTransactionAsync(new CallRequest { From = DevAccounts.All[4].Address, To = recipient, Value = 12345 });
            Assert.Equal(start + 12345, await Client.GetBalanceAsync(recipient));
        }

        Assert.Equal(start, await Client.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Receipt_transaction_block_and_logs_describe_a_mined_creation()
    {
        await using var _ = await Node.SnapshotAsync();
        Address sender = DevAccounts.Deployer.Address;
        ulong nonce = await Client.GetTransactionCountAsync(sender);
        Address expectedContract = Address.Parse(Oracle.Cast("compute-address", sender.ToString(), "--nonce", nonce.ToString(System.Globalization.CultureInfo.InvariantCulture)).Split(' ')[^1]);

        Bytes32 hash = await Client.SendTransactionAsync(new CallRequest { From = sender, Data = LoggingInitCode });

        TransactionReceipt receipt = (await Client.GetTransactionReceiptAsync(hash))!;
        Assert.Equal(hash, receipt.TransactionHash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(sender, receipt.From);
        Assert.Null(receipt.To);
        Assert.Equal(expectedContract, receipt.ContractAddress);
        Assert.Equal(2, receipt.Type);
        Assert.Equal(await Client.BlockNumberAsync(), receipt.BlockNumber);
        Assert.Equal(receipt.GasUsed, receipt.CumulativeGasUsed);
        Assert.True(receipt.GasUsed > 53000);
        Log log = Assert.Single(receipt.Logs);
        Assert.Equal(expectedContract, log.Address);
        Assert.Equal([LoggedTopic], log.Topics);
        Assert.Equal(Bytes32.FromBytes([.. new byte[31], 0xaa]).ToArray(), log.Data.ToArray());
        Assert.Equal(0UL, log.LogIndex);
        Assert.Equal(hash, log.TransactionHash);
        Assert.Equal(receipt.BlockNumber, log.BlockNumber);
        Assert.Equal(receipt.BlockHash, log.BlockHash);
        Assert.False(log.Removed);

        Block block = (await Client.GetBlockByNumberAsync(receipt.BlockNumber))!;
        Assert.Equal(receipt.BlockHash, block.Hash);
        Assert.Equal(receipt.BlockNumber, block.Number);
        Assert.Equal([hash], block.TransactionHashes);
        Assert.Equal(receipt.GasUsed, block.GasUsed);
        Assert.Equal(block.BaseFeePerGas + (await Client.GetTransactionByHashAsync(hash))!.MaxPriorityFeePerGas, receipt.EffectiveGasPrice);

        TransactionInfo transaction = (await Client.GetTransactionByHashAsync(hash))!;
        Assert.Equal(hash, transaction.Hash);
        Assert.Equal(sender, transaction.From);
        Assert.Null(transaction.To);
        Assert.Equal(nonce, transaction.Nonce);
        Assert.Equal(31337UL, transaction.ChainId);
        Assert.Equal(LoggingInitCode, transaction.Input.ToArray());
        Assert.Equal(receipt.BlockNumber, transaction.BlockNumber);
        Assert.Equal(BigInteger.Zero, transaction.Value);
    }

    [Fact]
    public async Task Unknown_transaction_and_future_block_are_null()
    {
        Assert.Null(await Client.GetTransactionReceiptAsync(Bytes32.Zero));
        Assert.Null(await Client.GetTransactionByHashAsync(Bytes32.Zero));
        Assert.Null(await Client.GetBlockByNumberAsync(await Client.BlockNumberAsync() + 1000));
    }

    [Fact]
    public async Task GetLogs_filters_by_address_and_topic_alternatives()
    {
        await using var _ = await Node.SnapshotAsync();
        ulong from = await Client.BlockNumberAsync() + 1;
        Bytes32 first = await Client.SendTransactionAsync(new CallRequest { From = DevAccounts.All[5].Address, Data = LoggingInitCode });
        Bytes32 second = await Client.SendTransactionAsync(new CallRequest { From = DevAccounts.All[5].Address, Data = LoggingInitCode });
        Address firstContract = (await Client.GetTransactionReceiptAsync(first))!.ContractAddress!.Value;
        Bytes32 otherTopic = Bytes32.Keccak([1, 2, 3]);

        IReadOnlyList<Log> both = await Client.GetLogsAsync(new LogFilter { FromBlock = from, ToBlock = BlockParameter.Latest, Topics = [[otherTopic, LoggedTopic]] });
        IReadOnlyList<Log> onlyFirst = await Client.GetLogsAsync(new LogFilter { FromBlock = from, Addresses = [firstContract], Topics = [null] });
        IReadOnlyList<Log> none = await Client.GetLogsAsync(new LogFilter { FromBlock = from, Topics = [[otherTopic]] });

        Assert.Equal([first, second], both.Select(log => log.TransactionHash));
        Assert.Equal(first, Assert.Single(onlyFirst).TransactionHash);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Call_returns_output_and_a_revert_carries_its_data()
    {
        // Init code that returns the 2 bytes 0xbeef as "runtime code": eth_call of a creation returns it.
        byte[] returning = Hex.Decode("0x61beef6000526002601ef3");
        Assert.Equal([0xbe, 0xef], await Client.CallAsync(new CallRequest { Data = returning }));

        RpcException call = await Assert.ThrowsAsync<RpcException>(() => Client.CallAsync(new CallRequest { Data = RevertingInitCode }));
        RpcException estimate = await Assert.ThrowsAsync<RpcException>(() => Client.EstimateGasAsync(new CallRequest { Data = RevertingInitCode }));

        foreach (RpcException error in (RpcException[])[call, estimate])
        {
            Assert.Equal(-32603, error.Code);
            Assert.Equal([0xde, 0xad, 0xbe, 0xef], error.ErrorData!.Value.ToArray());
            Assert.Equal("Error: VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0xdeadbeef)", error.NodeMessage);
            Assert.False(error.IsTransient);
        }

        Assert.Equal("eth_call failed: Error: VM Exception while processing transaction: reverted with an unrecognized custom error (return data: 0xdeadbeef) (JSON-RPC error -32603)", call.Message);
        Assert.Equal("eth_estimateGas", estimate.Method);
    }

    [Fact]
    public async Task EstimateGas_of_a_plain_transfer_covers_the_21000_it_uses()
    {
        await using var _ = await Node.SnapshotAsync();
        var transfer = new CallRequest { From = DevAccounts.All[6].Address, To = DevAccounts.All[7].Address, Value = 1 };

        ulong gas = await Client.EstimateGasAsync(transfer);
        Bytes32 hash = await Client.SendTransactionAsync(transfer with { Gas = gas });

        Assert.InRange(gas, 21000UL, 21100UL);
        TransactionReceipt receipt = (await Client.GetTransactionReceiptAsync(hash))!;
        Assert.True(receipt.Succeeded);
        Assert.Equal(21000UL, receipt.GasUsed);
        Assert.Equal(gas, (await Client.GetTransactionByHashAsync(hash))!.Gas);
    }

    [Fact]
    public async Task Mined_block_timestamps_follow_evm_mine_and_setNextBlockTimestamp()
    {
        await using var _ = await Node.SnapshotAsync();
        Block latest = (await Client.GetBlockByNumberAsync(BlockParameter.Latest))!;
        ulong first = latest.Timestamp + 1000;

        await Client.EvmMineAsync(first);
        await Client.EvmSetNextBlockTimestampAsync(first + 60);
        await Client.EvmMineAsync();

        Block mined = (await Client.GetBlockByNumberAsync(latest.Number + 1))!;
        Block next = (await Client.GetBlockByNumberAsync(latest.Number + 2))!;
        Assert.Equal(first, mined.Timestamp);
        Assert.Equal(first + 60, next.Timestamp);
        Assert.Equal(mined.Hash, next.ParentHash);
    }

    [Fact]
    public async Task Without_automine_a_transaction_waits_for_evm_mine()
    {
        await using var _ = await Node.SnapshotAsync();
        await Client.EvmSetAutomineAsync(false);
        try
        {
            Bytes32 hash = await Client.SendTransactionAsync(new CallRequest { From = DevAccounts.All[8].Address, To = DevAccounts.All[9].Address, Value = 1 });
            Assert.Null(await Client.GetTransactionReceiptAsync(hash));
            Assert.Null((await Client.GetTransactionByHashAsync(hash))!.BlockNumber);

            await Client.EvmMineAsync();

            Assert.True((await Client.GetTransactionReceiptAsync(hash))!.Succeeded);
        }
        finally
        {
            await Client.EvmSetAutomineAsync(true);
        }
    }

    [Fact]
    public async Task SendTransaction_from_an_unknown_account_is_rejected_by_the_node()
    {
        var stranger = Address.Parse("0x1111111111111111111111111111111111111111");

        RpcException error = await Assert.ThrowsAsync<RpcException>(() => Client.SendTransactionAsync(new CallRequest { From = stranger, To = stranger }));

        Assert.Equal(-32000, error.Code);
        Assert.Equal("eth_sendTransaction failed: Unknown account 0x1111111111111111111111111111111111111111 (JSON-RPC error -32000)", error.Message);
    }
}
