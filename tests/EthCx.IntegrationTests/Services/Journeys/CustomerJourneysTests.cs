using EthCx.Chain.Primitives;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Services.Consent;
using EthCx.Services.Deployment;
using EthCx.Services.Journeys;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;
using EthCx.Services.Traceability.Epcis;
using EthCx.Testing;
using Microsoft.Extensions.Logging;
using EpcisEventType = EthCx.Services.Traceability.Epcis.EpcisEventType;

namespace EthCx.IntegrationTests.Services.Journeys;

[Collection(SharedLocalNode.Name)]
public sealed class CustomerJourneysTests(LocalNodeFixture fixture)
{
    private const string Product = "urn:epc:id:sgtin:4012345.011111.2001";
    private static readonly Address Retailer = Actors.Signer(Actors.Retailer).Address;
    private static readonly Address Customer = Actors.Signer(Actors.Customer).Address;
    private static readonly DateTimeOffset Tuesday = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private LocalNode Node => fixture.Node;

    private sealed record Business(CustomerJourneys Journeys, ConsentService Consent, TraceabilityService Traceability, LoyaltyService Loyalty, DeploymentManifest Manifest);

    private async Task<Business> BusinessAsync(int loyaltyAccount = Actors.Retailer, DeploymentManifest? manifest = null)
    {
        manifest ??= await Actors.DeployAsync(Node);
        // One client per signer: its nonce manager orders all of that signer's transactions.
        var retailer = await Actors.ClientAsync(Node, Actors.Retailer);
        var consent = new ConsentService(retailer, manifest.AddressOf(EthCxContract.ConsentRegistry));
        var traceability = new TraceabilityService(retailer, manifest.AddressOf(EthCxContract.SupplyChainTracker));
        var loyalty = new LoyaltyService(loyaltyAccount == Actors.Retailer ? retailer : await Actors.ClientAsync(Node, loyaltyAccount), manifest.AddressOf(EthCxContract.LoyaltyPoints));
        return new Business(new CustomerJourneys(consent, traceability, loyalty), consent, traceability, loyalty, manifest);
    }

    private static async Task GiveAsync(ConsentService relay, ConsentPurpose purpose, DataElements elements) =>
        await relay.GiveBySignatureAsync(await relay.SignGrantAsync(Actors.Signer(Actors.Customer), new ConsentGrant(Retailer, purpose, elements)));

    [Fact]
    public async Task A_purchase_needs_consent_records_the_interaction_awards_once_and_a_rerun_repeats_nothing()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        var purchase = new PurchaseRequest(Customer, "ORD-7", 120);

        JourneyFailedException refused = await Assert.ThrowsAsync<JourneyFailedException>(() => b.Journeys.PurchaseAsync(purchase));
        Assert.Equal("consent check", refused.FailedStep);
        Assert.Empty(refused.CompletedSteps);
        Assert.IsType<ConsentMissingException>(refused.InnerException);
        Assert.Equal($"The purchase journey failed at step 'consent check': {Customer} has no consent in force for CustomerRelationshipManagement covering PurchaseHistory with controller {Retailer} (status None). No step was applied. Running the journey again resumes at the failed step.", refused.Message);

        await GiveAsync(b.Consent, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory | DataElements.Contact);
        JourneyResult first = await b.Journeys.PurchaseAsync(purchase);
        JourneyResult again = await b.Journeys.PurchaseAsync(purchase);

