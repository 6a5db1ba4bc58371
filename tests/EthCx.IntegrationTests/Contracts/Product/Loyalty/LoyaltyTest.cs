using System.Numerics;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.IntegrationTests.Contracts.Product.Loyalty;

/// <summary>Helpers of the loyalty tests.</summary>
public abstract class LoyaltyTest(ProductFixture fixture) : ProductTest(fixture)
{
    protected static Address Customer => Party.Customer.Address();

    protected static Address Merchant => Party.Merchant.Address();

    /// <summary>The purchase reference of an order: the hash of its id.</summary>
    protected static Bytes32 Purchase(string orderId) => Id("order " + orderId);

    /// <summary>The reference of a reward.</summary>
    protected static Bytes32 Reward(string rewardId) => Id("reward " + rewardId);

    /// <summary>The merchant awards <paramref name="amount"/> points to <paramref name="customer"/> for an order.</summary>
    protected Task<TransactionReceipt> AwardAsync(Party customer, BigInteger amount, string orderId, Party merchant = Party.Merchant) =>
        Points(merchant).AwardRequestAndWaitForReceiptAsync(customer.Address(), amount, Purchase(orderId));

    /// <summary>The token's EIP-712 domain (the permit's) on this chain.</summary>
    protected Eip712Domain Domain => TypedSignatures.Domain(ProductDeployment.TokenName, Client(Party.Admin).ChainId, Deployment.Points);

    /// <summary><paramref name="customer"/>'s signed redemption to be relayed by <paramref name="merchant"/>, with the customer's current nonce.</summary>
    protected async Task<byte[]> SignRedemptionAsync(Party customer, Party merchant, BigInteger amount, Bytes32 rewardRef, ulong deadline, Eip712Domain? domain = null) =>
        TypedSignatures.Sign(customer, domain ?? Domain, TypedSignatures.Redeem,
            customer.Address(), merchant.Address(), amount, rewardRef, await Points(customer).NoncesQueryAsync(customer.Address()), deadline).ToBytes();
}
