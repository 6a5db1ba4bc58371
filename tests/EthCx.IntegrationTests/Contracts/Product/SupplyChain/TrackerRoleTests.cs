using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.SupplyChain;

/// <summary>
/// The tracker's roles: the five party roles kept in one bitmap per account behind OpenZeppelin's AccessControl
/// functions, and the default admin's two-step, delayed transfer (AccessControlDefaultAdminRules).
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class TrackerRoleTests(ProductFixture fixture) : SupplyChainTest(fixture), IClassFixture<ProductFixture>
{
    private static readonly Address Newcomer = Party.OtherCustomer.Address();

    [Fact]
    public async Task The_role_ids_are_the_documented_hashes_and_each_party_holds_its_role_only()
    {
        SupplyChainTrackerService tracker = Tracker(Party.Stranger);
        Assert.Equal(
            [Roles.Manufacturer, Roles.Carrier, Roles.Distributor, Roles.Retailer, Roles.Sensor, Roles.DefaultAdmin],
            [await tracker.ManufacturerRoleQueryAsync(), await tracker.CarrierRoleQueryAsync(), await tracker.DistributorRoleQueryAsync(), await tracker.RetailerRoleQueryAsync(), await tracker.SensorRoleQueryAsync(), await tracker.DefaultAdminRoleQueryAsync()]);

        foreach (Party party in (Party[])[Party.Admin, Party.Manufacturer, Party.Carrier, Party.Distributor, Party.Retailer, Party.Sensor, Party.Stranger])
        {
            foreach ((Party holder, Bytes32 role) in Roles.TrackerRoles)
            {
                Assert.Equal(party == holder, await tracker.HasRoleQueryAsync(role, party.Address()));
                Assert.Equal(Roles.DefaultAdmin, await tracker.GetRoleAdminQueryAsync(role));
            }

            Assert.Equal(party == Party.Admin, await tracker.HasRoleQueryAsync(Roles.DefaultAdmin, party.Address()));
        }

        Assert.Equal((Party.Admin.Address(), Party.Admin.Address(), ProductDeployment.AdminDelay), (await tracker.DefaultAdminQueryAsync(), await tracker.OwnerQueryAsync(), await tracker.DefaultAdminDelayQueryAsync()));
    }

    [Fact]
    public async Task An_account_can_hold_several_party_roles_and_lose_one_of_them()
    {
        SupplyChainTrackerService admin = Tracker(Party.Admin);

        TransactionReceipt granted = await admin.GrantRoleRequestAndWaitForReceiptAsync(Roles.Retailer, Party.Carrier.Address());
        TransactionReceipt again = await admin.GrantRoleRequestAndWaitForReceiptAsync(Roles.Retailer, Party.Carrier.Address());
        TransactionReceipt revoked = await admin.RevokeRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.Carrier.Address());

        Assert.Equal(new RoleGrantedEventDto(Roles.Retailer, Party.Carrier.Address(), Party.Admin.Address()), Assert.Single(admin.DecodeRoleGrantedEvents(granted)).Event);
        Assert.Empty(admin.DecodeRoleGrantedEvents(again));
        Assert.Equal(new RoleRevokedEventDto(Roles.Carrier, Party.Carrier.Address(), Party.Admin.Address()), Assert.Single(admin.DecodeRoleRevokedEvents(revoked)).Event);
        Assert.False(await admin.HasRoleQueryAsync(Roles.Carrier, Party.Carrier.Address()));
        Assert.True(await admin.HasRoleQueryAsync(Roles.Retailer, Party.Carrier.Address()));
        await Tracker(Party.Carrier).AnchorEventRequestAndWaitForReceiptAsync(Event("still a party"));
        TransactionReceipt notHeld = await admin.RevokeRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.Carrier.Address());
        Assert.Empty(admin.DecodeRoleRevokedEvents(notHeld));
    }

    [Fact]
    public async Task A_party_that_loses_its_only_party_role_can_no_longer_anchor_or_ship()
    {
        await Tracker(Party.Admin).RevokeRoleRequestAndWaitForReceiptAsync(Roles.Distributor, Party.Distributor.Address());
        SupplyChainTrackerService distributor = Tracker(Party.Distributor);

        await Assert.ThrowsAsync<SupplyChainUnauthorizedPartyException>(() => distributor.AnchorEventRequestAndWaitForReceiptAsync(Event("x")));
        await Assert.ThrowsAsync<SupplyChainUnauthorizedPartyException>(() => distributor.CreateShipmentRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address(), ColdChain));
    }

    [Fact]
    public async Task A_sensor_role_granted_to_a_party_lets_it_report_and_does_not_count_as_a_party_role()
    {
        SupplyChainTrackerService admin = Tracker(Party.Admin);
        await admin.GrantRoleRequestAndWaitForReceiptAsync(Roles.Sensor, Party.Carrier.Address());
        await admin.GrantRoleRequestAndWaitForReceiptAsync(Roles.Sensor, Newcomer);
        await CreateShipmentAsync();
        ulong now = await NowAsync();

        await Tracker(Party.Carrier).ReportSensorSummaryRequestAndWaitForReceiptAsync(ShipmentId, Summary(now - 60, now));

        var error = await Assert.ThrowsAsync<SupplyChainUnauthorizedPartyException>(() => Tracker(Party.OtherCustomer).AnchorEventRequestAndWaitForReceiptAsync(Event("x")));
        Assert.Equal(Newcomer, error.Account);
    }

    [Fact]
    public async Task A_role_outside_the_party_roles_is_kept_by_AccessControl()
    {
        Bytes32 auditor = Id("AUDITOR_ROLE");
        SupplyChainTrackerService admin = Tracker(Party.Admin);

        await admin.GrantRoleRequestAndWaitForReceiptAsync(auditor, Newcomer);
        Assert.True(await admin.HasRoleQueryAsync(auditor, Newcomer));
        await admin.RevokeRoleRequestAndWaitForReceiptAsync(auditor, Newcomer);

        Assert.False(await admin.HasRoleQueryAsync(auditor, Newcomer));
        await Assert.ThrowsAsync<SupplyChainUnauthorizedPartyException>(() => Tracker(Party.OtherCustomer).AnchorEventRequestAndWaitForReceiptAsync(Event("x")));
    }

    [Fact]
    public async Task RenounceRole_drops_the_callers_own_role_and_for_another_account_is_AccessControlBadConfirmation()
    {
        SupplyChainTrackerService sensor = Tracker(Party.Sensor);

        await Assert.ThrowsAsync<AccessControlBadConfirmationException>(() => sensor.RenounceRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.Carrier.Address()));
        TransactionReceipt renounced = await sensor.RenounceRoleRequestAndWaitForReceiptAsync(Roles.Sensor, Party.Sensor.Address());

        Assert.Equal(new RoleRevokedEventDto(Roles.Sensor, Party.Sensor.Address(), Party.Sensor.Address()), Assert.Single(sensor.DecodeRoleRevokedEvents(renounced)).Event);
        Assert.False(await sensor.HasRoleQueryAsync(Roles.Sensor, Party.Sensor.Address()));
        Assert.True(await sensor.HasRoleQueryAsync(Roles.Carrier, Party.Carrier.Address()));
    }

    [Fact]
    public async Task The_default_admin_role_is_neither_granted_nor_revoked_directly()
    {
        SupplyChainTrackerService admin = Tracker(Party.Admin);

        await Assert.ThrowsAsync<AccessControlEnforcedDefaultAdminRulesException>(() => admin.GrantRoleRequestAndWaitForReceiptAsync(Roles.DefaultAdmin, Newcomer));
        await Assert.ThrowsAsync<AccessControlEnforcedDefaultAdminRulesException>(() => admin.RevokeRoleRequestAndWaitForReceiptAsync(Roles.DefaultAdmin, Party.Admin.Address()));
        var renounce = await Assert.ThrowsAsync<AccessControlEnforcedDefaultAdminDelayException>(() => admin.RenounceRoleRequestAndWaitForReceiptAsync(Roles.DefaultAdmin, Party.Admin.Address()));
        Assert.Equal(0UL, renounce.Schedule);
    }

    [Fact]
    public async Task The_admin_moves_in_two_steps_after_the_delay_and_the_new_admin_takes_over()
    {
        SupplyChainTrackerService admin = Tracker(Party.Admin), successor = Tracker(Party.OtherCustomer);
        TransactionReceipt begun = await admin.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Newcomer);
        ulong schedule = await TimeOfAsync(begun) + ProductDeployment.AdminDelay;
        Assert.Equal(new PendingDefaultAdminOutputDto(Newcomer, schedule), await admin.PendingDefaultAdminQueryAsync());
        Assert.Equal(new DefaultAdminTransferScheduledEventDto(Newcomer, schedule), Assert.Single(admin.DecodeDefaultAdminTransferScheduledEvents(begun)).Event);

        await NextBlockAtAsync(schedule);
        var early = await Assert.ThrowsAsync<AccessControlEnforcedDefaultAdminDelayException>(() => successor.AcceptDefaultAdminTransferRequestAndWaitForReceiptAsync(new AcceptDefaultAdminTransferFunction { Gas = MinedGas }));
        Assert.Equal(schedule, early.Schedule);
        await successor.AcceptDefaultAdminTransferRequestAndWaitForReceiptAsync();

        Assert.Equal(Newcomer, await admin.DefaultAdminQueryAsync());
        Assert.False(await admin.HasRoleQueryAsync(Roles.DefaultAdmin, Party.Admin.Address()));
        await successor.GrantRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.Stranger.Address());
        var old = await Assert.ThrowsAsync<AccessControlUnauthorizedAccountException>(() => admin.GrantRoleRequestAndWaitForReceiptAsync(Roles.Carrier, Party.Stranger.Address()));
        Assert.Equal((Party.Admin.Address(), Roles.DefaultAdmin), (old.Account, old.NeededRole));
    }

    [Fact]
    public async Task A_cancelled_transfer_cannot_be_accepted()
    {
        SupplyChainTrackerService admin = Tracker(Party.Admin);
        await admin.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Newcomer);

        TransactionReceipt cancelled = await admin.CancelDefaultAdminTransferRequestAndWaitForReceiptAsync();
        await MineAtAsync(await NowAsync() + ProductDeployment.AdminDelay + 1);

        Assert.Single(admin.DecodeDefaultAdminTransferCanceledEvents(cancelled));
        Assert.Equal(new PendingDefaultAdminOutputDto(Address.Zero, 0), await admin.PendingDefaultAdminQueryAsync());
        var error = await Assert.ThrowsAsync<AccessControlInvalidDefaultAdminException>(() => Tracker(Party.OtherCustomer).AcceptDefaultAdminTransferRequestAndWaitForReceiptAsync());
        Assert.Equal(Newcomer, error.DefaultAdmin);
    }

    [Fact]
    public async Task A_delay_change_is_scheduled_and_can_be_rolled_back()
    {
        SupplyChainTrackerService admin = Tracker(Party.Admin);

        TransactionReceipt changed = await admin.ChangeDefaultAdminDelayRequestAndWaitForReceiptAsync(2 * ProductDeployment.AdminDelay);
        ulong effect = Assert.Single(admin.DecodeDefaultAdminDelayChangeScheduledEvents(changed)).Event.EffectSchedule;
        Assert.Equal(new PendingDefaultAdminDelayOutputDto(2 * ProductDeployment.AdminDelay, effect), await admin.PendingDefaultAdminDelayQueryAsync());
        TransactionReceipt rolledBack = await admin.RollbackDefaultAdminDelayRequestAndWaitForReceiptAsync();

        Assert.Single(admin.DecodeDefaultAdminDelayChangeCanceledEvents(rolledBack));
        Assert.Equal(new PendingDefaultAdminDelayOutputDto(0, 0), await admin.PendingDefaultAdminDelayQueryAsync());
        Assert.Equal(ProductDeployment.AdminDelay, await admin.DefaultAdminDelayQueryAsync());
    }

    [Theory]
    [InlineData("01ffc9a7", true)]
    [InlineData("7965db0b", true)]
    [InlineData("31498786", true)]
    [InlineData("ffffffff", false)]
    public async Task SupportsInterface_names_ERC165_and_the_access_control_interfaces(string interfaceId, bool supported)
    {
        Assert.Equal(supported, await Tracker(Party.Stranger).SupportsInterfaceQueryAsync(Convert.FromHexString(interfaceId)));
    }
}
