using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.Loyalty;

/// <summary>Every LoyaltyPoints function: its happy path and each custom error it raises, with the error's arguments.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class LoyaltyFunctionTests(ProductFixture fixture) : LoyaltyTest(fixture), IClassFixture<ProductFixture>
{
    [Fact]
    public async Task The_token_has_no_decimals_and_the_documented_constants()
    {
        LoyaltyPointsService points = Points(Party.Stranger);

        Assert.Equal((ProductDeployment.TokenName, ProductDeployment.TokenSymbol, (byte)0), (await points.NameQueryAsync(), await points.SymbolQueryAsync(), await points.DecimalsQueryAsync()));
        Assert.Equal((Roles.Merchant, new BigInteger(8)), (await points.MerchantRoleQueryAsync(), await points.MaxTiersQueryAsync()));
        Eip712DomainOutputDto domain = await points.Eip712DomainQueryAsync();
        Assert.Equal((ProductDeployment.TokenName, "1", Deployment.Points), (domain.Name, domain.Version, domain.VerifyingContract));
        Assert.Equal(Domain.HashStruct(), await points.DomainSeparatorQueryAsync());
        Assert.True(await points.HasRoleQueryAsync(Roles.Merchant, Party.OtherMerchant.Address()));
    }

    [Fact]
    public async Task Award_mints_the_points_once_for_the_purchase()
    {
        LoyaltyPointsService points = Points(Party.Merchant);

        TransactionReceipt receipt = await points.AwardRequestAndWaitForReceiptAsync(Customer, 120, Purchase("1001"));

        Assert.Equal((new BigInteger(120), new BigInteger(120), new BigInteger(120)), (await points.BalanceOfQueryAsync(Customer), await points.TotalSupplyQueryAsync(), await points.LifetimeEarnedOfQueryAsync(Customer)));
        Assert.Equal(new Purchase(Customer, 120), await points.PurchaseOfQueryAsync(Purchase("1001")));
        Assert.Equal(new PointsAwardedEventDto(Customer, Purchase("1001"), Merchant, 120), Assert.Single(points.DecodePointsAwardedEvents(receipt)).Event);
        Assert.Equal(new TransferEventDto(Address.Zero, Customer, 120), Assert.Single(points.DecodeTransferEvents(receipt)).Event);
        Assert.Equal(new Purchase(Address.Zero, 0), await points.PurchaseOfQueryAsync(Purchase("never")));
    }

    [Theory]
    [InlineData(Party.Merchant, Party.Customer)]
    [InlineData(Party.OtherMerchant, Party.Customer)]
    [InlineData(Party.OtherMerchant, Party.OtherCustomer)]
    public async Task A_purchase_awarded_twice_is_LoyaltyPurchaseAlreadyAwarded_whoever_asks(Party merchant, Party customer)
    {
        await AwardAsync(Party.Customer, 50, "1001");

        var error = await Assert.ThrowsAsync<LoyaltyPurchaseAlreadyAwardedException>(() => AwardAsync(customer, 50, "1001", merchant));

        Assert.Equal(Purchase("1001"), error.PurchaseRef);
        Assert.Equal(new BigInteger(50), await Points(Party.Stranger).TotalSupplyQueryAsync());
    }

    [Fact]
    public async Task A_reversed_purchase_cannot_be_awarded_again()
    {
        await AwardAsync(Party.Customer, 50, "1001");
        await Points(Party.Merchant).ReverseRequestAndWaitForReceiptAsync(Purchase("1001"));

        var error = await Assert.ThrowsAsync<LoyaltyPurchaseAlreadyAwardedException>(() => AwardAsync(Party.Customer, 50, "1001"));

        Assert.Equal(Purchase("1001"), error.PurchaseRef);
    }

    [Fact]
    public async Task Award_of_no_points_is_LoyaltyInvalidAmount()
    {
        var error = await Assert.ThrowsAsync<LoyaltyInvalidAmountException>(() => AwardAsync(Party.Customer, 0, "1001"));

        Assert.Equal(BigInteger.Zero, error.Amount);
    }

    [Fact]
    public async Task Award_to_the_zero_address_is_ERC20InvalidReceiver_and_leaves_the_purchase_unrecorded()
    {
        LoyaltyPointsService points = Points(Party.Merchant);

        var error = await Assert.ThrowsAsync<ERC20InvalidReceiverException>(() => points.AwardRequestAndWaitForReceiptAsync(Address.Zero, 10, Purchase("1001")));

        Assert.Equal(Address.Zero, error.Receiver);
        Assert.Equal(new Purchase(Address.Zero, 0), await points.PurchaseOfQueryAsync(Purchase("1001")));
    }

    [Fact]
    public async Task AwardBatch_awards_every_purchase_with_one_event_each()
    {
        Award[] awards = [.. Enumerable.Range(1, 10).Select(i => new Award(i % 2 == 0 ? Customer : Party.OtherCustomer.Address(), i, Purchase($"batch {i}")))];
        LoyaltyPointsService points = Points(Party.OtherMerchant);

        TransactionReceipt receipt = await points.AwardBatchRequestAndWaitForReceiptAsync(awards);

        Assert.Equal(awards.Select(a => new PointsAwardedEventDto(a.Customer, a.PurchaseRef, Party.OtherMerchant.Address(), a.Amount)), points.DecodePointsAwardedEvents(receipt).Select(log => log.Event));
        Assert.Equal((new BigInteger(30), new BigInteger(25), new BigInteger(55)), (await points.BalanceOfQueryAsync(Customer), await points.BalanceOfQueryAsync(Party.OtherCustomer.Address()), await points.TotalSupplyQueryAsync()));
    }

    [Fact]
    public async Task AwardBatch_of_nothing_is_LoyaltyEmptyBatch()
    {
        await Assert.ThrowsAsync<LoyaltyEmptyBatchException>(() => Points(Party.Merchant).AwardBatchRequestAndWaitForReceiptAsync([]));
    }

    [Fact]
    public async Task AwardBatch_with_a_purchase_twice_or_a_zero_amount_fails_as_a_whole()
    {
        LoyaltyPointsService points = Points(Party.Merchant);
        var first = new Award(Customer, 10, Purchase("1"));

        var twice = await Assert.ThrowsAsync<LoyaltyPurchaseAlreadyAwardedException>(() => points.AwardBatchRequestAndWaitForReceiptAsync([first, new Award(Customer, 20, Purchase("2")), first]));
        var zero = await Assert.ThrowsAsync<LoyaltyInvalidAmountException>(() => points.AwardBatchRequestAndWaitForReceiptAsync([first, new Award(Customer, 0, Purchase("2"))]));

        Assert.Equal(Purchase("1"), twice.PurchaseRef);
        Assert.Equal(BigInteger.Zero, zero.Amount);
        Assert.Equal(BigInteger.Zero, await points.TotalSupplyQueryAsync());
    }

    [Fact]
    public async Task Reverse_burns_what_the_purchase_earned_and_takes_it_out_of_lifetime_earned()
    {
        await AwardAsync(Party.Customer, 100, "1001");
        await AwardAsync(Party.Customer, 40, "1002");
        LoyaltyPointsService points = Points(Party.OtherMerchant);
        Assert.Equal(new ReverseOutputDto(100, 0), await points.ReverseQueryAsync(Purchase("1001")));

        TransactionReceipt receipt = await points.ReverseRequestAndWaitForReceiptAsync(Purchase("1001"));

        Assert.Equal(new PointsReversedEventDto(Customer, Purchase("1001"), Party.OtherMerchant.Address(), 100, 0), Assert.Single(points.DecodePointsReversedEvents(receipt)).Event);
        Assert.Equal(new TransferEventDto(Customer, Address.Zero, 100), Assert.Single(points.DecodeTransferEvents(receipt)).Event);
        Assert.Equal((new BigInteger(40), new BigInteger(40), new BigInteger(40)), (await points.BalanceOfQueryAsync(Customer), await points.TotalSupplyQueryAsync(), await points.LifetimeEarnedOfQueryAsync(Customer)));
        Assert.Equal(new Purchase(Customer, 0), await points.PurchaseOfQueryAsync(Purchase("1001")));
    }

    [Theory]
    [InlineData(70, 30, 70)]
    [InlineData(100, 0, 100)]
    public async Task Reverse_after_redemption_burns_what_remains_and_records_the_shortfall(int redeemed, int burned, int shortfall)
    {
        await AwardAsync(Party.Customer, 100, "1001");
        await Points(Party.Customer).RedeemRequestAndWaitForReceiptAsync(redeemed, Reward("voucher"));
        LoyaltyPointsService points = Points(Party.Merchant);

        TransactionReceipt receipt = await points.ReverseRequestAndWaitForReceiptAsync(Purchase("1001"));

        Assert.Equal(new PointsReversedEventDto(Customer, Purchase("1001"), Merchant, burned, shortfall), Assert.Single(points.DecodePointsReversedEvents(receipt)).Event);
        Assert.Equal(burned == 0 ? 0 : 1, points.DecodeTransferEvents(receipt).Count);
        Assert.Equal((BigInteger.Zero, BigInteger.Zero, BigInteger.Zero), (await points.BalanceOfQueryAsync(Customer), await points.TotalSupplyQueryAsync(), await points.LifetimeEarnedOfQueryAsync(Customer)));
    }

    [Fact]
    public async Task Reverse_takes_points_earned_elsewhere_when_the_purchase_points_were_spent()
    {
        await AwardAsync(Party.Customer, 100, "1001");
        await AwardAsync(Party.Customer, 50, "1002");
        await Points(Party.Customer).RedeemRequestAndWaitForReceiptAsync(120, Reward("weekend"));
        LoyaltyPointsService points = Points(Party.Merchant);

        TransactionReceipt receipt = await points.ReverseRequestAndWaitForReceiptAsync(Purchase("1001"));

        PointsReversedEventDto reversed = Assert.Single(points.DecodePointsReversedEvents(receipt)).Event;
        Assert.Equal((new BigInteger(30), new BigInteger(70)), (reversed.Burned, reversed.Shortfall));
        Assert.Equal((BigInteger.Zero, new BigInteger(50)), (await points.BalanceOfQueryAsync(Customer), await points.LifetimeEarnedOfQueryAsync(Customer)));
    }

    [Fact]
    public async Task Reverse_of_a_purchase_never_awarded_is_LoyaltyUnknownPurchase()
    {
        var error = await Assert.ThrowsAsync<LoyaltyUnknownPurchaseException>(() => Points(Party.Merchant).ReverseRequestAndWaitForReceiptAsync(Purchase("never")));

        Assert.Equal(Purchase("never"), error.PurchaseRef);
    }

    [Fact]
    public async Task Reverse_twice_is_LoyaltyPurchaseAlreadyReversed()
    {
        await AwardAsync(Party.Customer, 100, "1001");
        LoyaltyPointsService points = Points(Party.Merchant);
        await points.ReverseRequestAndWaitForReceiptAsync(Purchase("1001"));

        var error = await Assert.ThrowsAsync<LoyaltyPurchaseAlreadyReversedException>(() => points.ReverseRequestAndWaitForReceiptAsync(Purchase("1001")));

        Assert.Equal(Purchase("1001"), error.PurchaseRef);
    }

    [Fact]
    public async Task Redeem_burns_the_customers_points_and_keeps_lifetime_earned()
    {
        await AwardAsync(Party.Customer, 100, "1001");
        LoyaltyPointsService points = Points(Party.Customer);

        TransactionReceipt receipt = await points.RedeemRequestAndWaitForReceiptAsync(60, Reward("coffee"));

        Assert.Equal(new PointsRedeemedEventDto(Customer, Reward("coffee"), Address.Zero, 60), Assert.Single(points.DecodePointsRedeemedEvents(receipt)).Event);
        Assert.Equal(new TransferEventDto(Customer, Address.Zero, 60), Assert.Single(points.DecodeTransferEvents(receipt)).Event);
        Assert.Equal((new BigInteger(40), new BigInteger(40), new BigInteger(100)), (await points.BalanceOfQueryAsync(Customer), await points.TotalSupplyQueryAsync(), await points.LifetimeEarnedOfQueryAsync(Customer)));
    }

    [Fact]
    public async Task Redeem_of_no_points_is_LoyaltyInvalidAmount()
    {
        var error = await Assert.ThrowsAsync<LoyaltyInvalidAmountException>(() => Points(Party.Customer).RedeemRequestAndWaitForReceiptAsync(0, Reward("x")));

        Assert.Equal(BigInteger.Zero, error.Amount);
    }

    [Fact]
    public async Task Redeem_of_more_than_the_balance_is_ERC20InsufficientBalance()
    {
        await AwardAsync(Party.Customer, 100, "1001");

        var error = await Assert.ThrowsAsync<ERC20InsufficientBalanceException>(() => Points(Party.Customer).RedeemRequestAndWaitForReceiptAsync(101, Reward("x")));

        Assert.Equal((Customer, new BigInteger(100), new BigInteger(101)), (error.Sender, error.Balance, error.Needed));
    }

    [Fact]
    public async Task RedeemBySig_relayed_by_the_named_merchant_burns_and_names_the_merchant()
    {
        await AwardAsync(Party.Customer, 100, "1001");
        ulong deadline = await NowAsync() + 600;
        byte[] signature = await SignRedemptionAsync(Party.Customer, Party.OtherMerchant, 25, Reward("cinema"), deadline);
        LoyaltyPointsService points = Points(Party.OtherMerchant);

        TransactionReceipt receipt = await points.RedeemBySigRequestAndWaitForReceiptAsync(Customer, 25, Reward("cinema"), deadline, signature);

        Assert.Equal(new PointsRedeemedEventDto(Customer, Reward("cinema"), Party.OtherMerchant.Address(), 25), Assert.Single(points.DecodePointsRedeemedEvents(receipt)).Event);
        Assert.Equal((new BigInteger(75), BigInteger.One), (await points.BalanceOfQueryAsync(Customer), await points.NoncesQueryAsync(Customer)));
    }

    [Fact]
    public async Task RedeemBySig_relayed_by_another_merchant_than_the_signed_one_is_LoyaltyInvalidSignature()
    {
        await AwardAsync(Party.Customer, 100, "1001");
        ulong deadline = await NowAsync() + 600;
        byte[] signature = await SignRedemptionAsync(Party.Customer, Party.Merchant, 25, Reward("cinema"), deadline);

        var error = await Assert.ThrowsAsync<LoyaltyInvalidSignatureException>(() => Points(Party.OtherMerchant).RedeemBySigRequestAndWaitForReceiptAsync(Customer, 25, Reward("cinema"), deadline, signature));

        Assert.Equal(Customer, error.Customer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task RedeemBySig_of_no_points_or_more_than_the_balance_fails_and_leaves_the_nonce(int amount)
    {
        await AwardAsync(Party.Customer, 100, "1001");
        ulong deadline = await NowAsync() + 600;
        byte[] signature = await SignRedemptionAsync(Party.Customer, Party.Merchant, amount, Reward("x"), deadline);
        LoyaltyPointsService points = Points(Party.Merchant);

        Task Redeem() => points.RedeemBySigRequestAndWaitForReceiptAsync(Customer, amount, Reward("x"), deadline, signature);

        if (amount == 0)
        {
            Assert.Equal(BigInteger.Zero, (await Assert.ThrowsAsync<LoyaltyInvalidAmountException>(Redeem)).Amount);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ERC20InsufficientBalanceException>(Redeem);
            Assert.Equal((Customer, new BigInteger(100), new BigInteger(amount)), (error.Sender, error.Balance, error.Needed));
        }

        Assert.Equal(BigInteger.Zero, await points.NoncesQueryAsync(Customer));
    }

    [Fact]
    public async Task SetTierThresholds_sets_the_thresholds()
    {
        LoyaltyPointsService admin = Points(Party.Admin);

        TransactionReceipt receipt = await admin.SetTierThresholdsRequestAndWaitForReceiptAsync([100, 500, 1000]);

        Assert.Equal([100u, 500u, 1000u], await admin.TierThresholdsQueryAsync());
        Assert.Equal([100u, 500u, 1000u], Assert.Single(admin.DecodeTierThresholdsSetEvents(receipt)).Event.Thresholds);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    [InlineData(499, 1)]
    [InlineData(500, 2)]
    [InlineData(999, 2)]
    [InlineData(1000, 3)]
    [InlineData(5000, 3)]
    public async Task The_tier_is_the_number_of_thresholds_lifetime_earned_points_reach(int earned, byte tier)
    {
        await Points(Party.Admin).SetTierThresholdsRequestAndWaitForReceiptAsync([100, 500, 1000]);
        if (earned > 0)
        {
            await AwardAsync(Party.Customer, earned, "1001");
        }

        Assert.Equal(tier, await Points(Party.Stranger).TierOfQueryAsync(Customer));
    }

    [Fact]
    public async Task Tiers_follow_lifetime_earned_points_through_redemptions_and_returns()
    {
        await Points(Party.Admin).SetTierThresholdsRequestAndWaitForReceiptAsync([100, 500]);
        await AwardAsync(Party.Customer, 400, "1001");
        await AwardAsync(Party.Customer, 200, "1002");
        LoyaltyPointsService points = Points(Party.Customer);
        Assert.Equal((byte)2, await points.TierOfQueryAsync(Customer));

        await points.RedeemRequestAndWaitForReceiptAsync(550, Reward("flight"));
        Assert.Equal((byte)2, await points.TierOfQueryAsync(Customer));
        await Points(Party.Merchant).ReverseRequestAndWaitForReceiptAsync(Purchase("1002"));

        Assert.Equal((byte)1, await points.TierOfQueryAsync(Customer));
    }

    [Fact]
    public async Task SetTierThresholds_with_nothing_clears_the_tiers_and_eight_is_the_most()
    {
        LoyaltyPointsService admin = Points(Party.Admin);
        await admin.SetTierThresholdsRequestAndWaitForReceiptAsync([1, 2, 3, 4, 5, 6, 7, 8]);
        await AwardAsync(Party.Customer, 10, "1001");
        Assert.Equal((byte)8, await admin.TierOfQueryAsync(Customer));

        await admin.SetTierThresholdsRequestAndWaitForReceiptAsync([]);

        Assert.Empty(await admin.TierThresholdsQueryAsync());
        Assert.Equal((byte)0, await admin.TierOfQueryAsync(Customer));
    }

    [Fact]
    public async Task SetTierThresholds_with_more_than_eight_is_LoyaltyTooManyTiers()
    {
        var error = await Assert.ThrowsAsync<LoyaltyTooManyTiersException>(() => Points(Party.Admin).SetTierThresholdsRequestAndWaitForReceiptAsync([1, 2, 3, 4, 5, 6, 7, 8, 9]));

        Assert.Equal((new BigInteger(9), new BigInteger(8)), (error.Count, error.MaxTiers));
    }

    [Theory]
    [InlineData(new uint[] { 0 }, 0, 0u)]
    [InlineData(new uint[] { 100, 100 }, 1, 100u)]
    [InlineData(new uint[] { 100, 500, 200 }, 2, 200u)]
    public async Task SetTierThresholds_not_strictly_ascending_from_one_is_LoyaltyTierThresholdsNotAscending(uint[] thresholds, int index, uint threshold)
    {
        var error = await Assert.ThrowsAsync<LoyaltyTierThresholdsNotAscendingException>(() => Points(Party.Admin).SetTierThresholdsRequestAndWaitForReceiptAsync(thresholds));

        Assert.Equal((new BigInteger(index), threshold), (error.Index, error.Threshold));
    }

    [Fact]
    public async Task Points_never_move_between_holders()
    {
        await AwardAsync(Party.Customer, 100, "1001");
        LoyaltyPointsService customer = Points(Party.Customer);
        await customer.ApproveRequestAndWaitForReceiptAsync(Party.OtherCustomer.Address(), 50);

        var transfer = await Assert.ThrowsAsync<LoyaltyTransferNotAllowedException>(() => customer.TransferRequestAndWaitForReceiptAsync(Party.OtherCustomer.Address(), 10));
        var transferFrom = await Assert.ThrowsAsync<LoyaltyTransferNotAllowedException>(() => Points(Party.OtherCustomer).TransferFromRequestAndWaitForReceiptAsync(Customer, Party.OtherCustomer.Address(), 10));

        Assert.Equal((Customer, Party.OtherCustomer.Address()), (transfer.From, transfer.To));
        Assert.Equal((Customer, Party.OtherCustomer.Address()), (transferFrom.From, transferFrom.To));
        Assert.Equal((new BigInteger(100), new BigInteger(50)), (await customer.BalanceOfQueryAsync(Customer), await customer.AllowanceQueryAsync(Customer, Party.OtherCustomer.Address())));
    }

    [Fact]
    public async Task Transfer_to_the_zero_address_is_ERC20InvalidReceiver()
    {
        await AwardAsync(Party.Customer, 100, "1001");

        var error = await Assert.ThrowsAsync<ERC20InvalidReceiverException>(() => Points(Party.Customer).TransferRequestAndWaitForReceiptAsync(Address.Zero, 10));

        Assert.Equal(Address.Zero, error.Receiver);
    }

    [Fact]
    public async Task TransferFrom_beyond_the_allowance_is_ERC20InsufficientAllowance()
    {
        await AwardAsync(Party.Customer, 100, "1001");

        var error = await Assert.ThrowsAsync<ERC20InsufficientAllowanceException>(() => Points(Party.Merchant).TransferFromRequestAndWaitForReceiptAsync(Customer, Merchant, 10));

        Assert.Equal((Merchant, BigInteger.Zero, new BigInteger(10)), (error.Spender, error.Allowance, error.Needed));
    }

    [Fact]
    public async Task Approve_sets_an_allowance_and_for_the_zero_spender_is_ERC20InvalidSpender()
    {
        LoyaltyPointsService customer = Points(Party.Customer);

        TransactionReceipt receipt = await customer.ApproveRequestAndWaitForReceiptAsync(Merchant, 5);
        var error = await Assert.ThrowsAsync<ERC20InvalidSpenderException>(() => customer.ApproveRequestAndWaitForReceiptAsync(Address.Zero, 5));

        Assert.Equal(new ApprovalEventDto(Customer, Merchant, 5), Assert.Single(customer.DecodeApprovalEvents(receipt)).Event);
        Assert.Equal(Address.Zero, error.Spender);
    }

    [Fact]
    public async Task Permit_signed_by_the_customer_sets_the_allowance()
    {
        ulong deadline = await NowAsync() + 600;
        var signature = TypedSignatures.Sign(Party.Customer, Domain, TypedSignatures.Permit, Customer, Merchant, new BigInteger(30), BigInteger.Zero, deadline);
        LoyaltyPointsService relayer = Points(Party.Stranger);

        TransactionReceipt receipt = await relayer.PermitRequestAndWaitForReceiptAsync(Customer, Merchant, 30, deadline, signature.V, signature.R, signature.S);

        Assert.Equal(new ApprovalEventDto(Customer, Merchant, 30), Assert.Single(relayer.DecodeApprovalEvents(receipt)).Event);
        Assert.Equal((new BigInteger(30), BigInteger.One), (await relayer.AllowanceQueryAsync(Customer, Merchant), await relayer.NoncesQueryAsync(Customer)));
    }

    [Fact]
    public async Task A_merchant_whose_role_is_revoked_can_no_longer_award_or_reverse()
    {
        await AwardAsync(Party.Customer, 100, "1001", Party.OtherMerchant);
        await Points(Party.Admin).RevokeRoleRequestAndWaitForReceiptAsync(Roles.Merchant, Party.OtherMerchant.Address());
        LoyaltyPointsService former = Points(Party.OtherMerchant);

        var award = await Assert.ThrowsAsync<AccessControlUnauthorizedAccountException>(() => AwardAsync(Party.Customer, 10, "1002", Party.OtherMerchant));
        var reverse = await Assert.ThrowsAsync<AccessControlUnauthorizedAccountException>(() => former.ReverseRequestAndWaitForReceiptAsync(Purchase("1001")));

        Assert.Equal((Party.OtherMerchant.Address(), Roles.Merchant), (award.Account, award.NeededRole));
        Assert.Equal((Party.OtherMerchant.Address(), Roles.Merchant), (reverse.Account, reverse.NeededRole));
        await Points(Party.Merchant).ReverseRequestAndWaitForReceiptAsync(Purchase("1001"));
    }
    [Fact]
    public async Task Permit_with_a_v_that_recovers_nobody_is_ECDSAInvalidSignature()
    {
        ulong deadline = await NowAsync() + 600;
        var signature = TypedSignatures.Sign(Party.Customer, Domain, TypedSignatures.Permit, Customer, Merchant, new BigInteger(30), BigInteger.Zero, deadline);

        await Assert.ThrowsAsync<ECDSAInvalidSignatureException>(() => Points(Party.Stranger).PermitRequestAndWaitForReceiptAsync(Customer, Merchant, 30, deadline, 29, signature.R, signature.S));
    }

    /// <summary>OpenZeppelin spends the (zero) allowance of the zero owner before it would check the sender, so ERC20InvalidSender is out of reach.</summary>
    [Fact]
    public async Task TransferFrom_the_zero_address_is_ERC20InvalidApprover()
    {
        var error = await Assert.ThrowsAsync<ERC20InvalidApproverException>(() => Points(Party.Stranger).TransferFromRequestAndWaitForReceiptAsync(Address.Zero, Customer, 0));

        Assert.Equal(Address.Zero, error.Approver);
    }

    [Fact]
    public async Task The_default_admin_is_moved_in_two_steps_only_and_the_new_admin_sets_the_tiers()
    {
        LoyaltyPointsService admin = Points(Party.Admin), successor = Points(Party.OtherCustomer);
        await Assert.ThrowsAsync<AccessControlEnforcedDefaultAdminRulesException>(() => admin.GrantRoleRequestAndWaitForReceiptAsync(Roles.DefaultAdmin, Party.OtherCustomer.Address()));
        await Assert.ThrowsAsync<AccessControlBadConfirmationException>(() => admin.RenounceRoleRequestAndWaitForReceiptAsync(Roles.Merchant, Merchant));

        TransactionReceipt begun = await admin.BeginDefaultAdminTransferRequestAndWaitForReceiptAsync(Party.OtherCustomer.Address());
        await MineAtAsync(await TimeOfAsync(begun) + ProductDeployment.AdminDelay + 1);
        await successor.AcceptDefaultAdminTransferRequestAndWaitForReceiptAsync();

        await successor.SetTierThresholdsRequestAndWaitForReceiptAsync([10]);
        var former = await Assert.ThrowsAsync<AccessControlUnauthorizedAccountException>(() => admin.SetTierThresholdsRequestAndWaitForReceiptAsync([20]));
        Assert.Equal((Party.Admin.Address(), Roles.DefaultAdmin), (former.Account, former.NeededRole));
        Assert.Equal([10u], await admin.TierThresholdsQueryAsync());
    }
}
