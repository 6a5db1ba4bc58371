using EthCx.Chain.Primitives;
using EthCx.Contracts.ConsentRegistry;

namespace EthCx.Services.Consent;

/// <summary>What a consent history entry records.</summary>
public enum ConsentEventKind
{
    /// <summary>The subject gave or renewed consent.</summary>
    Given,

    /// <summary>The subject withdrew consent.</summary>
    Withdrawn,

    /// <summary>The subject refused a purpose never consented to.</summary>
    Refused,

    /// <summary>The controller revoked a consent.</summary>
    Revoked,

    /// <summary>The controller recorded an interaction under a purpose in force.</summary>
    Interaction,

    /// <summary>The subject marked themself erased.</summary>
    Erased,
}

/// <summary>One entry of a subject's consent history, read from the registry's event log.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Controller">The controller; null for an erasure.</param>
/// <param name="Purpose">The purpose; null for an erasure.</param>
/// <param name="Time">The block time.</param>
/// <param name="BlockNumber">The block.</param>
/// <param name="TransactionHash">The transaction.</param>
public sealed record ConsentHistoryEntry(
    ConsentEventKind Kind,
    Address Subject,
    Address? Controller,
    ConsentPurpose? Purpose,
    DateTimeOffset Time,
    ulong BlockNumber,
    Bytes32 TransactionHash)
{
    /// <summary>For a grant: the data elements covered.</summary>
    public DataElements? Elements { get; init; }

    /// <summary>For a grant: its legal basis.</summary>
    public LegalBasis? LegalBasis { get; init; }

    /// <summary>For a grant: when it lapses (null: until withdrawn or not a grant).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>For a grant: the record's version after it.</summary>
    public uint? Version { get; init; }

    /// <summary>For a grant: the notice hash.</summary>
    public Bytes32? NoticeHash { get; init; }

    /// <summary>For a grant: the receipt hash.</summary>
    public Bytes32? ReceiptHash { get; init; }

    /// <summary>For an interaction: its kind.</summary>
    public InteractionKind? Interaction { get; init; }

    /// <summary>For an interaction: the hash of its off-chain record.</summary>
    public Bytes32? Reference { get; init; }

    /// <summary>The position of the log in its block (orders entries of one block).</summary>
    public ulong LogIndex { get; init; }
}
