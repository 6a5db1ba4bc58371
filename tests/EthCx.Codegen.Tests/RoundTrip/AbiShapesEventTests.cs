using System.Numerics;
using System.Text;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Codegen.Tests.Generated.AbiShapes;
using EthCx.Contracts.Bindings;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.RoundTrip;

/// <summary>Events through their generated DTOs and filters: indexed value types and hashed dynamic values, anonymous and overloaded events.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class AbiShapesEventTests(LocalNodeFixture fixture) : ChainTest(fixture)
{
    private static readonly Leaf RedLeaf = new(7, "red leaf");
    private static readonly byte[] RedBlob = [0xde, 0xad];

    private AbiShapesService Shapes { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Shapes = await AbiShapesService.DeployContractAndGetServiceAsync(Client, "events", Samples.Genesis);
    }

    [Fact]
    public async Task Events_with_indexed_value_types_filter_by_value_and_carry_their_struct_data()
    {
        await Shapes.StoreTreeRequestAndWaitForReceiptAsync(Samples.OtherTree);
        TransactionReceipt second = await Shapes.StoreTreeStringRequestAndWaitForReceiptAsync(Samples.Tree, "second");

        IReadOnlyList<EventLog<TreeStoredEventDto>> all = await Shapes.GetTreeStoredEventsAsync(null, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<TreeStoredEventDto>> version2 = await Shapes.GetTreeStoredEventsAsync(new TreeStoredEventFilter { By = [Sender.Address], Version = [2] }, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<TreeStoredEventDto>> byOther = await Shapes.GetTreeStoredEventsAsync(new TreeStoredEventFilter { By = [Samples.Bob] }, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<TreeStoredEventDto>> eitherVersion = await Shapes.GetTreeStoredEventsAsync(new TreeStoredEventFilter { Version = [1, 2, 3] }, BlockParameter.Earliest, BlockParameter.Latest);

        Assert.Equal([BigInteger.One, 2], all.Select(e => e.Event.Version));
        EventLog<TreeStoredEventDto> stored = Assert.Single(version2);
        Assert.Equal(Sender.Address, stored.Event.By);
        Assert.Equal("second", stored.Event.Note);
        Assert.Equal(Samples.Tree.Branches[0].Leaves, stored.Event.Tree.Branches[0].Leaves);
        Assert.Equal(Samples.Tree.Extra, stored.Event.Tree.Extra);
        Assert.Equal(second.TransactionHash, stored.Log.TransactionHash);
        Assert.Empty(byOther);
        Assert.Equal(2, eitherVersion.Count);
        Assert.Equal(stored.Event.Note, Assert.Single(Shapes.DecodeTreeStoredEvents(second)).Event.Note);
    }

    [Fact]
    public async Task Indexed_strings_bytes_and_structs_are_hashes_in_the_log_and_filter_by_their_value()
    {
        await Shapes.TagRequestAndWaitForReceiptAsync("red", RedBlob, RedLeaf, -5);
        TransactionReceipt blue = await Shapes.TagRequestAndWaitForReceiptAsync("blue", [], new Leaf(8, "blue leaf"), 5);

        IReadOnlyList<EventLog<TaggedEventDto>> red = await Shapes.GetTaggedEventsAsync(new TaggedEventFilter { Tag = ["red"] }, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<TaggedEventDto>> byLeaf = await Shapes.GetTaggedEventsAsync(new TaggedEventFilter { Leaf = [RedLeaf] }, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<TaggedEventDto>> byBlob = await Shapes.GetTaggedEventsAsync(new TaggedEventFilter { Blob = [[], RedBlob] }, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<TaggedEventDto>> none = await Shapes.GetTaggedEventsAsync(new TaggedEventFilter { Tag = ["red"], Blob = [[]] }, BlockParameter.Earliest, BlockParameter.Latest);

        TaggedEventDto tagged = Assert.Single(red).Event;
        Assert.Equal(Bytes32.Keccak("red"u8), tagged.Tag);
        Assert.Equal(Bytes32.Keccak(RedBlob), tagged.Blob);
        Assert.Equal(AbiEvent.EncodeTopic(TaggedEventDto.Abi.Parameters[2].Type, RedLeaf.ToAbiValues()), tagged.Leaf);
        Assert.Equal("red", tagged.TagText);
        Assert.Equal(RedBlob, tagged.BlobData);
        Assert.Equal(tagged, Assert.Single(byLeaf).Event with { BlobData = tagged.BlobData });
        Assert.Equal(2, byBlob.Count);
        Assert.Empty(none);
        Assert.Equal(Bytes32.Keccak(Encoding.UTF8.GetBytes("blue")), Assert.Single(Shapes.DecodeTaggedEvents(blue)).Event.Tag);
    }

    [Fact]
    public async Task An_anonymous_event_is_read_by_its_indexed_values_and_other_events_are_skipped()
    {
        await Shapes.TagRequestAndWaitForReceiptAsync("first", RedBlob, RedLeaf, -32768);
        TransactionReceipt second = await Shapes.TagRequestAndWaitForReceiptAsync("second", [], RedLeaf, 32767);

        IReadOnlyList<EventLog<NotedEventDto>> all = await Shapes.GetNotedEventsAsync(null, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<NotedEventDto>> bySenderAndNote = await Shapes.GetNotedEventsAsync(
            new NotedEventFilter { Sender = [Sender.Address], Note = ["second"] }, BlockParameter.Earliest, BlockParameter.Latest);
        IReadOnlyList<EventLog<NotedEventDto>> byNumber = await Shapes.GetNotedEventsAsync(new NotedEventFilter { Number = [1] }, BlockParameter.Earliest, BlockParameter.Latest);

        Assert.Equal([(short)-32768, 32767], all.Select(e => e.Event.Delta));
        NotedEventDto noted = Assert.Single(bySenderAndNote).Event;
        Assert.Equal(new NotedEventDto(Sender.Address, 2, Bytes32.Keccak([]), Bytes32.Keccak("second"u8), 32767), noted);
        Assert.Equal(-32768, Assert.Single(byNumber).Event.Delta);
        Assert.Equal(noted, Assert.Single(Shapes.DecodeNotedEvents(second)).Event);
        Assert.False(NotedEventDto.Abi.Parameters.Count == 0);
    }

    [Fact]
    public async Task Overloaded_events_decode_separately()
    {
        TransactionReceipt receipt = await Shapes.TagRequestAndWaitForReceiptAsync("label", [], RedLeaf, 0);

        Assert.Equal(new CountedUint256EventDto(1), Assert.Single(Shapes.DecodeCountedUint256Events(receipt)).Event);
        Assert.Equal(new CountedUint256StringEventDto(1, "label"), Assert.Single(Shapes.DecodeCountedUint256StringEvents(receipt)).Event);
        Assert.Single(await Shapes.GetCountedUint256StringEventsAsync(BlockParameter.Earliest, BlockParameter.Latest));
        Assert.NotEqual(CountedUint256EventDto.Topic0, CountedUint256StringEventDto.Topic0);
    }

    [Fact]
    public async Task A_block_range_bounds_the_events_and_logs_of_other_contracts_are_not_decoded_as_this_ones()
    {
        TransactionReceipt receipt = await Shapes.DepositRequestAndWaitForReceiptAsync("memo", 1);
        AbiShapesService other = await AbiShapesService.DeployContractAndGetServiceAsync(Client, "other", Samples.Genesis);
        await other.DepositRequestAndWaitForReceiptAsync("other memo", 2);

        IReadOnlyList<EventLog<DepositedEventDto>> before = await Shapes.GetDepositedEventsAsync(null, BlockParameter.Earliest, receipt.BlockNumber - 1);
        IReadOnlyList<EventLog<DepositedEventDto>> from = await Shapes.GetDepositedEventsAsync(new DepositedEventFilter { From = [Sender.Address] }, receipt.BlockNumber, BlockParameter.Latest);

        Assert.Empty(before);
        Assert.Equal(new DepositedEventDto(Sender.Address, 1, "memo"), Assert.Single(from).Event);
        Assert.Empty(other.DecodeDepositedEvents(receipt));
        Assert.Single(DepositedEventDto.DecodeAll(receipt.Logs));
    }
}
