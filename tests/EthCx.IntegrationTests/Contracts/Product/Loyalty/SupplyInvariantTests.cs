using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.Loyalty;

/// <summary>The points in circulation are what was awarded, minus what returns burned, minus what was redeemed.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class SupplyInvariantTests(ProductFixture fixture) : LoyaltyTest(fixture), IClassFixture<ProductFixture>
{
    private const int Seed = 20_261_122;
    private const int Operations = 150;

    private static readonly Party[] Merchants = [Party.Merchant, Party.OtherMerchant];
    private static readonly Party[] Customers = [Party.Customer, Party.OtherCustomer, Party.Stranger];

    /// <summary>
    /// A seeded random sequence of awards, batch awards, returns (with and without shortfall), direct and signed
    /// redemptions, and refused attempts (a purchase awarded again, a redemption beyond the balance), checked against
    /// a model after each step; at the end the total supply equals awarded - reversed - redeemed, both by the model
    /// and by the token's own events, and equals the sum of the balances.
    /// </summary>
    [Fact]
    public async Task Total_supply_is_awarded_minus_reversed_minus_redeemed_after_a_random_sequence()
    {
        var random = new Random(Seed);
        var model = new Model();
        ulong firstBlock = await Rpc.BlockNumberAsync() + 1;
        int order = 0;
        for (int step = 0; step < Operations; step++)
        {
            Party merchant = Merchants[random.Next(Merchants.Length)];
            Party customer = Customers[random.Next(Customers.Length)];
            BigInteger balance = model.BalanceOf(customer.Address());
            int pick = random.Next(100);
            if (pick < 35 || model.Purchases.Count == 0)
            {
                int amount = random.Next(1, 300);
                await AwardAsync(customer, amount, $"random {++order}", merchant);
                model.Award(customer.Address(), amount, Purchase($"random {order}"));
            }
            else if (pick < 45)
            {
                Award[] awards = [.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => new Award(Customers[random.Next(Customers.Length)].Address(), random.Next(1, 300), Purchase($"random {++order}")))];
                await Points(merchant).AwardBatchRequestAndWaitForReceiptAsync(awards);
                Array.ForEach(awards, a => model.Award(a.Customer, a.Amount, a.PurchaseRef));
            }
            else if (pick < 60 && model.Unreversed.Count > 0)
            {
                Bytes32 purchase = model.Unreversed[random.Next(model.Unreversed.Count)];
                TransactionReceipt receipt = await Points(merchant).ReverseRequestAndWaitForReceiptAsync(purchase);
                PointsReversedEventDto reversed = Assert.Single(Points(merchant).DecodePointsReversedEvents(receipt)).Event;
                Assert.Equal(model.Reverse(purchase), (reversed.Burned, reversed.Shortfall));
            }
            else if (pick < 80 && balance > 0)
            {
                BigInteger amount = random.Next(1, (int)balance + 1);
                await Points(customer).RedeemRequestAndWaitForReceiptAsync(amount, Reward($"random {step}"));
                model.Redeem(customer.Address(), amount);
            }
            else if (pick < 90 && balance > 0)
            {
                BigInteger amount = random.Next(1, (int)balance + 1);
                ulong deadline = await NowAsync() + 600;
                byte[] signature = await SignRedemptionAsync(customer, merchant, amount, Reward($"random {step}"), deadline);
                await Points(merchant).RedeemBySigRequestAndWaitForReceiptAsync(customer.Address(), amount, Reward($"random {step}"), deadline, signature);
                model.Redeem(customer.Address(), amount);
            }
            else if (pick < 95)
            {
                Bytes32 purchase = model.Purchases.Keys.ElementAt(random.Next(model.Purchases.Count));
                var error = await Assert.ThrowsAsync<LoyaltyPurchaseAlreadyAwardedException>(() => Points(merchant).AwardRequestAndWaitForReceiptAsync(customer.Address(), 1, purchase));
                Assert.Equal(purchase, error.PurchaseRef);
            }
            else
            {
                var error = await Assert.ThrowsAsync<ERC20InsufficientBalanceException>(() => Points(customer).RedeemRequestAndWaitForReceiptAsync(balance + 1, Reward("too much")));
                Assert.Equal((balance, balance + 1), (error.Balance, error.Needed));
            }

            Assert.Equal(model.Supply, await Points(Party.Admin).TotalSupplyQueryAsync());
        }

        LoyaltyPointsService points = Points(Party.Admin);
        BigInteger supply = await points.TotalSupplyQueryAsync();
        Assert.Equal(model.Awarded - model.Reversed - model.Redeemed, supply);
        Assert.True(model.Awarded > 0 && model.Reversed > 0 && model.Redeemed > 0 && model.Shortfalls > 0, "the sequence should award, reverse (once with a shortfall) and redeem");
        BigInteger sum = 0;
        foreach (Party customer in Customers)
        {
            BigInteger balance = await points.BalanceOfQueryAsync(customer.Address());
            Assert.Equal(model.BalanceOf(customer.Address()), balance);
            Assert.Equal(model.LifetimeOf(customer.Address()), await points.LifetimeEarnedOfQueryAsync(customer.Address()));
            sum += balance;
        }

        Assert.Equal(supply, sum);
        BlockParameter from = firstBlock, to = BlockParameter.Latest;
        BigInteger awarded = Sum(await points.GetPointsAwardedEventsAsync(null, from, to), e => e.Amount);
        BigInteger burned = Sum(await points.GetPointsReversedEventsAsync(null, from, to), e => e.Burned);
        BigInteger redeemed = Sum(await points.GetPointsRedeemedEventsAsync(null, from, to), e => e.Amount);
        Assert.Equal((model.Awarded, model.Reversed, model.Redeemed), (awarded, burned, redeemed));
        Assert.Equal(supply, awarded - burned - redeemed);
    }

    private static BigInteger Sum<T>(IEnumerable<EthCx.Contracts.Bindings.EventLog<T>> logs, Func<T, BigInteger> amount) =>
        logs.Aggregate(BigInteger.Zero, (total, log) => total + amount(log.Event));

    /// <summary>What the token should hold.</summary>
    private sealed class Model
    {
        private readonly Dictionary<Address, BigInteger> _balances = [];
        private readonly Dictionary<Address, BigInteger> _lifetime = [];

        public Dictionary<Bytes32, (Address Customer, BigInteger Points)> Purchases { get; } = [];

        public List<Bytes32> Unreversed { get; } = [];

        public BigInteger Awarded { get; private set; }

        public BigInteger Reversed { get; private set; }

        public BigInteger Redeemed { get; private set; }

        public int Shortfalls { get; private set; }

        public BigInteger Supply => Awarded - Reversed - Redeemed;

        public BigInteger BalanceOf(Address customer) => _balances.GetValueOrDefault(customer);

        public BigInteger LifetimeOf(Address customer) => _lifetime.GetValueOrDefault(customer);

        public void Award(Address customer, BigInteger amount, Bytes32 purchase)
        {
            Purchases.Add(purchase, (customer, amount));
            Unreversed.Add(purchase);
            _balances[customer] = BalanceOf(customer) + amount;
            _lifetime[customer] = LifetimeOf(customer) + amount;
            Awarded += amount;
        }

        /// <summary>Reverses a purchase and returns (burned, shortfall).</summary>
        public (BigInteger Burned, BigInteger Shortfall) Reverse(Bytes32 purchase)
        {
            (Address customer, BigInteger points) = Purchases[purchase];
            BigInteger burned = BigInteger.Min(points, BalanceOf(customer));
            Unreversed.Remove(purchase);
            _balances[customer] = BalanceOf(customer) - burned;
            _lifetime[customer] = LifetimeOf(customer) - points;
            Reversed += burned;
            Shortfalls += burned < points ? 1 : 0;
            return (burned, points - burned);
        }

        public void Redeem(Address customer, BigInteger amount)
        {
            _balances[customer] = BalanceOf(customer) - amount;
            Redeemed += amount;
        }
    }
}
