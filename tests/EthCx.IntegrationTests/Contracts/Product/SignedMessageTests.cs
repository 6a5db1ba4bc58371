using System.Numerics;
using EthCx.Chain.Contracts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>The EIP-712 messages of the product contracts: what each one does.</summary>
public enum SignedMessage
{
    /// <summary>ConsentRegistry.giveBySig, relayed by the controller.</summary>
    GiveConsent,

    /// <summary>ConsentRegistry.withdrawBySig, relayed by the controller.</summary>
    WithdrawConsent,

    /// <summary>ConsentRegistry.eraseBySig, relayed by the controller.</summary>
    EraseSubject,

    /// <summary>SupplyChainTracker.acceptCustodyBySig by the carrier, relayed by a stranger.</summary>
    AcceptCustody,

    /// <summary>LoyaltyPoints.redeemBySig by the customer, relayed by the merchant.</summary>
    Redeem,

    /// <summary>LoyaltyPoints.permit (OpenZeppelin's ERC-2612), relayed by a stranger.</summary>
    Permit,
}

/// <summary>How a submitted signature differs from the one the contract would accept.</summary>
public enum Forgery
{
    /// <summary>A signature already used once, submitted again.</summary>
    Replayed,

    /// <summary>Signed for chain id 1 instead of the node's.</summary>
    OtherChain,

    /// <summary>Signed for another deployment of the same contract (same chain, other verifying contract).</summary>
    OtherDeployment,

    /// <summary>The valid signature's malleated twin: s replaced by n - s, the recovery id flipped.</summary>
    HighS,

    /// <summary>Signed by another account's key.</summary>
    OtherSigner,

    /// <summary>The valid signature in ERC-2098's 64-byte compact form (r, then s with the recovery id in its top bit).</summary>
    Compact,
}

