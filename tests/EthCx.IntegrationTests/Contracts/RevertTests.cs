using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts;

/// <summary>Each kind of revert, in a call, an estimate and a mined transaction, surfaces decoded.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class RevertTests(LocalNodeFixture fixture)
{
    private static readonly CompiledContract Reverter = CompiledContract.Load("tests/contracts/Reverter.sol", "Reverter");

    private static readonly Address Caller = DevAccounts.All[6].Address;

    private LocalNode Node => fixture.Node;

    /// <summary>The function, its arguments, the revert kind and the exception message's tail.</summary>
    public static TheoryData<string, object?[], RevertKind, string> Reverts => new()
    {
        { "setAtMost", [new BigInteger(5), BigInteger.One], RevertKind.Error, "Error(message=\"Reverter: over limit\")" },
        { "divide", [BigInteger.One, BigInteger.Zero], RevertKind.Panic, "Panic(0x12: division or modulo by zero)" },
        { "withdraw", [new BigInteger(7)], RevertKind.Custom, $"ReverterInsufficientBalance(account={Caller}, balance=0, needed=7)" },
        { "reset", [new BigInteger(3)], RevertKind.Empty, "empty revert data (no reason given)" },
    };

    [Theory]
    [MemberData(nameof(Reverts))]
    public async Task A_call_reverts_with_the_decoded_error(string function, object?[] arguments, RevertKind kind, string description)
    {
        await using var _ = await Node.SnapshotAsync();
        ContractHandler reverter = await DeployAsync();

        ContractRevertException error = await Assert.ThrowsAsync<ContractRevertException>(() => reverter.QueryAsync(Reverter.Abi.GetFunction(function), arguments));

        AssertRevert(error, "call", kind, description);
        Assert.Null(error.TransactionHash);
        Assert.Equal("The call reverted: " + description, error.Message);
        Assert.Equal("eth_call", Assert.IsType<RpcException>(error.InnerException).Method);
    }

    [Theory]
    [MemberData(nameof(Reverts))]
    public async Task An_estimate_reverts_with_the_decoded_error_and_nothing_is_sent(string function, object?[] arguments, RevertKind kind, string description)
    {
        await using var _ = await Node.SnapshotAsync();
        ContractHandler reverter = await DeployAsync();
        ulong nonce = await Node.Client.GetTransactionCountAsync(Caller, BlockParameter.Pending);

        ContractRevertException error = await Assert.ThrowsAsync<ContractRevertException>(() => reverter.SendRequestAndWaitForReceiptAsync(Reverter.Abi.GetFunction(function), arguments));

        AssertRevert(error, "estimateGas", kind, description);
        Assert.Equal("The estimateGas reverted: " + description, error.Message);
        Assert.Equal(nonce, await Node.Client.GetTransactionCountAsync(Caller, BlockParameter.Pending));
    }

    [Theory]
    [MemberData(nameof(Reverts))]
    public async Task A_mined_transaction_with_status_0_reverts_with_the_decoded_error(string function, object?[] arguments, RevertKind kind, string description)
    {
        await using var _ = await Node.SnapshotAsync();
        ContractHandler reverter = await DeployAsync();
        var request = new TransactionRequest { To = reverter.Address, Data = Reverter.Abi.GetFunction(function).EncodeCall(arguments), Gas = 100_000, Errors = reverter.Errors };

        Bytes32 hash = await reverter.Client.SendAsync(request);
        ContractRevertException error = await Assert.ThrowsAsync<ContractRevertException>(() => reverter.Client.WaitForReceiptAsync(hash, request.Errors));

        TransactionReceipt receipt = (await Node.Client.GetTransactionReceiptAsync(hash))!;
        Assert.False(receipt.Succeeded);
        AssertRevert(error, "transaction", kind, description);
        Assert.Equal(hash, error.TransactionHash);
        Assert.Equal($"The transaction {hash} reverted: {description}", error.Message);
        ContractRevertException viaSendAndWait = await Assert.ThrowsAsync<ContractRevertException>(() => reverter.Client.SendAndWaitAsync(request));
        Assert.Equal(description, viaSendAndWait.Error.Description);
    }

    [Fact]
    public async Task Without_the_contract_errors_a_custom_error_is_unknown_but_keeps_its_data()
    {
        await using var _ = await Node.SnapshotAsync();
        ContractHandler reverter = await DeployAsync();
        var bare = new ContractHandler(reverter.Client, reverter.Address, []);

        ContractRevertException error = await Assert.ThrowsAsync<ContractRevertException>(() => bare.QueryAsync(Reverter.Abi.GetFunction("withdraw"), [new BigInteger(7)]));

        Assert.Equal(RevertKind.Unknown, error.Error.Kind);
        Assert.Equal(Reverter.Abi.GetError("ReverterInsufficientBalance").Selector, error.Error.Selector);
        Assert.Equal(4 + (3 * 32), error.Error.RawData.Length);
    }

    private static void AssertRevert(ContractRevertException error, string operation, RevertKind kind, string description)
    {
        Assert.Equal(operation, error.Operation);
        Assert.Equal(kind, error.Error.Kind);
        Assert.Equal(description, error.Error.Description);
    }

    private async Task<ContractHandler> DeployAsync()
    {
        ChainClient client = await ChainClient.ConnectAsync(Node.Client, TestSigners.Of(6));
        DeploymentResult deployment = await client.DeployAsync(Reverter.Bytecode, errors: Reverter.Abi.Errors);
        return new ContractHandler(client, deployment.Address, Reverter.Abi.Errors);
    }
}
