using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Codegen.Tests.Generated.AbiShapes;
using EthCx.Codegen.Tests.Generated.Shared;
using EthCx.Contracts.Bindings;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.RoundTrip;

/// <summary>Every AbiShapes function through its generated binding: each value goes to the node and back unchanged.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class AbiShapesRoundTripTests(LocalNodeFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Deposit = BigInteger.Pow(10, 15);

    private AbiShapesService Shapes { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shapes = await AbiShapesService.DeployContractAndGetServiceAsync(Client, "shapes ✓", Samples.Genesis, amountToSend: 7);
    }

    [Fact]
    public async Task Deployment_passes_a_string_a_struct_and_ether_to_the_payable_constructor()
    {
        Assert.Equal("shapes ✓", await Shapes.NameQueryAsync());
        GenesisOutputDto genesis = await Shapes.GenesisQueryAsync();
        Assert.Equal(new GenesisOutputDto(42, "genesis"), genesis);
        Assert.Equal(new BigInteger(7), await Node.Client.GetBalanceAsync(Shapes.ContractAddress));
    }

    [Fact]
    public async Task Deployment_message_gives_the_same_contract_as_the_raw_parameters()
    {
        DeploymentResult result = await AbiShapesService.DeployContractAndWaitForReceiptAsync(Client, new AbiShapesDeployment("by message", new Leaf(1, "x")));
        var second = new AbiShapesService(Client, result.Address);

        Assert.True(result.Receipt.Succeeded);
        Assert.Equal("by message", await second.NameQueryAsync());
        Assert.Equal(BigInteger.Zero, await Node.Client.GetBalanceAsync(result.Address));
    }

    public static TheoryData<string, Uints> UintCases => new() { { "max", Samples.MaxUints }, { "mixed", Samples.MixedUints }, { "zero", Uints.FromAbiValues([.. Enumerable.Repeat<object?>(BigInteger.Zero, 32)]) } };

    [Theory]
    [MemberData(nameof(UintCases))]
    public async Task Every_unsigned_width_from_uint8_to_uint256_round_trips(string name, Uints values)
    {
        Assert.NotEmpty(name);

        Uints echoed = await Shapes.EchoUintsQueryAsync(values);

        Assert.Equal(values, echoed);
    }

    [Fact]
    public async Task Unsigned_widths_map_to_the_smallest_builtin_type_that_holds_them()
    {
        Uints echoed = await Shapes.EchoUintsQueryAsync(Samples.MaxUints);

        Assert.Equal(byte.MaxValue, echoed.U8);
        Assert.Equal(ushort.MaxValue, echoed.U16);
        Assert.Equal((1u << 24) - 1, echoed.U24);
        Assert.Equal(uint.MaxValue, echoed.U32);
        Assert.Equal((1UL << 40) - 1, echoed.U40);
        Assert.Equal(ulong.MaxValue, echoed.U64);
        Assert.Equal((BigInteger.One << 72) - 1, echoed.U72);
        Assert.Equal(EvmInteger.MaxUInt256, echoed.U256);
    }

    public static TheoryData<string, Ints> IntCases => new() { { "min", Samples.MinInts }, { "max", Samples.MaxInts }, { "small negative", Samples.SmallNegativeInts } };

    [Theory]
    [MemberData(nameof(IntCases))]
    public async Task Every_signed_width_from_int8_to_int256_round_trips_negative_values_included(string name, Ints values)
    {
        Assert.NotEmpty(name);

        Ints echoed = await Shapes.EchoIntsQueryAsync(values);

        Assert.Equal(values, echoed);
    }

    [Fact]
    public async Task Signed_widths_map_to_the_smallest_builtin_type_that_holds_them()
    {
        Ints echoed = await Shapes.EchoIntsQueryAsync(Samples.MinInts);

        Assert.Equal(sbyte.MinValue, echoed.I8);
        Assert.Equal(short.MinValue, echoed.I16);
        Assert.Equal(-(1 << 23), echoed.I24);
        Assert.Equal(int.MinValue, echoed.I32);
        Assert.Equal(-(1L << 47), echoed.I48);
        Assert.Equal(long.MinValue, echoed.I64);
        Assert.Equal(-(BigInteger.One << 255), echoed.I256);
    }

    [Fact]
    public async Task A_value_too_wide_for_its_solidity_type_is_refused_before_sending_naming_the_type()
    {
        Uints tooWide = Samples.MaxUints with { U24 = 1u << 24 };

        var error = await Assert.ThrowsAsync<AbiEncodingException>(() => Shapes.EchoUintsQueryAsync(tooWide));

        Assert.Contains("uint24", error.Message, StringComparison.Ordinal);
        Assert.Contains("16777216 is out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixed_size_scalars_come_back_as_unnamed_outputs()
    {
        byte[] b20 = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];
        Bytes32 b32 = Bytes32.Keccak("shapes"u8);

        EchoScalarsOutputDto echoed = await Shapes.EchoScalarsQueryAsync(Samples.Alice, true, [0xff], b20, b32);

        Assert.Equal(Samples.Alice, echoed.ReturnValue1);
        Assert.True(echoed.ReturnValue2);
        Assert.Equal([0xff], echoed.ReturnValue3);
        Assert.Equal(b20, echoed.ReturnValue4);
        Assert.Equal(b32, echoed.ReturnValue5);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "a")]
    [InlineData(32, "exactly thirty-two bytes of text")]
    [InlineData(100, "Grüße, 世界 ✓ and a text longer than one ABI word")]
    public async Task Bytes_and_strings_round_trip(int length, string text)
    {
        byte[] data = [.. Samples.LongBytes.Take(length)];

        EchoDynamicOutputDto echoed = await Shapes.EchoDynamicQueryAsync(data, text);

        Assert.Equal(data, echoed.DataOut);
        Assert.Equal(text, echoed.TextOut);
    }

    [Fact]
    public async Task Fixed_size_arrays_round_trip_nested_ones_and_arrays_of_structs_included()
    {
        ushort[] numbers = [1, 2, ushort.MaxValue];
        string[] texts = [string.Empty, Samples.LongText];
        Leaf[] leaves = [new Leaf(1, "a"), new Leaf(2, "b")];
        IReadOnlyList<sbyte>[] grid = [[-128, 127], [0, -1], [1, 2]];

        EchoFixedArraysOutputDto echoed = await Shapes.EchoFixedArraysQueryAsync(numbers, texts, leaves, grid);

        Assert.Equal(numbers, echoed.ReturnValue1);
        Assert.Equal(texts, echoed.ReturnValue2);
        Assert.Equal(leaves, echoed.ReturnValue3);
        Assert.Equal(grid.Select(pair => pair.ToArray()), echoed.ReturnValue4.Select(pair => pair.ToArray()));
    }

    [Fact]
    public async Task A_fixed_size_array_of_the_wrong_length_is_refused_before_sending()
    {
        var error = await Assert.ThrowsAsync<AbiEncodingException>(() => Shapes.EchoFixedArraysQueryAsync([1, 2], ["a", "b"], [new Leaf(1, "a"), new Leaf(2, "b")], [[1, 2], [3, 4], [5, 6]]));

        Assert.Contains("uint16[3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected 3 items, got 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dynamic_arrays_round_trip_empty_and_nested_ones_included()
    {
        BigInteger[] numbers = [-(BigInteger.One << 255), -1, 0, (BigInteger.One << 255) - 1];
        byte[][] blobs = [[], [0], Samples.LongBytes];
        IReadOnlyList<byte>[] nested = [[], [1], [2, 3, 255]];

        EchoDynamicArraysOutputDto echoed = await Shapes.EchoDynamicArraysQueryAsync(numbers, blobs, nested);

        Assert.Equal(numbers, echoed.ReturnValue1);
        Assert.Equal(blobs, echoed.ReturnValue2);
        Assert.Equal(nested.Select(n => n.ToArray()), echoed.ReturnValue3.Select(n => n.ToArray()));
        Assert.Empty((await Shapes.EchoDynamicArraysQueryAsync([], [], [])).ReturnValue1);
    }

    [Fact]
    public async Task Arrays_of_addresses_enums_and_bools_round_trip()
    {
        Address[] accounts = [Samples.Alice, Address.Zero, Samples.Bob];
        Size[] sizes = [Size.Large, Size.Empty, Size.Small];
        bool[] flags = [true, false, true];

        EchoListsOutputDto echoed = await Shapes.EchoListsQueryAsync(accounts, sizes, flags);

        Assert.Equal(accounts, echoed.ReturnValue1);
        Assert.Equal(sizes, echoed.ReturnValue2);
        Assert.Equal(flags, echoed.ReturnValue3);
    }

    [Fact]
    public async Task A_tree_of_nested_structs_arrays_of_structs_fixed_arrays_an_enum_and_a_shared_struct_round_trips()
    {
        Tree echoed = await Shapes.EchoTreeQueryAsync(Samples.Tree);

        AssertTree(Samples.Tree, echoed);
        AssertTree(Samples.OtherTree, await Shapes.EchoTreeQueryAsync(new EchoTreeFunction(Samples.OtherTree)));
    }

    [Fact]
    public async Task Overloads_each_call_their_own_function()
    {
        Assert.Equal("uint256", await Shapes.DescribeUint256QueryAsync(5));
        Assert.Equal("uint256 max", await Shapes.DescribeUint256QueryAsync(EvmInteger.MaxUInt256));
        Assert.Equal("string", await Shapes.DescribeStringQueryAsync("five"));
        Assert.Equal("empty string", await Shapes.DescribeStringQueryAsync(string.Empty));
        Assert.Equal("uint256<uint256", await Shapes.DescribeUint256Uint256QueryAsync(1, 2));
        Assert.Equal("uint256,uint256", await Shapes.DescribeUint256Uint256QueryAsync(2, 1));
        Assert.Equal("describe(uint256)", DescribeUint256Function.Signature);
        Assert.Equal("describe(string)", DescribeStringFunction.Signature);
        Assert.Equal("describe(uint256,uint256)", DescribeUint256Uint256Function.Signature);
        Assert.Equal(new DescribeUint256Function(EvmInteger.MaxUInt256).Object, EvmInteger.MaxUInt256);
    }

    [Fact]
    public async Task A_stored_tree_reads_back_through_a_view_and_both_store_overloads_send()
    {
        TransactionReceipt first = await Shapes.StoreTreeRequestAndWaitForReceiptAsync(Samples.OtherTree);
        AssertTree(Samples.OtherTree, await Shapes.StoredQueryAsync());

        TransactionReceipt second = await Shapes.StoreTreeStringRequestAndWaitForReceiptAsync(Samples.Tree, "with a note");

        Assert.True(first.Succeeded && second.Succeeded);
        AssertTree(Samples.Tree, await Shapes.StoredQueryAsync());
        Assert.Equal(new BigInteger(2), await Shapes.VersionQueryAsync());
        Assert.Equal(new BigInteger(3), await Shapes.StoreTreeQueryAsync(Samples.Tree));
        Assert.Equal(new BigInteger(2), await Shapes.VersionQueryAsync());
    }

    [Fact]
    public async Task A_transaction_message_can_carry_its_own_gas_limit()
    {
        TransactionReceipt receipt = await Shapes.StoreTreeRequestAndWaitForReceiptAsync(new StoreTreeFunction(Samples.Tree) { Gas = 2_000_000 });

        TransactionInfo? sent = await Node.Client.GetTransactionByHashAsync(receipt.TransactionHash);
        Assert.Equal(2_000_000UL, sent!.Gas);
    }

    [Fact]
    public async Task Estimates_and_hash_only_sends_work_for_raw_parameters_and_messages()
    {
        ulong estimate = await Shapes.StoreTreeEstimateGasAsync(Samples.Tree);
        ulong fromMessage = await Shapes.StoreTreeEstimateGasAsync(new StoreTreeFunction(Samples.Tree));
        Bytes32 hash = await Shapes.StoreTreeRequestAsync(Samples.Tree);
        TransactionReceipt receipt = await Client.WaitForReceiptAsync(hash);

        Assert.Equal(estimate, fromMessage);
        Assert.InRange(receipt.GasUsed, 21_000UL, estimate);
    }

    [Fact]
    public async Task A_payable_function_takes_ether_in_a_simulation_and_in_a_transaction()
    {
        Assert.Equal(Deposit, await Shapes.DepositQueryAsync("simulated", Deposit));

        TransactionReceipt receipt = await Shapes.DepositRequestAndWaitForReceiptAsync(new DepositFunction("first") { AmountToSend = Deposit });
        await Shapes.DepositRequestAndWaitForReceiptAsync("second", Deposit);

        Assert.True(receipt.Succeeded);
        Assert.Equal(Deposit * 2, await Shapes.DepositsQueryAsync(Sender.Address));
        Assert.Equal((Deposit * 2) + 7, await Node.Client.GetBalanceAsync(Shapes.ContractAddress));
    }

    [Fact]
    public async Task Plain_ether_reaches_the_receive_function()
    {
        TransactionReceipt receipt = await Shapes.ReceiveRequestAndWaitForReceiptAsync(Deposit);

        EventLog<ReceivedEventDto> received = Assert.Single(Shapes.DecodeReceivedEvents(receipt));
        Assert.Equal(new ReceivedEventDto(Sender.Address, Deposit), received.Event);
        Assert.Equal(Deposit + 7, await Node.Client.GetBalanceAsync(Shapes.ContractAddress));
    }

    [Fact]
    public async Task Unknown_calldata_reaches_the_fallback_function_which_returns_it()
    {
        byte[] data = [0xde, 0xad, 0xbe, 0xef, 1, 2, 3];

        byte[] returned = await Shapes.FallbackQueryAsync(data);
        TransactionReceipt receipt = await Shapes.FallbackRequestAndWaitForReceiptAsync(data, amountToSend: 5);

        Assert.Equal(data, returned); // a fallback's return data is raw, not ABI-encoded
        FallbackCalledEventDto called = Assert.Single(Shapes.DecodeFallbackCalledEvents(receipt)).Event;
        Assert.Equal(Sender.Address, called.From);
        Assert.Equal(new BigInteger(5), called.Amount);
        Assert.Equal(data, called.Data);
    }

    [Fact]
    public void Descriptors_are_static_data_that_match_the_artifact()
    {
        CompiledContract artifact = CompiledContract.Load("tests/contracts/AbiShapes.sol", "AbiShapes");

        Assert.Equal(artifact.Abi.GetFunction("echoTree").Selector, EchoTreeFunction.Selector);
        Assert.Equal(artifact.Abi.GetFunction("echoTree").Signature, EchoTreeFunction.Abi.Signature);
        Assert.Equal(EchoTreeFunction.Abi.Selector, EchoTreeFunction.Selector);
        Assert.Equal(artifact.Abi.GetFunction("describe(uint256,uint256)").Selector, DescribeUint256Uint256Function.Selector);
        Assert.Equal(artifact.Abi.GetEvent("Tagged").Topic0, TaggedEventDto.Topic0);
        Assert.Equal(artifact.Abi.GetError("ShapeBadLeaf").Selector, ShapeBadLeafException.Selector);
        Assert.Equal(artifact.Abi.Errors.Select(e => e.Signature).Order(), AbiShapesErrors.All.Select(e => e.Signature).Order());
        Assert.Equal(artifact.Bytecode, AbiShapesDeployment.Bytecode.ToArray());
        Assert.Equal(
            artifact.Abi.Constructor!.EncodeDeployment(artifact.Bytecode, ["n", new object?[] { new BigInteger(1), "x" }]),
            new AbiShapesDeployment("n", new Leaf(1, "x")).Encode());
    }

    /// <summary>Trees hold lists, which records compare by reference: compare their ABI encodings instead.</summary>
    private static void AssertTree(Tree expected, Tree actual)
    {
        AbiType type = EchoTreeFunction.Abi.Inputs[0].Type;
        Assert.Equal(Hex.Encode(AbiEncoder.Encode([type], [expected.ToAbiValues()])), Hex.Encode(AbiEncoder.Encode([type], [actual.ToAbiValues()])));
        Assert.Equal(expected.Owner, actual.Owner);
        Assert.Equal(expected.Size, actual.Size);
        Assert.Equal(expected.Branches.Count, actual.Branches.Count);
        for (int i = 0; i < expected.Branches.Count; i++)
        {
            Assert.Equal(expected.Branches[i].Leaf, actual.Branches[i].Leaf);
            Assert.Equal(expected.Branches[i].Leaves, actual.Branches[i].Leaves);
            Assert.Equal(expected.Branches[i].Hashes, actual.Branches[i].Hashes);
            Assert.Equal(expected.Branches[i].Offset, actual.Branches[i].Offset);
            Assert.Equal(expected.Branches[i].At, actual.Branches[i].At);
        }
    }
}
