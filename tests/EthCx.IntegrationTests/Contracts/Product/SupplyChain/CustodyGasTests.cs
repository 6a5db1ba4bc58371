using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.SupplyChain;

/// <summary>A shipment's custody steps cost the same however long its history: nothing is kept per step.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class CustodyGasTests(ProductFixture fixture) : SupplyChainTest(fixture), IClassFixture<ProductFixture>
{
    private const int Steps = 1_000;
    private const ulong StepGas = 100_000;

    /// <summary>
    /// Custody moves in two steps, an offer by the holder and an acceptance by the next party (DOMAIN.md), so 1,000
    /// custody steps are 500 hand-overs between the carrier and the distributor: odd steps offer, even steps accept.
    /// They are sent with automine off and a fixed gas limit and mined by evm_mine every 100 steps (the node keeps
    /// their order of arrival); the receipts are read afterwards in batches. Every step succeeded, the shipment is back
    /// with the carrier, and the 1,000th step (the 500th acceptance) uses within 5% of the gas of the 2nd (the 1st
    /// acceptance), as the 999th (the 500th offer) does of the 1st.
    /// </summary>
    [Fact]
    public async Task The_1000th_custody_step_costs_within_5_percent_of_the_2nd()
    {
        await CreateShipmentAsync(Party.Carrier, Party.Retailer);
        SupplyChainTrackerService carrier = Tracker(Party.Carrier), distributor = Tracker(Party.Distributor);
        var steps = new List<Bytes32>(Steps);
        await Rpc.EvmSetAutomineAsync(false);
        try
        {
            for (int handOver = 0; handOver < Steps / 2; handOver++)
            {
                (SupplyChainTrackerService from, SupplyChainTrackerService to) = handOver % 2 == 0 ? (carrier, distributor) : (distributor, carrier);
                steps.Add(await from.OfferCustodyRequestAsync(new OfferCustodyFunction(ShipmentId, to.Client.Signer!.Address) { Gas = StepGas }));
                steps.Add(await to.AcceptCustodyRequestAsync(new AcceptCustodyFunction(ShipmentId, true) { Gas = StepGas }));
                if (steps.Count % 100 == 0)
                {
                    await Rpc.EvmMineAsync();
                }
            }
        }
        finally
        {
            await Rpc.EvmSetAutomineAsync(true);
        }

        TransactionReceipt[] receipts = await ReceiptsAsync(steps);

        Assert.All(receipts, receipt => Assert.True(receipt.Succeeded, $"custody step {receipt.TransactionHash} reverted"));
        Assert.Equal(Party.Carrier.Address(), (await carrier.ShipmentOfQueryAsync(ShipmentId)).Custodian);
        Assert.InRange(Step(1000).GasUsed, Step(2).GasUsed * 0.95, Step(2).GasUsed * 1.05);
        Assert.InRange(Step(999).GasUsed, Step(1).GasUsed * 0.95, Step(1).GasUsed * 1.05);

        TransactionReceipt Step(int number) => receipts[number - 1];
    }

    private async Task<TransactionReceipt[]> ReceiptsAsync(List<Bytes32> hashes)
    {
        var receipts = new List<TransactionReceipt>(hashes.Count);
        foreach (Bytes32[] chunk in hashes.Chunk(250))
        {
            var batch = new RpcBatch();
            var items = chunk.Select(hash => (Hash: hash, Receipt: batch.Add(EthRequests.GetTransactionReceipt(hash)))).ToList();
            await Rpc.BatchAsync(batch);
            receipts.AddRange(items.Select(item => item.Receipt.Value ?? throw new InvalidOperationException($"Custody step {item.Hash} was not mined.")));
        }

        return [.. receipts];
    }
}
