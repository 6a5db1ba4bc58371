using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Transactions;

namespace EthCx.Chain.Tests.Transactions;

public class ChainBoundSigningTests
{
    private static readonly Eip1559Transaction OnMainnet = new()
    {
        ChainId = 1,
        Nonce = 0,
        MaxPriorityFeePerGas = 1,
        MaxFeePerGas = 2,
        GasLimit = 21000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = 1,
    };

    [Fact]
    public async Task A_signer_bound_to_the_transactions_chain_signs_exactly_as_the_unbound_key()
    {
        using PrivateKeySigner key = SignedTransactionTests.Eip155Key();
        var bound = new ChainBoundSigner(key, 1);

        SignedTransaction signed = await OnMainnet.SignAsync(bound);

        Assert.Equal(await OnMainnet.SignAsync(key), signed);
        Assert.Equal(1UL, ((ISigner)bound).ChainId);
        Assert.Null(((ISigner)key).ChainId);
        Assert.Equal(key.Address, bound.Address);
    }

    [Fact]
    public async Task A_signer_bound_to_another_chain_refuses_to_sign()
    {
        using PrivateKeySigner key = SignedTransactionTests.Eip155Key();
        var hardhat = new ChainBoundSigner(key, 31337);

        ChainIdMismatchException error = await Assert.ThrowsAsync<ChainIdMismatchException>(() => OnMainnet.SignAsync(hardhat).AsTask());

        Assert.Equal(31337UL, error.ExpectedChainId);
        Assert.Equal(1UL, error.ActualChainId);
        Assert.Equal($"Signer {key.Address} is bound to chain 31337 but the transaction is for chain 1; it was not signed.", error.Message);
    }

    [Fact]
    public async Task A_bound_signer_refuses_a_legacy_transaction_valid_on_every_chain()
    {
        using PrivateKeySigner key = SignedTransactionTests.Eip155Key();
        LegacyTransaction unprotected = UnsignedTransactionTests.Eip155Example with { ChainId = null };

        ChainIdMismatchException error = await Assert.ThrowsAsync<ChainIdMismatchException>(() => unprotected.SignAsync(new ChainBoundSigner(key, 1)).AsTask());

        Assert.Null(error.ActualChainId);
        Assert.Equal($"Signer {key.Address} is bound to chain 1 but the transaction is for every chain (a legacy transaction without an EIP-155 chain id); it was not signed.", error.Message);
        Assert.NotNull(await UnsignedTransactionTests.Eip155Example.SignAsync(new ChainBoundSigner(key, 1)));
    }

    [Fact]
    public void A_bound_signer_cannot_be_bound_again_to_another_chain()
    {
        using PrivateKeySigner key = SignedTransactionTests.Eip155Key();
        var bound = new ChainBoundSigner(key, 1);

        ArgumentException error = Assert.Throws<ArgumentException>(() => new ChainBoundSigner(bound, 5));

        Assert.Equal($"Signer {key.Address} is already bound to chain 1; it cannot be bound to chain 5. (Parameter 'inner')", error.Message);
        Assert.Equal(1UL, ((ISigner)new ChainBoundSigner(bound, 1)).ChainId);
    }

    [Fact]
    public async Task A_bound_faulty_signer_is_still_caught_by_recovery()
    {
        using PrivateKeySigner key = SignedTransactionTests.Eip155Key();
        var faulty = new ChainBoundSigner(new SignedTransactionTests.FlippedParitySigner(key), 1);

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => OnMainnet.SignAsync(faulty).AsTask());

        Assert.StartsWith($"Signer {key.Address} returned a signature that recovers to 0x", error.Message, StringComparison.Ordinal);
    }
}
