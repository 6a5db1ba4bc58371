using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Accounts;
using EthCx.Chain.Contracts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Chain.Transactions;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts;

[Collection(SharedLocalNode.Name)]
public sealed class ChainClientTests(LocalNodeFixture fixture)
{
    private static readonly CompiledContract Counter = CompiledContract.Load("tests/contracts/Counter.sol", "Counter");

    private LocalNode Node => fixture.Node;

    [Fact]
    public async Task Connect_reads_the_chain_id_and_a_signer_bound_to_another_chain_is_refused()
    {
        ChainClient client = await ChainClient.ConnectAsync(Node.Client, TestSigners.Of(0));
        Assert.Equal(31337UL, client.ChainId);
        Assert.Equal(TestSigners.Of(0).Address, client.Nonces!.Account);

        var mainnetSigner = new ChainBoundSigner(TestSigners.Of(0), 1);
        ChainIdMismatchException error = await Assert.ThrowsAsync<ChainIdMismatchException>(() => ChainClient.ConnectAsync(Node.Client, mainnetSigner));

        Assert.Equal(1UL, error.ExpectedChainId);
        Assert.Equal(31337UL, error.ActualChainId);
        Assert.Equal($"Signer {mainnetSigner.Address} is bound to chain 1 but the node is on chain 31337; no transaction will be signed for it.", error.Message);
        Assert.Equal(31337UL, (await ChainClient.ConnectAsync(Node.Client, new ChainBoundSigner(TestSigners.Of(0), 31337))).ChainId);
    }

