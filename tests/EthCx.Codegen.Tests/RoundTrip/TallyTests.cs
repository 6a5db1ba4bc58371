using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Codegen.Tests.Generated.Shared;
using EthCx.Codegen.Tests.Generated.Tally;
using EthCx.Contracts.Bindings;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.RoundTrip;

/// <summary>The snapshot contract's bindings work too: a struct holding the shared struct, an enum output, an overload, a typed error.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class TallyTests(LocalNodeFixture fixture) : ChainTest(fixture)
{
    [Fact]
    public async Task Marks_add_up_emit_events_with_the_shared_struct_and_report_how_they_were_made()
    {
        TallyService tally = await TallyService.DeployContractAndGetServiceAsync(Client, limit: 10);

        TransactionReceipt manual = await tally.MarkStringMarkRequestAndWaitForReceiptAsync("first", new Mark(new Point(-3, 4), 10));
        Assert.Equal(new TotalsOutputDto(10, Mode.Manual), await tally.TotalsQueryAsync());
        await tally.MarkStringRequestAndWaitForReceiptAsync("second");

        Assert.Equal(10u, await tally.LimitQueryAsync());
        Assert.Equal(new TotalsOutputDto(11, Mode.Automatic), await tally.TotalsQueryAsync());
        MarkedEventDto marked = Assert.Single(tally.DecodeMarkedEvents(manual)).Event;
        Assert.Equal(new MarkedEventDto(Sender.Address, Bytes32.Keccak("first"u8), new Mark(new Point(-3, 4), 10), 10), marked);
        EventLog<MarkedEventDto> second = Assert.Single(await tally.GetMarkedEventsAsync(new MarkedEventFilter { Label = ["second"] }, BlockParameter.Earliest, BlockParameter.Latest));
        Assert.Equal(new Mark(new Point(0, 0), 1), second.Event.Mark);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(11u)]
    public async Task A_weight_out_of_range_is_the_typed_error_with_its_arguments(uint weight)
    {
        TallyService tally = await TallyService.DeployContractAndGetServiceAsync(Client, new TallyDeployment(10));

        var error = await Assert.ThrowsAsync<TallyWeightOutOfRangeException>(() => tally.MarkStringMarkRequestAndWaitForReceiptAsync("x", new Mark(new Point(0, 0), weight)));

        Assert.Equal(weight, error.Weight);
        Assert.Equal(10u, error.Limit);
        Assert.Equal("estimateGas", error.Operation);
    }

    [Fact]
    public async Task A_tip_sends_ether_to_a_payable_function_without_arguments()
    {
        TallyService tally = await TallyService.DeployContractAndGetServiceAsync(Client, limit: 1);

        await tally.TipRequestAndWaitForReceiptAsync(amountToSend: 12345);

        Assert.Equal(new BigInteger(12345), await Node.Client.GetBalanceAsync(tally.ContractAddress));
    }
}
