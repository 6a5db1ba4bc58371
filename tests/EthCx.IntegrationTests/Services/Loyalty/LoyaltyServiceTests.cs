using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Services.Deployment;
using EthCx.Services.Loyalty;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Services.Loyalty;

[Collection(SharedLocalNode.Name)]
public sealed class LoyaltyServiceTests(LocalNodeFixture fixture)
{
    private static readonly Address Retailer = Actors.Signer(Actors.Retailer).Address;
    private static readonly Address Customer = Actors.Signer(Actors.Customer).Address;
    private static readonly PurchaseReference Order = PurchaseReference.FromOrderId("ORD-2026-0001");

    private LocalNode Node => fixture.Node;

    private async Task<(LoyaltyService Merchant, DeploymentManifest Manifest)> MerchantAsync()
    {
        DeploymentManifest manifest = await Actors.DeployAsync(Node);
        return (new LoyaltyService(await Actors.ClientAsync(Node, Actors.Retailer), manifest.AddressOf(EthCxContract.LoyaltyPoints)), manifest);
    }

    private async Task<IReadOnlyList<Log>> AwardLogsAsync(Address points, PurchaseReference purchase) =>
        await Node.Client.GetLogsAsync(new LogFilter { Addresses = [points], Topics = [[PointsAwardedEventDto.Topic0], null, [purchase.Hash]], FromBlock = BlockParameter.Earliest });

    [Fact]
    public async Task An_award_credits_the_customer_and_a_retry_sends_nothing_and_returns_the_original_transaction()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();

        Assert.Null(await merchant.FindAwardAsync(Customer, Order, 150));
        AwardResult first = await merchant.AwardForPurchaseAsync(Customer, Order, 150);
        ulong nonce = await Node.Client.GetTransactionCountAsync(Retailer);
        AwardResult retry = await merchant.AwardForPurchaseAsync(Customer, Order, 150);
        var otherProcess = new LoyaltyService(await Actors.ClientAsync(Node, Actors.Retailer), merchant.Contract);
        Assert.Equal(retry, await otherProcess.FindAwardAsync(Customer, Order, 150));
        await Assert.ThrowsAsync<PurchaseAwardConflictException>(() => otherProcess.FindAwardAsync(Customer, Order, 149));

