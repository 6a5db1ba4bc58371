using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product.Consent;

/// <summary>Every ConsentRegistry function: its happy path and each custom error it raises, with the error's arguments.</summary>
[Collection(SharedLocalNode.Name)]
public sealed class ConsentFunctionTests(ProductFixture fixture) : ConsentTest(fixture), IClassFixture<ProductFixture>
{
    [Fact]
    public async Task The_domain_and_type_hashes_are_the_documented_ones()
    {
        ConsentRegistryService consent = Consent(Party.Stranger);

        Eip712DomainOutputDto domain = await consent.Eip712DomainQueryAsync();

        Assert.Equal((TypedSignatures.ConsentDomainName, "1", Client(Party.Stranger).ChainId, Deployment.Consent), (domain.Name, domain.Version, (ulong)domain.ChainId, domain.VerifyingContract));
        Assert.Equal(TypedSignatures.TypeHash(TypedSignatures.GiveConsent), await consent.GiveConsentTypehashQueryAsync());
        Assert.Equal(TypedSignatures.TypeHash(TypedSignatures.WithdrawConsent), await consent.WithdrawConsentTypehashQueryAsync());
        Assert.Equal(TypedSignatures.TypeHash(TypedSignatures.EraseSubject), await consent.EraseSubjectTypehashQueryAsync());
    }

    [Fact]
    public async Task Give_records_the_terms_and_emits_ConsentGiven()
    {
        ConsentTerms terms = Terms(Contact | PurchaseHistory);

        TransactionReceipt receipt = await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, terms);

