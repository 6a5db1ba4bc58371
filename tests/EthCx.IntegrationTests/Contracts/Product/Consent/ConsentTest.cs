using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;
using EthCx.Contracts.ConsentRegistry;

namespace EthCx.IntegrationTests.Contracts.Product.Consent;

/// <summary>Codes and helpers of the consent tests (code tables in contracts/README.md).</summary>
public abstract class ConsentTest(ProductFixture fixture) : ProductTest(fixture)
{
    protected const ushort CustomerCare = 1;
    protected const ushort DeliveryOfGoods = 2;
    protected const ushort DirectMarketing = 3;

    protected const ulong Contact = 1 << 0;
    protected const ulong PostalAddress = 1 << 1;
    protected const ulong PurchaseHistory = 1 << 2;
    protected const ulong Location = 1 << 3;

    protected const byte ExplicitlyExpressedConsent = 3;

    protected static Address Subject => Party.Subject.Address();

    protected static Address Controller => Party.Controller.Address();

    protected static Bytes32 NoticeHash { get; } = Id("privacy notice v1");

    /// <summary>Terms covering <paramref name="elements"/> until <paramref name="expiresAt"/> (0: until withdrawn).</summary>
    protected static ConsentTerms Terms(ulong elements = Contact | PurchaseHistory, ulong expiresAt = 0, string receipt = "receipt 1") =>
        new(elements, expiresAt, ExplicitlyExpressedConsent, NoticeHash, Id(receipt));

    /// <summary>The registry's EIP-712 domain on this chain.</summary>
    protected Eip712Domain Domain => TypedSignatures.Domain(TypedSignatures.ConsentDomainName, Client(Party.Subject).ChainId, Deployment.Consent);

    /// <summary>The subject's signed grant with the subject's current nonce.</summary>
    protected async Task<byte[]> SignGrantAsync(ushort purpose, ConsentTerms terms, ulong deadline, Eip712Domain? domain = null) =>
        TypedSignatures.Sign(Party.Subject, domain ?? Domain, TypedSignatures.GiveConsent,
            Subject, Controller, purpose, terms.Elements, terms.ExpiresAt, terms.LegalBasis, terms.NoticeHash, terms.ReceiptHash,
            await Consent(Party.Subject).NoncesQueryAsync(Subject), deadline).ToBytes();

    /// <summary>The subject's signed withdrawal with the subject's current nonce.</summary>
    protected async Task<byte[]> SignWithdrawalAsync(ushort purpose, ulong deadline, Eip712Domain? domain = null) =>
        TypedSignatures.Sign(Party.Subject, domain ?? Domain, TypedSignatures.WithdrawConsent,
            Subject, Controller, purpose, await Consent(Party.Subject).NoncesQueryAsync(Subject), deadline).ToBytes();

    /// <summary>The subject's signed erasure with the subject's current nonce.</summary>
    protected async Task<byte[]> SignErasureAsync(ulong deadline, Eip712Domain? domain = null) =>
        TypedSignatures.Sign(Party.Subject, domain ?? Domain, TypedSignatures.EraseSubject,
            Subject, await Consent(Party.Subject).NoncesQueryAsync(Subject), deadline).ToBytes();
}
