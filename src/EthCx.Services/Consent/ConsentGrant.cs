using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Services.Consent;

/// <summary>What a subject consents to: a controller, a purpose, the data elements, and the terms.</summary>
/// <param name="Controller">The business that may process the data.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Elements">The data elements covered; at least one.</param>
public sealed record ConsentGrant(Address Controller, ConsentPurpose Purpose, DataElements Elements)
{
    /// <summary>The legal basis / consent type. Default: explicitly expressed consent.</summary>
    public LegalBasis LegalBasis { get; init; } = LegalBasis.ExplicitlyExpressedConsent;

    /// <summary>When the consent lapses; null: until withdrawn.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Hash of the privacy notice the subject saw (see <see cref="DocumentHash"/>).</summary>
    public Bytes32 NoticeHash { get; init; }

    /// <summary>Hash of the full off-chain consent receipt (ISO/IEC TS 27560 / Kantara JSON).</summary>
    public Bytes32 ReceiptHash { get; init; }
}

/// <summary>A grant signed by the subject (EIP-712 <c>GiveConsent</c>), for anyone to relay.</summary>
/// <param name="Subject">The subject who signed.</param>
/// <param name="Grant">What they consent to.</param>
/// <param name="Deadline">The last time the signature is valid (chain time).</param>
/// <param name="Signature">The subject's signature.</param>
public sealed record SignedConsentGrant(Address Subject, ConsentGrant Grant, DateTimeOffset Deadline, Signature Signature);

/// <summary>A withdrawal signed by the subject (EIP-712 <c>WithdrawConsent</c>), for anyone to relay.</summary>
/// <param name="Subject">The subject who signed.</param>
/// <param name="Controller">The business.</param>
/// <param name="Purpose">The purpose withdrawn.</param>
/// <param name="Deadline">The last time the signature is valid (chain time).</param>
/// <param name="Signature">The subject's signature.</param>
public sealed record SignedConsentWithdrawal(Address Subject, Address Controller, ConsentPurpose Purpose, DateTimeOffset Deadline, Signature Signature);
