using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Services;
using EthCx.Services.Consent;
using EthCx.Services.Deployment;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Services.Consent;

[Collection(SharedLocalNode.Name)]
public sealed class ConsentServiceTests(LocalNodeFixture fixture)
{
    private static readonly Address Retailer = Actors.Signer(Actors.Retailer).Address;
    private static readonly Address Customer = Actors.Signer(Actors.Customer).Address;
    private static readonly ConsentGrant Marketing = new(Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact | DataElements.Preferences)
    {
        NoticeHash = DocumentHash.Of("privacy notice v3"),
        ReceiptHash = DocumentHash.Of("{\"consentReceipt\":1}"),
    };

    private LocalNode Node => fixture.Node;

    private async Task<(ConsentService Retailer, ConsentService Customer)> ServicesAsync()
    {
        DeploymentManifest manifest = await Actors.DeployAsync(Node);
        Address registry = manifest.AddressOf(EthCxContract.ConsentRegistry);
        return (new ConsentService(await Actors.ClientAsync(Node, Actors.Retailer), registry), new ConsentService(await Actors.ClientAsync(Node, Actors.Customer), registry));
    }

    [Fact]
    public async Task A_subject_gives_consent_and_the_permission_check_covers_exactly_the_granted_elements()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (ConsentService retailer, ConsentService customer) = await ServicesAsync();

        ConsentChange change = await customer.GiveAsync(Marketing);

