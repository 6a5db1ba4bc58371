using System.Globalization;
using System.Text;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Services.Consent;
using EthCx.Services.Deployment;
using EthCx.Services.Journeys;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;
using EthCx.Services.Traceability.Epcis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using EpcisEvent = EthCx.Services.Traceability.Epcis.EpcisEvent;
using EpcisEventType = EthCx.Services.Traceability.Epcis.EpcisEventType;
using SensorSummary = EthCx.Services.Traceability.SensorSummary;
using ShipmentStatus = EthCx.Services.Traceability.ShipmentStatus;

namespace EthCx.Services.Demo;

/// <summary>
/// The EthCx story in one run, on fresh contracts: a customer consents to two purposes by signature; a purchase
/// earns points; the goods ship through a cold chain with custody hand-overs and sensor reports (one shipment stays in
/// range, the other breaches its budget and is refused); the customer checks the verified timeline; a return claws
/// points back; the customer withdraws marketing consent and the next marketing message is refused with the decoded
/// reason. Each step is reported as it happens; the final checks are read back from chain state.
/// </summary>
public sealed partial class CxDemo
{
    private const string Warehouse = "urn:epc:id:sgln:4012345.00001.0";
    private const string VialA = "urn:epc:id:sgtin:4012345.011111.1001";
    private const string VialB = "urn:epc:id:sgtin:4012345.011111.1002";
    private const string PalletA = "urn:epc:id:sscc:4012345.0000000011";
    private const string PalletB = "urn:epc:id:sscc:4012345.0000000028";
    private const string OrderA = "ORD-DEMO-0001";
    private const string OrderB = "ORD-DEMO-0002";
    private const long PointsA = 150;
    private const long PointsB = 60;
    private static readonly ColdChainProfile Vaccine = new(2m, 8m, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(30));

    private readonly CxDemoActors _actors;
    private readonly IProgress<DemoStep>? _output;
    private readonly ILogger _logger;
    private readonly List<DemoStep> _steps = [];

    /// <summary>Creates the demo.</summary>
    /// <param name="actors">The retailer, customer, carrier and sensor, each with a funded signer.</param>
    /// <param name="output">Receives each step as it ends (e.g. the CLI's printer).</param>
    /// <param name="logger">Receives each step too.</param>
    public CxDemo(CxDemoActors actors, IProgress<DemoStep>? output = null, ILogger<CxDemo>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(actors);
        _actors = actors;
        _output = output;
        _logger = logger ?? NullLogger<CxDemo>.Instance;
    }