        Assert.Equal(AwardOutcome.Awarded, first.Outcome);
        Assert.Equal(AwardOutcome.AlreadyAwarded, retry.Outcome);
        Assert.Equal(first.Transaction, retry.Transaction);
        Assert.Equal(nonce, await Node.Client.GetTransactionCountAsync(Retailer));
        Assert.Single(await AwardLogsAsync(merchant.Contract, Order));
        PointsAccount account = await merchant.GetAccountAsync(Customer);
        Assert.Equal(new PointsAccount(Customer, 150, 150, new LoyaltyTier(1, 100, 500)), account);
        Assert.Equal(350, account.PointsToNextTier);
        Assert.Equal(new PurchaseAward(Order, Customer, 150), await merchant.GetPurchaseAsync(Order));
        Assert.Null(await merchant.GetPurchaseAsync(PurchaseReference.FromOrderId("never")));
    }

    [Fact]
    public async Task Three_concurrent_awards_of_one_purchase_make_exactly_one_award()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();

        AwardResult[] results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => merchant.AwardForPurchaseAsync(Customer, Order, 40))));

        Assert.Single(await AwardLogsAsync(merchant.Contract, Order));
        Assert.Single(results.Select(r => r.Transaction.Hash).Distinct());
        Assert.Equal(40, (await merchant.GetAccountAsync(Customer)).Balance);
    }

    [Fact]
    public async Task A_caller_that_joined_an_attempt_cancelled_by_another_caller_still_gets_the_one_award()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();
        using var first = new CancellationTokenSource();
        using var own = new CancellationTokenSource();
        await Node.Client.EvmSetAutomineAsync(false);
        try
        {
            Task<AwardResult> cancelled = merchant.AwardForPurchaseAsync(Customer, Order, 70, first.Token);
            Task<AwardResult> joined = merchant.AwardForPurchaseAsync(Customer, Order, 70);
            Task<AwardResult> leaving = merchant.AwardForPurchaseAsync(Customer, Order, 70, own.Token);
            for (int i = 0; i < 400 && await Node.Client.GetTransactionCountAsync(Retailer, BlockParameter.Pending) == await Node.Client.GetTransactionCountAsync(Retailer); i++)
            {
                await Task.Delay(10);
            }

            // A waiter's own token ends its wait (bounded, so that a token ignored fails instead of hanging).
            own.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.False(joined.IsCompleted);
            first.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(30)));
            for (int i = 0; i < 200 && !joined.IsCompleted; i++)
            {
                await Node.Client.EvmMineAsync();
                await Task.Delay(25);
            }

            AwardResult result = await joined;
            Assert.Equal(70, result.Points);
        }
        finally
        {
            await Node.Client.EvmSetAutomineAsync(true);
        }

        Assert.Single(await AwardLogsAsync(merchant.Contract, Order));
        Assert.Equal(70, (await merchant.GetAccountAsync(Customer)).Balance);
        Assert.Equal(AwardOutcome.AlreadyAwarded, (await merchant.AwardForPurchaseAsync(Customer, Order, 70)).Outcome);
    }

    [Fact]
    public async Task Concurrent_awards_of_one_purchase_by_two_merchants_make_exactly_one_award()
    {
        await using var snapshot = await Node.SnapshotAsync();
        DeploymentManifest manifest = await Actors.DeployAsync(Node);
        Address points = manifest.AddressOf(EthCxContract.LoyaltyPoints);
        await new LoyaltyPointsService(await Actors.ClientAsync(Node, Actors.Retailer), points).GrantRoleRequestAndWaitForReceiptAsync(EthCx.Services.ContractRoles.Merchant, Actors.Signer(Actors.Distributor).Address);
        var first = new LoyaltyService(await Actors.ClientAsync(Node, Actors.Retailer), points);
        var second = new LoyaltyService(await Actors.ClientAsync(Node, Actors.Distributor), points);

        AwardResult[] results = await Task.WhenAll(
            Task.Run(() => first.AwardForPurchaseAsync(Customer, Order, 40)),
            Task.Run(() => second.AwardForPurchaseAsync(Customer, Order, 40)),
            Task.Run(() => first.AwardForPurchaseAsync(Customer, Order, 40)));

        Assert.Single(await AwardLogsAsync(points, Order));
        Assert.Single(results.Select(r => r.Transaction.Hash).Distinct());
        Assert.Contains(results, r => r.Outcome == AwardOutcome.Awarded);
        Assert.Equal(40, (await first.GetAccountAsync(Customer)).Balance);
    }

    [Fact]
    public async Task After_a_crash_between_sending_and_recording_the_retry_finds_the_award_mined_or_still_pending()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, DeploymentManifest manifest) = await MerchantAsync();
        Address points = manifest.AddressOf(EthCxContract.LoyaltyPoints);

        // Mined: the crashed run sent and the node mined, but the caller never learned the outcome.
        var crashed = new LoyaltyPointsService(await Actors.ClientAsync(Node, Actors.Retailer), points);
        Bytes32 sentBeforeCrash = await crashed.AwardRequestAsync(Customer, 25, Order.Hash);
        AwardResult retried = await new LoyaltyService(await Actors.ClientAsync(Node, Actors.Retailer), points).AwardForPurchaseAsync(Customer, Order, 25);
        Assert.Equal(AwardOutcome.AlreadyAwarded, retried.Outcome);
        Assert.Equal(sentBeforeCrash, retried.Transaction.Hash);

        // Pending: the crashed run's transaction is not mined when the restarted run retries.
        PurchaseReference pendingOrder = PurchaseReference.FromOrderId("ORD-2026-0002");
        await Node.Client.EvmSetAutomineAsync(false);
        try
        {
            Bytes32 pending = await new LoyaltyPointsService(await Actors.ClientAsync(Node, Actors.Retailer), points).AwardRequestAsync(Customer, 30, pendingOrder.Hash);
            var restarted = new LoyaltyService(await Actors.ClientAsync(Node, Actors.Retailer), points);
            Task<AwardResult> retry = restarted.AwardForPurchaseAsync(Customer, pendingOrder, 30);
            for (int i = 0; i < 200 && !retry.IsCompleted; i++)
            {
                await Node.Client.EvmMineAsync();
                await Task.Delay(25);
            }

            AwardResult result = await retry;
            Assert.Equal(AwardOutcome.AlreadyAwarded, result.Outcome);
            Assert.Equal(pending, result.Transaction.Hash);
        }
        finally
        {
            await Node.Client.EvmSetAutomineAsync(true);
        }

        Assert.Single(await AwardLogsAsync(points, Order));
        Assert.Single(await AwardLogsAsync(points, pendingOrder));
        Assert.Equal(55, (await merchant.GetAccountAsync(Customer)).Balance);
    }

    [Fact]
    public async Task The_gas_limit_set_by_the_first_award_covers_the_dearest_award_a_new_customer_while_no_points_exist()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService other, _) = await MerchantAsync();
        // No gas margin: the limit is the estimate plus the zero-supply surcharge, nothing else to hide a short limit.
        ChainClient exact = await ChainClient.ConnectAsync(Node.Client, Actors.Signer(Actors.Retailer), new ChainClientOptions { GasMargin = 1 });
        var merchant = new LoyaltyService(exact, other.Contract);
        PurchaseReference earlier = PurchaseReference.FromOrderId("ORD-2026-0004");
        await other.AwardForPurchaseAsync(Customer, earlier, 100);

        // The first award of this service sets its gas limit while points exist, for a customer who holds some.
        AwardResult cheap = await merchant.AwardForPurchaseAsync(Customer, Order, 50);
        await merchant.ReverseAsync(earlier);
        await merchant.ReverseAsync(Order);
        Address newcomer = Actors.Signer(Actors.Outsider).Address;
        // The largest points: the most nonzero calldata bytes.
        AwardResult dear = await merchant.AwardForPurchaseAsync(newcomer, PurchaseReference.FromOrderId("ORD-2026-0005"), long.MaxValue);

        Assert.Equal(AwardOutcome.Awarded, dear.Outcome);
        Assert.True(dear.Transaction.GasUsed >= cheap.Transaction.GasUsed + (2 * 17_100), $"{dear.Transaction.GasUsed} vs {cheap.Transaction.GasUsed}");
        Assert.Equal(long.MaxValue, (await merchant.GetAccountAsync(newcomer)).Balance);
    }

    [Fact]
    public async Task An_award_on_other_terms_is_a_conflict_not_a_retry()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();
        await merchant.AwardForPurchaseAsync(Customer, Order, 150);

        PurchaseAwardConflictException points = await Assert.ThrowsAsync<PurchaseAwardConflictException>(() => merchant.AwardForPurchaseAsync(Customer, Order, 151));
        Assert.Equal($"Purchase {Order} was already awarded 150 points to {Customer}; the request for 151 points to {Customer} is not a retry of that award.", points.Message);
        Address other = Actors.Signer(Actors.Outsider).Address;
        PurchaseAwardConflictException customer = await Assert.ThrowsAsync<PurchaseAwardConflictException>(() => merchant.AwardForPurchaseAsync(other, Order, 150));
        Assert.Equal(new PurchaseAward(Order, Customer, 150), customer.Recorded);

        await merchant.ReverseAsync(Order);
        PurchaseAwardConflictException reversed = await Assert.ThrowsAsync<PurchaseAwardConflictException>(() => merchant.AwardForPurchaseAsync(Customer, Order, 150));
        Assert.Equal($"Purchase {Order} was awarded to {Customer} and has since been reversed; it cannot earn points again.", reversed.Message);
        ArgumentOutOfRangeException zero = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => merchant.AwardForPurchaseAsync(Customer, Order, 0));
        Assert.Equal("points", zero.ParamName);
    }

    [Fact]
    public async Task A_reversal_burns_what_remains_records_the_shortfall_lowers_the_tier_and_a_retry_returns_it()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();
        await merchant.AwardForPurchaseAsync(Customer, Order, 120);
        await merchant.AwardForPurchaseAsync(Customer, PurchaseReference.FromOrderId("ORD-2026-0003"), 20);
        var customer = new LoyaltyService(await Actors.ClientAsync(Node, Actors.Customer), merchant.Contract);
        await customer.RedeemAsync(130, RewardReference.FromRewardId("VOUCHER-1"));

        ReversalResult reversal = await merchant.ReverseAsync(Order);
        ReversalResult retry = await merchant.ReverseAsync(Order);

        Assert.Equal((Customer, 10L, 110L, ReversalOutcome.Reversed), (reversal.Customer, reversal.Burned, reversal.Shortfall, reversal.Outcome));
        Assert.Equal(ReversalOutcome.AlreadyReversed, retry.Outcome);
        Assert.Equal(reversal.Transaction, retry.Transaction);
        Assert.Equal((10L, 110L), (retry.Burned, retry.Shortfall));
        Assert.Equal(new PointsAccount(Customer, 0, 20, new LoyaltyTier(0, null, 100)), await merchant.GetAccountAsync(Customer));
        Assert.True((await merchant.GetPurchaseAsync(Order))!.Reversed);
        await Assert.ThrowsAsync<LoyaltyUnknownPurchaseException>(() => merchant.ReverseAsync(PurchaseReference.FromOrderId("never")));
    }

    [Fact]
    public async Task A_signed_redemption_is_relayed_by_the_merchant_it_names_and_only_once()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();
        await merchant.AwardForPurchaseAsync(Customer, Order, 300);
        ulong customerNonce = await Node.Client.GetTransactionCountAsync(Customer);
        RewardReference voucher = RewardReference.FromRewardId("VOUCHER-10EUR-0042");

        SignedRedemption signed = await merchant.SignRedemptionAsync(Actors.Signer(Actors.Customer), Retailer, 120, voucher);
        RedemptionResult redeemed = await merchant.RedeemBySignatureAsync(signed);

        Assert.Equal(120, redeemed.Points);
        Assert.Equal(customerNonce, await Node.Client.GetTransactionCountAsync(Customer));
        Assert.Equal(new PointsAccount(Customer, 180, 300, new LoyaltyTier(1, 100, 500)), await merchant.GetAccountAsync(Customer));
        LoyaltyInvalidSignatureException replay = await Assert.ThrowsAsync<LoyaltyInvalidSignatureException>(() => merchant.RedeemBySignatureAsync(signed));
        Assert.Equal(Customer, replay.Customer);

        SignedRedemption forOther = await merchant.SignRedemptionAsync(Actors.Signer(Actors.Customer), Actors.Signer(Actors.Distributor).Address, 10, voucher);
        await Assert.ThrowsAsync<LoyaltyInvalidSignatureException>(() => merchant.RedeemBySignatureAsync(forOther));
        SignedRedemption tooMuch = await merchant.SignRedemptionAsync(Actors.Signer(Actors.Customer), Retailer, 1000, voucher);
        ERC20InsufficientBalanceException insufficient = await Assert.ThrowsAsync<ERC20InsufficientBalanceException>(() => merchant.RedeemBySignatureAsync(tooMuch));
        Assert.Equal(180, (long)insufficient.Balance);
    }

    [Fact]
    public async Task A_redemption_past_its_deadline_or_beyond_the_balance_or_of_no_points_is_refused()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();
        await merchant.AwardForPurchaseAsync(Customer, Order, 50);
        RewardReference voucher = RewardReference.FromRewardId("VOUCHER-5EUR-0007");
        Block latest = (await Node.Client.GetBlockByNumberAsync(BlockParameter.Latest))!;
        DateTimeOffset past = DateTimeOffset.FromUnixTimeSeconds((long)latest.Timestamp - 60);

        SignedRedemption late = await merchant.SignRedemptionAsync(Actors.Signer(Actors.Customer), Retailer, 10, voucher, deadline: past);
        LoyaltyExpiredSignatureException expired = await Assert.ThrowsAsync<LoyaltyExpiredSignatureException>(() => merchant.RedeemBySignatureAsync(late));
        Assert.Equal(past.ToUnixTimeSeconds(), (long)expired.Deadline);

        var customer = new LoyaltyService(await Actors.ClientAsync(Node, Actors.Customer), merchant.Contract);
        ERC20InsufficientBalanceException insufficient = await Assert.ThrowsAsync<ERC20InsufficientBalanceException>(() => customer.RedeemAsync(51, voucher));
        Assert.Equal((50L, 51L), ((long)insufficient.Balance, (long)insufficient.Needed));
        ArgumentOutOfRangeException none = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => customer.RedeemAsync(0, voucher));
        Assert.Equal("points", none.ParamName);
        Assert.Equal(50, (await merchant.GetAccountAsync(Customer)).Balance);
    }

    [Fact]
    public async Task Only_a_merchant_awards()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (LoyaltyService merchant, _) = await MerchantAsync();
        var outsider = new LoyaltyService(await Actors.ClientAsync(Node, Actors.Outsider), merchant.Contract);

        AccessControlUnauthorizedAccountException error = await Assert.ThrowsAsync<AccessControlUnauthorizedAccountException>(() => outsider.AwardForPurchaseAsync(Customer, Order, 10));
        Assert.Equal(Actors.Signer(Actors.Outsider).Address, error.Account);
    }
}