        ulong time = await TimeOfAsync(receipt);
        ConsentRegistryService consent = Consent(Party.Stranger);
        Assert.Equal(new ConsentRecord(Contact | PurchaseHistory, 0, time, time, 1, ExplicitlyExpressedConsent, ConsentStatus.Given, NoticeHash, Id("receipt 1")), await consent.ConsentOfQueryAsync(Subject, Controller, CustomerCare));
        Assert.Equal(ConsentStatus.Given, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
        Assert.Equal(new ConsentGivenEventDto(Subject, Controller, CustomerCare, Contact | PurchaseHistory, 0, ExplicitlyExpressedConsent, 1, NoticeHash, Id("receipt 1")), Assert.Single(consent.DecodeConsentGivenEvents(receipt)).Event);
        Assert.True(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact));
        Assert.True(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact | PurchaseHistory));
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact | Location));
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, DirectMarketing, Contact));
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Party.OtherController.Address(), CustomerCare, Contact));
    }

    [Fact]
    public async Task A_renewal_replaces_the_terms_and_counts_the_version()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        TransactionReceipt first = await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(Contact));

        TransactionReceipt renewal = await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(PostalAddress, receipt: "receipt 2"));

        ConsentRecord record = await consent.ConsentOfQueryAsync(Subject, Controller, CustomerCare);
        Assert.Equal((PostalAddress, 2u, await TimeOfAsync(renewal), Id("receipt 2")), (record.Elements, record.Version, record.GivenAt, record.ReceiptHash));
        Assert.True(record.GivenAt > await TimeOfAsync(first));
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact));
    }

    [Fact]
    public async Task Give_to_the_zero_controller_is_ConsentInvalidController()
    {
        var error = await Assert.ThrowsAsync<ConsentInvalidControllerException>(() => Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Address.Zero, CustomerCare, Terms()));

        Assert.Equal(Address.Zero, error.Controller);
    }

    [Fact]
    public async Task Give_without_data_elements_is_ConsentNoElements()
    {
        await Assert.ThrowsAsync<ConsentNoElementsException>(() => Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(elements: 0)));
    }

    [Fact]
    public async Task Give_expiring_at_its_own_block_time_is_ConsentExpiryNotInFuture_and_one_second_later_is_accepted()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        ulong at = await NowAsync() + 100;
        await NextBlockAtAsync(at);

        var error = await Assert.ThrowsAsync<ConsentExpiryNotInFutureException>(() => consent.GiveRequestAndWaitForReceiptAsync(new GiveFunction(Controller, CustomerCare, Terms(expiresAt: at)) { Gas = MinedGas }));

        Assert.Equal((at, at), (error.ExpiresAt, (ulong)error.CurrentTime));
        Assert.Equal("transaction", error.Operation);
        await NextBlockAtAsync(at + 10);
        await consent.GiveRequestAndWaitForReceiptAsync(new GiveFunction(Controller, CustomerCare, Terms(expiresAt: at + 11)) { Gas = MinedGas });
        Assert.Equal(ConsentStatus.Given, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
    }

    [Fact]
    public async Task Give_by_an_erased_subject_is_ConsentSubjectErased()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        await consent.EraseRequestAndWaitForReceiptAsync();

        var error = await Assert.ThrowsAsync<ConsentSubjectErasedException>(() => consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms()));

        Assert.Equal(Subject, error.Subject);
    }

    [Fact]
    public async Task GiveBySig_relayed_by_the_controller_records_the_subjects_consent_and_uses_the_nonce()
    {
        ConsentTerms terms = Terms(Contact);
        ulong deadline = await NowAsync() + 3600;
        byte[] signature = await SignGrantAsync(CustomerCare, terms, deadline);
        ConsentRegistryService consent = Consent(Party.Controller);

        TransactionReceipt receipt = await consent.GiveBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, terms, deadline, signature);

        Assert.Equal(Controller, receipt.From);
        Assert.Equal(ConsentStatus.Given, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
        Assert.Equal(Subject, Assert.Single(consent.DecodeConsentGivenEvents(receipt)).Event.Subject);
        Assert.Equal(1, await consent.NoncesQueryAsync(Subject));
    }

    [Fact]
    public async Task GiveBySig_for_an_erased_subject_is_ConsentSubjectErased_and_leaves_the_nonce()
    {
        await Consent(Party.Subject).EraseRequestAndWaitForReceiptAsync();
        ulong deadline = await NowAsync() + 3600;
        byte[] signature = await SignGrantAsync(CustomerCare, Terms(), deadline);
        ConsentRegistryService consent = Consent(Party.Controller);

        var error = await Assert.ThrowsAsync<ConsentSubjectErasedException>(() => consent.GiveBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, Terms(), deadline, signature));

        Assert.Equal(Subject, error.Subject);
        Assert.Equal(0, await consent.NoncesQueryAsync(Subject));
    }

    [Fact]
    public async Task Withdraw_of_a_given_consent_records_Withdrawn_and_keeps_the_terms()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(Contact));

        TransactionReceipt receipt = await consent.WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);

        ConsentRecord record = await consent.ConsentOfQueryAsync(Subject, Controller, CustomerCare);
        Assert.Equal((ConsentStatus.Withdrawn, Contact, 1u, await TimeOfAsync(receipt)), (record.Status, record.Elements, record.Version, record.UpdatedAt));
        Assert.Equal(new ConsentWithdrawnEventDto(Subject, Controller, CustomerCare), Assert.Single(consent.DecodeConsentWithdrawnEvents(receipt)).Event);
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact));
    }

    [Fact]
    public async Task Withdraw_before_any_grant_records_Refused()
    {
        ConsentRegistryService consent = Consent(Party.Subject);

        TransactionReceipt receipt = await consent.WithdrawRequestAndWaitForReceiptAsync(Controller, DirectMarketing);

        Assert.Equal(ConsentStatus.Refused, await consent.StatusOfQueryAsync(Subject, Controller, DirectMarketing));
        Assert.Equal(new ConsentRefusedEventDto(Subject, Controller, DirectMarketing), Assert.Single(consent.DecodeConsentRefusedEvents(receipt)).Event);
        Assert.Empty(consent.DecodeConsentWithdrawnEvents(receipt));
        Assert.Equal(0u, (await consent.ConsentOfQueryAsync(Subject, Controller, DirectMarketing)).Version);
    }

    [Fact]
    public async Task Withdraw_from_the_zero_controller_is_ConsentInvalidController()
    {
        var error = await Assert.ThrowsAsync<ConsentInvalidControllerException>(() => Consent(Party.Subject).WithdrawRequestAndWaitForReceiptAsync(Address.Zero, CustomerCare));

        Assert.Equal(Address.Zero, error.Controller);
    }

    [Fact]
    public async Task Withdraw_is_still_allowed_after_erasure()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
        await consent.EraseRequestAndWaitForReceiptAsync();

        await consent.WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);

        Assert.Equal(ConsentStatus.Withdrawn, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
    }

    [Fact]
    public async Task WithdrawBySig_relayed_by_anyone_records_Withdrawn()
    {
        await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
        ulong deadline = await NowAsync() + 3600;
        byte[] signature = await SignWithdrawalAsync(CustomerCare, deadline);
        ConsentRegistryService consent = Consent(Party.Stranger);

        TransactionReceipt receipt = await consent.WithdrawBySigRequestAndWaitForReceiptAsync(Subject, Controller, CustomerCare, deadline, signature);

        Assert.Equal(ConsentStatus.Withdrawn, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
        Assert.Single(consent.DecodeConsentWithdrawnEvents(receipt));
        Assert.Equal(1, await consent.NoncesQueryAsync(Subject));
    }

    [Fact]
    public async Task WithdrawBySig_from_the_zero_controller_is_ConsentInvalidController()
    {
        ulong deadline = await NowAsync() + 3600;
        byte[] signature = TypedSignatures.Sign(Party.Subject, Domain, TypedSignatures.WithdrawConsent, Subject, Address.Zero, CustomerCare, 0, deadline).ToBytes();

        var error = await Assert.ThrowsAsync<ConsentInvalidControllerException>(() => Consent(Party.Controller).WithdrawBySigRequestAndWaitForReceiptAsync(Subject, Address.Zero, CustomerCare, deadline, signature));

        Assert.Equal(Address.Zero, error.Controller);
    }

    [Fact]
    public async Task Revoke_by_the_controller_records_Revoked()
    {
        await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
        ConsentRegistryService consent = Consent(Party.Controller);

        TransactionReceipt receipt = await consent.RevokeRequestAndWaitForReceiptAsync(Subject, CustomerCare);

        Assert.Equal(ConsentStatus.Revoked, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
        Assert.Equal(new ConsentRevokedEventDto(Subject, Controller, CustomerCare), Assert.Single(consent.DecodeConsentRevokedEvents(receipt)).Event);
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact));
    }

    [Fact]
    public async Task Revoke_of_an_expired_grant_is_allowed()
    {
        ulong expiresAt = await NowAsync() + 100;
        await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(expiresAt: expiresAt));
        await MineAtAsync(expiresAt);
        ConsentRegistryService consent = Consent(Party.Controller);
        Assert.Equal(ConsentStatus.Expired, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));

        await consent.RevokeRequestAndWaitForReceiptAsync(Subject, CustomerCare);

        Assert.Equal(ConsentStatus.Revoked, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare));
    }

    [Theory]
    [InlineData(ConsentStatus.None)]
    [InlineData(ConsentStatus.Withdrawn)]
    [InlineData(ConsentStatus.Refused)]
    [InlineData(ConsentStatus.Revoked)]
    public async Task Revoke_of_a_consent_not_given_is_ConsentNotGiven_with_its_status(ConsentStatus status)
    {
        await BringToAsync(status);

        var error = await Assert.ThrowsAsync<ConsentNotGivenException>(() => Consent(Party.Controller).RevokeRequestAndWaitForReceiptAsync(Subject, CustomerCare));

        Assert.Equal((Subject, Controller, CustomerCare, status), (error.Subject, error.Controller, error.Purpose, error.Status));
    }

    [Fact]
    public async Task Erase_marks_the_subject_and_ends_every_permission()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());

        TransactionReceipt receipt = await consent.EraseRequestAndWaitForReceiptAsync();

        Assert.Equal(await TimeOfAsync(receipt), await consent.ErasedAtQueryAsync(Subject));
        Assert.Equal(new SubjectErasedEventDto(Subject), Assert.Single(consent.DecodeSubjectErasedEvents(receipt)).Event);
        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact));
        Assert.Equal(0u, await consent.ErasedAtQueryAsync(Party.OtherCustomer.Address()));
    }

    [Fact]
    public async Task Erase_twice_is_ConsentSubjectErased()
    {
        ConsentRegistryService consent = Consent(Party.Subject);
        await consent.EraseRequestAndWaitForReceiptAsync();

        var error = await Assert.ThrowsAsync<ConsentSubjectErasedException>(() => consent.EraseRequestAndWaitForReceiptAsync());

        Assert.Equal(Subject, error.Subject);
    }

    [Fact]
    public async Task EraseBySig_relayed_by_the_controller_marks_the_subject()
    {
        ulong deadline = await NowAsync() + 3600;
        byte[] signature = await SignErasureAsync(deadline);
        ConsentRegistryService consent = Consent(Party.Controller);

        TransactionReceipt receipt = await consent.EraseBySigRequestAndWaitForReceiptAsync(Subject, deadline, signature);

        Assert.Equal(await TimeOfAsync(receipt), await consent.ErasedAtQueryAsync(Subject));
        Assert.Equal(Subject, Assert.Single(consent.DecodeSubjectErasedEvents(receipt)).Event.Subject);
    }

    [Fact]
    public async Task EraseBySig_of_an_erased_subject_is_ConsentSubjectErased()
    {
        await Consent(Party.Subject).EraseRequestAndWaitForReceiptAsync();
        ulong deadline = await NowAsync() + 3600;
        byte[] signature = await SignErasureAsync(deadline);

        var error = await Assert.ThrowsAsync<ConsentSubjectErasedException>(() => Consent(Party.Controller).EraseBySigRequestAndWaitForReceiptAsync(Subject, deadline, signature));

        Assert.Equal(Subject, error.Subject);
    }

    [Fact]
    public async Task RecordInteraction_under_consent_in_force_emits_the_record()
    {
        await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(Controller, DeliveryOfGoods, Terms(PostalAddress));
        ConsentRegistryService consent = Consent(Party.Controller);

        TransactionReceipt receipt = await consent.RecordInteractionRequestAndWaitForReceiptAsync(Subject, InteractionKind.Shipment, DeliveryOfGoods, Id("order 1001 shipment"));

        Assert.Equal(new InteractionRecordedEventDto(Subject, Controller, DeliveryOfGoods, InteractionKind.Shipment, Id("order 1001 shipment")), Assert.Single(consent.DecodeInteractionRecordedEvents(receipt)).Event);
    }

    [Theory]
    [InlineData(ConsentStatus.None)]
    [InlineData(ConsentStatus.Withdrawn)]
    [InlineData(ConsentStatus.Refused)]
    [InlineData(ConsentStatus.Revoked)]
    [InlineData(ConsentStatus.Expired)]
    public async Task RecordInteraction_without_consent_in_force_is_ConsentNotInForce_with_the_status(ConsentStatus status)
    {
        await BringToAsync(status);

        var error = await Assert.ThrowsAsync<ConsentNotInForceException>(() => Consent(Party.Controller).RecordInteractionRequestAndWaitForReceiptAsync(Subject, InteractionKind.Purchase, CustomerCare, Id("order 1")));

        Assert.Equal((Subject, Controller, CustomerCare, status), (error.Subject, error.Controller, error.Purpose, error.Status));
    }

    [Fact]
    public async Task RecordInteraction_for_an_erased_subject_is_ConsentSubjectErased()
    {
        ConsentRegistryService subject = Consent(Party.Subject);
        await subject.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
        await subject.EraseRequestAndWaitForReceiptAsync();

        var error = await Assert.ThrowsAsync<ConsentSubjectErasedException>(() => Consent(Party.Controller).RecordInteractionRequestAndWaitForReceiptAsync(Subject, InteractionKind.ServiceContact, CustomerCare, Id("ticket 7")));

        Assert.Equal(Subject, error.Subject);
    }

    [Fact]
    public async Task An_expiring_grant_is_permitted_until_the_second_before_its_expiry_and_Expired_from_then()
    {
        ulong expiresAt = await NowAsync() + 1000;
        ConsentRegistryService consent = Consent(Party.Subject);
        await consent.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(expiresAt: expiresAt));

        await MineAtAsync(expiresAt - 1);
        Assert.True(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact, BlockParameter.Latest));
        Assert.Equal(ConsentStatus.Given, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare, BlockParameter.Latest));
        await MineAtAsync(expiresAt);

        Assert.False(await consent.IsPermittedQueryAsync(Subject, Controller, CustomerCare, Contact, BlockParameter.Latest));
        Assert.Equal(ConsentStatus.Expired, await consent.StatusOfQueryAsync(Subject, Controller, CustomerCare, BlockParameter.Latest));
        Assert.Equal(ConsentStatus.Expired, (await consent.ConsentOfQueryAsync(Subject, Controller, CustomerCare, BlockParameter.Latest)).Status);
    }

    /// <summary>Brings the subject's CustomerCare consent to the controller into <paramref name="status"/>.</summary>
    private async Task BringToAsync(ConsentStatus status)
    {
        ConsentRegistryService subject = Consent(Party.Subject);
        switch (status)
        {
            case ConsentStatus.None:
                break;
            case ConsentStatus.Refused:
                await subject.WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare);
                break;
            case ConsentStatus.Expired:
                ulong expiresAt = await NowAsync() + 100;
                await subject.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms(expiresAt: expiresAt));
                await MineAtAsync(expiresAt);
                break;
            default:
                await subject.GiveRequestAndWaitForReceiptAsync(Controller, CustomerCare, Terms());
                await (status switch
                {
                    ConsentStatus.Withdrawn => subject.WithdrawRequestAndWaitForReceiptAsync(Controller, CustomerCare),
                    ConsentStatus.Revoked => Consent(Party.Controller).RevokeRequestAndWaitForReceiptAsync(Subject, CustomerCare),
                    _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a state to bring a consent into."),
                });
                break;
        }

        Assert.Equal(status, await subject.StatusOfQueryAsync(Subject, Controller, CustomerCare));
    }
}