    [Fact]
    public async Task An_Eip1559_transaction_signed_here_is_mined_under_the_hash_computed_here()
    {
        await using var _ = await Node.SnapshotAsync();
        ChainClient client = await ChainClient.ConnectAsync(Node.Client, TestSigners.Of(1));
        Address recipient = DevAccounts.All[2].Address;
        BigInteger before = await Node.Client.GetBalanceAsync(recipient);

        var transfer = new TransactionRequest { To = recipient, Value = 12345 };
        ulong estimate = await client.EstimateGasAsync(transfer);

        Bytes32 hash = await client.SendAsync(transfer);
        TransactionReceipt receipt = await client.WaitForReceiptAsync(hash);

        Assert.Equal(hash, receipt.TransactionHash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(2, receipt.Type);
        Assert.Equal(21000UL, receipt.GasUsed);
        TransactionInfo mined = (await Node.Client.GetTransactionByHashAsync(hash))!;
        Assert.Equal(31337UL, mined.ChainId);
        Assert.Equal(TestSigners.Of(1).Address, mined.From);
        Assert.Equal((ulong)Math.Ceiling(estimate * 1.2), mined.Gas);
        Block block = (await Node.Client.GetBlockByNumberAsync(receipt.BlockNumber - 1))!;
        Assert.True(mined.MaxFeePerGas >= 2 * block.BaseFeePerGas);
        Assert.Equal(before + 12345, await Node.Client.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task The_20_mnemonic_accounts_are_the_nodes_and_hold_its_balances()
    {
        using HdWallet wallet = HdWallet.FromMnemonic(DevAccounts.Mnemonic);
        IReadOnlyList<Address> nodeAccounts = await Node.Client.AccountsAsync();

        Address[] derived = [.. Enumerable.Range(0, 20).Select(index =>
        {
            using PrivateKeySigner signer = wallet.DeriveSigner(index);
            return signer.Address;
        })];

        Assert.Equal(nodeAccounts, derived);
        var batch = new RpcBatch();
        var balances = derived.Select(address => batch.Add(EthRequests.GetBalance(address, BlockParameter.Earliest))).ToList();
        await Node.Client.BatchAsync(batch);
        Assert.All(balances, balance => Assert.Equal(DevAccounts.InitialBalance, balance.Value));
    }

    [Fact]
    public async Task Deploy_query_send_and_events_go_through_a_contract_handler()
    {
        await using var _ = await Node.SnapshotAsync();
        ChainClient client = await ChainClient.ConnectAsync(Node.Client, TestSigners.Of(3));
        AbiFunction count = Counter.Abi.GetFunction("count");
        AbiFunction increment = Counter.Abi.GetFunction("increment");
        AbiEvent counted = Counter.Abi.GetEvent("Counted");
        ulong from = await Node.Client.BlockNumberAsync() + 1;

        DeploymentResult deployment = await client.DeployAsync(Counter.Bytecode);
        var counter = new ContractHandler(client, deployment.Address, Counter.Abi.Errors);
        BigInteger before = (BigInteger)(await counter.QueryAsync(count, []))[0]!;
        TransactionReceipt first = await counter.SendRequestAndWaitForReceiptAsync(increment, []);
        Bytes32 secondHash = await counter.SendRequestAsync(increment, []);
        TransactionReceipt second = await client.WaitForReceiptAsync(secondHash);
        ulong estimate = await counter.EstimateGasAsync(increment, []);

        Assert.Equal(deployment.Address, deployment.Receipt.ContractAddress);
        Assert.NotEmpty(await Node.Client.GetCodeAsync(deployment.Address));
        Assert.Equal(BigInteger.Zero, before);
        Assert.Equal(new BigInteger(2), (await counter.QueryAsync(count, []))[0]);
        Assert.Equal(BigInteger.One, (await counter.QueryAsync(count, [], first.BlockNumber))[0]);
        Assert.InRange(estimate, 25000UL, 50000UL);

        IReadOnlyList<EventLog> all = await counter.GetEventsAsync(counted, [], from, BlockParameter.Latest);
        Assert.Equal([first.TransactionHash, second.TransactionHash], all.Select(e => e.Log.TransactionHash));
        Assert.Equal([client.Signer!.Address, BigInteger.One], all[0].Values);
        Assert.Equal([client.Signer!.Address, new BigInteger(2)], all[1].Values);

        Bytes32 bySigner = AbiEvent.EncodeTopic(AbiAddress.Instance, client.Signer.Address);
        Bytes32 byOther = AbiEvent.EncodeTopic(AbiAddress.Instance, DevAccounts.All[4].Address);
        Assert.Equal(2, (await counter.GetEventsAsync(counted, [[byOther, bySigner]], from, BlockParameter.Latest)).Count);
        Assert.Empty(await counter.GetEventsAsync(counted, [[byOther]], from, BlockParameter.Latest));
        Assert.Single(await counter.GetEventsAsync(counted, [], second.BlockNumber, second.BlockNumber));
    }

    [Fact]
    public async Task A_read_only_client_calls_but_does_not_send()
    {
        ChainClient client = await ChainClient.ConnectAsync(Node.Client, signer: null);

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new TransactionRequest { To = DevAccounts.Deployer.Address }));

        Assert.Null(client.Nonces);
        Assert.Equal("This ChainClient was connected without a signer: it can call and estimate but not send transactions.", error.Message);
        Assert.InRange(await client.EstimateGasAsync(new TransactionRequest { To = DevAccounts.Deployer.Address }), 21000UL, 21100UL);
    }

    [Fact]
    public async Task A_node_rejection_surfaces_as_an_RpcException_and_leaves_the_nonce_unused()
    {
        await using var _ = await Node.SnapshotAsync();
        ChainClient client = await ChainClient.ConnectAsync(Node.Client, TestSigners.Of(5));
        Address sender = client.Signer!.Address;
        ulong nonce = await Node.Client.GetTransactionCountAsync(sender, BlockParameter.Pending);

        RpcException error = await Assert.ThrowsAsync<RpcException>(() =>
            client.SendAsync(new TransactionRequest { To = DevAccounts.Deployer.Address, Value = DevAccounts.InitialBalance * 2, Gas = 21000 }));
        TransactionReceipt next = await client.SendAndWaitAsync(new TransactionRequest { To = DevAccounts.Deployer.Address, Value = 1 });

        Assert.Equal("eth_sendRawTransaction", error.Method);
        Assert.Contains("enough funds", error.NodeMessage, StringComparison.Ordinal);
        Assert.Equal(nonce, (await Node.Client.GetTransactionByHashAsync(next.TransactionHash))!.Nonce);
    }
}
