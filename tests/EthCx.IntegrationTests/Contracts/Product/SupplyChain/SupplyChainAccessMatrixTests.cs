using EthCx.Chain.Primitives;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;
using static EthCx.IntegrationTests.Contracts.Product.AccessMatrix;

namespace EthCx.IntegrationTests.Contracts.Product.SupplyChain;

/// <summary>
/// Every state-changing function of the tracker called by the admin, each CBV party, the sensor and a stranger.
/// Each row prepares what the function needs (an event anchored by the manufacturer; a shipment from the
/// manufacturer to the retailer, handed to the carrier or offered to the distributor or the retailer; a pending
/// admin transfer to the carrier) and then calls it as the caller.
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class SupplyChainAccessMatrixTests(ProductFixture fixture) : SupplyChainTest(fixture), IClassFixture<ProductFixture>
{
    private const string NoParty = "SupplyChainUnauthorizedParty";
    private const string NoSensor = "SupplyChainUnauthorizedSensor";
    private const string NotAnchorer = "SupplyChainNotAnchorer";
    private const string NotCustodian = "SupplyChainNotCustodian";
    private const string NoOffer = "SupplyChainNoCustodyOffer";
    private const string NotReceiver = "SupplyChainNotReceiver";
    private const string NoRole = "AccessControlUnauthorizedAccount";
    private const string NotPendingAdmin = "AccessControlInvalidDefaultAdmin";
    private const string AdminDelay = "AccessControlEnforcedDefaultAdminDelay";

    private static readonly Party[] Callers = [Party.Admin, Party.Manufacturer, Party.Carrier, Party.Distributor, Party.Retailer, Party.Sensor, Party.Stranger];

    public static TheoryData<string, Party, string> Matrix => Rows(Callers,
        // function                    Admin            Manufacturer  Carrier       Distributor   Retailer      Sensor        Stranger
        ("anchorEvent",                [NoParty,         Ok,           Ok,           Ok,           Ok,           NoParty,      NoParty]),
        ("anchorEvents",               [NoParty,         Ok,           Ok,           Ok,           Ok,           NoParty,      NoParty]),
        ("anchorMerkleBatch",          [NoParty,         Ok,           Ok,           Ok,           Ok,           NoParty,      NoParty]),
        ("declareError",               [NoParty,         Ok,           NotAnchorer,  NotAnchorer,  NotAnchorer,  NoParty,      NoParty]),
        ("createShipment",             [NoParty,         Ok,           Ok,           Ok,           Ok,           NoParty,      NoParty]),
        ("offerCustody",               [NotCustodian,    NotCustodian, Ok,           NotCustodian, NotCustodian, NotCustodian, NotCustodian]),
        ("acceptCustody",              [NoOffer,         NoOffer,      NoOffer,      Ok,           NoOffer,      NoOffer,      NoOffer]),
        ("acceptCustodyBySig",         [Ok,              Ok,           Ok,           Ok,           Ok,           Ok,           Ok]),
        ("reportSensorSummary",        [NoSensor,        NoSensor,     NoSensor,     NoSensor,     NoSensor,     Ok,           NoSensor]),
        ("updateLocation",             [NotCustodian,    NotCustodian, Ok,           NotCustodian, NotCustodian, Ok,           NotCustodian]),
        ("confirmDelivery",            [NotReceiver,     NotReceiver,  NotReceiver,  NotReceiver,  Ok,           NotReceiver,  NotReceiver]),
        ("grantRole",                  [Ok,              NoRole,       NoRole,       NoRole,       NoRole,       NoRole,       NoRole]),
        ("revokeRole",                 [Ok,              NoRole,       NoRole,       NoRole,       NoRole,       NoRole,       NoRole]),
        ("renounceRole",               [AdminDelay,      Ok,           Ok,           Ok,           Ok,           Ok,           Ok]),
        ("beginDefaultAdminTransfer",  [Ok,              NoRole,       NoRole,       NoRole,       NoRole,       NoRole,       NoRole]),
        ("cancelDefaultAdminTransfer", [Ok,              NoRole,       NoRole,       NoRole,       NoRole,       NoRole,       NoRole]),
        ("acceptDefaultAdminTransfer", [NotPendingAdmin, NotPendingAdmin, Ok,        NotPendingAdmin, NotPendingAdmin, NotPendingAdmin, NotPendingAdmin]),
        ("changeDefaultAdminDelay",    [Ok,              NoRole,       NoRole,       NoRole,       NoRole,       NoRole,       NoRole]),
        ("rollbackDefaultAdminDelay",  [Ok,              NoRole,       NoRole,       NoRole,       NoRole,       NoRole,       NoRole]));

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_function_admits_exactly_the_parties_in_the_table(string function, Party caller, string expected)
    {
        Func<Task> call = await ArrangeAsync(function, caller);

        await AssertOutcomeAsync(call, caller, expected);
    }

    /// <summary>Prepares what <paramref name="function"/> needs and returns the call as <paramref name="caller"/>.</summary>
    private async Task<Func<Task>> ArrangeAsync(string function, Party caller)
    {
        SupplyChainTrackerService tracker = Tracker(caller);
        SupplyChainTrackerService admin = Tracker(Party.Admin);
        EpcisEvent matrixEvent = Event("matrix event");
        ulong now = await NowAsync();
        switch (function)
        {
            case "anchorEvent":
                return () => tracker.AnchorEventRequestAndWaitForReceiptAsync(matrixEvent);
            case "anchorEvents":
                return () => tracker.AnchorEventsRequestAndWaitForReceiptAsync([matrixEvent, Event("second matrix event")]);
            case "anchorMerkleBatch":
                return () => tracker.AnchorMerkleBatchRequestAndWaitForReceiptAsync(Id("matrix root"), 2);
            case "declareError":
                await Tracker(Party.Manufacturer).AnchorEventRequestAndWaitForReceiptAsync(matrixEvent);
                return () => tracker.DeclareErrorRequestAndWaitForReceiptAsync(matrixEvent.EventId, DidNotOccur, Event("matrix declaration"));
            case "createShipment":
                return () => tracker.CreateShipmentRequestAndWaitForReceiptAsync(ShipmentId, Party.OtherCustomer.Address(), ColdChain);
            case "offerCustody":
            case "updateLocation":
                await CreateShipmentAsync();
                await HandOverAsync(Party.Manufacturer, Party.Carrier);
                return function == "offerCustody"
                    ? () => tracker.OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.OtherCustomer.Address())
                    : () => tracker.UpdateLocationRequestAndWaitForReceiptAsync(ShipmentId, Id("geohash u0yjj"));
            case "acceptCustody":
            case "acceptCustodyBySig":
                await CreateShipmentAsync();
                await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Distributor.Address());
                byte[] signature = await SignAcceptanceAsync(Party.Distributor, true, now + 600);
                return function == "acceptCustody"
                    ? () => tracker.AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, true)
                    : () => tracker.AcceptCustodyBySigRequestAndWaitForReceiptAsync(ShipmentId, Party.Distributor.Address(), true, now + 600, signature);
            case "reportSensorSummary":
                await CreateShipmentAsync();
                return () => tracker.ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 60, now));
            case "confirmDelivery":
                await CreateShipmentAsync();
                await Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address());
                return () => tracker.ConfirmDeliveryRequestAndWaitForReceiptAsync(ShipmentId, true);
            case "grantRole":
                return () => tracker.GrantRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.OtherCustomer.Address());
            case "revokeRole":
                return () => tracker.RevokeRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.Carrier.Address());
            case "renounceRole":
                Bytes32 held = caller == Party.Admin ? Roles.DefaultAdmin : Roles.TrackerRoles.GetValueOrDefault(caller, Roles.Carrier);
                return () => tracker.RenounceRoleRequestAndWaitForReceiptAsync(held, caller.Address());
            case "beginDefaultAdminTransfer":
                return () => tracker.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Party.OtherCustomer.Address());
            case "cancelDefaultAdminTransfer":
                await admin.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Party.Carrier.Address());
                return () => tracker.CancelDefaultAdminTransferRequestAndWaitForReceiptAsync();
            case "acceptDefaultAdminTransfer":
                await admin.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Party.Carrier.Address());
                await MineAtAsync(await NowAsync() + ProductDeployment.AdminDelay + 1);
                return () => tracker.AcceptDefaultAdminTransferRequestAndWaitForReceiptAsync();
            case "changeDefaultAdminDelay":
                return () => tracker.ChangeDefaultAdminDelayRequestAndWaitForReceiptAsync(3 * ProductDeployment.AdminDelay);
            case "rollbackDefaultAdminDelay":
                await admin.ChangeDefaultAdminDelayRequestAndWaitForReceiptAsync(3 * ProductDeployment.AdminDelay);
                return () => tracker.RollbackDefaultAdminDelayRequestAndWaitForReceiptAsync();
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "Not a function of the tracker.");
        }
    }
}
