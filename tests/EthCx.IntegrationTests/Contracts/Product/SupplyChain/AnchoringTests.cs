using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.SupplyChain;

/// <summary>EPCIS event anchoring (single, batch, Merkle root) and error declarations: happy paths and every custom error.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class AnchoringTests(ProductFixture fixture) : SupplyChainTest(fixture), IClassFixture<ProductFixture>
{
    [Fact]
    public async Task AnchorEvent_records_who_and_when_and_logs_the_filterable_fields()
    {
        EpcisEvent commissioning = Event("commissioning lot 17");
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);

        TransactionReceipt receipt = await tracker.AnchorEventRequestAndWaitForReceiptAsync(commissioning);

        Assert.Equal(new EventAnchor(Party.Manufacturer.Address(), await TimeOfAsync(receipt), false), await tracker.EventAnchorOfQueryAsync(commissioning.EventId));
        Assert.Equal(
            new EventAnchoredEventDto(commissioning.EventId, commissioning.WhatHash, Party.Manufacturer.Address(), EpcisEventType.Object, Commissioning, Active, commissioning.EventTimeMs, commissioning.LocationHash),
            Assert.Single(tracker.DecodeEventAnchoredEvents(receipt)).Event);
        var byProduct = await tracker.GetEventAnchoredEventsAsync(new EventAnchoredEventFilter { WhatHash = [commissioning.WhatHash] }, BlockParameter.Earliest, BlockParameter.Latest);
        Assert.Equal(commissioning.EventId, Assert.Single(byProduct).Event.EventId);
        Assert.Equal(new EventAnchor(Address.Zero, 0, false), await tracker.EventAnchorOfQueryAsync(Event("never anchored").EventId));
    }

    [Fact]
    public async Task AnchorEvent_of_the_zero_id_is_SupplyChainZeroEventId()
    {
        await Assert.ThrowsAsync<SupplyChainZeroEventIdException>(() => Tracker(Party.Carrier).AnchorEventRequestAndWaitForReceiptAsync(Event("x") with { EventId = Bytes32.Zero }));
    }

    [Fact]
    public async Task AnchorEvent_twice_is_SupplyChainEventAlreadyAnchored_even_for_another_party()
    {
        EpcisEvent shipping = Event("shipping", Shipping, InTransit);
        await Tracker(Party.Manufacturer).AnchorEventRequestAndWaitForReceiptAsync(shipping);

        var error = await Assert.ThrowsAsync<SupplyChainEventAlreadyAnchoredException>(() => Tracker(Party.Distributor).AnchorEventRequestAndWaitForReceiptAsync(shipping with { BizStep = Receiving }));

        Assert.Equal(shipping.EventId, error.EventId);
        Assert.Equal(Party.Manufacturer.Address(), (await Tracker(Party.Stranger).EventAnchorOfQueryAsync(shipping.EventId)).Anchorer);
    }

    [Theory]
    [InlineData(Party.Sensor)]
    [InlineData(Party.Admin)]
    [InlineData(Party.Stranger)]
    public async Task AnchorEvent_without_a_party_role_is_SupplyChainUnauthorizedParty(Party caller)
    {
        var error = await Assert.ThrowsAsync<SupplyChainUnauthorizedPartyException>(() => Tracker(caller).AnchorEventRequestAndWaitForReceiptAsync(Event("x")));

        Assert.Equal(caller.Address(), error.Account);
    }

    [Fact]
    public async Task AnchorEvents_anchors_each_event_with_one_log_each()
    {
        EpcisEvent[] events = [.. Enumerable.Range(1, 10).Select(i => Event($"case {i} packed", 2, Active, EpcisEventType.Aggregation))];
        SupplyChainTrackerService tracker = Tracker(Party.Distributor);

        TransactionReceipt receipt = await tracker.AnchorEventsRequestAndWaitForReceiptAsync(events);

        ulong time = await TimeOfAsync(receipt);
        Assert.Equal(events.Select(e => e.EventId), tracker.DecodeEventAnchoredEvents(receipt).Select(log => log.Event.EventId));
        foreach (EpcisEvent e in events)
        {
            Assert.Equal(new EventAnchor(Party.Distributor.Address(), time, false), await tracker.EventAnchorOfQueryAsync(e.EventId));
        }
    }

    [Fact]
    public async Task AnchorEvents_of_an_empty_batch_is_SupplyChainEmptyBatch()
    {
        await Assert.ThrowsAsync<SupplyChainEmptyBatchException>(() => Tracker(Party.Retailer).AnchorEventsRequestAndWaitForReceiptAsync([]));
    }

    [Fact]
    public async Task AnchorEvents_with_an_event_twice_in_the_batch_is_SupplyChainEventAlreadyAnchored_and_anchors_none()
    {
        EpcisEvent first = Event("first"), second = Event("second");
        SupplyChainTrackerService tracker = Tracker(Party.Retailer);

        var error = await Assert.ThrowsAsync<SupplyChainEventAlreadyAnchoredException>(() => tracker.AnchorEventsRequestAndWaitForReceiptAsync([first, second, first]));

        Assert.Equal(first.EventId, error.EventId);
        Assert.Equal(0u, (await tracker.EventAnchorOfQueryAsync(second.EventId)).AnchoredAt);
    }

    [Fact]
    public async Task AnchorEvents_with_an_anchored_or_zero_event_fails_as_a_whole()
    {
        EpcisEvent anchored = Event("anchored"), fresh = Event("fresh");
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);
        await tracker.AnchorEventRequestAndWaitForReceiptAsync(anchored);

        var duplicate = await Assert.ThrowsAsync<SupplyChainEventAlreadyAnchoredException>(() => tracker.AnchorEventsRequestAndWaitForReceiptAsync([fresh, anchored]));
        await Assert.ThrowsAsync<SupplyChainZeroEventIdException>(() => tracker.AnchorEventsRequestAndWaitForReceiptAsync([fresh, fresh with { EventId = Bytes32.Zero }]));

        Assert.Equal(anchored.EventId, duplicate.EventId);
        Assert.Equal(0u, (await tracker.EventAnchorOfQueryAsync(fresh.EventId)).AnchoredAt);
    }

    [Fact]
    public async Task AnchorMerkleBatch_anchors_the_root_and_each_event_is_proven_against_it()
    {
        EpcisEvent[] events = [.. Enumerable.Range(1, 7).Select(i => Event($"unit {i} commissioned"))];
        var tree = new StandardMerkleTree(events);
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);

        TransactionReceipt receipt = await tracker.AnchorMerkleBatchRequestAndWaitForReceiptAsync(tree.Root, (uint)events.Length);

        Assert.Equal(new MerkleBatch(Party.Manufacturer.Address(), await TimeOfAsync(receipt), 7), await tracker.MerkleBatchOfQueryAsync(tree.Root));
        Assert.Equal(new MerkleBatchAnchoredEventDto(tree.Root, Party.Manufacturer.Address(), 7), Assert.Single(tracker.DecodeMerkleBatchAnchoredEvents(receipt)).Event);
        foreach (EpcisEvent e in events)
        {
            Assert.Equal(StandardMerkleTree.Leaf(e), await tracker.EventLeafQueryAsync(e));
            Assert.True(await tracker.VerifyAnchoredInMerkleBatchQueryAsync(tree.Root, StandardMerkleTree.Leaf(e), tree.Proof(e)));
        }

        EpcisEvent altered = events[3] with { Disposition = 8 };
        Assert.False(await tracker.VerifyAnchoredInMerkleBatchQueryAsync(tree.Root, StandardMerkleTree.Leaf(altered), tree.Proof(events[3])));
        var unanchored = new StandardMerkleTree(events[..3]);
        Assert.False(await tracker.VerifyAnchoredInMerkleBatchQueryAsync(unanchored.Root, StandardMerkleTree.Leaf(events[0]), unanchored.Proof(events[0])));
    }

    [Theory]
    [InlineData(true, 0u)]
    [InlineData(false, 5u)]
    public async Task AnchorMerkleBatch_with_a_zero_root_or_no_events_is_SupplyChainInvalidMerkleBatch(bool realRoot, uint eventCount)
    {
        Bytes32 root = realRoot ? Id("some root") : Bytes32.Zero;

        var error = await Assert.ThrowsAsync<SupplyChainInvalidMerkleBatchException>(() => Tracker(Party.Manufacturer).AnchorMerkleBatchRequestAndWaitForReceiptAsync(root, eventCount));

        Assert.Equal((root, eventCount), (error.Root, error.EventCount));
    }

    [Fact]
    public async Task AnchorMerkleBatch_twice_is_SupplyChainMerkleRootAlreadyAnchored()
    {
        Bytes32 root = Id("batch root");
        await Tracker(Party.Manufacturer).AnchorMerkleBatchRequestAndWaitForReceiptAsync(root, 3);

        var error = await Assert.ThrowsAsync<SupplyChainMerkleRootAlreadyAnchoredException>(() => Tracker(Party.Carrier).AnchorMerkleBatchRequestAndWaitForReceiptAsync(root, 4));

        Assert.Equal(root, error.Root);
    }

    [Fact]
    public async Task DeclareError_flags_the_event_and_anchors_the_declaration_that_references_it()
    {
        EpcisEvent wrong = Event("shipping to the wrong site", Shipping, InTransit), declaration = Event("error declaration 1");
        SupplyChainTrackerService tracker = Tracker(Party.Carrier);
        await tracker.AnchorEventRequestAndWaitForReceiptAsync(wrong);

        TransactionReceipt receipt = await tracker.DeclareErrorRequestAndWaitForReceiptAsync(wrong.EventId, IncorrectData, declaration);

        Assert.True((await tracker.EventAnchorOfQueryAsync(wrong.EventId)).ErrorDeclared);
        Assert.Equal(new EventAnchor(Party.Carrier.Address(), await TimeOfAsync(receipt), false), await tracker.EventAnchorOfQueryAsync(declaration.EventId));
        Assert.Equal(new ErrorDeclaredEventDto(wrong.EventId, declaration.EventId, Party.Carrier.Address(), IncorrectData), Assert.Single(tracker.DecodeErrorDeclaredEvents(receipt)).Event);
        Assert.Equal(declaration.EventId, Assert.Single(tracker.DecodeEventAnchoredEvents(receipt)).Event.EventId);
    }

    [Fact]
    public async Task DeclareError_for_an_event_not_anchored_on_its_own_is_SupplyChainEventNotAnchored()
    {
        EpcisEvent inBatch = Event("in a Merkle batch");
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);
        await tracker.AnchorMerkleBatchRequestAndWaitForReceiptAsync(new StandardMerkleTree([inBatch, Event("other")]).Root, 2);

        var error = await Assert.ThrowsAsync<SupplyChainEventNotAnchoredException>(() => tracker.DeclareErrorRequestAndWaitForReceiptAsync(inBatch.EventId, DidNotOccur, Event("declaration")));

        Assert.Equal(inBatch.EventId, error.EventId);
    }

    [Fact]
    public async Task DeclareError_by_another_party_is_SupplyChainNotAnchorer()
    {
        EpcisEvent anchored = Event("anchored by the manufacturer");
        await Tracker(Party.Manufacturer).AnchorEventRequestAndWaitForReceiptAsync(anchored);

        var error = await Assert.ThrowsAsync<SupplyChainNotAnchorerException>(() => Tracker(Party.Retailer).DeclareErrorRequestAndWaitForReceiptAsync(anchored.EventId, DidNotOccur, Event("declaration")));

        Assert.Equal((anchored.EventId, Party.Retailer.Address()), (error.EventId, error.Account));
    }

    [Fact]
    public async Task DeclareError_twice_is_SupplyChainErrorAlreadyDeclared()
    {
        EpcisEvent anchored = Event("anchored");
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);
        await tracker.AnchorEventRequestAndWaitForReceiptAsync(anchored);
        await tracker.DeclareErrorRequestAndWaitForReceiptAsync(anchored.EventId, DidNotOccur, Event("declaration 1"));

        var error = await Assert.ThrowsAsync<SupplyChainErrorAlreadyDeclaredException>(() => tracker.DeclareErrorRequestAndWaitForReceiptAsync(anchored.EventId, IncorrectData, Event("declaration 2")));

        Assert.Equal(anchored.EventId, error.EventId);
    }

    [Fact]
    public async Task DeclareError_with_an_anchored_or_zero_declaration_fails_and_leaves_the_event_unflagged()
    {
        EpcisEvent anchored = Event("anchored"), other = Event("other");
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);
        await tracker.AnchorEventsRequestAndWaitForReceiptAsync([anchored, other]);

        var duplicate = await Assert.ThrowsAsync<SupplyChainEventAlreadyAnchoredException>(() => tracker.DeclareErrorRequestAndWaitForReceiptAsync(anchored.EventId, DidNotOccur, other));
        await Assert.ThrowsAsync<SupplyChainZeroEventIdException>(() => tracker.DeclareErrorRequestAndWaitForReceiptAsync(anchored.EventId, DidNotOccur, Event("declaration") with { EventId = Bytes32.Zero }));

        Assert.Equal(other.EventId, duplicate.EventId);
        Assert.False((await tracker.EventAnchorOfQueryAsync(anchored.EventId)).ErrorDeclared);
    }

    [Fact]
    public async Task DeclareError_by_the_anchorer_after_losing_its_role_is_SupplyChainUnauthorizedParty()
    {
        EpcisEvent anchored = Event("anchored");
        await Tracker(Party.Carrier).AnchorEventRequestAndWaitForReceiptAsync(anchored);
        await Tracker(Party.Admin).RevokeRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.Carrier.Address());

        var error = await Assert.ThrowsAsync<SupplyChainUnauthorizedPartyException>(() => Tracker(Party.Carrier).DeclareErrorRequestAndWaitForReceiptAsync(anchored.EventId, DidNotOccur, Event("declaration")));

        Assert.Equal(Party.Carrier.Address(), error.Account);
    }
}
