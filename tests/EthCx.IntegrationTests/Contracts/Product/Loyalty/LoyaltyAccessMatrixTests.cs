using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Testing;
using static EthCx.IntegrationTests.Contracts.Product.AccessMatrix;

namespace EthCx.IntegrationTests.Contracts.Product.Loyalty;

/// <summary>
/// Every state-changing function of the points token called by the admin, a merchant, a customer and a stranger.
/// Each row prepares what the function needs (100 points awarded to the customer for order 1001, an allowance of 50
/// from the customer to the merchant, a pending admin transfer to the merchant) and then calls it as the caller.
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class LoyaltyAccessMatrixTests(ProductFixture fixture) : LoyaltyTest(fixture), IClassFixture<ProductFixture>
{
    private const string NoRole = "AccessControlUnauthorizedAccount";
    private const string NoBalance = "ERC20InsufficientBalance";
    private const string NoAllowance = "ERC20InsufficientAllowance";
    private const string NoTransfer = "LoyaltyTransferNotAllowed";
    private const string NotPendingAdmin = "AccessControlInvalidDefaultAdmin";
    private const string AdminDelay = "AccessControlEnforcedDefaultAdminDelay";

    private static readonly Party[] Callers = [Party.Admin, Party.Merchant, Party.Customer, Party.Stranger];

    public static TheoryData<string, Party, string> Matrix => Rows(Callers,
        // function                    Admin            Merchant         Customer         Stranger
        ("award",                      [NoRole,          Ok,              NoRole,          NoRole]),
        ("awardBatch",                 [NoRole,          Ok,              NoRole,          NoRole]),
        ("reverse",                    [NoRole,          Ok,              NoRole,          NoRole]),
        ("redeem",                     [NoBalance,       NoBalance,       Ok,              NoBalance]),
        ("redeemBySig",                [NoRole,          Ok,              NoRole,          NoRole]),
        ("setTierThresholds",          [Ok,              NoRole,          NoRole,          NoRole]),
        ("approve",                    [Ok,              Ok,              Ok,              Ok]),
        ("transfer",                   [NoTransfer,      NoTransfer,      NoTransfer,      NoTransfer]),
        ("transferFrom",               [NoAllowance,     NoTransfer,      NoAllowance,     NoAllowance]),
        ("permit",                     [Ok,              Ok,              Ok,              Ok]),
        ("grantRole",                  [Ok,              NoRole,          NoRole,          NoRole]),
        ("revokeRole",                 [Ok,              NoRole,          NoRole,          NoRole]),
        ("renounceRole",               [AdminDelay,      Ok,              Ok,              Ok]),
        ("beginDefaultAdminTransfer",  [Ok,              NoRole,          NoRole,          NoRole]),
        ("cancelDefaultAdminTransfer", [Ok,              NoRole,          NoRole,          NoRole]),
        ("acceptDefaultAdminTransfer", [NotPendingAdmin, Ok,              NotPendingAdmin, NotPendingAdmin]),
        ("changeDefaultAdminDelay",    [Ok,              NoRole,          NoRole,          NoRole]),
        ("rollbackDefaultAdminDelay",  [Ok,              NoRole,          NoRole,          NoRole]));

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
        LoyaltyPointsService points = Points(caller);
        LoyaltyPointsService admin = Points(Party.Admin);
        await AwardAsync(Party.Customer, 100, "1001");
        await Points(Party.Customer).ApproveRequestAndWaitForReceiptAsync(Merchant, 50);
        ulong deadline = await NowAsync() + 600;
        Address other = Party.OtherCustomer.Address();
        switch (function)
        {
            case "award":
                return () => points.AwardRequestAndWaitForReceiptAsync(Customer, 10, Purchase("1002"));
            case "awardBatch":
                return () => points.AwardBatchRequestAndWaitForReceiptAsync([new Award(Customer, 10, Purchase("1002")), new Award(other, 20, Purchase("1003"))]);
            case "reverse":
                return () => points.ReverseRequestAndWaitForReceiptAsync(Purchase("1001"));
            case "redeem":
                return () => points.RedeemRequestAndWaitForReceiptAsync(10, Reward("coffee"));
            case "redeemBySig":
                byte[] redemption = await SignRedemptionAsync(Party.Customer, caller, 10, Reward("coffee"), deadline);
                return () => points.RedeemBySigRequestAndWaitForReceiptAsync(Customer, 10, Reward("coffee"), deadline, redemption);
            case "setTierThresholds":
                return () => points.SetTierThresholdsRequestAndWaitForReceiptAsync([100, 1000]);
            case "approve":
                return () => points.ApproveRequestAndWaitForReceiptAsync(other, 5);
            case "transfer":
                return () => points.TransferRequestAndWaitForReceiptAsync(other, 1);
            case "transferFrom":
                return () => points.TransferFromRequestAndWaitForReceiptAsync(Customer, caller.Address(), 1);
            case "permit":
                var permit = TypedSignatures.Sign(Party.Customer, Domain, TypedSignatures.Permit, Customer, other, new BigInteger(30), BigInteger.Zero, deadline);
                return () => points.PermitRequestAndWaitForReceiptAsync(Customer, other, 30, deadline, permit.V, permit.R, permit.S);
            case "grantRole":
                return () => points.GrantRoleRequestAndWaitForReceiptAsync(Roles.Merchant, other);
            case "revokeRole":
                return () => points.RevokeRoleRequestAndWaitForReceiptAsync(Roles.Merchant, Party.OtherMerchant.Address());
            case "renounceRole":
                Bytes32 held = caller == Party.Admin ? Roles.DefaultAdmin : Roles.Merchant;
                return () => points.RenounceRoleRequestAndWaitForReceiptAsync(held, caller.Address());
            case "beginDefaultAdminTransfer":
                return () => points.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(other);
            case "cancelDefaultAdminTransfer":
                await admin.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Merchant);
                return () => points.CancelDefaultAdminTransferRequestAndWaitForReceiptAsync();
            case "acceptDefaultAdminTransfer":
                await admin.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Merchant);
                await MineAtAsync(await NowAsync() + ProductDeployment.AdminDelay + 1);
                return () => points.AcceptDefaultAdminTransferRequestAndWaitForReceiptAsync();
            case "changeDefaultAdminDelay":
                return () => points.ChangeDefaultAdminDelayRequestAndWaitForReceiptAsync(3 * ProductDeployment.AdminDelay);
            case "rollbackDefaultAdminDelay":
                await admin.ChangeDefaultAdminDelayRequestAndWaitForReceiptAsync(3 * ProductDeployment.AdminDelay);
                return () => points.RollbackDefaultAdminDelayRequestAndWaitForReceiptAsync();
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "Not a function of the points token.");
        }
    }
}
