using EthCx.Chain.Primitives;
using EthCx.Contracts.ConsentRegistry;

namespace EthCx.Services.Consent;

/// <summary>A consent record as the registry holds it now (status <see cref="ConsentStatus.Expired"/> derived from the expiry).</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Controller">The controller.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Status">The DPV status; <see cref="ConsentStatus.None"/> when no record exists.</param>
/// <param name="Elements">The data elements of the latest grant.</param>
/// <param name="LegalBasis">The legal basis of the latest grant; null before any grant.</param>
/// <param name="GivenAt">When the latest grant was made; null before any grant.</param>
/// <param name="ExpiresAt">When the latest grant lapses; null: until withdrawn.</param>
/// <param name="UpdatedAt">When the status last changed; null when no record exists.</param>
/// <param name="Version">The number of grants so far.</param>
/// <param name="NoticeHash">Hash of the privacy notice of the latest grant.</param>
/// <param name="ReceiptHash">Hash of the consent receipt of the latest grant.</param>
public sealed record ConsentSnapshot(
    Address Subject,
    Address Controller,
    ConsentPurpose Purpose,
    ConsentStatus Status,
    DataElements Elements,
    LegalBasis? LegalBasis,
    DateTimeOffset? GivenAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? UpdatedAt,
    uint Version,
    Bytes32 NoticeHash,
    Bytes32 ReceiptHash)
{
    /// <summary>Whether consent is in force (given and not expired).</summary>
    public bool InForce => Status == ConsentStatus.Given;

    internal static ConsentSnapshot From(Address subject, Address controller, ConsentPurpose purpose, ConsentRecord record) => new(
        subject,
        controller,
        purpose,
        record.Status,
        (DataElements)record.Elements,
        record.Version == 0 ? null : (LegalBasis)record.LegalBasis,
        record.GivenAt == 0 ? null : ChainTime.FromUnixSeconds(record.GivenAt),
        record.ExpiresAt == 0 ? null : ChainTime.FromUnixSeconds(record.ExpiresAt),
        record.UpdatedAt == 0 ? null : ChainTime.FromUnixSeconds(record.UpdatedAt),
        record.Version,
        record.NoticeHash,
        record.ReceiptHash);
}

/// <summary>A consent change and the transaction that made it.</summary>
/// <param name="Consent">The record after the change.</param>
/// <param name="Transaction">The transaction.</param>
public sealed record ConsentChange(ConsentSnapshot Consent, TransactionSummary Transaction);

/// <summary>An interaction the controller recorded with a subject under a purpose in force.</summary>
/// <param name="Subject">The subject.</param>
/// <param name="Controller">The controller.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Kind">The kind of interaction.</param>
/// <param name="Reference">Hash of the off-chain interaction record.</param>
/// <param name="Transaction">The transaction that recorded it.</param>
public sealed record InteractionRecord(Address Subject, Address Controller, ConsentPurpose Purpose, InteractionKind Kind, Bytes32 Reference, TransactionSummary Transaction);

/// <summary>Whether the registry would record an interaction now.</summary>
/// <param name="Allowed">True when consent for the purpose is in force and the subject is not erased.</param>
/// <param name="Status">The consent status for the purpose.</param>
/// <param name="Refusal">The registry's decoded refusal (e.g. <c>ConsentNotInForce(..., status=2)</c>); null when allowed.</param>
public sealed record InteractionCheck(bool Allowed, ConsentStatus Status, string? Refusal);
