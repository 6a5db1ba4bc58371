using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Rpc;

/// <summary>Batches whose items fail in different ways, on the real node (in-order reads are in <see cref="EthRpcClientTests"/>).</summary>
[Collection(SharedLocalNode.Name)]
public sealed class RpcBatchNodeTests(LocalNodeFixture fixture)
{
    private EthRpcClient Client => fixture.Node.Client;

    [Fact]
    public async Task A_reverting_call_and_an_unknown_method_fail_alone_among_reads()
    {
        var batch = new RpcBatch();
        RpcBatchItem<ulong> chainId = batch.Add(EthRequests.ChainId());
        RpcBatchItem<byte[]> revert = batch.Add(EthRequests.Call(new CallRequest { Data = EthRpcClientTests.RevertingInitCode }, BlockParameter.Latest));
        RpcBatchItem<BigInteger> balance = batch.Add(EthRequests.GetBalance(DevAccounts.Deployer.Address, BlockParameter.Earliest));
        RpcBatchItem<string> unknown = batch.Add(new RpcRequest<string>("eth_noSuchMethod", null, result => result.GetString()!));
        RpcBatchItem<TransactionReceipt?> missing = batch.Add(EthRequests.GetTransactionReceipt(Bytes32.Zero));

        await Client.BatchAsync(batch);

        Assert.Equal(31337UL, chainId.Value);
        Assert.Equal(DevAccounts.InitialBalance, balance.Value);
        Assert.Null(missing.Value);
        RpcException reverted = Assert.IsType<RpcException>(revert.Error);
        Assert.Equal("eth_call", reverted.Method);
        Assert.Equal([0xde, 0xad, 0xbe, 0xef], reverted.ErrorData!.Value.ToArray());
        RpcException notFound = Assert.IsType<RpcException>(unknown.Error);
        Assert.Equal(-32004, notFound.Code); // EIP-1474 "method not supported", Hardhat's code for unknown methods
        Assert.Equal("Method eth_noSuchMethod is not supported", notFound.NodeMessage);
        Assert.Equal("eth_noSuchMethod", notFound.Method);
        Assert.Equal([true, false, true, false, true], batch.Items.Select(item => item.IsSuccess));
    }

    [Fact]
    public async Task A_batch_of_a_hundred_reads_matches_each_answer_to_its_request()
    {
        ulong latest = await Client.BlockNumberAsync();
        var batch = new RpcBatch();
        var blocks = Enumerable.Range(0, 100).Select(i => batch.Add(EthRequests.GetBlockByNumber((ulong)i % (latest + 1)))).ToList();

        await Client.BatchAsync(batch);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (ulong)i % (latest + 1)), blocks.Select(block => block.Value!.Number));
    }
}
