using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Rpc;

/// <summary>The same client against anvil, whose error shapes differ from Hardhat's.</summary>
[Collection(SharedAnvilNode.Name)]
public sealed class AnvilRpcTests(AnvilNodeFixture fixture)
{
    private EthRpcClient Client => fixture.Node.Client;

    [Fact]
    public async Task Anvil_has_chain_id_31337_and_the_same_funded_accounts()
    {
        Assert.Equal(31337UL, await Client.ChainIdAsync());
        Assert.Equal(DevAccounts.All.Select(account => account.Address), await Client.AccountsAsync());
        Assert.Equal(DevAccounts.InitialBalance, await Client.GetBalanceAsync(DevAccounts.Deployer.Address, BlockParameter.Earliest));
    }

    [Fact]
    public async Task A_revert_on_anvil_carries_its_data_in_error_data()
    {
        RpcException error = await Assert.ThrowsAsync<RpcException>(() => Client.CallAsync(new CallRequest { Data = EthRpcClientTests.RevertingInitCode }));

        Assert.Equal(3, error.Code);
        Assert.Equal([0xde, 0xad, 0xbe, 0xef], error.ErrorData!.Value.ToArray());
        Assert.Equal("\"0xdeadbeef\"", error.ErrorDataJson);
        Assert.Equal("eth_call failed: execution reverted: custom error 0xdeadbeef (JSON-RPC error 3)", error.Message);
    }

    [Fact]
    public async Task Anvil_snapshot_revert_mine_and_receipts_work()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        Block latest = (await Client.GetBlockByNumberAsync(BlockParameter.Latest))!;

        await Client.EvmMineAsync(latest.Timestamp + 500);
        Bytes32 hash = await Client.SendTransactionAsync(new CallRequest { From = DevAccounts.Deployer.Address, Data = EthRpcClientTests.LoggingInitCode });

        // anvil answers eth_sendTransaction before it mines the block (Hardhat mines first): poll for the receipt.
        ChainClient reader = await ChainClient.ConnectAsync(Client, signer: null);
        TransactionReceipt receipt = await reader.WaitForReceiptAsync(hash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(EthRpcClientTests.LoggedTopic, Assert.Single(Assert.Single(receipt.Logs).Topics));
        Assert.Equal(latest.Timestamp + 500, (await Client.GetBlockByNumberAsync(latest.Number + 1))!.Timestamp);
    }
}
