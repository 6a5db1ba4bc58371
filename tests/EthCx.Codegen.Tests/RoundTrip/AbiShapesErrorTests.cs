using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Codegen.Tests.Generated.AbiShapes;
using EthCx.Codegen.Tests.Generated.Shared;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.RoundTrip;

/// <summary>Every custom error surfaces as its generated exception with its arguments: on eth_call, on eth_estimateGas and on a mined transaction.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class AbiShapesErrorTests(LocalNodeFixture fixture) : ChainTest(fixture)
{
    /// <summary>Gas for a transaction sent without an estimate, so that it is mined and reverts on chain.</summary>
    private const ulong MinedGas = 300_000;

    private AbiShapesService Shapes { get; set; } = null!;

    public static TheoryData<byte, string> Errors => new()
    {
        { 0, "ShapeEmpty()" },
        { 1, "ShapeTooSmall(given=1, minimum=10)" },
        { 2, "ShapeNegative(value=-2000000000000000, code=-128)" },
        { 3, "ShapeBadLeaf(leaf=(7, \"seven ✓\"), reason=\"bad leaf\")" },
        { 4, "ShapeBadArrays(fixedValues=[1, 2, 65535], items=[0x01ff, 0x], points=[(-1, 2)])" },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shapes = await AbiShapesService.DeployContractAndGetServiceAsync(Client, "errors", Samples.Genesis);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_custom_error_is_its_typed_exception_on_eth_call(byte which, string description)
    {
        ContractRevertException error = await Assert.ThrowsAnyAsync<ContractRevertException>(() => Shapes.FailQueryAsync(which));

        AssertTyped(which, error);
        Assert.Equal("call", error.Operation);
        Assert.Null(error.TransactionHash);
        Assert.Equal("The call reverted: " + description, error.Message);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_custom_error_is_its_typed_exception_on_eth_estimateGas_and_nothing_is_sent(byte which, string description)
    {
        ulong nonce = await Node.Client.GetTransactionCountAsync(Sender.Address, BlockParameter.Pending);

        ContractRevertException estimate = await Assert.ThrowsAnyAsync<ContractRevertException>(() => Shapes.FailEstimateGasAsync(which));
        ContractRevertException send = await Assert.ThrowsAnyAsync<ContractRevertException>(() => Shapes.FailRequestAndWaitForReceiptAsync(which));

        AssertTyped(which, estimate);
        AssertTyped(which, send);
        Assert.Equal("estimateGas", estimate.Operation);
        Assert.Equal("estimateGas", send.Operation);
        Assert.Equal("The estimateGas reverted: " + description, estimate.Message);
        Assert.Equal(nonce, await Node.Client.GetTransactionCountAsync(Sender.Address, BlockParameter.Pending));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_custom_error_is_its_typed_exception_on_a_mined_transaction(byte which, string description)
    {
        ContractRevertException error = await Assert.ThrowsAnyAsync<ContractRevertException>(() => Shapes.FailRequestAndWaitForReceiptAsync(new FailFunction(which) { Gas = MinedGas }));

        AssertTyped(which, error);
        Assert.Equal("transaction", error.Operation);
        Bytes32 hash = Assert.IsType<Bytes32>(error.TransactionHash);
        Assert.Equal($"The transaction {hash} reverted: {description}", error.Message);
        TransactionReceipt? receipt = await Node.Client.GetTransactionReceiptAsync(hash);
        Assert.False(receipt!.Succeeded);
        Assert.Equal(BigInteger.Zero, await Shapes.FailuresQueryAsync());
    }

    [Fact]
    public async Task A_hash_only_send_of_a_reverting_transaction_surfaces_the_typed_exception_when_the_receipt_is_awaited()
    {
        Bytes32 hash = await Shapes.FailRequestAsync(new FailFunction(1) { Gas = MinedGas });

        ContractRevertException error = await Assert.ThrowsAnyAsync<ContractRevertException>(() => Client.WaitForReceiptAsync(hash, AbiShapesErrors.All));

        ShapeTooSmallException typed = Assert.IsType<ShapeTooSmallException>(AbiShapesErrors.ToTyped(error));
        Assert.Equal(hash, typed.TransactionHash);
        Assert.Equal(BigInteger.One, typed.Given);
    }

    [Fact]
    public async Task A_view_raises_its_custom_error_typed()
    {
        ShapeEmptyException error = await Assert.ThrowsAsync<ShapeEmptyException>(() => Shapes.StoredQueryAsync());

        Assert.Equal(RevertKind.Custom, error.Error.Kind);
        Assert.Equal(ShapeEmptyException.Selector, error.Error.Selector);
    }

    [Fact]
    public async Task Error_string_and_panic_stay_plain_contract_reverts()
    {
        ContractRevertException message = await Assert.ThrowsAsync<ContractRevertException>(() => Shapes.FailQueryAsync(5));
        ContractRevertException panic = await Assert.ThrowsAsync<ContractRevertException>(() => Shapes.FailRequestAndWaitForReceiptAsync(new FailFunction(6) { Gas = MinedGas }));

        Assert.Equal("plain message", message.Error.Message);
        Assert.Equal(BigInteger.One, panic.Error.PanicCode);
        Assert.Equal("transaction", panic.Operation);
        Assert.Same(message, AbiShapesErrors.ToTyped(message));
    }

    [Fact]
    public async Task A_typed_exception_refuses_a_revert_of_another_error()
    {
        ContractRevertException other = await Assert.ThrowsAnyAsync<ContractRevertException>(() => Shapes.FailQueryAsync(1));

        var error = Assert.Throws<ArgumentException>(() => new ShapeNegativeException(other));

        Assert.StartsWith("The revert is ShapeTooSmall(given=1, minimum=10), not the custom error ShapeNegative(int64,int8).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_typed_exception_keeps_the_decoded_error_and_the_nodes_error()
    {
        ShapeBadLeafException error = await Assert.ThrowsAsync<ShapeBadLeafException>(() => Shapes.FailQueryAsync(3));

        Assert.Equal("ShapeBadLeaf((uint64,string),string)", error.Error.Signature);
        Assert.Equal(["leaf", "reason"], error.Error.Arguments.Select(a => a.Name));
        Assert.IsType<RpcException>(error.InnerException);
    }

    private static void AssertTyped(byte which, ContractRevertException error)
    {
        switch (which)
        {
            case 0:
                Assert.IsType<ShapeEmptyException>(error);
                break;
            case 1:
                var tooSmall = Assert.IsType<ShapeTooSmallException>(error);
                Assert.Equal(BigInteger.One, tooSmall.Given);
                Assert.Equal(new BigInteger(10), tooSmall.Minimum);
                break;
            case 2:
                var negative = Assert.IsType<ShapeNegativeException>(error);
                Assert.Equal(-2_000_000_000_000_000L, negative.Value);
                Assert.Equal(sbyte.MinValue, negative.Code);
                break;
            case 3:
                var badLeaf = Assert.IsType<ShapeBadLeafException>(error);
                Assert.Equal(new Leaf(7, "seven ✓"), badLeaf.Leaf);
                Assert.Equal("bad leaf", badLeaf.Reason);
                break;
            case 4:
                var badArrays = Assert.IsType<ShapeBadArraysException>(error);
                Assert.Equal([1, 2, ushort.MaxValue], badArrays.FixedValues);
                Assert.Equal([[0x01, 0xff], []], badArrays.Items);
                Assert.Equal([new Point(-1, 2)], badArrays.Points);
                break;
            default:
                Assert.Fail($"No custom error for {which}.");
                break;
        }
    }
}
