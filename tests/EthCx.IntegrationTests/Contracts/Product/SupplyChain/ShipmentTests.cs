using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.SupplyChain;

/// <summary>Shipments: creation, two-step custody (also signed), sensor summaries, location updates and delivery; happy paths and every custom error.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class ShipmentTests(ProductFixture fixture) : SupplyChainTest(fixture), IClassFixture<ProductFixture>
{
    private static readonly Bytes32 Unknown = Id("no such shipment");

    public static TheoryData<string> CustodyOperations => ["offerCustody", "acceptCustody", "acceptCustodyBySig", "reportSensorSummary", "updateLocation", "confirmDelivery"];

    [Fact]
    public async Task CreateShipment_makes_the_sender_custodian_with_the_profile()
    {
        TransactionReceipt receipt = await CreateShipmentAsync();

        SupplyChainTrackerService tracker = Tracker(Party.Stranger);
        Assert.Equal(
            new Shipment(Party.Retailer.Address(), Party.Manufacturer.Address(), Address.Zero, ShipmentStatus.InTransit, true, 0, 0, await TimeOfAsync(receipt), ColdChain),
            await tracker.ShipmentOfQueryAsync(ShipmentId));
        Assert.Equal(new ShipmentCreatedEventDto(ShipmentId, Party.Manufacturer.Address(), Party.Retailer.Address(), 200, 800, 600, 1800), Assert.Single(tracker.DecodeShipmentCreatedEvents(receipt)).Event);
        Assert.Equal(ShipmentStatus.None, (await tracker.ShipmentOfQueryAsync(Unknown)).Status);
    }

    [Fact]
    public async Task CreateShipment_with_an_id_in_use_is_SupplyChainShipmentExists()
    {
        await CreateShipmentAsync();

        var error = await Assert.ThrowsAsync<SupplyChainShipmentExistsException>(() => CreateShipmentAsync(Party.Distributor));

        Assert.Equal(ShipmentId, error.ShipmentId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateShipment_to_the_zero_address_or_the_sender_is_SupplyChainInvalidReceiver(bool toSelf)
    {
        Address receiver = toSelf ? Party.Manufacturer.Address() : Address.Zero;

        var error = await Assert.ThrowsAsync<SupplyChainInvalidReceiverException>(() => Tracker(Party.Manufacturer).CreateShipmentRequestAndWaitForReceiptAsync(ShipmentId, receiver, ColdChain));

        Assert.Equal(receiver, error.Receiver);
    }

    [Fact]
    public async Task CreateShipment_with_a_minimum_above_the_maximum_is_SupplyChainInvalidProfile_and_equal_bounds_are_accepted()
    {
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);

        var error = await Assert.ThrowsAsync<SupplyChainInvalidProfileException>(() => tracker.CreateShipmentRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address(), ColdChain with { MinTemp = 801 }));

        Assert.Equal(((short)801, (short)800), (error.MinTemp, error.MaxTemp));
        await tracker.CreateShipmentRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address(), ColdChain with { MinTemp = -2000, MaxTemp = -2000 });
    }

    [Fact]
    public async Task OfferCustody_names_the_pending_custodian_and_a_new_offer_replaces_it()
    {
        await CreateShipmentAsync();
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);

        TransactionReceipt first = await tracker.OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Carrier.Address());
        Assert.Equal(Party.Carrier.Address(), (await tracker.ShipmentOfQueryAsync(ShipmentId)).PendingCustodian);
        await tracker.OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Distributor.Address());

        Assert.Equal(new CustodyOfferedEventDto(ShipmentId, Party.Manufacturer.Address(), Party.Carrier.Address()), Assert.Single(tracker.DecodeCustodyOfferedEvents(first)).Event);
        Assert.Equal(Party.Distributor.Address(), (await tracker.ShipmentOfQueryAsync(ShipmentId)).PendingCustodian);
        var error = await Assert.ThrowsAsync<SupplyChainNoCustodyOfferException>(() => Tracker(Party.Carrier).AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, true));
        Assert.Equal((ShipmentId, Party.Carrier.Address()), (error.ShipmentId, error.Party));
    }

    [Fact]
    public async Task Only_the_current_custodian_can_offer()
    {
        await CreateShipmentAsync();
        await HandOverAsync(Party.Manufacturer, Party.Carrier);

        foreach (Party caller in (Party[])[Party.Manufacturer, Party.Retailer, Party.Distributor, Party.Sensor, Party.Admin, Party.Stranger])
        {
            var error = await Assert.ThrowsAsync<SupplyChainNotCustodianException>(() => Tracker(caller).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, caller.Address()));
            Assert.Equal((ShipmentId, caller.Address()), (error.ShipmentId, error.Account));
        }

        await Tracker(Party.Carrier).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Distributor.Address());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OfferCustody_to_the_zero_address_or_the_custodian_is_SupplyChainInvalidOfferee(bool toSelf)
    {
        await CreateShipmentAsync();
        Address to = toSelf ? Party.Manufacturer.Address() : Address.Zero;

        var error = await Assert.ThrowsAsync<SupplyChainInvalidOffereeException>(() => Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, to));

        Assert.Equal(to, error.To);
    }

    [Fact]
    public async Task AcceptCustody_moves_custody_and_closes_the_offer()
    {
        await CreateShipmentAsync();
        await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Carrier.Address());
        SupplyChainTrackerService carrier = Tracker(Party.Carrier);

        TransactionReceipt receipt = await carrier.AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, true);

        Shipment shipment = await carrier.ShipmentOfQueryAsync(ShipmentId);
        Assert.Equal((Party.Carrier.Address(), Address.Zero), (shipment.Custodian, shipment.PendingCustodian));
        Assert.Equal(new CustodyAcceptedEventDto(ShipmentId, Party.Manufacturer.Address(), Party.Carrier.Address(), true), Assert.Single(carrier.DecodeCustodyAcceptedEvents(receipt)).Event);
        var again = await Assert.ThrowsAsync<SupplyChainNoCustodyOfferException>(() => carrier.AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, true));
        Assert.Equal(Party.Carrier.Address(), again.Party);
    }

    [Theory]
    [InlineData(Party.Carrier)]
    [InlineData(Party.Manufacturer)]
    public async Task AcceptCustody_without_an_offer_is_SupplyChainNoCustodyOffer(Party caller)
    {
        await CreateShipmentAsync();

        var error = await Assert.ThrowsAsync<SupplyChainNoCustodyOfferException>(() => Tracker(caller).AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, true));

        Assert.Equal((ShipmentId, caller.Address()), (error.ShipmentId, error.Party));
    }

    [Fact]
    public async Task AcceptCustody_of_a_conformant_shipment_as_non_conformant_is_SupplyChainConformanceMismatch()
    {
        await CreateShipmentAsync();
        await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Carrier.Address());

        var error = await Assert.ThrowsAsync<SupplyChainConformanceMismatchException>(() => Tracker(Party.Carrier).AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, false));

        Assert.Equal((ShipmentId, true), (error.ShipmentId, error.Conformant));
    }

    [Fact]
    public async Task AcceptCustodyBySig_relayed_by_anyone_moves_custody_to_the_signer()
    {
        await CreateShipmentAsync();
        await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Carrier.Address());
        ulong deadline = await NowAsync() + 600;
        byte[] signature = await SignAcceptanceAsync(Party.Carrier, true, deadline);
        SupplyChainTrackerService relayer = Tracker(Party.Stranger);

        TransactionReceipt receipt = await relayer.AcceptCustodyBySigRequestAndWaitForReceiptAsync(ShipmentId, Party.Carrier.Address(), true, deadline, signature);

        Assert.Equal(Party.Carrier.Address(), (await relayer.ShipmentOfQueryAsync(ShipmentId)).Custodian);
        Assert.Equal(Party.Carrier.Address(), Assert.Single(relayer.DecodeCustodyAcceptedEvents(receipt)).Event.To);
        Assert.Equal(1, await relayer.NoncesQueryAsync(Party.Carrier.Address()));
    }

    [Fact]
    public async Task AcceptCustodyBySig_without_an_offer_is_SupplyChainNoCustodyOffer_and_leaves_the_nonce()
    {
        await CreateShipmentAsync();
        ulong deadline = await NowAsync() + 600;
        byte[] signature = await SignAcceptanceAsync(Party.Carrier, true, deadline);
        SupplyChainTrackerService relayer = Tracker(Party.Stranger);

        var error = await Assert.ThrowsAsync<SupplyChainNoCustodyOfferException>(() => relayer.AcceptCustodyBySigRequestAndWaitForReceiptAsync(ShipmentId, Party.Carrier.Address(), true, deadline, signature));

        Assert.Equal(Party.Carrier.Address(), error.Party);
        Assert.Equal(0, await relayer.NoncesQueryAsync(Party.Carrier.Address()));
    }

    [Fact]
    public async Task ReportSensorSummary_within_the_profile_adds_up_the_excursion_and_keeps_the_shipment_conformant()
    {
        await CreateShipmentAsync();
        ulong now = await NowAsync();
        SupplyChainTrackerService sensor = Tracker(Party.Sensor);
        SensorSummary first = Summary(now - 7200, now - 3600, secondsOutOfRange: 300, longestExcursion: 300, max: 850);

        TransactionReceipt receipt = await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, first);
        await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 3600, now - 60, secondsOutOfRange: 600, longestExcursion: 600, min: 150));

        Shipment shipment = await sensor.ShipmentOfQueryAsync(ShipmentId);
        Assert.Equal((true, 900u, now - 60), (shipment.Conformant, shipment.ExcursionSecondsUsed, shipment.LastReportEnd));
        Assert.Equal(
            new SensorSummaryReportedEventDto(ShipmentId, Party.Sensor.Address(), now - 7200, now - 3600, 300, 850, 500, 300, 300, first.RawDataHash),
            Assert.Single(sensor.DecodeSensorSummaryReportedEvents(receipt)).Event);
        Assert.Empty(sensor.DecodeShipmentBreachedEvents(receipt));
    }

    [Fact]
    public async Task ReportSensorSummary_of_a_single_excursion_over_the_limit_breaches_the_profile()
    {
        await CreateShipmentAsync();
        ulong now = await NowAsync();
        SupplyChainTrackerService sensor = Tracker(Party.Sensor);

        TransactionReceipt receipt = await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 3600, now, secondsOutOfRange: 601, longestExcursion: 601, max: 1200));

        Assert.Equal(new ShipmentBreachedEventDto(ShipmentId, BreachKind.SingleExcursionTooLong, 601, 601), Assert.Single(sensor.DecodeShipmentBreachedEvents(receipt)).Event);
        Assert.False((await sensor.ShipmentOfQueryAsync(ShipmentId)).Conformant);
    }

    [Fact]
    public async Task The_budget_may_be_used_up_exactly_and_the_report_that_exceeds_it_breaches_once()
    {
        await CreateShipmentAsync();
        ulong now = await NowAsync();
        SupplyChainTrackerService sensor = Tracker(Party.Sensor);
        await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 9000, now - 6000, secondsOutOfRange: 1200, longestExcursion: 500, max: 900));
        TransactionReceipt atBudget = await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 6000, now - 3000, secondsOutOfRange: 600, longestExcursion: 400, max: 900));
        Assert.Empty(sensor.DecodeShipmentBreachedEvents(atBudget));
        Assert.True((await sensor.ShipmentOfQueryAsync(ShipmentId)).Conformant);

        TransactionReceipt over = await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 3000, now - 2000, secondsOutOfRange: 1, longestExcursion: 1, max: 900));
        TransactionReceipt after = await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 2000, now, secondsOutOfRange: 700, longestExcursion: 700, max: 900));

        Assert.Equal(new ShipmentBreachedEventDto(ShipmentId, BreachKind.ExcursionBudgetExceeded, 1801, 1), Assert.Single(sensor.DecodeShipmentBreachedEvents(over)).Event);
        Assert.Empty(sensor.DecodeShipmentBreachedEvents(after));
        Shipment shipment = await sensor.ShipmentOfQueryAsync(ShipmentId);
        Assert.Equal((false, 2501u), (shipment.Conformant, shipment.ExcursionSecondsUsed));
    }

    [Theory]
    [InlineData(Party.Manufacturer)]
    [InlineData(Party.Admin)]
    [InlineData(Party.Stranger)]
    public async Task ReportSensorSummary_without_SENSOR_ROLE_is_SupplyChainUnauthorizedSensor(Party caller)
    {
        await CreateShipmentAsync();
        ulong now = await NowAsync();

        var error = await Assert.ThrowsAsync<SupplyChainUnauthorizedSensorException>(() => Tracker(caller).ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 60, now)));

        Assert.Equal(caller.Address(), error.Account);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(-10L, -20L)]
    [InlineData(-10L, 1L)]
    public async Task ReportSensorSummary_of_an_empty_reversed_or_future_window_is_SupplyChainInvalidSensorWindow(long startOffset, long endOffset)
    {
        await CreateShipmentAsync();
        ulong at = await NowAsync() + 100;
        ulong start = (ulong)((long)at + startOffset), end = (ulong)((long)at + endOffset);
        await NextBlockAtAsync(at);

        var error = await Assert.ThrowsAsync<SupplyChainInvalidSensorWindowException>(() => Tracker(Party.Sensor).ReportSensorSummaryRequestAndWaitForReceiptAsync(new ReportSensorSummaryFunction(ShipmentId, Summary(start, end)) { Gas = MinedGas }));

        Assert.Equal((start, end), (error.WindowStart, error.WindowEnd));
    }

    [Fact]
    public async Task ReportSensorSummary_ending_at_the_block_time_is_accepted()
    {
        await CreateShipmentAsync();
        ulong at = await NowAsync() + 100;
        await NextBlockAtAsync(at);

        await Tracker(Party.Sensor).ReportSensorSummaryRequestAndWaitForReceiptAsync(new ReportSensorSummaryFunction(ShipmentId, Summary(at - 10, at)) { Gas = MinedGas });

        Assert.Equal(at, (await Tracker(Party.Sensor).ShipmentOfQueryAsync(ShipmentId)).LastReportEnd);
    }

    [Fact]
    public async Task ReportSensorSummary_overlapping_the_previous_window_is_SupplyChainSensorWindowOverlap()
    {
        await CreateShipmentAsync();
        ulong now = await NowAsync();
        SupplyChainTrackerService sensor = Tracker(Party.Sensor);
        await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 600, now - 300));

        var error = await Assert.ThrowsAsync<SupplyChainSensorWindowOverlapException>(() => sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 301, now)));

        Assert.Equal((now - 301, now - 300), (error.WindowStart, error.LastReportEnd));
        await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 300, now));
    }

    [Theory]
    [InlineData(299, 300, 700, 0u)]
    [InlineData(701, 300, 700, 0u)]
    [InlineData(500, 300, 700, 61u)]
    public async Task ReportSensorSummary_with_inconsistent_figures_is_SupplyChainInvalidSensorSummary(short mean, short min, short max, uint secondsOutOfRange)
    {
        await CreateShipmentAsync();
        ulong now = await NowAsync();

        var error = await Assert.ThrowsAsync<SupplyChainInvalidSensorSummaryException>(() => Tracker(Party.Sensor).ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 60, now, secondsOutOfRange, 0, min, max, mean)));

        Assert.Equal(ShipmentId, error.ShipmentId);
    }

    [Fact]
    public async Task UpdateLocation_by_the_custodian_or_a_sensor_logs_the_coarse_location()
    {
        await CreateShipmentAsync();
        SupplyChainTrackerService custodian = Tracker(Party.Manufacturer);

        TransactionReceipt byCustodian = await custodian.UpdateLocationRequestAndWaitForReceiptAsync(ShipmentId, Id("geohash u0yjj"));
        TransactionReceipt bySensor = await Tracker(Party.Sensor).UpdateLocationRequestAndWaitForReceiptAsync(ShipmentId, Id("geohash u0yjk"));

        Assert.Equal(new ShipmentLocationUpdatedEventDto(ShipmentId, Party.Manufacturer.Address(), Id("geohash u0yjj")), Assert.Single(custodian.DecodeShipmentLocationUpdatedEvents(byCustodian)).Event);
        Assert.Equal(Party.Sensor.Address(), Assert.Single(custodian.DecodeShipmentLocationUpdatedEvents(bySensor)).Event.Reporter);
    }

    [Fact]
    public async Task UpdateLocation_by_a_former_custodian_is_SupplyChainNotCustodian()
    {
        await CreateShipmentAsync();
        await HandOverAsync(Party.Manufacturer, Party.Carrier);

        var error = await Assert.ThrowsAsync<SupplyChainNotCustodianException>(() => Tracker(Party.Manufacturer).UpdateLocationRequestAndWaitForReceiptAsync(ShipmentId, Id("geohash u0yjj")));

        Assert.Equal((ShipmentId, Party.Manufacturer.Address()), (error.ShipmentId, error.Account));
    }

    [Fact]
    public async Task ConfirmDelivery_on_an_offer_to_the_receiver_accepts_custody_and_delivers()
    {
        await CreateShipmentAsync();
        await HandOverAsync(Party.Manufacturer, Party.Carrier);
        await Tracker(Party.Carrier).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address());
        SupplyChainTrackerService retailer = Tracker(Party.Retailer);

        TransactionReceipt receipt = await retailer.ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, true);

        Shipment shipment = await retailer.ShipmentOfQueryAsync(ShipmentId);
        Assert.Equal((ShipmentStatus.Delivered, Party.Retailer.Address(), Address.Zero), (shipment.Status, shipment.Custodian, shipment.PendingCustodian));
        Assert.Equal(new CustodyAcceptedEventDto(ShipmentId, Party.Carrier.Address(), Party.Retailer.Address(), true), Assert.Single(retailer.DecodeCustodyAcceptedEvents(receipt)).Event);
        Assert.Equal(new ShipmentDeliveredEventDto(ShipmentId, Party.Retailer.Address(), true), Assert.Single(retailer.DecodeShipmentDeliveredEvents(receipt)).Event);
    }

    [Fact]
    public async Task ConfirmDelivery_by_a_receiver_that_holds_custody_only_delivers()
    {
        await CreateShipmentAsync();
        await HandOverAsync(Party.Manufacturer, Party.Retailer);
        SupplyChainTrackerService retailer = Tracker(Party.Retailer);

        TransactionReceipt receipt = await retailer.ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, true);

        Assert.Empty(retailer.DecodeCustodyAcceptedEvents(receipt));
        Assert.Single(retailer.DecodeShipmentDeliveredEvents(receipt));
    }

    [Fact]
    public async Task ConfirmDelivery_by_anyone_but_the_receiver_is_SupplyChainNotReceiver()
    {
        await CreateShipmentAsync();
        await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address());

        var error = await Assert.ThrowsAsync<SupplyChainNotReceiverException>(() => Tracker(Party.Manufacturer).ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, true));

        Assert.Equal((ShipmentId, Party.Manufacturer.Address()), (error.ShipmentId, error.Account));
    }

    [Fact]
    public async Task ConfirmDelivery_without_custody_or_an_offer_is_SupplyChainNoCustodyOffer()
    {
        await CreateShipmentAsync();
        await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Carrier.Address());

        var error = await Assert.ThrowsAsync<SupplyChainNoCustodyOfferException>(() => Tracker(Party.Retailer).ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, true));

        Assert.Equal((ShipmentId, Party.Retailer.Address()), (error.ShipmentId, error.Party));
    }

    [Fact]
    public async Task ConfirmDelivery_of_a_conformant_shipment_as_non_conformant_is_SupplyChainConformanceMismatch()
    {
        await CreateShipmentAsync();
        await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address());

        var error = await Assert.ThrowsAsync<SupplyChainConformanceMismatchException>(() => Tracker(Party.Retailer).ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, false));

        Assert.Equal((ShipmentId, true), (error.ShipmentId, error.Conformant));
    }

    /// <summary>The vaccine example: the contract enforces the delivery terms once the excursion budget is spent.</summary>
    [Fact]
    public async Task An_excursion_that_spends_the_budget_makes_the_shipment_non_conformant_and_blocks_a_conformant_acceptance()
    {
        await CreateShipmentAsync();
        await HandOverAsync(Party.Manufacturer, Party.Carrier);
        ulong now = await NowAsync();
        SupplyChainTrackerService sensor = Tracker(Party.Sensor);
        await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 7200, now - 3600, secondsOutOfRange: 1000, longestExcursion: 500, max: 1100));
        TransactionReceipt breach = await sensor.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 3600, now, secondsOutOfRange: 1000, longestExcursion: 550, max: 1100));
        Assert.Equal(BreachKind.ExcursionBudgetExceeded, Assert.Single(sensor.DecodeShipmentBreachedEvents(breach)).Event.Kind);
        await Tracker(Party.Carrier).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Distributor.Address());
        SupplyChainTrackerService distributor = Tracker(Party.Distributor);

        var asConformant = await Assert.ThrowsAsync<SupplyChainConformanceMismatchException>(() => distributor.AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, true));

        Assert.Equal((ShipmentId, false), (asConformant.ShipmentId, asConformant.Conformant));
        TransactionReceipt acknowledged = await distributor.AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, false);
        Assert.False(Assert.Single(distributor.DecodeCustodyAcceptedEvents(acknowledged)).Event.Conformant);
        await distributor.OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address());
        SupplyChainTrackerService retailer = Tracker(Party.Retailer);
        var delivered = await Assert.ThrowsAsync<SupplyChainConformanceMismatchException>(() => retailer.ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, true));
        Assert.False(delivered.Conformant);
        await retailer.ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, false);
        var breaches = await retailer.GetShipmentBreachedEventsAsync(new ShipmentBreachedEventFilter { ShipmentId = [ShipmentId] }, BlockParameter.Earliest, BlockParameter.Latest);
        Assert.Equal(breach.TransactionHash, Assert.Single(breaches).Log.TransactionHash);
        Shipment shipment = await retailer.ShipmentOfQueryAsync(ShipmentId);
        Assert.Equal((ShipmentStatus.Delivered, false), (shipment.Status, shipment.Conformant));
    }

    [Theory]
    [MemberData(nameof(CustodyOperations))]
    public async Task An_operation_on_an_unknown_shipment_is_SupplyChainUnknownShipment(string operation)
    {
        var error = await Assert.ThrowsAsync<SupplyChainUnknownShipmentException>(() => RunOnAsync(Unknown, operation));

        Assert.Equal(Unknown, error.ShipmentId);
    }

    [Theory]
    [MemberData(nameof(CustodyOperations))]
    public async Task An_operation_on_a_delivered_shipment_is_SupplyChainShipmentDelivered(string operation)
    {
        await CreateShipmentAsync();
        await HandOverAsync(Party.Manufacturer, Party.Retailer);
        await Tracker(Party.Retailer).ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, true);

        var error = await Assert.ThrowsAsync<SupplyChainShipmentDeliveredException>(() => RunOnAsync(ShipmentId, operation));

        Assert.Equal(ShipmentId, error.ShipmentId);
    }

    /// <summary>Runs a shipment operation as the party entitled to it (the retailer: the receiver and, once delivered, the custodian).</summary>
    private async Task<TransactionReceipt> RunOnAsync(Bytes32 shipmentId, string operation)
    {
        ulong now = await NowAsync();
        return operation switch
        {
            "offerCustody" => await Tracker(Party.Retailer).OfferCustodyRequestAndWaitForReceiptAsync(shipmentId, Party.Carrier.Address()),
            "acceptCustody" => await Tracker(Party.Retailer).AcceptCustodyRequestAndWaitForReceiptAsync(shipmentId, true),
            "acceptCustodyBySig" => await Tracker(Party.Stranger).AcceptCustodyBySigRequestAndWaitForReceiptAsync(shipmentId, Party.Retailer.Address(), true, now + 600,
                TypedSignatures.Sign(Party.Retailer, Domain, TypedSignatures.AcceptCustody, shipmentId, Party.Retailer.Address(), true, 0, now + 600).ToBytes()),
            "reportSensorSummary" => await Tracker(Party.Sensor).ReportSensorSummaryRequestAndWaitForReceiptAsync(shipmentId, Summary(now - 60, now)),
            "updateLocation" => await Tracker(Party.Retailer).UpdateLocationRequestAndWaitForReceiptAsync(shipmentId, Id("geohash u0yjj")),
            "confirmDelivery" => await Tracker(Party.Retailer).ConfirmDeliveryRequestAndWaitForReceiptAsync(shipmentId, true),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a shipment operation."),
        };
    }
}