        ConsentSnapshot consent = change.Consent;
        Assert.Equal(ConsentStatus.Given, consent.Status);
        Assert.True(consent.InForce);
        Assert.Equal(Customer, consent.Subject);
        Assert.Equal(DataElements.Contact | DataElements.Preferences, consent.Elements);
        Assert.Equal(LegalBasis.ExplicitlyExpressedConsent, consent.LegalBasis);
        Assert.Null(consent.ExpiresAt);
        Assert.Equal(1u, consent.Version);
        Assert.Equal(Marketing.NoticeHash, consent.NoticeHash);
        Assert.Equal((await Node.Client.GetTransactionReceiptAsync(change.Transaction.Hash))!.BlockNumber, change.Transaction.BlockNumber);
        Assert.True(change.Transaction.GasUsed > 21_000);
        Assert.True(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact));
        Assert.True(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact | DataElements.Preferences));
        Assert.False(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact | DataElements.Location));
        Assert.False(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.Personalisation, DataElements.Contact));
        Assert.Equal(ConsentStatus.None, (await retailer.GetAsync(Customer, Retailer, ConsentPurpose.Personalisation)).Status);
    }

    [Fact]
    public async Task A_relayed_signature_gives_consent_without_the_customer_paying_and_cannot_be_replayed()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (ConsentService retailer, _) = await ServicesAsync();
        ulong customerNonce = await Node.Client.GetTransactionCountAsync(Customer);

        SignedConsentGrant signed = await retailer.SignGrantAsync(Actors.Signer(Actors.Customer), Marketing);
        ConsentChange change = await retailer.GiveBySignatureAsync(signed);

        Assert.Equal(ConsentStatus.Given, change.Consent.Status);
        Assert.Equal(customerNonce, await Node.Client.GetTransactionCountAsync(Customer));
        Assert.Equal(Retailer, (await Node.Client.GetTransactionByHashAsync(change.Transaction.Hash))!.From);
        ConsentInvalidSignatureException replay = await Assert.ThrowsAsync<ConsentInvalidSignatureException>(() => retailer.GiveBySignatureAsync(signed));
        Assert.Equal(Customer, replay.Subject);

        SignedConsentGrant forged = signed with { Grant = signed.Grant with { Elements = DataElements.Contact | DataElements.Location } };
        await Assert.ThrowsAsync<ConsentInvalidSignatureException>(() => retailer.GiveBySignatureAsync(forged));
    }

    [Fact]
    public async Task Two_grants_signed_ahead_with_consecutive_nonces_are_both_relayed()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (ConsentService retailer, _) = await ServicesAsync();
        var customer = Actors.Signer(Actors.Customer);
        ConsentGrant loyalty = new(Retailer, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory);

        SignedConsentGrant first = await retailer.SignGrantAsync(customer, loyalty);
        SignedConsentGrant second = await retailer.SignGrantAsync(customer, Marketing, nonce: 1);
        await retailer.GiveBySignatureAsync(first);
        await retailer.GiveBySignatureAsync(second);

        Assert.True(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.CustomerRelationshipManagement, DataElements.PurchaseHistory));
        Assert.True(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact));
    }

    [Fact]
    public async Task After_a_signed_withdrawal_the_next_interaction_for_that_purpose_is_refused_with_the_decoded_reason()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (ConsentService retailer, ConsentService customer) = await ServicesAsync();
        await customer.GiveAsync(Marketing);
        Bytes32 newsletter = DocumentHash.Of("newsletter 2026-11");
        InteractionRecord sent = await retailer.RecordInteractionAsync(Customer, InteractionKind.ServiceContact, ConsentPurpose.DirectMarketing, newsletter);
        Assert.Equal(Retailer, sent.Controller);

        SignedConsentWithdrawal withdrawal = await retailer.SignWithdrawalAsync(Actors.Signer(Actors.Customer), Retailer, ConsentPurpose.DirectMarketing);
        ConsentChange withdrawn = await retailer.WithdrawBySignatureAsync(withdrawal);

        Assert.Equal(ConsentStatus.Withdrawn, withdrawn.Consent.Status);
        Assert.False(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact));
        ConsentNotInForceException refused = await Assert.ThrowsAsync<ConsentNotInForceException>(
            () => retailer.RecordInteractionAsync(Customer, InteractionKind.ServiceContact, ConsentPurpose.DirectMarketing, DocumentHash.Of("newsletter 2026-12")));
        Assert.Equal(ConsentStatus.Withdrawn, refused.Status);
        Assert.Equal((ushort)ConsentPurpose.DirectMarketing, refused.Purpose);
        Assert.Equal($"The estimateGas reverted: ConsentNotInForce(subject={Customer}, controller={Retailer}, purpose=3, status=2)", refused.Message);
        Assert.NotNull(await retailer.FindInteractionAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, InteractionKind.ServiceContact, newsletter));
        Assert.Null(await retailer.FindInteractionAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, InteractionKind.Purchase, newsletter));
    }

    [Fact]
    public async Task Withdrawing_before_any_grant_records_a_refusal_and_only_a_given_consent_can_be_revoked()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (ConsentService retailer, ConsentService customer) = await ServicesAsync();

        ConsentChange refused = await customer.WithdrawAsync(Retailer, ConsentPurpose.Personalisation);
        Assert.Equal(ConsentStatus.Refused, refused.Consent.Status);
        ConsentNotGivenException notGiven = await Assert.ThrowsAsync<ConsentNotGivenException>(() => retailer.RevokeAsync(Customer, ConsentPurpose.Personalisation));
        Assert.Equal(ConsentStatus.Refused, notGiven.Status);

        await customer.GiveAsync(Marketing);
        ConsentChange revoked = await retailer.RevokeAsync(Customer, ConsentPurpose.DirectMarketing);
        Assert.Equal(ConsentStatus.Revoked, revoked.Consent.Status);
        Assert.Equal(1u, revoked.Consent.Version);
    }

    [Fact]
    public async Task A_consent_lapses_at_its_expiry_and_a_deadline_in_the_past_is_refused()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (ConsentService retailer, ConsentService customer) = await ServicesAsync();
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds((long)(await Node.Client.GetBlockByNumberAsync(Chain.Rpc.BlockParameter.Latest))!.Timestamp);

        await customer.GiveAsync(Marketing with { ExpiresAt = now.AddMinutes(10) });
        Assert.True(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact));
        await Node.Client.EvmMineAsync((ulong)now.AddMinutes(11).ToUnixTimeSeconds());

        ConsentSnapshot lapsed = await retailer.GetAsync(Customer, Retailer, ConsentPurpose.DirectMarketing);
        Assert.Equal(ConsentStatus.Expired, lapsed.Status);
        Assert.Equal(now.AddMinutes(10), lapsed.ExpiresAt);
        Assert.False(await retailer.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact));

        SignedConsentGrant late = await retailer.SignGrantAsync(Actors.Signer(Actors.Customer), Marketing, deadline: now);
        ConsentExpiredSignatureException expired = await Assert.ThrowsAsync<ConsentExpiredSignatureException>(() => retailer.GiveBySignatureAsync(late));
        Assert.Equal((ulong)now.ToUnixTimeSeconds(), (ulong)expired.Deadline);
        ArgumentException none = await Assert.ThrowsAsync<ArgumentException>(() => customer.GiveAsync(Marketing with { Elements = DataElements.None }));
        Assert.Equal("A grant must cover at least one data element; the grant for DirectMarketing covers none. (Parameter 'grant')", none.Message);
    }

    [Fact]
    public async Task The_history_lists_grants_interactions_withdrawals_and_erasure_in_chain_order()
    {
        await using var snapshot = await Node.SnapshotAsync();
        (ConsentService retailer, ConsentService customer) = await ServicesAsync();
        ConsentService other = new(await Actors.ClientAsync(Node, Actors.Distributor), retailer.Registry);
        Address distributor = Actors.Signer(Actors.Distributor).Address;

        ConsentChange given = await customer.GiveAsync(Marketing);
        await customer.GiveAsync(new ConsentGrant(distributor, ConsentPurpose.DeliveryOfGoods, DataElements.PostalAddress) { LegalBasis = LegalBasis.Contract });
        await retailer.RecordInteractionAsync(Customer, InteractionKind.Purchase, ConsentPurpose.DirectMarketing, DocumentHash.Of("order 1"));
        await other.RecordInteractionAsync(Customer, InteractionKind.Shipment, ConsentPurpose.DeliveryOfGoods, DocumentHash.Of("parcel 1"));
        await customer.WithdrawAsync(Retailer, ConsentPurpose.DirectMarketing);
        await customer.EraseAsync();

        IReadOnlyList<ConsentHistoryEntry> all = await retailer.GetHistoryAsync(Customer);
        Assert.Equal(
            [ConsentEventKind.Given, ConsentEventKind.Given, ConsentEventKind.Interaction, ConsentEventKind.Interaction, ConsentEventKind.Withdrawn, ConsentEventKind.Erased],
            all.Select(e => e.Kind));
        ConsentHistoryEntry first = all[0];
        Assert.Equal(given.Transaction.Hash, first.TransactionHash);
        Assert.Equal(DataElements.Contact | DataElements.Preferences, first.Elements);
        Assert.Equal(1u, first.Version);
        Assert.Equal(Marketing.ReceiptHash, first.ReceiptHash);
        Assert.Equal(LegalBasis.Contract, all[1].LegalBasis);
        Assert.Equal(InteractionKind.Purchase, all[2].Interaction);
        Assert.Equal(DocumentHash.Of("order 1"), all[2].Reference);
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Time <= pair.Second.Time && pair.First.BlockNumber < pair.Second.BlockNumber));

        IReadOnlyList<ConsentHistoryEntry> retailerOnly = await retailer.GetHistoryAsync(Customer, Retailer);
        Assert.Equal([ConsentEventKind.Given, ConsentEventKind.Interaction, ConsentEventKind.Withdrawn, ConsentEventKind.Erased], retailerOnly.Select(e => e.Kind));
        Assert.NotNull(await retailer.ErasedAtAsync(Customer));
        await Assert.ThrowsAsync<ConsentSubjectErasedException>(() => other.RecordInteractionAsync(Customer, InteractionKind.Shipment, ConsentPurpose.DeliveryOfGoods, DocumentHash.Of("parcel 2")));
        Assert.Empty(await retailer.GetHistoryAsync(Actors.Signer(Actors.Outsider).Address));
    }

    [Fact]
    public async Task A_read_only_service_refuses_to_send()
    {
        await using var snapshot = await Node.SnapshotAsync();
        DeploymentManifest manifest = await Actors.DeployAsync(Node);
        var readOnly = new ConsentService(await ChainClient.ConnectAsync(Node.Client, null), manifest.AddressOf(EthCxContract.ConsentRegistry));

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => readOnly.GiveAsync(Marketing));
        Assert.Equal("This ConsentService has a read-only client: connect it with a signer to send transactions.", error.Message);
        Assert.False(await readOnly.IsPermittedAsync(Customer, Retailer, ConsentPurpose.DirectMarketing, DataElements.Contact));
    }
}