/// <summary>
/// Every signed (EIP-712) operation of the product contracts refuses a replayed signature, one made for another
/// chain or another deployment, a high-s twin and another key's signature, each with its typed error and without
/// effect; and it is valid through its deadline's second and refused one second later. Transactions are sent with a
/// fixed gas limit, so the refusal is that of the mined transaction.
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class SignedMessageTests(ProductFixture fixture) : ProductTest(fixture), IClassFixture<ProductFixture>
{
    private static readonly ConsentTerms Terms = new(0b101, 0, 3, Id("notice"), Id("receipt"));
    private static readonly ConditionProfile Profile = new(200, 800, 600, 1800);
    private static readonly Bytes32 ShipmentId = Id("shipment 1");
    private static readonly Bytes32 RewardRef = Id("reward 1");

    public static TheoryData<SignedMessage, Forgery> Forgeries()
    {
        var data = new TheoryData<SignedMessage, Forgery>();
        foreach (SignedMessage message in Enum.GetValues<SignedMessage>())
        {
            foreach (Forgery forgery in Enum.GetValues<Forgery>())
            {
                // permit takes v, r and s: there is no compact form to submit.
                if (message != SignedMessage.Permit || forgery != Forgery.Compact)
                {
                    data.Add(message, forgery);
                }
            }
        }

        return data;
    }

    public static TheoryData<SignedMessage> Messages() => [.. Enum.GetValues<SignedMessage>()];

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task The_signed_message_has_the_documented_type_hash(SignedMessage message)
    {
        (Task<Bytes32> typeHash, string typeString) = message switch
        {
            SignedMessage.GiveConsent => (Consent(Party.Stranger).GiveConsentTypehashQueryAsync(), TypedSignatures.GiveConsent),
            SignedMessage.WithdrawConsent => (Consent(Party.Stranger).WithdrawConsentTypehashQueryAsync(), TypedSignatures.WithdrawConsent),
            SignedMessage.EraseSubject => (Consent(Party.Stranger).EraseSubjectTypehashQueryAsync(), TypedSignatures.EraseSubject),
            SignedMessage.AcceptCustody => (Tracker(Party.Stranger).AcceptCustodyTypehashQueryAsync(), TypedSignatures.AcceptCustody),
            SignedMessage.Redeem => (Points(Party.Stranger).RedeemTypehashQueryAsync(), TypedSignatures.Redeem),
            _ => (Task.FromResult(TypedSignatures.TypeHash(TypedSignatures.Permit)), TypedSignatures.Permit),
        };

        Assert.Equal(TypedSignatures.TypeHash(typeString), await typeHash);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_valid_signature_takes_effect_once(SignedMessage message)
    {
        SignedCall call = For(message);
        await call.ArrangeAsync();
        ulong deadline = await NowAsync() + 3600;

        await call.SubmitAsync(await call.SignAsync(call.Domain, call.Signer, deadline), deadline);

        Assert.True(await call.AppliedAsync());
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_signature_is_refused_with_the_typed_error_and_changes_nothing(SignedMessage message, Forgery forgery)
    {
        SignedCall call = For(message);
        await call.ArrangeAsync();
        ulong deadline = await NowAsync() + 3600;
        Signature valid = await call.SignAsync(call.Domain, call.Signer, deadline);
        Assert.Equal(call.Signer.Address(), TypedDataSigner.RecoverSigner(TypedSignatures.Message(call.Domain, call.TypeString, call.Values(await call.NonceAsync(), deadline)), valid));
        Signature submitted = forgery switch
        {
            Forgery.Replayed or Forgery.Compact => valid,
            Forgery.OtherChain => await call.SignAsync(call.Domain with { ChainId = 1 }, call.Signer, deadline),
            Forgery.OtherDeployment => await call.SignAsync(call.Domain with { VerifyingContract = await call.DeployAnotherAsync() }, call.Signer, deadline),
            Forgery.HighS => TypedSignatures.HighS(valid),
            _ => await call.SignAsync(call.Domain, Party.Stranger, deadline),
        };
        if (forgery == Forgery.Replayed)
        {
            await call.SubmitAsync(valid, deadline);
            await call.UndoAsync();
        }

        (object State, BigInteger Nonce) before = (await call.StateAsync(), await call.NonceAsync());

        ContractRevertException error = await Assert.ThrowsAnyAsync<ContractRevertException>(() => call.SubmitAsync(submitted, deadline, forgery == Forgery.Compact ? Compact(valid) : null));

        Assert.Equal("transaction", error.Operation);
        call.AssertRefused(error, forgery, submitted);
        Assert.Equal(before, (await call.StateAsync(), await call.NonceAsync()));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_signature_is_valid_in_the_second_of_its_deadline(SignedMessage message)
    {
        SignedCall call = For(message);
        await call.ArrangeAsync();
        ulong deadline = await NowAsync() + 3600;
        Signature signature = await call.SignAsync(call.Domain, call.Signer, deadline);
        await NextBlockAtAsync(deadline);

        TransactionReceipt receipt = await call.SubmitAsync(signature, deadline);

        Assert.Equal(deadline, await TimeOfAsync(receipt));
        Assert.True(await call.AppliedAsync());
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_signature_one_second_past_its_deadline_is_refused_as_expired(SignedMessage message)
    {
        SignedCall call = For(message);
        await call.ArrangeAsync();
        ulong deadline = await NowAsync() + 3600;
        Signature signature = await call.SignAsync(call.Domain, call.Signer, deadline);
        await NextBlockAtAsync(deadline + 1);

        ContractRevertException error = await Assert.ThrowsAnyAsync<ContractRevertException>(() => call.SubmitAsync(signature, deadline));

        Assert.Equal(deadline, call.ExpiredDeadline(error));
        Assert.Equal(deadline + 1, await NowAsync());
        Assert.False(await call.AppliedAsync());
    }

    /// <summary>ERC-2098: r, then s with the recovery id in its top bit.</summary>
    private static byte[] Compact(Signature signature)
    {
        byte[] compact = [.. signature.R.Bytes, .. signature.S.Bytes];
        compact[32] |= (byte)(signature.YParity << 7);
        return compact;
    }

    private SignedCall For(SignedMessage message) => message switch
    {
        SignedMessage.GiveConsent => new GiveConsentCall(this),
        SignedMessage.WithdrawConsent => new WithdrawConsentCall(this),
        SignedMessage.EraseSubject => new EraseSubjectCall(this),
        SignedMessage.AcceptCustody => new AcceptCustodyCall(this),
        SignedMessage.Redeem => new RedeemCall(this),
        _ => new PermitCall(this),
    };

    /// <summary>One signed operation: its set-up, message, submission, effect and errors.</summary>
    private abstract class SignedCall(SignedMessageTests test)
    {
        protected SignedMessageTests Test => test;

        public abstract Party Signer { get; }

        public abstract string TypeString { get; }

        public abstract Eip712Domain Domain { get; }

        public virtual Task ArrangeAsync() => Task.CompletedTask;

        /// <summary>The message's member values in type-string order.</summary>
        public abstract object[] Values(BigInteger nonce, ulong deadline);

        public abstract Task<BigInteger> NonceAsync();

        public async Task<Signature> SignAsync(Eip712Domain domain, Party signer, ulong deadline) =>
            TypedSignatures.Sign(signer, domain, TypeString, Values(await NonceAsync(), deadline));

        /// <summary>Relays the signed message with a fixed gas limit and waits for the receipt.</summary>
        /// <param name="signature">The signature.</param>
        /// <param name="deadline">The deadline signed.</param>
        /// <param name="encoded">The signature bytes to submit instead of the 65-byte form of <paramref name="signature"/>.</param>
        public abstract Task<TransactionReceipt> SubmitAsync(Signature signature, ulong deadline, byte[]? encoded = null);

        /// <summary>Whether the operation's effect is in place.</summary>
        public abstract Task<bool> AppliedAsync();

        /// <summary>The state the operation changes, as a value to compare.</summary>
        public abstract Task<object> StateAsync();

        /// <summary>Undoes the effect (not the nonce) so that a replay would show.</summary>
        public abstract Task UndoAsync();

        /// <summary>Deploys another instance of the contract and returns its address.</summary>
        public abstract Task<Address> DeployAnotherAsync();

        /// <summary>Asserts the typed error of a refused signature.</summary>
        public abstract void AssertRefused(ContractRevertException error, Forgery forgery, Signature submitted);

        /// <summary>The deadline an expired-signature error names (after asserting its type).</summary>
        public abstract ulong ExpiredDeadline(ContractRevertException error);
    }

    private abstract class ConsentCall(SignedMessageTests test) : SignedCall(test)
    {
        protected static Address Subject => Party.Subject.Address();

        protected static Address Controller => Party.Controller.Address();

        public override Party Signer => Party.Subject;

        public override Eip712Domain Domain => TypedSignatures.Domain(TypedSignatures.ConsentDomainName, Test.Client(Party.Subject).ChainId, Test.Deployment.Consent);

        protected ConsentRegistryService Relayer => Test.Consent(Party.Controller);

        public override Task<BigInteger> NonceAsync() => Relayer.NoncesQueryAsync(Subject);

        public override async Task<Address> DeployAnotherAsync() => (await ConsentRegistryService.DeployContractAndWaitForReceiptAsync(Test.Client(Party.Admin))).Address;

        public override void AssertRefused(ContractRevertException error, Forgery forgery, Signature submitted) =>
            Assert.Equal(Subject, Assert.IsType<ConsentInvalidSignatureException>(error).Subject);

        public override ulong ExpiredDeadline(ContractRevertException error) => (ulong)Assert.IsType<ConsentExpiredSignatureException>(error).Deadline;

        protected Task<ConsentStatus> StatusAsync() => Relayer.StatusOfQueryAsync(Subject, Controller, 1);

        public override async Task<object> StateAsync() => (await Relayer.ConsentOfQueryAsync(Subject, Controller, 1), await Relayer.ErasedAtQueryAsync(Subject));
    }

    private sealed class GiveConsentCall(SignedMessageTests test) : ConsentCall(test)
    {
        public override string TypeString => TypedSignatures.GiveConsent;

        public override object[] Values(BigInteger nonce, ulong deadline) =>
            [Subject, Controller, (ushort)1, Terms.Elements, Terms.ExpiresAt, Terms.LegalBasis, Terms.NoticeHash, Terms.ReceiptHash, nonce, deadline];

        public override Task<TransactionReceipt> SubmitAsync(Signature signature, ulong deadline, byte[]? encoded = null) =>
            Relayer.GiveBySigRequestAndWaitForReceiptAsync(new GiveBySigFunction(Subject, Controller, 1, Terms, deadline, encoded ?? signature.ToBytes()) { Gas = MinedGas });

        public override async Task<bool> AppliedAsync() => await StatusAsync() == ConsentStatus.Given;

        public override Task UndoAsync() => Relayer.RevokeRequestAndWaitForReceiptAsync(Subject, 1);
    }

    private sealed class WithdrawConsentCall(SignedMessageTests test) : ConsentCall(test)
    {
        public override string TypeString => TypedSignatures.WithdrawConsent;

        public override Task ArrangeAsync() => Test.Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, 1, Terms);

        public override object[] Values(BigInteger nonce, ulong deadline) => [Subject, Controller, (ushort)1, nonce, deadline];

        public override Task<TransactionReceipt> SubmitAsync(Signature signature, ulong deadline, byte[]? encoded = null) =>
            Relayer.WithdrawBySigRequestAndWaitForReceiptAsync(new WithdrawBySigFunction(Subject, Controller, 1, deadline, encoded ?? signature.ToBytes()) { Gas = MinedGas });

        public override async Task<bool> AppliedAsync() => await StatusAsync() == ConsentStatus.Withdrawn;

        public override Task UndoAsync() => Test.Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, 1, Terms);
    }

    private sealed class EraseSubjectCall(SignedMessageTests test) : ConsentCall(test)
    {
        public override string TypeString => TypedSignatures.EraseSubject;

        public override object[] Values(BigInteger nonce, ulong deadline) => [Subject, nonce, deadline];

        public override Task<TransactionReceipt> SubmitAsync(Signature signature, ulong deadline, byte[]? encoded = null) =>
            Relayer.EraseBySigRequestAndWaitForReceiptAsync(new EraseBySigFunction(Subject, deadline, encoded ?? signature.ToBytes()) { Gas = MinedGas });

        public override async Task<bool> AppliedAsync() => await Relayer.ErasedAtQueryAsync(Subject) != 0;

        /// <summary>Erasure is irreversible: a replay is refused by its signature check, which comes before the erased check.</summary>
        public override Task UndoAsync() => Task.CompletedTask;
    }

    private sealed class AcceptCustodyCall(SignedMessageTests test) : SignedCall(test)
    {
        private static Address Carrier => Party.Carrier.Address();

        public override Party Signer => Party.Carrier;

        public override string TypeString => TypedSignatures.AcceptCustody;

        public override Eip712Domain Domain => TypedSignatures.Domain(TypedSignatures.TrackerDomainName, Test.Client(Party.Carrier).ChainId, Test.Deployment.Tracker);

        private SupplyChainTrackerService Relayer => Test.Tracker(Party.Stranger);

        public override async Task ArrangeAsync()
        {
            SupplyChainTrackerService manufacturer = Test.Tracker(Party.Manufacturer);
            await manufacturer.CreateShipmentRequestAndWaitForReceiptAsync(ShipmentId, Party.Retailer.Address(), Profile);
            await manufacturer.OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Carrier);
        }

        public override object[] Values(BigInteger nonce, ulong deadline) => [ShipmentId, Carrier, true, nonce, deadline];

        public override Task<BigInteger> NonceAsync() => Relayer.NoncesQueryAsync(Carrier);

        public override Task<TransactionReceipt> SubmitAsync(Signature signature, ulong deadline, byte[]? encoded = null) =>
            Relayer.AcceptCustodyBySigRequestAndWaitForReceiptAsync(new AcceptCustodyBySigFunction(ShipmentId, Carrier, true, deadline, encoded ?? signature.ToBytes()) { Gas = MinedGas });

        public override async Task<bool> AppliedAsync() => (await Relayer.ShipmentOfQueryAsync(ShipmentId)).Custodian == Carrier;

        public override async Task<object> StateAsync() => await Relayer.ShipmentOfQueryAsync(ShipmentId);

        /// <summary>The carrier hands custody back and the manufacturer offers it again: the carrier could accept anew.</summary>
        public override async Task UndoAsync()
        {
            await Test.Tracker(Party.Carrier).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Party.Manufacturer.Address());
            await Test.Tracker(Party.Manufacturer).AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, true);
            await Test.Tracker(Party.Manufacturer).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, Carrier);
        }

        public override async Task<Address> DeployAnotherAsync() =>
            (await SupplyChainTrackerService.DeployContractAndWaitForReceiptAsync(Test.Client(Party.Admin), ProductDeployment.AdminDelay, Party.Admin.Address())).Address;

        public override void AssertRefused(ContractRevertException error, Forgery forgery, Signature submitted) =>
            Assert.Equal(Carrier, Assert.IsType<SupplyChainInvalidSignatureException>(error).Party);

        public override ulong ExpiredDeadline(ContractRevertException error) => (ulong)Assert.IsType<SupplyChainExpiredSignatureException>(error).Deadline;
    }

    private abstract class PointsCall(SignedMessageTests test) : SignedCall(test)
    {
        protected static Address Customer => Party.Customer.Address();

        public override Party Signer => Party.Customer;

        public override Eip712Domain Domain => TypedSignatures.Domain(ProductDeployment.TokenName, Test.Client(Party.Customer).ChainId, Test.Deployment.Points);

        public override Task<BigInteger> NonceAsync() => Test.Points(Party.Stranger).NoncesQueryAsync(Customer);

        public override async Task<object> StateAsync()
        {
            LoyaltyPointsService points = Test.Points(Party.Stranger);
            return (await points.BalanceOfQueryAsync(Customer), await points.TotalSupplyQueryAsync(), await points.AllowanceQueryAsync(Customer, Party.Merchant.Address()));
        }

        public override async Task<Address> DeployAnotherAsync() =>
            (await LoyaltyPointsService.DeployContractAndWaitForReceiptAsync(Test.Client(Party.Admin), ProductDeployment.TokenName, ProductDeployment.TokenSymbol, ProductDeployment.AdminDelay, Party.Admin.Address())).Address;
    }

    private sealed class RedeemCall(SignedMessageTests test) : PointsCall(test)
    {
        private static Address Merchant => Party.Merchant.Address();

        public override string TypeString => TypedSignatures.Redeem;

        private LoyaltyPointsService Relayer => Test.Points(Party.Merchant);

        public override Task ArrangeAsync() => Relayer.AwardRequestAndWaitForReceiptAsync(Customer, 100, Id("order 1"));

        public override object[] Values(BigInteger nonce, ulong deadline) => [Customer, Merchant, new BigInteger(40), RewardRef, nonce, deadline];

        public override Task<TransactionReceipt> SubmitAsync(Signature signature, ulong deadline, byte[]? encoded = null) =>
            Relayer.RedeemBySigRequestAndWaitForReceiptAsync(new RedeemBySigFunction(Customer, 40, RewardRef, deadline, encoded ?? signature.ToBytes()) { Gas = MinedGas });

        public override async Task<bool> AppliedAsync() => await Relayer.BalanceOfQueryAsync(Customer) == 60;

        public override Task UndoAsync() => Relayer.AwardRequestAndWaitForReceiptAsync(Customer, 40, Id("order 2"));

        public override void AssertRefused(ContractRevertException error, Forgery forgery, Signature submitted) =>
            Assert.Equal(Customer, Assert.IsType<LoyaltyInvalidSignatureException>(error).Customer);

        public override ulong ExpiredDeadline(ContractRevertException error) => (ulong)Assert.IsType<LoyaltyExpiredSignatureException>(error).Deadline;
    }

    /// <summary>
    /// OpenZeppelin's permit recovers with ECDSA.recover, which reverts on a high-s signature, and compares the
    /// recovered address with the owner.
    /// </summary>
    private sealed class PermitCall(SignedMessageTests test) : PointsCall(test)
    {
        private static Address Spender => Party.Merchant.Address();

        public override string TypeString => TypedSignatures.Permit;

        public override object[] Values(BigInteger nonce, ulong deadline) => [Customer, Spender, new BigInteger(50), nonce, deadline];

        public override Task<TransactionReceipt> SubmitAsync(Signature signature, ulong deadline, byte[]? encoded = null) =>
            Test.Points(Party.Stranger).PermitRequestAndWaitForReceiptAsync(new PermitFunction(Customer, Spender, 50, deadline, signature.V, signature.R, signature.S) { Gas = MinedGas });

        public override async Task<bool> AppliedAsync() => await Test.Points(Party.Stranger).AllowanceQueryAsync(Customer, Spender) == 50;

        public override Task UndoAsync() => Test.Points(Party.Customer).ApproveRequestAndWaitForReceiptAsync(Spender, 0);

        public override void AssertRefused(ContractRevertException error, Forgery forgery, Signature submitted)
        {
            if (forgery == Forgery.HighS)
            {
                Assert.Equal(submitted.S, Assert.IsType<ECDSAInvalidSignatureSException>(error).S);
                return;
            }

            ERC2612InvalidSignerException invalid = Assert.IsType<ERC2612InvalidSignerException>(error);
            Assert.Equal(Customer, invalid.Owner);
            Assert.NotEqual(Customer, invalid.Signer);
        }

        public override ulong ExpiredDeadline(ContractRevertException error) => (ulong)Assert.IsType<ERC2612ExpiredSignatureException>(error).Deadline;
    }
}
