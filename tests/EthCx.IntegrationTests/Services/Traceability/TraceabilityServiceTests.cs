using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.IntegrationTests.Services.Configuration;
using Microsoft.Extensions.Logging;
using EthCx.Services.Deployment;
using EthCx.Services.Traceability;
using EthCx.Services.Traceability.Epcis;
using EthCx.Testing;
using EpcisEvent = EthCx.Services.Traceability.Epcis.EpcisEvent;
using EpcisEventType = EthCx.Services.Traceability.Epcis.EpcisEventType;
using SensorSummary = EthCx.Services.Traceability.SensorSummary;
using ShipmentStatus = EthCx.Services.Traceability.ShipmentStatus;
using BreachKind = EthCx.Services.Traceability.BreachKind;

namespace EthCx.IntegrationTests.Services.Traceability;

[Collection(SharedLocalNode.Name)]
public sealed class TraceabilityServiceTests(LocalNodeFixture fixture)
{
    private const string Product = "urn:epc:id:sgtin:4012345.011111.1001";
    private const string Pallet = "urn:epc:id:sscc:4012345.0000000011";
    private const string Warehouse = "urn:epc:id:sgln:4012345.00001.0";
    private static readonly Address Retailer = Actors.Signer(Actors.Retailer).Address;
    private static readonly Address Carrier = Actors.Signer(Actors.Carrier).Address;
    private static readonly Address Customer = Actors.Signer(Actors.Customer).Address;
    private static readonly Address Distributor = Actors.Signer(Actors.Distributor).Address;
    private static readonly ColdChainProfile Vaccine = new(2m, 8m, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(1));

    private LocalNode Node => fixture.Node;

    private sealed record Parties(TraceabilityService Retailer, TraceabilityService Carrier, TraceabilityService Sensor, TraceabilityService Customer, TraceabilityService Distributor, TraceabilityService Outsider);

    private async Task<Parties> PartiesAsync()
    {
        Address tracker = (await Actors.DeployAsync(Node)).AddressOf(EthCxContract.SupplyChainTracker);
        async Task<TraceabilityService> As(int index) => new(await Actors.ClientAsync(Node, index), tracker);
        return new Parties(await As(Actors.Retailer), await As(Actors.Carrier), await As(Actors.Sensor), await As(Actors.Customer), await As(Actors.Distributor), await As(Actors.Outsider));
    }

    private async Task<DateTimeOffset> ChainNowAsync() =>
        DateTimeOffset.FromUnixTimeSeconds((long)(await Node.Client.GetBlockByNumberAsync(BlockParameter.Latest))!.Timestamp);

    private static EpcisEvent Commissioning => new EpcisEventDraft(EpcisEventType.Object, Monday, EpcisAction.Add, BusinessStep.Commissioning) { Epcs = [Product], Disposition = Disposition.Active, ReadPoint = Warehouse }.Build();

    private static EpcisEvent Packing => new EpcisEventDraft(EpcisEventType.Aggregation, Monday.AddHours(1), EpcisAction.Add, BusinessStep.Packing) { ParentId = Pallet, Children = [Product], Disposition = Disposition.InProgress, ReadPoint = Warehouse }.Build();

    private static EpcisEvent Shipping => new EpcisEventDraft(EpcisEventType.Object, Monday.AddHours(2), EpcisAction.Observe, BusinessStep.Shipping) { Epcs = [Pallet], Disposition = Disposition.InTransit, ReadPoint = Warehouse }.Build();

    [Fact]
    public async Task An_event_is_anchored_once_verified_as_given_and_an_altered_copy_is_not()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Parties p = await PartiesAsync();

        AnchorResult first = await p.Retailer.AnchorAsync(Commissioning);
        AnchorResult again = await p.Carrier.AnchorAsync(Commissioning);

        Assert.Equal(AnchorOutcome.Anchored, first.Outcome);
        Assert.Equal(Commissioning.HashId, first.Anchor.EventId);
        Assert.Equal(Retailer, first.Anchor.Anchorer);
        Assert.Equal(AnchorOutcome.AlreadyAnchored, again.Outcome);
        Assert.Equal(first.Anchor, again.Anchor);
        EventVerification verified = await p.Customer.VerifyAsync(EpcisEvent.Parse(Commissioning.Json));
        Assert.Equal(Verification.Verified, verified.Status);
        Assert.Equal($"Anchored by {Retailer} in block {first.Anchor.Transaction.BlockNumber}.", verified.Detail);

