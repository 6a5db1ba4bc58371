using EthCx.Chain.Primitives;

namespace EthCx.Services.Traceability;

/// <summary>Who anchored an EPCIS event and when, as the tracker records it.</summary>
/// <param name="EventId">The event hash id.</param>
/// <param name="Anchorer">The party that anchored it.</param>
/// <param name="AnchoredAt">The block time of anchoring.</param>
/// <param name="ErrorDeclared">Whether the anchorer has since declared the event erroneous.</param>
/// <param name="Transaction">The anchoring transaction.</param>
public sealed record EventAnchor(Bytes32 EventId, Address Anchorer, DateTimeOffset AnchoredAt, bool ErrorDeclared, TransactionSummary Transaction);

/// <summary>Whether an anchoring call anchored the event or found it anchored.</summary>
public enum AnchorOutcome
{
    /// <summary>This call anchored the event.</summary>
    Anchored,

    /// <summary>The event was already anchored (by this or another party): nothing was sent.</summary>
    AlreadyAnchored,
}

/// <summary>The result of anchoring one event.</summary>
/// <param name="Anchor">The anchor on chain.</param>
/// <param name="Outcome">Whether this call made it.</param>
public sealed record AnchorResult(EventAnchor Anchor, AnchorOutcome Outcome);

/// <summary>How far an entry of a verified timeline is proven by the chain.</summary>
public enum Verification
{
    /// <summary>An EPCIS event whose hash id is anchored and whose indexed fields match the anchor.</summary>
    Verified,

    /// <summary>A fact read from the chain itself (a shipment's creation, custody steps, sensor reports, breach, delivery).</summary>
    OnChain,

    /// <summary>An EPCIS event whose hash id is not anchored: never anchored, or the document was altered.</summary>
    NotAnchored,

    /// <summary>An anchored event whose anchor records other fields (type, step, disposition, time, what, where) than the document.</summary>
    Mismatch,

    /// <summary>An anchored event its anchorer has declared erroneous.</summary>
    DeclaredErroneous,

    /// <summary>An event anchored for the product whose document was not supplied: only its indexed fields are known.</summary>
    DocumentMissing,
}

/// <summary>What a timeline entry is.</summary>
public enum TimelineEntryKind
{
    /// <summary>An EPCIS event about the product or a container holding it.</summary>
    EpcisEvent,

    /// <summary>A shipment was created.</summary>
    ShipmentCreated,

    /// <summary>Custody was offered.</summary>
    CustodyOffered,

    /// <summary>Custody was accepted.</summary>
    CustodyAccepted,

    /// <summary>A sensor reported a summary.</summary>
    SensorReport,

    /// <summary>The shipment breached its profile.</summary>
    Breach,

    /// <summary>The shipment's coarse location was updated.</summary>
    LocationUpdate,

    /// <summary>The receiver confirmed delivery.</summary>
    Delivered,
}

/// <summary>One entry of a product's verified timeline.</summary>
/// <param name="Time">When it happened (an EPCIS event's time; a block time for chain facts).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Description">A sentence describing it.</param>
/// <param name="Verification">How far the chain proves it.</param>
/// <param name="Party">The party that anchored or acted; null when unknown.</param>
/// <param name="EventId">The EPCIS event hash id, for EPCIS entries.</param>
/// <param name="TransactionHash">The transaction that anchored or made it; null when not on chain.</param>
/// <param name="BlockNumber">Its block; null when not on chain.</param>
public sealed record TimelineEntry(
    DateTimeOffset Time,
    TimelineEntryKind Kind,
    string Description,
    Verification Verification,
    Address? Party,
    Bytes32? EventId,
    Bytes32? TransactionHash,
    ulong? BlockNumber);

/// <summary>A product's journey, ordered by time, each entry checked against the chain.</summary>
/// <param name="Product">The product identifier, as a canonical GS1 Digital Link.</param>
/// <param name="Containers">The containers (e.g. SSCCs) the product was packed into, per the supplied events.</param>
/// <param name="Shipments">The shipments of those containers, as the tracker holds them now.</param>
/// <param name="Entries">The entries, oldest first.</param>
public sealed record ProductTimeline(string Product, IReadOnlyList<string> Containers, IReadOnlyList<ShipmentView> Shipments, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>Whether every entry is proven by the chain (verified EPCIS events and chain facts only).</summary>
    public bool FullyVerified => Entries.Count > 0 && Entries.All(entry => entry.Verification is Verification.Verified or Verification.OnChain);
}