    /// <summary>Runs the story and the final checks.</summary>
    /// <param name="cancellationToken">Cancels between steps.</param>
    /// <returns>The steps, the checks and the deployment.</returns>
    /// <exception cref="ContractRevertException">A step the story expects to succeed reverted (decoded).</exception>
    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken = default)
    {
        _steps.Clear();
        Address retailer = AddressOf(_actors.Retailer), customer = AddressOf(_actors.Customer), carrier = AddressOf(_actors.Carrier), sensor = AddressOf(_actors.Sensor);
        DeploymentManifest deployment = await DeployAsync(retailer, carrier, sensor, cancellationToken).ConfigureAwait(false);
        var world = new World(_actors, deployment);

        await ConsentAsync(world, customer, retailer, cancellationToken).ConfigureAwait(false);
        await PurchasesAsync(world, customer, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = await ChainTime.LatestBlockTimeAsync(_actors.Retailer.Rpc, cancellationToken).ConfigureAwait(false);
        EpcisEvent[] documentsA = Documents(VialA, PalletA, now.AddHours(-6));
        EpcisEvent[] documentsB = Documents(VialB, PalletB, now.AddHours(-6).AddMinutes(5));
        await ShipInRangeAsync(world, customer, documentsA, now, cancellationToken).ConfigureAwait(false);
        await ShipAndBreachAsync(world, customer, documentsB, now, cancellationToken).ConfigureAwait(false);

        ProductTimeline timeline = await world.CustomerTrace.GetTimelineAsync(VialA, documentsA, cancellationToken).ConfigureAwait(false);
        Add("timeline", "customer", TimelineText(timeline), DemoStepOutcome.Read, null);

        EpcisEvent returned = new EpcisEventDraft(EpcisEventType.Object, now.AddMinutes(-2), EpcisAction.Observe, BusinessStep.Receiving) { Epcs = [VialB], Disposition = Disposition.Returned, ReadPoint = Warehouse }.Build();
        AddJourney("return", "retailer", await world.Journeys.ReturnAsync(new ReturnRequest(customer, OrderB, returned), cancellationToken).ConfigureAwait(false));

        SignedConsentWithdrawal withdrawal = await world.RetailerConsent.SignWithdrawalAsync(_actors.Customer.Signer!, retailer, ConsentPurpose.DirectMarketing, cancellationToken: cancellationToken).ConfigureAwait(false);
        AddJourney("withdrawal", "customer (relayed by the retailer)", await world.Journeys.WithdrawAsync(withdrawal, cancellationToken).ConfigureAwait(false));
        string? marketingRefusal = null;
        try
        {
            InteractionRecord sent = await world.RetailerConsent.RecordInteractionAsync(customer, InteractionKind.ServiceContact, ConsentPurpose.DirectMarketing, DocumentHash.Of("newsletter 2026-12"), cancellationToken).ConfigureAwait(false);
            Add("marketing: December newsletter", "retailer", "Recorded, although the customer withdrew marketing consent.", DemoStepOutcome.Done, sent.Transaction);
        }
        catch (ConsentNotInForceException refused)
        {
            marketingRefusal = refused.Error.Description;
            Add("marketing: December newsletter", "retailer", $"Refused by the registry: {marketingRefusal}; consent for DirectMarketing is {refused.Status}.", DemoStepOutcome.Refused, null);
        }

        IReadOnlyList<DemoCheck> checks = await CheckAsync(world, customer, retailer, documentsA, documentsB, returned, marketingRefusal, cancellationToken).ConfigureAwait(false);
        return new DemoReport([.. _steps], checks, deployment);
    }

    private async Task<DeploymentManifest> DeployAsync(Address retailer, Address carrier, Address sensor, CancellationToken cancellationToken)
    {
        string directory = Path.Combine(Path.GetTempPath(), "ethcx-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var plan = new DeploymentPlan
            {
                PointsName = "EthCx Demo Points",
                PointsSymbol = "DEMO",
                Merchants = [retailer],
                Parties = [new(retailer, SupplyChainRole.Retailer), new(carrier, SupplyChainRole.Carrier), new(sensor, SupplyChainRole.Sensor)],
            };
            DeploymentOutcome outcome = await new Deployer(_actors.Retailer, new DeploymentManifestStore(directory)).DeployAsync(plan, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (DeploymentAction action in outcome.Actions.Where(a => a.Changed))
            {
                Add($"deploy: {action.Kind switch { DeploymentActionKind.Deployed => action.Contract.ToString(), DeploymentActionKind.RoleGranted => "grant role", _ => "tiers" }}", "retailer", action.Description, DemoStepOutcome.Done, action.Transaction);
            }

            return outcome.Manifest;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private async Task ConsentAsync(World world, Address customer, Address retailer, CancellationToken cancellationToken)
    {
        (string Name, ConsentGrant Grant)[] grants =
        [
            ("consent: loyalty programme", new ConsentGrant(retailer, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory | DataElements.Contact)
            {
                NoticeHash = DocumentHash.Of("Privacy notice v3: loyalty programme"),
                ReceiptHash = DocumentHash.Of("{\"receipt\":\"loyalty\",\"subject\":\"customer\"}"),
            }),
            ("consent: marketing", new ConsentGrant(retailer, ConsentPurpose.DirectMarketing, DataElements.Contact | DataElements.Preferences)
            {
                NoticeHash = DocumentHash.Of("Privacy notice v3: newsletters"),
                ReceiptHash = DocumentHash.Of("{\"receipt\":\"marketing\",\"subject\":\"customer\"}"),
            }),
        ];
        foreach ((string name, ConsentGrant grant) in grants)
        {
            SignedConsentGrant signed = await world.RetailerConsent.SignGrantAsync(_actors.Customer.Signer!, grant, cancellationToken: cancellationToken).ConfigureAwait(false);
            ConsentChange given = await world.RetailerConsent.GiveBySignatureAsync(signed, cancellationToken).ConfigureAwait(false);
            Add(name, "customer (relayed by the retailer)", $"The customer signs an EIP-712 consent for {grant.Purpose} covering {grant.Elements}; the retailer relays it and pays the gas. Status: {given.Consent.Status}, version {given.Consent.Version}.", DemoStepOutcome.Done, given.Transaction);
        }

        InteractionRecord newsletter = await world.RetailerConsent.RecordInteractionAsync(customer, InteractionKind.ServiceContact, ConsentPurpose.DirectMarketing, DocumentHash.Of("newsletter 2026-11"), cancellationToken).ConfigureAwait(false);
        Add("marketing: November newsletter", "retailer", "Recorded under DirectMarketing while consent is in force.", DemoStepOutcome.Done, newsletter.Transaction);
    }

    private async Task PurchasesAsync(World world, Address customer, CancellationToken cancellationToken)
    {
        AddJourney($"purchase {OrderA}", "retailer", await world.Journeys.PurchaseAsync(new PurchaseRequest(customer, OrderA, PointsA), cancellationToken).ConfigureAwait(false));
        AddJourney($"purchase {OrderB}", "retailer", await world.Journeys.PurchaseAsync(new PurchaseRequest(customer, OrderB, PointsB), cancellationToken).ConfigureAwait(false));
        PointsAccount account = await world.Loyalty.GetAccountAsync(customer, cancellationToken).ConfigureAwait(false);
        Add("points balance", "customer", $"{account.Balance} points, tier {account.Tier.Level}{(account.PointsToNextTier is { } next ? $" ({next} to the next tier)" : string.Empty)}.", DemoStepOutcome.Read, null);
    }

    private async Task ShipInRangeAsync(World world, Address customer, EpcisEvent[] documents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ShipmentId id = await DispatchAsync(world, customer, PalletA, documents, cancellationToken).ConfigureAwait(false);
        decimal[] first = [4.0m, 4.5m, 5.1m, 5.6m, 6.1m, 5.4m], second = [4.9m, 4.2m, 3.6m, 2.9m, 3.4m, 4.0m];
        await ReportAsync(world, id, "A", Readings(now.AddHours(-3), first), now.AddHours(-3), now.AddHours(-2), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        await ReportAsync(world, id, "A", Readings(now.AddHours(-2), second), now.AddHours(-2), now.AddHours(-1), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        ShipmentChange offered = await world.CarrierTrace.OfferCustodyAsync(id, customer, cancellationToken).ConfigureAwait(false);
        Add("shipment A: hand-over to customer", "carrier", "The carrier offers custody to the customer.", DemoStepOutcome.Done, offered.Transaction);
        ShipmentChange delivered = await world.CustomerTrace.ConfirmDeliveryAsync(id, asConformant: true, cancellationToken).ConfigureAwait(false);
        Add("shipment A: delivered", "customer", $"The customer confirms delivery as conformant; {delivered.Shipment.ExcursionUsed.TotalMinutes:0} min of the {Vaccine.ExcursionBudget.TotalMinutes:0} min excursion budget used.", DemoStepOutcome.Done, delivered.Transaction);
    }

    private async Task ShipAndBreachAsync(World world, Address customer, EpcisEvent[] documents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ShipmentId id = await DispatchAsync(world, customer, PalletB, documents, cancellationToken).ConfigureAwait(false);
        decimal[] first = [4.4m, 5.0m, 5.5m, 6.0m, 6.6m, 7.2m], second = [9.5m, 9.8m, 10.2m, 9.1m, 7.5m, 10.4m, 10.9m, 11.2m, 10.6m, 10.1m, 9.7m, 7.8m];
        await ReportAsync(world, id, "B", Readings(now.AddHours(-3), first), now.AddHours(-3), now.AddHours(-2), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        await ReportAsync(world, id, "B", Readings(now.AddHours(-2), second), now.AddHours(-2), now.AddHours(-1), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        ShipmentChange offered = await world.CarrierTrace.OfferCustodyAsync(id, customer, cancellationToken).ConfigureAwait(false);
        Add("shipment B: hand-over to customer", "carrier", "The carrier offers custody of the breached shipment to the customer.", DemoStepOutcome.Done, offered.Transaction);
        try
        {
            ShipmentChange accepted = await world.CustomerTrace.ConfirmDeliveryAsync(id, asConformant: true, cancellationToken).ConfigureAwait(false);
            Add("shipment B: delivery as conformant", "customer", "Accepted as conformant, although the profile was breached.", DemoStepOutcome.Done, accepted.Transaction);
        }
        catch (SupplyChainConformanceMismatchException refused)
        {
            Add("shipment B: delivery as conformant", "customer", $"Refused by the tracker: {refused.Error.Description}; a breached shipment cannot be accepted as conformant, so the customer refuses it.", DemoStepOutcome.Refused, null);
        }
    }

    private async Task<ShipmentId> DispatchAsync(World world, Address customer, string pallet, EpcisEvent[] documents, CancellationToken cancellationToken)
    {
        ShipmentId id = ShipmentId.FromSscc(pallet);
        SignedCustodyAcceptance acceptance = await world.RetailerTrace.SignCustodyAcceptanceAsync(_actors.Carrier.Signer!, id, asConformant: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var request = new ShipmentRequest(pallet, customer, Vaccine, documents, AddressOf(_actors.Carrier)) { CarrierAcceptance = acceptance };
        AddJourney(pallet == PalletA ? "shipment A" : "shipment B", "retailer", await world.Journeys.DispatchAsync(request, cancellationToken).ConfigureAwait(false));
        return id;
    }

    private async Task ReportAsync(World world, ShipmentId id, string label, TemperatureReading[] readings, DateTimeOffset start, DateTimeOffset end, TimeSpan before, CancellationToken cancellationToken)
    {
        SensorSummary summary = SensorSummary.FromReadings(readings, Vaccine, start, end, before);
        SensorReportResult report = await world.SensorTrace.ReportSensorSummaryAsync(id, summary, cancellationToken).ConfigureAwait(false);
        string text = string.Create(CultureInfo.InvariantCulture, $"{start:HH:mm}-{end:HH:mm} UTC: {summary.MinCelsius} to {summary.MaxCelsius} °C (mean {summary.MeanCelsius}), {summary.OutOfRange.TotalMinutes:0} min out of range, longest excursion {summary.LongestExcursion.TotalMinutes:0} min.");
        text += report.Breach is { } breach
            ? string.Create(CultureInfo.InvariantCulture, $" Breach: {breach.Kind}, {breach.ExcursionUsed.TotalMinutes:0} min used of a {Vaccine.ExcursionBudget.TotalMinutes:0} min budget; the shipment is non-conformant.")
            : string.Create(CultureInfo.InvariantCulture, $" Budget left: {report.Shipment.BudgetLeft.TotalMinutes:0} min.");
        Add($"shipment {label}: sensor report", "sensor", text, DemoStepOutcome.Done, report.Transaction);
    }

    private async Task<IReadOnlyList<DemoCheck>> CheckAsync(World world, Address customer, Address retailer, EpcisEvent[] documentsA, EpcisEvent[] documentsB, EpcisEvent returned, string? marketingRefusal, CancellationToken cancellationToken)
    {
        var checks = new List<DemoCheck>();
        void Check(string name, bool passed, string detail) => checks.Add(new DemoCheck(name, passed, detail));
        ConsentService consent = world.RetailerConsent;

        ConsentSnapshot loyalty = await consent.GetAsync(customer, retailer, ConsentPurpose.CustomerRelationshipManagement, cancellationToken).ConfigureAwait(false);
        Check("Loyalty consent is in force", loyalty.InForce, $"CustomerRelationshipManagement: {loyalty.Status}, covering {loyalty.Elements}.");

        ConsentSnapshot marketing = await consent.GetAsync(customer, retailer, ConsentPurpose.DirectMarketing, cancellationToken).ConfigureAwait(false);
        InteractionCheck marketingCheck = await consent.CheckInteractionAsync(customer, InteractionKind.ServiceContact, ConsentPurpose.DirectMarketing, cancellationToken).ConfigureAwait(false);
        Check("Marketing consent is withdrawn and marketing is refused", marketing.Status == ConsentStatus.Withdrawn && !marketingCheck.Allowed && marketingRefusal is not null,
            $"DirectMarketing: {marketing.Status}; the registry refuses: {marketingCheck.Refusal ?? "nothing (marketing would be recorded)"}.");

        IReadOnlyList<ConsentHistoryEntry> history = await consent.GetHistoryAsync(customer, retailer, cancellationToken: cancellationToken).ConfigureAwait(false);
        int purchases = history.Count(e => e.Interaction == InteractionKind.Purchase), returns = history.Count(e => e.Interaction == InteractionKind.Return), contacts = history.Count(e => e.Interaction == InteractionKind.ServiceContact);
        Check("The interaction trail holds 2 purchases, 1 return, 1 marketing contact", purchases == 2 && returns == 1 && contacts == 1, $"{purchases} purchase(s), {returns} return(s), {contacts} marketing contact(s) recorded.");

        PurchaseReference referenceA = PurchaseReference.FromOrderId(OrderA), referenceB = PurchaseReference.FromOrderId(OrderB);
        IReadOnlyList<Log> awardsA = await AwardLogsAsync(world, referenceA, cancellationToken).ConfigureAwait(false);
        PurchaseAward? awardA = await world.Loyalty.GetPurchaseAsync(referenceA, cancellationToken).ConfigureAwait(false);
        Check($"{OrderA} earned {PointsA} points exactly once", awardsA.Count == 1 && awardA == new PurchaseAward(referenceA, customer, PointsA), $"{awardsA.Count} award event(s); the contract records {awardA?.Points ?? 0} points for {awardA?.Customer.ToString() ?? "nobody"}.");

        PurchaseAward? awardB = await world.Loyalty.GetPurchaseAsync(referenceB, cancellationToken).ConfigureAwait(false);
        Check($"{OrderB}'s points were clawed back on return", awardB is { Reversed: true } && awardB.Customer == customer, $"The contract records {awardB?.Points ?? -1} points for {OrderB}.");

        PointsAccount account = await world.Loyalty.GetAccountAsync(customer, cancellationToken).ConfigureAwait(false);
        Check($"The customer holds {PointsA} points, tier 1", account.Balance == PointsA && account.LifetimeEarned == PointsA && account.Tier.Level == 1, $"Balance {account.Balance}, lifetime earned {account.LifetimeEarned}, tier {account.Tier.Level}.");

        ShipmentView? shipmentA = await world.RetailerTrace.GetShipmentAsync(ShipmentId.FromSscc(PalletA), cancellationToken).ConfigureAwait(false);
        Check("Shipment A was delivered to the customer as conformant", shipmentA is { Status: ShipmentStatus.Delivered, Conformant: true } && shipmentA.Custodian == customer, $"Status {shipmentA?.Status}, conformant {shipmentA?.Conformant}, custodian {shipmentA?.Custodian}.");

        ShipmentView? shipmentB = await world.RetailerTrace.GetShipmentAsync(ShipmentId.FromSscc(PalletB), cancellationToken).ConfigureAwait(false);
        Check("Shipment B breached its budget and was not delivered", shipmentB is { Status: ShipmentStatus.InTransit, Conformant: false } && shipmentB.ExcursionUsed > Vaccine.ExcursionBudget, $"Status {shipmentB?.Status}, conformant {shipmentB?.Conformant}, {shipmentB?.ExcursionUsed.TotalMinutes:0} min out of range.");

        ProductTimeline timeline = await world.CustomerTrace.GetTimelineAsync(VialA, documentsA, cancellationToken).ConfigureAwait(false);
        Check("The customer's product has a fully verified timeline", timeline.FullyVerified, $"{timeline.Entries.Count} entries, {timeline.Entries.Count(e => e.Verification == Verification.Verified)} EPCIS events verified against their anchors.");

        EpcisEvent[] all = [.. documentsA, .. documentsB, returned];
        int verified = 0;
        foreach (EpcisEvent e in all)
        {
            verified += (await world.CustomerTrace.VerifyAsync(e, cancellationToken).ConfigureAwait(false)).Status == Verification.Verified ? 1 : 0;
        }

        Check("Every EPCIS event of the story is anchored unaltered", verified == all.Length, $"{verified} of {all.Length} event documents match their anchors.");
        foreach (DemoCheck check in checks)
        {
            LogCheck(_logger, check.Passed ? "PASS" : "FAIL", check.Name, check.Detail);
        }

        return checks;
    }

    private static Address AddressOf(ChainClient client) => client.Signer?.Address ?? throw new ArgumentException("Every demo actor needs a client with a signer.");

    private static async Task<IReadOnlyList<Log>> AwardLogsAsync(World world, PurchaseReference purchase, CancellationToken cancellationToken) =>
        await world.Client.Rpc.GetLogsAsync(
            new LogFilter { Addresses = [world.Loyalty.Contract], Topics = [[PointsAwardedEventDto.Topic0], null, [purchase.Hash]], FromBlock = BlockParameter.Earliest, ToBlock = BlockParameter.Latest },
            cancellationToken).ConfigureAwait(false);

    private static EpcisEvent[] Documents(string vial, string pallet, DateTimeOffset start) =>
    [
        new EpcisEventDraft(EpcisEventType.Object, start, EpcisAction.Add, BusinessStep.Commissioning) { Epcs = [vial], Disposition = Disposition.Active, ReadPoint = Warehouse }.Build(),
        new EpcisEventDraft(EpcisEventType.Aggregation, start.AddHours(1), EpcisAction.Add, BusinessStep.Packing) { ParentId = pallet, Children = [vial], Disposition = Disposition.InProgress, ReadPoint = Warehouse }.Build(),
        new EpcisEventDraft(EpcisEventType.Object, start.AddHours(2), EpcisAction.Observe, BusinessStep.Shipping) { Epcs = [pallet], Disposition = Disposition.InTransit, ReadPoint = Warehouse }.Build(),
    ];

    private static TemperatureReading[] Readings(DateTimeOffset start, decimal[] values)
    {
        TimeSpan every = TimeSpan.FromMinutes(60.0 / values.Length);
        return [.. values.Select((value, i) => new TemperatureReading(start + (every * i), value))];
    }

    private static string TimelineText(ProductTimeline timeline)
    {
        var text = new StringBuilder($"The customer scans {timeline.Product}: {timeline.Entries.Count} entries, {(timeline.FullyVerified ? "all verified against the chain" : "not all verified")}.");
        foreach (TimelineEntry entry in timeline.Entries)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {entry.Time:yyyy-MM-dd HH:mm} [{entry.Verification}] {entry.Description}");
        }

        return text.ToString();
    }

    private void AddJourney(string prefix, string actor, JourneyResult journey)
    {
        foreach (JourneyStep step in journey.Steps)
        {
            bool read = step.Status is JourneyStepStatus.Checked or JourneyStepStatus.Skipped;
            Add($"{prefix}: {step.Name}", actor, step.Detail, read ? DemoStepOutcome.Read : DemoStepOutcome.Done, read ? null : step.Transaction);
        }
    }

    private void Add(string name, string actor, string text, DemoStepOutcome outcome, TransactionSummary? transaction)
    {
        var step = new DemoStep(_steps.Count + 1, name, actor, text, outcome, transaction);
        _steps.Add(step);
        LogStep(_logger, step.Number, name, outcome, transaction?.Hash, transaction?.GasUsed);
        _output?.Report(step);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo step {Number} {Name}: {Outcome} (transaction {Transaction}, gas {Gas})")]
    private static partial void LogStep(ILogger logger, int number, string name, DemoStepOutcome outcome, Bytes32? transaction, ulong? gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo check {Result}: {Name}. {Detail}")]
    private static partial void LogCheck(ILogger logger, string result, string name, string detail);

    /// <summary>The services of every actor over the demo's contracts.</summary>
    private sealed class World
    {
        public World(CxDemoActors actors, DeploymentManifest deployment)
        {
            Address registry = deployment.AddressOf(EthCxContract.ConsentRegistry), tracker = deployment.AddressOf(EthCxContract.SupplyChainTracker), points = deployment.AddressOf(EthCxContract.LoyaltyPoints);
            Client = actors.Retailer;
            RetailerConsent = new ConsentService(actors.Retailer, registry);
            RetailerTrace = new TraceabilityService(actors.Retailer, tracker);
            Loyalty = new LoyaltyService(actors.Retailer, points);
            Journeys = new CustomerJourneys(RetailerConsent, RetailerTrace, Loyalty);
            CustomerTrace = new TraceabilityService(actors.Customer, tracker);
            CarrierTrace = new TraceabilityService(actors.Carrier, tracker);
            SensorTrace = new TraceabilityService(actors.Sensor, tracker);
        }

        public ChainClient Client { get; }

        public ConsentService RetailerConsent { get; }

        public TraceabilityService RetailerTrace { get; }

        public LoyaltyService Loyalty { get; }

        public CustomerJourneys Journeys { get; }

        public TraceabilityService CustomerTrace { get; }

        public TraceabilityService CarrierTrace { get; }

        public TraceabilityService SensorTrace { get; }
    }
}
