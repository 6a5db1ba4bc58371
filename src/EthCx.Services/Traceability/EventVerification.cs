using EthCx.Services.Traceability.Epcis;

namespace EthCx.Services.Traceability;

/// <summary>The check of an EPCIS event document against its anchor.</summary>
/// <param name="Event">The event document.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Anchor">The anchor; null when the event is not anchored.</param>
/// <param name="Detail">A sentence explaining the outcome.</param>
public sealed record EventVerification(EpcisEvent Event, Verification Status, EventAnchor? Anchor, string Detail);