        Assert.Equal(["consent check", "record purchase interaction", "award points"], first.Steps.Select(s => s.Name));
        Assert.Equal([JourneyStepStatus.Checked, JourneyStepStatus.Applied, JourneyStepStatus.Applied], first.Steps.Select(s => s.Status));
        Assert.Equal([JourneyStepStatus.Checked, JourneyStepStatus.AlreadyDone, JourneyStepStatus.AlreadyDone], again.Steps.Select(s => s.Status));
        Assert.Equal(first.Steps.Select(s => s.Transaction), again.Steps.Select(s => s.Transaction));
        Assert.False(again.Changed);
        Assert.Equal(first.Steps.Sum(s => (long)(s.Transaction?.GasUsed ?? 0)), (long)first.GasUsed);
        Assert.Equal(120, (await b.Loyalty.GetAccountAsync(Customer)).Balance);
        Assert.Single(await b.Consent.GetHistoryAsync(Customer, Retailer), e => e.Kind == ConsentEventKind.Interaction);
    }

    [Fact]
    public async Task A_purchase_that_fails_midway_names_the_applied_steps_and_a_rerun_resumes_at_the_failed_one()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business notMerchant = await BusinessAsync(loyaltyAccount: Actors.Outsider);
        await GiveAsync(notMerchant.Consent, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory);
        var purchase = new PurchaseRequest(Customer, "ORD-8", 50);

        JourneyFailedException failed = await Assert.ThrowsAsync<JourneyFailedException>(() => notMerchant.Journeys.PurchaseAsync(purchase));

        Assert.Equal("award points", failed.FailedStep);
        Assert.IsType<AccessControlUnauthorizedAccountException>(failed.InnerException);
        JourneyStep interaction = failed.CompletedSteps[1];
        Assert.Equal(JourneyStepStatus.Applied, interaction.Status);
        Assert.Contains($"Completed before it: consent check (checked); record purchase interaction (applied, transaction {interaction.Transaction!.Hash}).", failed.Message, StringComparison.Ordinal);

        Business merchant = await BusinessAsync(manifest: notMerchant.Manifest);
        JourneyResult resumed = await merchant.Journeys.PurchaseAsync(purchase);
        Assert.Equal([JourneyStepStatus.Checked, JourneyStepStatus.AlreadyDone, JourneyStepStatus.Applied], resumed.Steps.Select(s => s.Status));
        Assert.Equal(interaction.Transaction, resumed.Steps[1].Transaction);
    }

    [Fact]
    public async Task A_purchase_cancelled_between_steps_names_the_applied_steps_and_a_rerun_resumes()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        await GiveAsync(b.Consent, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory);
        var purchase = new PurchaseRequest(Customer, "ORD-10", 30);
        using var cancellation = new CancellationTokenSource();
        var journeys = new CustomerJourneys(b.Consent, b.Traceability, b.Loyalty, new CancelOnStep("record purchase interaction", cancellation));

        JourneyCanceledException cancelled = await Assert.ThrowsAsync<JourneyCanceledException>(() => journeys.PurchaseAsync(purchase, cancellation.Token));

        Assert.Equal("award points", cancelled.CanceledStep);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal([JourneyStepStatus.Checked, JourneyStepStatus.Applied], cancelled.CompletedSteps.Select(s => s.Status));
        Assert.Equal($"The purchase journey was cancelled at step 'award points'. Completed before it: consent check (checked); record purchase interaction (applied, transaction {cancelled.CompletedSteps[1].Transaction!.Hash}). Running the journey again resumes at that step.", cancelled.Message);
        Assert.Equal(0, (await b.Loyalty.GetAccountAsync(Customer)).Balance);
        JourneyResult resumed = await b.Journeys.PurchaseAsync(purchase);
        Assert.Equal([JourneyStepStatus.Checked, JourneyStepStatus.AlreadyDone, JourneyStepStatus.Applied], resumed.Steps.Select(s => s.Status));
    }

    [Fact]
    public async Task A_dispatch_refuses_a_shipment_without_events_and_one_whose_sscc_is_taken_on_other_terms()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        const string sscc = "urn:epc:id:sscc:4012345.0000000042";
        EpcisEvent shipping = new EpcisEventDraft(EpcisEventType.Object, Tuesday, EpcisAction.Observe, BusinessStep.Shipping) { Epcs = [sscc], Disposition = Disposition.InTransit }.Build();
        var profile = new ColdChainProfile(2, 8, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));
        Address carrier = Actors.Signer(Actors.Carrier).Address;

        ArgumentException empty = await Assert.ThrowsAsync<ArgumentException>(() => b.Journeys.DispatchAsync(new ShipmentRequest(sscc, Customer, profile, [], carrier)));
        Assert.Equal($"A dispatch anchors at least one EPCIS event; shipment {sscc} has none. (Parameter 'shipment')", empty.Message);

        await b.Journeys.DispatchAsync(new ShipmentRequest(sscc, Customer, profile, [shipping], carrier));
        JourneyResult same = await b.Journeys.DispatchAsync(new ShipmentRequest(sscc, Customer, profile with { MinCelsius = 2.000m, MaxSingleExcursion = TimeSpan.FromSeconds(1800.4) }, [shipping], carrier));
        Assert.Equal(JourneyStepStatus.AlreadyDone, same.Steps[1].Status);

        Address other = Actors.Signer(Actors.Distributor).Address;
        JourneyFailedException conflict = await Assert.ThrowsAsync<JourneyFailedException>(() => b.Journeys.DispatchAsync(new ShipmentRequest(sscc, other, profile, [shipping], carrier)));
        Assert.Equal("create shipment", conflict.FailedStep);
        ShipmentConflictException inner = Assert.IsType<ShipmentConflictException>(conflict.InnerException);
        Assert.Equal(Customer, inner.Existing.Receiver);
        Assert.Equal($"Shipment {sscc} already exists for receiver {Customer} with profile {inner.Existing.Profile}; the dispatch asks for receiver {other} with profile {profile}, so it is not a retry of that shipment.", inner.Message);
        JourneyFailedException warmer = await Assert.ThrowsAsync<JourneyFailedException>(() => b.Journeys.DispatchAsync(new ShipmentRequest(sscc, Customer, profile with { MaxCelsius = 8.01m }, [shipping], carrier)));
        Assert.IsType<ShipmentConflictException>(warmer.InnerException);
    }

    [Fact]
    public async Task A_dispatch_sent_by_another_party_than_the_controller_offers_custody_from_that_party()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        var distributor = new TraceabilityService(await Actors.ClientAsync(Node, Actors.Distributor), b.Traceability.Tracker);
        var journeys = new CustomerJourneys(b.Consent, distributor, b.Loyalty);
        const string sscc = "urn:epc:id:sscc:4012345.0000000059";
        EpcisEvent shipping = new EpcisEventDraft(EpcisEventType.Object, Tuesday, EpcisAction.Observe, BusinessStep.Shipping) { Epcs = [sscc], Disposition = Disposition.InTransit }.Build();
        Address carrier = Actors.Signer(Actors.Carrier).Address;

        JourneyResult dispatched = await journeys.DispatchAsync(new ShipmentRequest(sscc, Customer, new ColdChainProfile(2, 8, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)), [shipping], carrier));

        Assert.Equal([JourneyStepStatus.Applied, JourneyStepStatus.Applied, JourneyStepStatus.Applied], dispatched.Steps.Select(s => s.Status));
        ShipmentView view = (await distributor.GetShipmentAsync(ShipmentId.FromSscc(sscc)))!;
        Assert.Equal((Actors.Signer(Actors.Distributor).Address, carrier), (view.Custodian, view.PendingCustodian));
    }

    /// <summary>A journeys logger that cancels when a step with the given name is logged.</summary>
    private sealed class CancelOnStep(string step, CancellationTokenSource cancellation) : ILogger<CustomerJourneys>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains($", {step}: ", StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        }
    }

    [Fact]
    public async Task A_dispatch_anchors_the_events_creates_the_shipment_and_hands_it_to_the_carrier_by_signature()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        const string sscc = "urn:epc:id:sscc:4012345.0000000035";
        EpcisEvent packing = new EpcisEventDraft(EpcisEventType.Aggregation, Tuesday, EpcisAction.Add, BusinessStep.Packing) { ParentId = sscc, Children = [Product] }.Build();
        EpcisEvent shipping = new EpcisEventDraft(EpcisEventType.Object, Tuesday.AddHours(1), EpcisAction.Observe, BusinessStep.Shipping) { Epcs = [sscc], Disposition = Disposition.InTransit }.Build();
        ShipmentId id = ShipmentId.FromSscc(sscc);
        var carrier = Actors.Signer(Actors.Carrier);
        var profile = new ColdChainProfile(2, 8, TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));

        JourneyResult withoutAcceptance = await b.Journeys.DispatchAsync(new ShipmentRequest(sscc, Customer, profile, [packing, shipping], carrier.Address));
        Assert.Equal([JourneyStepStatus.Applied, JourneyStepStatus.Applied, JourneyStepStatus.Applied], withoutAcceptance.Steps.Select(s => s.Status));
        SignedCustodyAcceptance acceptance = await b.Traceability.SignCustodyAcceptanceAsync(carrier, id, asConformant: true);
        JourneyResult dispatched = await b.Journeys.DispatchAsync(new ShipmentRequest(sscc, Customer, profile, [packing, shipping], carrier.Address) { CarrierAcceptance = acceptance });

        Assert.Equal(["anchor EPCIS events", "create shipment", "offer custody to carrier", "carrier accepts custody"], dispatched.Steps.Select(s => s.Name));
        Assert.Equal([JourneyStepStatus.AlreadyDone, JourneyStepStatus.AlreadyDone, JourneyStepStatus.AlreadyDone, JourneyStepStatus.Applied], dispatched.Steps.Select(s => s.Status));
        Assert.Equal(carrier.Address, (await b.Traceability.GetShipmentAsync(id))!.Custodian);
        Assert.True((await b.Traceability.GetTimelineAsync(Product, [packing, shipping])).FullyVerified);
    }

    [Fact]
    public async Task A_return_anchors_the_returned_event_records_the_return_and_claws_the_points_back()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        await GiveAsync(b.Consent, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory);
        await b.Journeys.PurchaseAsync(new PurchaseRequest(Customer, "ORD-9", 80));
        EpcisEvent returned = new EpcisEventDraft(EpcisEventType.Object, Tuesday, EpcisAction.Observe, BusinessStep.Receiving) { Epcs = [Product], Disposition = Disposition.Returned }.Build();

        JourneyResult result = await b.Journeys.ReturnAsync(new ReturnRequest(Customer, "ORD-9", returned));
        JourneyResult again = await b.Journeys.ReturnAsync(new ReturnRequest(Customer, "ORD-9", returned));

        Assert.Equal(["anchor returned event", "record return interaction", "claw back points"], result.Steps.Select(s => s.Name));
        Assert.All(result.Steps, s => Assert.Equal(JourneyStepStatus.Applied, s.Status));
        Assert.Equal("80 points burned.", result.Steps[2].Detail);
        Assert.All(again.Steps, s => Assert.Equal(JourneyStepStatus.AlreadyDone, s.Status));
        Assert.Equal(new PointsAccount(Customer, 0, 0, new LoyaltyTier(0, null, 100)), await b.Loyalty.GetAccountAsync(Customer));
        Assert.Equal(Verification.Verified, (await b.Traceability.VerifyAsync(returned)).Status);

        EpcisEvent notReturned = new EpcisEventDraft(EpcisEventType.Object, Tuesday, EpcisAction.Observe, BusinessStep.Receiving) { Epcs = [Product], Disposition = Disposition.InProgress }.Build();
        ArgumentException wrong = await Assert.ThrowsAsync<ArgumentException>(() => b.Journeys.ReturnAsync(new ReturnRequest(Customer, "ORD-9", notReturned)));
        Assert.Equal("A return event has the disposition returned; this one has InProgress. (Parameter 'request')", wrong.Message);
    }

    [Fact]
    public async Task A_return_after_the_customer_withdrew_consent_claws_the_points_back_without_recording_the_interaction()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        await GiveAsync(b.Consent, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory);
        await b.Journeys.PurchaseAsync(new PurchaseRequest(Customer, "ORD-10", 70));
        await b.Journeys.WithdrawAsync(await b.Consent.SignWithdrawalAsync(Actors.Signer(Actors.Customer), Retailer, ConsentPurpose.CustomerRelationshipManagement));
        EpcisEvent returned = new EpcisEventDraft(EpcisEventType.Object, Tuesday, EpcisAction.Observe, BusinessStep.Receiving) { Epcs = [Product], Disposition = Disposition.Returned }.Build();

        JourneyResult result = await b.Journeys.ReturnAsync(new ReturnRequest(Customer, "ORD-10", returned));
        JourneyResult again = await b.Journeys.ReturnAsync(new ReturnRequest(Customer, "ORD-10", returned));

        Assert.Equal([JourneyStepStatus.Applied, JourneyStepStatus.Skipped, JourneyStepStatus.Applied], result.Steps.Select(s => s.Status));
        Assert.Null(result.Steps[1].Transaction);
        Assert.StartsWith("Not recorded: consent for CustomerRelationshipManagement is not in force (ConsentNotInForce(", result.Steps[1].Detail, StringComparison.Ordinal);
        Assert.Equal("70 points burned.", result.Steps[2].Detail);
        Assert.Equal([JourneyStepStatus.AlreadyDone, JourneyStepStatus.Skipped, JourneyStepStatus.AlreadyDone], again.Steps.Select(s => s.Status));
        Assert.Equal(0, (await b.Loyalty.GetAccountAsync(Customer)).Balance);
        Assert.Null(await b.Consent.FindInteractionAsync(Customer, Retailer, ConsentPurpose.CustomerRelationshipManagement, InteractionKind.Return, PurchaseReference.FromOrderId("ORD-10").Hash));
    }

    [Fact]
    public async Task A_withdrawal_is_relayed_and_further_interactions_for_the_purpose_are_refused_with_the_decoded_reason()
    {
        await using var snapshot = await Node.SnapshotAsync();
        Business b = await BusinessAsync();
        await GiveAsync(b.Consent, ConsentPurpose.DirectMarketing, DataElements.Contact);
        SignedConsentWithdrawal withdrawal = await b.Consent.SignWithdrawalAsync(Actors.Signer(Actors.Customer), Retailer, ConsentPurpose.DirectMarketing);

        JourneyResult result = await b.Journeys.WithdrawAsync(withdrawal);
        JourneyResult again = await b.Journeys.WithdrawAsync(withdrawal);

        Assert.Equal([JourneyStepStatus.Applied, JourneyStepStatus.Checked], result.Steps.Select(s => s.Status));
        Assert.Equal($"Further DirectMarketing interactions are refused: ConsentNotInForce(subject={Customer}, controller={Retailer}, purpose=3, status=2).", result.Steps[1].Detail);
        Assert.Equal(JourneyStepStatus.AlreadyDone, again.Steps[0].Status);
        await Assert.ThrowsAsync<ConsentNotInForceException>(() => b.Consent.RecordInteractionAsync(Customer, InteractionKind.ServiceContact, ConsentPurpose.DirectMarketing, Bytes32.Zero));
        Assert.Equal(ConsentStatus.Withdrawn, (await b.Consent.GetAsync(Customer, Retailer, ConsentPurpose.DirectMarketing)).Status);

        Address otherBusiness = Actors.Signer(Actors.Distributor).Address;
        SignedConsentWithdrawal elsewhere = await b.Consent.SignWithdrawalAsync(Actors.Signer(Actors.Customer), otherBusiness, ConsentPurpose.DirectMarketing);
        ArgumentException notOurs = await Assert.ThrowsAsync<ArgumentException>(() => b.Journeys.WithdrawAsync(elsewhere));
        Assert.Equal($"The journeys act for {Retailer}; this withdrawal is from consent given to {otherBusiness}. (Parameter 'withdrawal')", notOurs.Message);
    }
}