        EpcisEvent altered = EpcisEvent.Parse(Commissioning.Json.Replace("\"active\"", "\"recalled\"", StringComparison.Ordinal));
        EventVerification notAnchored = await p.Customer.VerifyAsync(altered);
        Assert.Equal(Verification.NotAnchored, notAnchored.Status);
        Assert.Null(notAnchored.Anchor);
        SupplyChainUnauthorizedPartyException outsider = await Assert.ThrowsAsync<SupplyChainUnauthorizedPartyException>(() => p.Outsider.AnchorAsync(Packing));
        Assert.Equal(Actors.Signer(Actors.Outsider).Address, outsider.Account);
    }

    [Fact]
    public async Task Several_events_are_anchored_in_one_transaction_skipping_those_already_anchored()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Parties p = await PartiesAsync();
        AnchorResult commissioning = await p.Retailer.AnchorAsync(Commissioning);

        IReadOnlyList<AnchorResult> results = await p.Retailer.AnchorManyAsync([Commissioning, Packing, Shipping, Packing]);

        Assert.Equal([AnchorOutcome.AlreadyAnchored, AnchorOutcome.Anchored, AnchorOutcome.Anchored, AnchorOutcome.Anchored], results.Select(r => r.Outcome));
        Assert.Equal(commissioning.Anchor, results[0].Anchor);
        Assert.Equal(results[1].Anchor.Transaction, results[2].Anchor.Transaction);
        Assert.Equal(results[1].Anchor, results[3].Anchor);
    }

    [Fact]
    public async Task A_batch_refused_because_another_party_anchored_one_event_first_anchors_the_others_again()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Parties p = await PartiesAsync();
        var logs = new ListLoggerFactory();
        var retailer = new TraceabilityService(await Actors.ClientAsync(Node, Actors.Retailer), p.Retailer.Tracker, logs.CreateLogger<TraceabilityService>());
        await Node.Client.EvmSetAutomineAsync(false);
        try
        {
            // The carrier's anchor of Packing is pending when the retailer reads, so the retailer's batch is refused.
            Task<AnchorResult> carrier = p.Carrier.AnchorAsync(Packing);
            for (int i = 0; i < 400 && await Node.Client.GetTransactionCountAsync(Carrier, BlockParameter.Pending) == 0; i++)
            {
                await Task.Delay(10);
            }

            Task<IReadOnlyList<AnchorResult>> batch = retailer.AnchorManyAsync([Packing, Shipping]);
            for (int i = 0; i < 400 && !logs.Messages.Any(m => m.Contains("Anchoring refused", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(10);
            }

            for (int i = 0; i < 200 && !batch.IsCompleted; i++)
            {
                await Node.Client.EvmMineAsync();
                await Task.Delay(25);
            }

            IReadOnlyList<AnchorResult> results = await batch;
            Assert.Equal(AnchorOutcome.Anchored, (await carrier).Outcome);
            Assert.Contains(logs.Messages, m => m.Contains("Anchoring refused: another party anchored an event first (0 now anchored by others, 2 to send again)", StringComparison.Ordinal));
            Assert.Equal([AnchorOutcome.AlreadyAnchored, AnchorOutcome.Anchored], results.Select(r => r.Outcome));
            Assert.Equal([Carrier, Retailer], results.Select(r => r.Anchor.Anchorer));
        }
        finally
        {
            await Node.Client.EvmSetAutomineAsync(true);
        }
    }

    [Fact]
    public async Task An_error_declaration_marks_the_event_and_only_its_anchorer_may_declare_it()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Parties p = await PartiesAsync();
        await p.Retailer.AnchorAsync(Shipping);
        EpcisEvent declaration = new EpcisEventDraft(EpcisEventType.Object, Monday.AddHours(3), EpcisAction.Observe, BusinessStep.Shipping) { Epcs = [Pallet], Disposition = Disposition.Unknown, ReadPoint = Warehouse }.Build();

        SupplyChainNotAnchorerException notAnchorer = await Assert.ThrowsAsync<SupplyChainNotAnchorerException>(() => p.Carrier.DeclareErrorAsync(Shipping, ErrorReason.IncorrectData, declaration));
        Assert.Equal(Shipping.HashId, notAnchorer.EventId);
        AnchorResult declared = await p.Retailer.DeclareErrorAsync(Shipping, ErrorReason.IncorrectData, declaration);

        Assert.Equal(declaration.HashId, declared.Anchor.EventId);
        EventVerification erroneous = await p.Customer.VerifyAsync(Shipping);
        Assert.Equal(Verification.DeclaredErroneous, erroneous.Status);
        Assert.True(erroneous.Anchor!.ErrorDeclared);
    }

    [Fact]
    public async Task A_cold_chain_shipment_in_range_moves_by_signed_and_direct_hand_overs_to_a_conformant_delivery()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Parties p = await PartiesAsync();
        ShipmentId id = ShipmentId.FromSscc(Pallet);
        DateTimeOffset now = await ChainNowAsync();

        ShipmentChange created = await p.Retailer.CreateShipmentAsync(id, Customer, Vaccine);
        Assert.Equal((ShipmentStatus.InTransit, Retailer, true, (Address?)null), (created.Shipment.Status, created.Shipment.Custodian, created.Shipment.Conformant, created.Shipment.PendingCustodian));
        Assert.Equal(Vaccine, created.Shipment.Profile);

        ShipmentChange offered = await p.Retailer.OfferCustodyAsync(id, Carrier);
        Assert.Equal(Carrier, offered.Shipment.PendingCustodian);
        ulong carrierNonce = await Node.Client.GetTransactionCountAsync(Carrier);
        SignedCustodyAcceptance signed = await p.Retailer.SignCustodyAcceptanceAsync(Actors.Signer(Actors.Carrier), id, asConformant: true);
        ShipmentChange accepted = await p.Retailer.AcceptCustodyBySignatureAsync(signed);
        Assert.Equal((Carrier, (Address?)null), (accepted.Shipment.Custodian, accepted.Shipment.PendingCustodian));
        Assert.Equal(carrierNonce, await Node.Client.GetTransactionCountAsync(Carrier));
        await Assert.ThrowsAsync<SupplyChainInvalidSignatureException>(() => p.Retailer.AcceptCustodyBySignatureAsync(signed));

        TemperatureReading[] readings = [new(now.AddMinutes(-60), 4.5m), new(now.AddMinutes(-40), 9.0m), new(now.AddMinutes(-30), 5.0m), new(now.AddMinutes(-10), 6.0m)];
        SensorSummary summary = SensorSummary.FromReadings(readings, Vaccine, now.AddMinutes(-60), now.AddMinutes(-5));
        SensorReportResult report = await p.Sensor.ReportSensorSummaryAsync(id, summary);
        Assert.Null(report.Breach);
        Assert.Equal(TimeSpan.FromMinutes(10), report.Shipment.ExcursionUsed);
        Assert.Equal(TimeSpan.FromMinutes(50), report.Shipment.BudgetLeft);
        Assert.Equal(now.AddMinutes(-5), report.Shipment.LastReportEnd);
        SupplyChainSensorWindowOverlapException overlap = await Assert.ThrowsAsync<SupplyChainSensorWindowOverlapException>(() => p.Sensor.ReportSensorSummaryAsync(id, summary));
        Assert.Equal((ulong)now.AddMinutes(-5).ToUnixTimeSeconds(), overlap.LastReportEnd);
        await Assert.ThrowsAsync<SupplyChainUnauthorizedSensorException>(() => p.Carrier.ReportSensorSummaryAsync(id, summary with { WindowStart = now.AddMinutes(-4), WindowEnd = now.AddMinutes(-3) }));

        await p.Carrier.UpdateLocationAsync(id, "u0yjj");
        await p.Carrier.OfferCustodyAsync(id, Customer);
        ShipmentChange delivered = await p.Customer.ConfirmDeliveryAsync(id, asConformant: true);
        Assert.Equal((ShipmentStatus.Delivered, Customer, true), (delivered.Shipment.Status, delivered.Shipment.Custodian, delivered.Shipment.Conformant));
        await Assert.ThrowsAsync<SupplyChainShipmentDeliveredException>(() => p.Carrier.UpdateLocationAsync(id, "u0yjk"));

        IReadOnlyList<TimelineEntry> history = await p.Customer.GetShipmentHistoryAsync(id);
        Assert.Equal(
            [TimelineEntryKind.ShipmentCreated, TimelineEntryKind.CustodyOffered, TimelineEntryKind.CustodyAccepted, TimelineEntryKind.SensorReport, TimelineEntryKind.LocationUpdate, TimelineEntryKind.CustodyOffered, TimelineEntryKind.CustodyAccepted, TimelineEntryKind.Delivered],
            history.Select(e => e.Kind));
        Assert.All(history, e => Assert.Equal(Verification.OnChain, e.Verification));
        Assert.Equal($"{Customer} confirmed delivery as conformant", history[^1].Description);
        Assert.Equal($"Shipment created by {Retailer} for {Customer}, to stay between 2 and 8 °C (single excursion up to 1800 s, budget 3600 s)", history[0].Description);
    }

    [Fact]
    public async Task A_shipment_that_breaches_its_budget_is_refused_as_conformant_downstream()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Parties p = await PartiesAsync();
        ShipmentId id = ShipmentId.FromSscc("urn:epc:id:sscc:4012345.0000000028");
        DateTimeOffset now = await ChainNowAsync();
        await p.Retailer.CreateShipmentAsync(id, Distributor, Vaccine);
        await p.Retailer.OfferCustodyAsync(id, Carrier);
        await p.Carrier.AcceptCustodyAsync(id, asConformant: true);

        var first = new SensorSummary(now.AddHours(-3), now.AddHours(-2), 3m, 10m, 6.5m, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(25), DocumentHashOf("window 1"));
        var second = new SensorSummary(now.AddHours(-2), now.AddHours(-1), 3m, 11m, 7m, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(20), DocumentHashOf("window 2"));
        Assert.Null((await p.Sensor.ReportSensorSummaryAsync(id, first)).Breach);
        SensorReportResult breaching = await p.Sensor.ReportSensorSummaryAsync(id, second);

        Assert.Equal(new ShipmentBreach(BreachKind.ExcursionBudgetExceeded, TimeSpan.FromMinutes(65), TimeSpan.FromMinutes(20)), breaching.Breach);
        Assert.False(breaching.Shipment.Conformant);
        Assert.Equal(TimeSpan.Zero, breaching.Shipment.BudgetLeft);
        await p.Carrier.OfferCustodyAsync(id, Distributor);
        SupplyChainConformanceMismatchException refused = await Assert.ThrowsAsync<SupplyChainConformanceMismatchException>(() => p.Distributor.AcceptCustodyAsync(id, asConformant: true));
        Assert.False(refused.Conformant);
        Assert.Equal($"The estimateGas reverted: SupplyChainConformanceMismatch(shipmentId={id}, conformant=false)", refused.Message);
        await Assert.ThrowsAsync<SupplyChainConformanceMismatchException>(() => p.Distributor.ConfirmDeliveryAsync(id, asConformant: true));

        ShipmentChange acknowledged = await p.Distributor.AcceptCustodyAsync(id, asConformant: false);
        Assert.Equal(Distributor, acknowledged.Shipment.Custodian);
        Assert.Contains(await p.Customer.GetShipmentHistoryAsync(id), e => e.Kind == TimelineEntryKind.Breach && e.Description.StartsWith("Profile breached: excursion budget exceeded (3900 s out of range)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_summary_of_readings_counts_time_out_of_range_and_the_longest_excursion_across_windows()
    {
        DateTimeOffset start = Monday;
        TemperatureReading[] readings = [new(start, 5m), new(start.AddMinutes(10), 9m), new(start.AddMinutes(15), 8.5m), new(start.AddMinutes(20), 4m), new(start.AddMinutes(50), 1m)];

        SensorSummary summary = SensorSummary.FromReadings(readings, Vaccine, start, start.AddHours(1), excursionBefore: TimeSpan.Zero);

        Assert.Equal((1m, 9m, 5.5m), (summary.MinCelsius, summary.MaxCelsius, summary.MeanCelsius));
        Assert.Equal(TimeSpan.FromMinutes(20), summary.OutOfRange);
        Assert.Equal(TimeSpan.FromMinutes(10), summary.LongestExcursion);
        Assert.Equal(TimeSpan.FromMinutes(10), summary.TrailingExcursion);

        SensorSummary next = SensorSummary.FromReadings([new(start.AddHours(1), 0m), new(start.AddHours(1).AddMinutes(25), 5m)], Vaccine, start.AddHours(1), start.AddHours(2), summary.TrailingExcursion);
        Assert.Equal(TimeSpan.FromMinutes(25), next.OutOfRange);
        Assert.Equal(TimeSpan.FromMinutes(35), next.LongestExcursion);
        Assert.NotEqual(summary.RawDataHash, next.RawDataHash);
        ArgumentException outside = Assert.Throws<ArgumentException>(() => SensorSummary.FromReadings([new(start.AddHours(3), 5m)], Vaccine, start, start.AddHours(1)));
        Assert.StartsWith("The readings run from", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_products_timeline_joins_its_events_its_pallets_events_and_the_pallets_shipment_each_checked_against_the_chain()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Parties p = await PartiesAsync();
        ShipmentId id = ShipmentId.FromSscc(Pallet);
        DateTimeOffset now = await ChainNowAsync();
        await p.Retailer.AnchorManyAsync([Commissioning, Packing, Shipping]);
        await p.Retailer.CreateShipmentAsync(id, Customer, Vaccine);
        await p.Retailer.OfferCustodyAsync(id, Carrier);
        await p.Carrier.AcceptCustodyAsync(id, true);
        await p.Sensor.ReportSensorSummaryAsync(id, new SensorSummary(now.AddMinutes(-50), now.AddMinutes(-20), 3m, 6m, 4.2m, TimeSpan.Zero, TimeSpan.Zero, DocumentHashOf("readings")));
        await p.Carrier.OfferCustodyAsync(id, Customer);
        await p.Customer.ConfirmDeliveryAsync(id, true);

        ProductTimeline verified = await p.Customer.GetTimelineAsync("https://id.gs1.org/01/04012345111118/21/1001", [Commissioning, Packing, Shipping]);

        Assert.Equal("https://id.gs1.org/01/04012345111118/21/1001", verified.Product);
        Assert.Equal(["https://id.gs1.org/00/040123450000000115"], verified.Containers);
        Assert.Equal(ShipmentStatus.Delivered, Assert.Single(verified.Shipments).Status);
        Assert.True(verified.FullyVerified);
        Assert.Equal(
            [TimelineEntryKind.EpcisEvent, TimelineEntryKind.EpcisEvent, TimelineEntryKind.EpcisEvent, TimelineEntryKind.ShipmentCreated, TimelineEntryKind.CustodyOffered, TimelineEntryKind.CustodyAccepted, TimelineEntryKind.SensorReport, TimelineEntryKind.CustodyOffered, TimelineEntryKind.CustodyAccepted, TimelineEntryKind.Delivered],
            verified.Entries.Select(e => e.Kind));
        Assert.Equal([Commissioning.HashId, Packing.HashId, Shipping.HashId], verified.Entries.Take(3).Select(e => e.EventId!.Value));
        Assert.StartsWith("Object event commissioning (active) at https://id.gs1.org/414/4012345000016: Anchored by ", verified.Entries[0].Description, StringComparison.Ordinal);

        EpcisEvent receiving = new EpcisEventDraft(EpcisEventType.Object, Monday.AddDays(1), EpcisAction.Observe, BusinessStep.Receiving) { Epcs = [Pallet], Disposition = Disposition.InProgress }.Build();
        EpcisEvent inspecting = new EpcisEventDraft(EpcisEventType.Object, Monday.AddDays(2), EpcisAction.Observe, BusinessStep.Inspecting) { Epcs = [Product] }.Build();
        await p.Retailer.AnchorAsync(inspecting);
        ProductTimeline partial = await p.Customer.GetTimelineAsync(Product, [Commissioning, Packing, Shipping, receiving]);

        Assert.False(partial.FullyVerified);
        Assert.Equal(Verification.NotAnchored, partial.Entries.Single(e => e.EventId == receiving.HashId).Verification);
        TimelineEntry missing = partial.Entries.Single(e => e.EventId == inspecting.HashId);
        Assert.Equal(Verification.DocumentMissing, missing.Verification);
        Assert.Equal(Monday.AddDays(2), missing.Time);
        Assert.Equal($"Object event inspecting about https://id.gs1.org/01/04012345111118/21/1001, anchored by {Retailer}; its document was not supplied", missing.Description);
    }

    private static Bytes32 DocumentHashOf(string text) => EthCx.Services.DocumentHash.Of(text);
}
