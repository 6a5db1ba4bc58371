using System.Numerics;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.Loyalty;

/// <summary>
/// Re-entering a redemption. LoyaltyPoints has no token hook (no ERC-777 or ERC-1363 callback: <c>_update</c> only
/// writes storage), and award, reverse and redeem call no other contract. Its one external call is the ERC-1271
/// <c>isValidSignature</c> check that <c>redeemBySig</c> makes when the customer is a contract, which is where a
/// malicious customer wallet gets control mid-redemption. tests/contracts/ReentrantRedeemer.sol is such a wallet: it
/// holds points and, inside the signature check, redeems again (by <c>redeem</c> or by <c>redeemBySig</c>). The
/// check is a STATICCALL, so the nested attempt could not write in any case; the wallet therefore also reports
/// whether the refusal came from the reentrancy guard itself (revert data <c>ReentrancyGuardReentrantCall()</c>)
/// rather than from the static context (a halt without data).
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class ReentrancyTests(ProductFixture fixture) : LoyaltyTest(fixture), IClassFixture<ProductFixture>
{
    private static readonly CompiledContract Wallet = CompiledContract.Load("tests/contracts/ReentrantRedeemer.sol", "ReentrantRedeemer");

    /// <summary>Reentry.Redeem and Reentry.RedeemBySig.</summary>
    public static TheoryData<int> Reentries => [0, 1];

    [Theory]
    [MemberData(nameof(Reentries))]
    public async Task A_redemption_re_entered_from_the_wallets_signature_check_fails_and_changes_nothing(int reentry)
    {
        ContractHandler wallet = await DeployWalletAsync(reentry, answerIfGuardRefused: false);
        LoyaltyPointsService points = Points(Party.Merchant);
        ulong deadline = await NowAsync() + 600;

        var error = await Assert.ThrowsAsync<LoyaltyInvalidSignatureException>(() => points.RedeemBySigRequestAndWaitForReceiptAsync(new RedeemBySigFunction(wallet.Address, 40, Reward("outer"), deadline, new byte[65]) { Gas = MinedGas }));

        Assert.Equal(("transaction", wallet.Address), (error.Operation, error.Customer));
        Assert.Equal((new BigInteger(100), new BigInteger(100), BigInteger.Zero), (await points.BalanceOfQueryAsync(wallet.Address), await points.TotalSupplyQueryAsync(), await points.NoncesQueryAsync(wallet.Address)));
        Assert.Empty(await points.GetPointsRedeemedEventsAsync(null, BlockParameter.Earliest, BlockParameter.Latest));
    }

    [Theory]
    [MemberData(nameof(Reentries))]
    public async Task The_nested_redemption_is_refused_by_the_reentrancy_guard_and_only_the_outer_one_burns(int reentry)
    {
        ContractHandler wallet = await DeployWalletAsync(reentry, answerIfGuardRefused: true);
        LoyaltyPointsService points = Points(Party.Merchant);
        ulong deadline = await NowAsync() + 600;

        TransactionReceipt receipt = await points.RedeemBySigRequestAndWaitForReceiptAsync(new RedeemBySigFunction(wallet.Address, 40, Reward("outer"), deadline, new byte[65]) { Gas = MinedGas });

        Assert.Equal(new PointsRedeemedEventDto(wallet.Address, Reward("outer"), Merchant, 40), Assert.Single(points.DecodePointsRedeemedEvents(receipt)).Event);
        Assert.Equal(new TransferEventDto(wallet.Address, Address.Zero, 40), Assert.Single(points.DecodeTransferEvents(receipt)).Event);
        Assert.Equal((new BigInteger(60), new BigInteger(60), BigInteger.One), (await points.BalanceOfQueryAsync(wallet.Address), await points.TotalSupplyQueryAsync(), await points.NoncesQueryAsync(wallet.Address)));
    }

    [Fact]
    public async Task The_wallet_redeems_its_own_points_directly()
    {
        ContractHandler wallet = await DeployWalletAsync(0, answerIfGuardRefused: false);

        TransactionReceipt receipt = await wallet.SendRequestAndWaitForReceiptAsync(Wallet.Abi.GetFunction("redeem"), [new BigInteger(10), Reward("direct")]);

        LoyaltyPointsService points = Points(Party.Stranger);
        Assert.Equal(new PointsRedeemedEventDto(wallet.Address, Reward("direct"), Address.Zero, 10), Assert.Single(points.DecodePointsRedeemedEvents(receipt)).Event);
        Assert.Equal(new BigInteger(90), await points.BalanceOfQueryAsync(wallet.Address));
    }

    /// <summary>Deploys the wallet, has the merchant award it 100 points and configures its attack (a nested redemption of 10 points).</summary>
    private async Task<ContractHandler> DeployWalletAsync(int reentry, bool answerIfGuardRefused)
    {
        ChainClient client = Client(Party.Stranger);
        DeploymentResult deployed = await client.DeployAsync(Wallet.Abi.Constructor!.EncodeDeployment(Wallet.Bytecode, [Deployment.Points]));
        var wallet = new ContractHandler(client, deployed.Address, Wallet.Abi.Errors);
        await wallet.SendRequestAndWaitForReceiptAsync(Wallet.Abi.GetFunction("configure"), [new BigInteger(reentry), new BigInteger(answerIfGuardRefused ? 1 : 0), new BigInteger(10)]);
        await Points(Party.Merchant).AwardRequestAndWaitForReceiptAsync(deployed.Address, 100, Purchase("wallet order"));
        return wallet;
    }
}
