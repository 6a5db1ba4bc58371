using System.Globalization;
using System.Text;
using EthCx.Chain.Contracts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.Bindings;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Services.Traceability.Epcis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Anchored = EthCx.Contracts.SupplyChainTracker.EventAnchor;
using OnChainEvent = EthCx.Contracts.SupplyChainTracker.EpcisEvent;
using OnChainSummary = EthCx.Contracts.SupplyChainTracker.SensorSummary;
using EpcisEvent = EthCx.Services.Traceability.Epcis.EpcisEvent;
using EpcisEventType = EthCx.Services.Traceability.Epcis.EpcisEventType;
using EventAnchor = EthCx.Services.Traceability.EventAnchor;
using SensorSummary = EthCx.Services.Traceability.SensorSummary;
using ShipmentStatus = EthCx.Services.Traceability.ShipmentStatus;
using BreachKind = EthCx.Services.Traceability.BreachKind;

namespace EthCx.Services.Traceability;

/// <summary>
/// Supply-chain traceability in the parties' terms: anchor EPCIS 2.0 events by their event hash id, declare errors,
/// run shipments with a cold-chain profile (two-step custody, also by signature; sensor summaries; coarse locations;
/// delivery), and give a customer a product's verified timeline. Writes run as the client's signer, who needs the
/// matching role (a party role to anchor and create shipments, SENSOR_ROLE to report).
/// </summary>
/// <remarks>Reverts surface as the tracker's typed exceptions, e.g. <see cref="SupplyChainConformanceMismatchException"/>.</remarks>
public sealed partial class TraceabilityService
{
    private readonly SupplyChainTrackerService _tracker;
    private readonly TypedMessageSigner _messages;
    private readonly ILogger _logger;

    /// <summary>Creates the service for the tracker at <paramref name="tracker"/>.</summary>
    /// <param name="client">The client; its signer acts.</param>
    /// <param name="tracker">The <c>SupplyChainTracker</c> address.</param>
    /// <param name="logger">Receives one line per change.</param>
    public TraceabilityService(ChainClient client, Address tracker, ILogger<TraceabilityService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _tracker = new SupplyChainTrackerService(client, tracker);
        _messages = new TypedMessageSigner(_tracker.ContractHandler);
        _logger = logger ?? NullLogger<TraceabilityService>.Instance;
    }

    /// <summary>The tracker's address.</summary>
    public Address Tracker => _tracker.ContractAddress;

    /// <summary>The account the service acts as (the client's signer); null for a read-only client.</summary>
    public Address? Account => _tracker.Client.Signer?.Address;

    private EthRpcClient Rpc => _tracker.Client.Rpc;

    /// <summary>Anchors an EPCIS event by its hash id; an event already anchored (a retry, or by another party) is reported, not sent again.</summary>
    /// <param name="epcisEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The anchor and whether this call made it.</returns>
    /// <exception cref="SupplyChainUnauthorizedPartyException">The client's signer holds no party role.</exception>
    public async Task<AnchorResult> AnchorAsync(EpcisEvent epcisEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(epcisEvent);
        return (await AnchorManyAsync([epcisEvent], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Anchors several EPCIS events in one transaction (those not anchored yet).</summary>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>One result per event, in order.</returns>
    /// <exception cref="SupplyChainUnauthorizedPartyException">The client's signer holds no party role.</exception>
    public async Task<IReadOnlyList<AnchorResult>> AnchorManyAsync(IReadOnlyList<EpcisEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var known = new Dictionary<Bytes32, EventAnchor?>();
        foreach (EpcisEvent e in events)
        {
            known.TryAdd(e.HashId, await GetAnchorAsync(e.HashId, cancellationToken).ConfigureAwait(false));
        }

        OnChainEvent[] missing = [.. events.Where(e => known[e.HashId] is null).DistinctBy(e => e.HashId).Select(OnChain)];
        var anchoredHere = new HashSet<Bytes32>();
        long? refusedSince = null;
        while (missing.Length > 0)
        {
            try
            {
                TransactionReceipt receipt = missing.Length == 1
                    ? await _tracker.AnchorEventRequestAndWaitForReceiptAsync(missing[0], cancellationToken).ConfigureAwait(false)
                    : await _tracker.AnchorEventsRequestAndWaitForReceiptAsync(missing, cancellationToken).ConfigureAwait(false);
                LogAnchored(_logger, missing.Length, receipt.TransactionHash);
                anchoredHere.UnionWith(missing.Select(m => m.EventId));
                break;
            }
            catch (SupplyChainEventAlreadyAnchoredException)
            {
                // Another party anchored one of them after our read, so the whole transaction was refused and none of
                // the others is anchored: send again those still missing. When none is newly anchored yet (the other
                // party's transaction is pending, which the node's estimate already sees), wait for it to be mined.
                var stillMissing = new List<OnChainEvent>(missing.Length);
                foreach (OnChainEvent e in missing)
                {
                    if (await GetAnchorAsync(e.EventId, cancellationToken).ConfigureAwait(false) is null)
                    {
                        stillMissing.Add(e);
                    }
                }

                LogAnchoringRefused(_logger, missing.Length - stillMissing.Count, stillMissing.Count);
                if (stillMissing.Count == missing.Length)
                {
                    ChainClientOptions options = _tracker.Client.Options;
                    refusedSince ??= options.TimeProvider.GetTimestamp();
                    if (options.TimeProvider.GetElapsedTime(refusedSince.Value) > options.ReceiptTimeout)
                    {
                        throw new InvalidOperationException($"The tracker refuses to anchor {missing.Length} event(s) as already anchored, but no anchor of them was mined within {options.ReceiptTimeout}.");
                    }

                    await Task.Delay(options.ReceiptPollInitialInterval, options.TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                missing = [.. stillMissing];
            }
        }

        var results = new List<AnchorResult>(events.Count);
        foreach (EpcisEvent e in events)
        {
            EventAnchor anchor = await GetAnchorAsync(e.HashId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Event {e.HashUri} is not anchored after the anchoring transaction.");
            results.Add(new AnchorResult(anchor, anchoredHere.Contains(e.HashId) ? AnchorOutcome.Anchored : AnchorOutcome.AlreadyAnchored));
        }

        return results;
    }

    /// <summary>Declares an anchored event erroneous (EPCIS error declaration) and anchors the declaration event; only the original anchorer may.</summary>
    /// <param name="erroneous">The event declared erroneous.</param>
    /// <param name="reason">The CBV error reason.</param>
    /// <param name="declaration">The error-declaration event (its own, new, hash id).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The declaration's anchor.</returns>
    /// <exception cref="SupplyChainNotAnchorerException">The client's signer did not anchor the erroneous event.</exception>
    /// <exception cref="SupplyChainErrorAlreadyDeclaredException">The error was already declared.</exception>
    public async Task<AnchorResult> DeclareErrorAsync(EpcisEvent erroneous, ErrorReason reason, EpcisEvent declaration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(erroneous);
        ArgumentNullException.ThrowIfNull(declaration);
        TransactionReceipt receipt = await _tracker.DeclareErrorRequestAndWaitForReceiptAsync(erroneous.HashId, (byte)reason, OnChain(declaration), cancellationToken).ConfigureAwait(false);
        LogErrorDeclared(_logger, erroneous.HashUri, reason, receipt.TransactionHash);
        EventAnchor anchor = await GetAnchorAsync(declaration.HashId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The error declaration {declaration.HashUri} is not anchored after transaction {receipt.TransactionHash}.");
        return new AnchorResult(anchor, AnchorOutcome.Anchored);
    }

    /// <summary>The anchor of an event hash id, or null when it is not anchored.</summary>
    /// <param name="eventId">The event hash id.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The anchor, or null.</returns>
    public async Task<EventAnchor?> GetAnchorAsync(Bytes32 eventId, CancellationToken cancellationToken = default) =>
        (await AnchorWithLogAsync(eventId, cancellationToken).ConfigureAwait(false)).Anchor;

    /// <summary>Checks an event document against its anchor: anchored, unaltered (same hash id), same indexed fields, no error declared.</summary>
    /// <param name="epcisEvent">The event document.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The verification.</returns>
    public async Task<EventVerification> VerifyAsync(EpcisEvent epcisEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(epcisEvent);
        (EventAnchor? anchor, EventAnchoredEventDto? indexed) = await AnchorWithLogAsync(epcisEvent.HashId, cancellationToken).ConfigureAwait(false);
        if (anchor is null || indexed is null)
        {
            return new EventVerification(epcisEvent, Verification.NotAnchored, null, $"No anchor for {epcisEvent.HashUri}: the event was never anchored, or this document differs from the anchored one.");
        }

        string[] differences =
        [
            .. (indexed.EventType != (Contracts.SupplyChainTracker.EpcisEventType)epcisEvent.Type ? ["event type"] : Array.Empty<string>()),
            .. (indexed.BizStep != (byte)epcisEvent.BusinessStep ? ["business step"] : Array.Empty<string>()),
            .. (indexed.Disposition != (byte)epcisEvent.Disposition ? ["disposition"] : Array.Empty<string>()),
            .. (indexed.EventTimeMs != (ulong)epcisEvent.EventTime.ToUnixTimeMilliseconds() ? ["event time"] : Array.Empty<string>()),
            .. (indexed.WhatHash != epcisEvent.WhatHash ? ["what"] : Array.Empty<string>()),
            .. (indexed.LocationHash != epcisEvent.LocationHash ? ["location"] : Array.Empty<string>()),
        ];
        return differences.Length > 0
            ? new EventVerification(epcisEvent, Verification.Mismatch, anchor, $"The anchor of {epcisEvent.HashUri} records another {string.Join(", ", differences)} than the document.")
            : anchor.ErrorDeclared
                ? new EventVerification(epcisEvent, Verification.DeclaredErroneous, anchor, $"Anchored by {anchor.Anchorer} in block {anchor.Transaction.BlockNumber}, and since declared erroneous.")
                : new EventVerification(epcisEvent, Verification.Verified, anchor, $"Anchored by {anchor.Anchorer} in block {anchor.Transaction.BlockNumber}.");
    }

    /// <summary>Creates a shipment with the client's signer as sender and first custodian.</summary>
    /// <param name="shipment">The shipment id (see <see cref="ShipmentId.FromSscc"/>).</param>
    /// <param name="receiver">The party that will confirm delivery.</param>
    /// <param name="profile">The cold-chain profile.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The shipment and the transaction.</returns>
    /// <exception cref="SupplyChainShipmentExistsException">The id is taken.</exception>
    /// <exception cref="SupplyChainInvalidReceiverException">The receiver is zero or the sender.</exception>
    public async Task<ShipmentChange> CreateShipmentAsync(ShipmentId shipment, Address receiver, ColdChainProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var onChain = new ConditionProfile(Centi(profile.MinCelsius, nameof(profile)), Centi(profile.MaxCelsius, nameof(profile)), Seconds(profile.MaxSingleExcursion, nameof(profile)), Seconds(profile.ExcursionBudget, nameof(profile)));
        TransactionReceipt receipt = await _tracker.CreateShipmentRequestAndWaitForReceiptAsync(shipment.Value, receiver, onChain, cancellationToken).ConfigureAwait(false);
        return await ChangedAsync("created", shipment, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Offers custody to the next party, as the current custodian (the client's signer).</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="to">The party offered custody.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The shipment and the transaction.</returns>
    /// <exception cref="SupplyChainNotCustodianException">The client's signer is not the custodian.</exception>
    public async Task<ShipmentChange> OfferCustodyAsync(ShipmentId shipment, Address to, CancellationToken cancellationToken = default)
    {
        TransactionReceipt receipt = await _tracker.OfferCustodyRequestAndWaitForReceiptAsync(shipment.Value, to, cancellationToken).ConfigureAwait(false);
        return await ChangedAsync("custody offered", shipment, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Accepts the custody offered to the client's signer, stating the conformance accepted.</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="asConformant">True to accept it as conformant; false to acknowledge its non-conformance. Must match the shipment.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The shipment and the transaction.</returns>
    /// <exception cref="SupplyChainConformanceMismatchException">The stated conformance is not the shipment's (e.g. a breached shipment accepted as conformant).</exception>
    /// <exception cref="SupplyChainNoCustodyOfferException">No offer is open for the signer.</exception>
    public async Task<ShipmentChange> AcceptCustodyAsync(ShipmentId shipment, bool asConformant, CancellationToken cancellationToken = default)
    {
        TransactionReceipt receipt = await _tracker.AcceptCustodyRequestAndWaitForReceiptAsync(shipment.Value, asConformant, cancellationToken).ConfigureAwait(false);
        return await ChangedAsync("custody accepted", shipment, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs a custody acceptance as the party offered custody, for anyone to relay with <see cref="AcceptCustodyBySignatureAsync"/>.</summary>
    /// <param name="party">The party's signer.</param>
    /// <param name="shipment">The shipment.</param>
    /// <param name="asConformant">The conformance accepted.</param>
    /// <param name="deadline">The last time the signature is valid; default: one hour after the latest block.</param>
    /// <param name="nonce">The party's nonce to sign; default: their current one.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The signed acceptance.</returns>
    public async Task<SignedCustodyAcceptance> SignCustodyAcceptanceAsync(ISigner party, ShipmentId shipment, bool asConformant, DateTimeOffset? deadline = null, ulong? nonce = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(party);
        (Signature signature, DateTimeOffset until) = await _messages.SignAsync(party, "AcceptCustody",
        [
            new("shipmentId", "bytes32", shipment.Value),
            new("party", "address", party.Address),
            new("asConformant", "bool", asConformant),
        ], deadline, nonce, cancellationToken).ConfigureAwait(false);
        return new SignedCustodyAcceptance(shipment, party.Address, asConformant, until, signature);
    }

    /// <summary>Relays a signed custody acceptance; the client's signer pays the gas.</summary>
    /// <param name="acceptance">The signed acceptance.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The shipment and the transaction.</returns>
    /// <exception cref="SupplyChainInvalidSignatureException">The signature is not the party's over this acceptance with their current nonce.</exception>
    /// <exception cref="SupplyChainConformanceMismatchException">The stated conformance is not the shipment's.</exception>
    public async Task<ShipmentChange> AcceptCustodyBySignatureAsync(SignedCustodyAcceptance acceptance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        TransactionReceipt receipt = await _tracker.AcceptCustodyBySigRequestAndWaitForReceiptAsync(
            acceptance.Shipment.Value, acceptance.Party, acceptance.AsConformant, ChainTime.ToUnixSeconds(acceptance.Deadline, nameof(acceptance)), acceptance.Signature.ToBytes(), cancellationToken).ConfigureAwait(false);
        return await ChangedAsync("custody accepted by signature", acceptance.Shipment, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports a sensor summary, as a registered sensor (the client's signer); a report that exceeds the profile makes the shipment non-conformant.</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="summary">The summary of one window (see <see cref="SensorSummary.FromReadings"/>).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The shipment after the report and the breach, if this report caused one.</returns>
    /// <exception cref="SupplyChainUnauthorizedSensorException">The client's signer is not a registered sensor.</exception>
    /// <exception cref="SupplyChainSensorWindowOverlapException">The window starts before the end of the previous one.</exception>
    /// <exception cref="SupplyChainInvalidSensorWindowException">The window is empty, reversed or ends in the future.</exception>
    public async Task<SensorReportResult> ReportSensorSummaryAsync(ShipmentId shipment, SensorSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var onChain = new OnChainSummary(
            ChainTime.ToUInt40Seconds(summary.WindowStart, nameof(summary)),
            ChainTime.ToUInt40Seconds(summary.WindowEnd, nameof(summary)),
            Centi(summary.MinCelsius, nameof(summary)),
            Centi(summary.MaxCelsius, nameof(summary)),
            Centi(summary.MeanCelsius, nameof(summary)),
            Seconds(summary.OutOfRange, nameof(summary)),
            Seconds(summary.LongestExcursion, nameof(summary)),
            summary.RawDataHash);
        TransactionReceipt receipt = await _tracker.ReportSensorSummaryRequestAndWaitForReceiptAsync(shipment.Value, onChain, cancellationToken).ConfigureAwait(false);
        ShipmentBreach? breach = _tracker.DecodeShipmentBreachedEvents(receipt).Select(log => Breach(log.Event)).FirstOrDefault();
        ShipmentChange change = await ChangedAsync(breach is null ? "sensor report" : "sensor report, profile breached", shipment, receipt, cancellationToken).ConfigureAwait(false);
        return new SensorReportResult(change.Shipment, breach, change.Transaction);
    }

    /// <summary>Reports a coarse location (e.g. a geohash cell, never a person's address), as the custodian or a sensor.</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="coarseLocation">The coarse location; only its keccak256 goes on chain.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The shipment and the transaction.</returns>
    public async Task<ShipmentChange> UpdateLocationAsync(ShipmentId shipment, string coarseLocation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(coarseLocation);
        TransactionReceipt receipt = await _tracker.UpdateLocationRequestAndWaitForReceiptAsync(shipment.Value, Bytes32.Keccak(Encoding.UTF8.GetBytes(coarseLocation)), cancellationToken).ConfigureAwait(false);
        return await ChangedAsync("location updated", shipment, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Confirms delivery as the receiver (the client's signer), who must be the custodian or hold an open offer.</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="asConformant">The conformance accepted; must match the shipment.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The shipment and the transaction.</returns>
    /// <exception cref="SupplyChainConformanceMismatchException">The stated conformance is not the shipment's.</exception>
    /// <exception cref="SupplyChainNotReceiverException">The client's signer is not the receiver.</exception>
    public async Task<ShipmentChange> ConfirmDeliveryAsync(ShipmentId shipment, bool asConformant, CancellationToken cancellationToken = default)
    {
        TransactionReceipt receipt = await _tracker.ConfirmDeliveryRequestAndWaitForReceiptAsync(shipment.Value, asConformant, cancellationToken).ConfigureAwait(false);
        return await ChangedAsync("delivered", shipment, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A shipment as the tracker holds it now, or null when no shipment has the id.</summary>
    /// <param name="shipment">The shipment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The shipment, or null.</returns>
    public async Task<ShipmentView?> GetShipmentAsync(ShipmentId shipment, CancellationToken cancellationToken = default)
    {
        Shipment s = await _tracker.ShipmentOfQueryAsync(shipment.Value, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        if (s.Status == Contracts.SupplyChainTracker.ShipmentStatus.None)
        {
            return null;
        }

        var profile = new ColdChainProfile(s.Profile.MinTemp / 100m, s.Profile.MaxTemp / 100m, TimeSpan.FromSeconds(s.Profile.MaxExcursionSeconds), TimeSpan.FromSeconds(s.Profile.ExcursionBudgetSeconds));
        return new ShipmentView(
            shipment,
            s.Receiver,
            s.Custodian,
            s.PendingCustodian == s.Custodian || s.PendingCustodian.IsZero ? null : s.PendingCustodian,
            (ShipmentStatus)s.Status,
            s.Conformant,
            TimeSpan.FromSeconds(s.ExcursionSecondsUsed),
            s.LastReportEnd == 0 ? null : ChainTime.FromUnixSeconds(s.LastReportEnd),
            ChainTime.FromUnixSeconds(s.CreatedAt),
            profile);
    }

    /// <summary>A shipment's history from the tracker's events: creation, custody steps, sensor reports, breach, locations, delivery.</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The entries, in chain order (all <see cref="Verification.OnChain"/>).</returns>
    public async Task<IReadOnlyList<TimelineEntry>> GetShipmentHistoryAsync(ShipmentId shipment, CancellationToken cancellationToken = default)
    {
        var filter = new LogFilter
        {
            Addresses = [Tracker],
            Topics =
            [
                [ShipmentCreatedEventDto.Topic0, CustodyOfferedEventDto.Topic0, CustodyAcceptedEventDto.Topic0, SensorSummaryReportedEventDto.Topic0, ShipmentBreachedEventDto.Topic0, ShipmentLocationUpdatedEventDto.Topic0, ShipmentDeliveredEventDto.Topic0],
                [shipment.Value],
            ],
            FromBlock = BlockParameter.Earliest,
            ToBlock = BlockParameter.Latest,
        };
        IReadOnlyList<Log> logs = await Rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<ulong, DateTimeOffset> times = await ChainTime.BlockTimesAsync(Rpc, logs.Select(log => log.BlockNumber), cancellationToken).ConfigureAwait(false);
        return [.. logs.Where(log => !log.Removed).OrderBy(log => log.BlockNumber).ThenBy(log => log.LogIndex).Select(log => ShipmentEntry(log, times[log.BlockNumber]))];
    }

    /// <summary>
    /// A product's verified timeline: the supplied EPCIS event documents about the product or the containers it was
    /// packed into (aggregation ADD events), each checked against its anchor; events anchored for them whose documents
    /// were not supplied; and the tracker's history of the containers' shipments. Ordered by time.
    /// </summary>
    /// <param name="product">The identifier printed on the product (an EPC URN or Digital Link).</param>
    /// <param name="documents">The EPCIS event documents known for the product (e.g. from the brand's EPCIS repository).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The timeline.</returns>
    public async Task<ProductTimeline> GetTimelineAsync(string product, IEnumerable<EpcisEvent> documents, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(product);
        ArgumentNullException.ThrowIfNull(documents);
        string subject = Gs1DigitalLink.Canonicalise(product);
        EpcisEvent[] all = [.. documents];
        var subjects = new List<string> { subject };
        for (int i = 0; i < subjects.Count; i++)
        {
            string current = subjects[i];
            foreach (string parent in all.Where(e => e.Type == EpcisEventType.Aggregation && e.Action == "ADD" && e.Children.Contains(current) && e.ParentId is not null).Select(e => e.ParentId!))
            {
                if (!subjects.Contains(parent))
                {
                    subjects.Add(parent);
                }
            }
        }

        var entries = new List<TimelineEntry>();
        var seen = new HashSet<Bytes32>();
        foreach (EpcisEvent e in all.Where(e => e.What.Any(subjects.Contains)))
        {
            if (seen.Add(e.HashId))
            {
                entries.Add(EpcisEntry(await VerifyAsync(e, cancellationToken).ConfigureAwait(false)));
            }
        }

        foreach (string identifier in subjects)
        {
            var filter = new EventAnchoredEventFilter { WhatHash = [EpcisEvent.WhatHashOf(identifier)] };
            foreach (EventLog<EventAnchoredEventDto> log in await _tracker.GetEventAnchoredEventsAsync(filter, BlockParameter.Earliest, BlockParameter.Latest, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(log.Event.EventId))
                {
                    EventAnchoredEventDto anchored = log.Event;
                    string what = $"{(EpcisEventType)anchored.EventType} event {Cbv.NameOf((BusinessStep)anchored.BizStep)}{Parenthesised(Cbv.NameOf((Disposition)anchored.Disposition))} about {identifier}, anchored by {anchored.Anchorer}; its document was not supplied";
                    entries.Add(new TimelineEntry(DateTimeOffset.FromUnixTimeMilliseconds(checked((long)anchored.EventTimeMs)), TimelineEntryKind.EpcisEvent, what, Verification.DocumentMissing, anchored.Anchorer, anchored.EventId, log.Log.TransactionHash, log.Log.BlockNumber));
                }
            }
        }

        var shipments = new List<ShipmentView>();
        foreach (string container in subjects.Where(s => s.StartsWith(Gs1DigitalLink.Domain + "/00/", StringComparison.Ordinal)))
        {
            ShipmentId id = ShipmentId.FromSscc(container);
            if (await GetShipmentAsync(id, cancellationToken).ConfigureAwait(false) is { } view)
            {
                shipments.Add(view);
                entries.AddRange(await GetShipmentHistoryAsync(id, cancellationToken).ConfigureAwait(false));
            }
        }

        return new ProductTimeline(subject, subjects.Skip(1).ToArray(), shipments, [.. entries.OrderBy(e => e.Time).ThenBy(e => e.BlockNumber ?? ulong.MaxValue)]);
    }

    private static TimelineEntry EpcisEntry(EventVerification verification)
    {
        EpcisEvent e = verification.Event;
        string where = e.BusinessLocation ?? e.ReadPoint ?? "an unrecorded location";
        string text = $"{e.Type} event {Cbv.NameOf(e.BusinessStep)}{Parenthesised(Cbv.NameOf(e.Disposition))} at {where}: {verification.Detail}";
        return new TimelineEntry(e.EventTime, TimelineEntryKind.EpcisEvent, text, verification.Status, verification.Anchor?.Anchorer, e.HashId, verification.Anchor?.Transaction.Hash, verification.Anchor?.Transaction.BlockNumber);
    }

    private static string Parenthesised(string text) => text.Length == 0 ? string.Empty : $" ({text})";

    private static TimelineEntry ShipmentEntry(Log log, DateTimeOffset time)
    {
        Bytes32 topic = log.Topics[0];
        (TimelineEntryKind kind, string text, Address party) = topic switch
        {
            _ when topic == ShipmentCreatedEventDto.Topic0 => Created(ShipmentCreatedEventDto.DecodeLog(log)),
            _ when topic == CustodyOfferedEventDto.Topic0 => Offered(CustodyOfferedEventDto.DecodeLog(log)),
            _ when topic == CustodyAcceptedEventDto.Topic0 => Accepted(CustodyAcceptedEventDto.DecodeLog(log)),
            _ when topic == SensorSummaryReportedEventDto.Topic0 => Reported(SensorSummaryReportedEventDto.DecodeLog(log)),
            _ when topic == ShipmentBreachedEventDto.Topic0 => Breached(ShipmentBreachedEventDto.DecodeLog(log), log),
            _ when topic == ShipmentLocationUpdatedEventDto.Topic0 => Located(ShipmentLocationUpdatedEventDto.DecodeLog(log)),
            _ => Delivered(ShipmentDeliveredEventDto.DecodeLog(log)),
        };
        return new TimelineEntry(time, kind, text, Verification.OnChain, party.IsZero ? null : party, null, log.TransactionHash, log.BlockNumber);

        static (TimelineEntryKind, string, Address) Created(ShipmentCreatedEventDto e) =>
            (TimelineEntryKind.ShipmentCreated, string.Create(CultureInfo.InvariantCulture, $"Shipment created by {e.Sender} for {e.Receiver}, to stay between {e.MinTemp / 100m} and {e.MaxTemp / 100m} °C (single excursion up to {e.MaxExcursionSeconds} s, budget {e.ExcursionBudgetSeconds} s)"), e.Sender);

        static (TimelineEntryKind, string, Address) Offered(CustodyOfferedEventDto e) =>
            (TimelineEntryKind.CustodyOffered, $"{e.From} offered custody to {e.To}", e.From);

        static (TimelineEntryKind, string, Address) Accepted(CustodyAcceptedEventDto e) =>
            (TimelineEntryKind.CustodyAccepted, $"{e.To} accepted custody from {e.From} {(e.Conformant ? "as conformant" : "acknowledging its non-conformance")}", e.To);

        static (TimelineEntryKind, string, Address) Reported(SensorSummaryReportedEventDto e) =>
            (TimelineEntryKind.SensorReport, string.Create(CultureInfo.InvariantCulture, $"Sensor {e.Sensor}: {ChainTime.FromUnixSeconds(e.WindowStart):HH:mm}-{ChainTime.FromUnixSeconds(e.WindowEnd):HH:mm} UTC, {e.MinTemp / 100m} to {e.MaxTemp / 100m} °C (mean {e.MeanTemp / 100m}), {e.SecondsOutOfRange} s out of range"), e.Sensor);

        static (TimelineEntryKind, string, Address) Breached(ShipmentBreachedEventDto e, Log log) =>
            (TimelineEntryKind.Breach, ((BreachKind)e.Kind == BreachKind.ExcursionBudgetExceeded
                ? $"Profile breached: excursion budget exceeded ({e.ExcursionSecondsUsed} s out of range); the shipment is non-conformant from now on"
                : $"Profile breached: a single excursion of {e.LongestExcursionSeconds} s; the shipment is non-conformant from now on") + $" (transaction {log.TransactionHash})", Address.Zero);

        static (TimelineEntryKind, string, Address) Located(ShipmentLocationUpdatedEventDto e) =>
            (TimelineEntryKind.LocationUpdate, $"{e.Reporter} reported a coarse location (hash {e.LocationHash})", e.Reporter);

        static (TimelineEntryKind, string, Address) Delivered(ShipmentDeliveredEventDto e) =>
            (TimelineEntryKind.Delivered, $"{e.Receiver} confirmed delivery {(e.Conformant ? "as conformant" : "acknowledging its non-conformance")}", e.Receiver);
    }

    private static ShipmentBreach Breach(ShipmentBreachedEventDto e) =>
        new((BreachKind)e.Kind, TimeSpan.FromSeconds(e.ExcursionSecondsUsed), TimeSpan.FromSeconds(e.LongestExcursionSeconds));

    private static OnChainEvent OnChain(EpcisEvent e) =>
        new(e.HashId, (Contracts.SupplyChainTracker.EpcisEventType)e.Type, (byte)e.BusinessStep, (byte)e.Disposition, checked((ulong)e.EventTime.ToUnixTimeMilliseconds()), e.WhatHash, e.LocationHash);

    private static short Centi(decimal celsius, string parameterName)
    {
        decimal centi = Math.Round(celsius * 100, MidpointRounding.AwayFromZero);
        return centi is >= short.MinValue and <= short.MaxValue
            ? (short)centi
            : throw new ArgumentOutOfRangeException(parameterName, celsius, "Temperatures on chain are between -327.68 and 327.67 °C.");
    }

    private static uint Seconds(TimeSpan duration, string parameterName) =>
        duration >= TimeSpan.Zero && duration.TotalSeconds <= uint.MaxValue
            ? (uint)duration.TotalSeconds
            : throw new ArgumentOutOfRangeException(parameterName, duration, "Durations on chain are whole seconds between 0 and 2^32 - 1.");

    private async Task<(EventAnchor? Anchor, EventAnchoredEventDto? Indexed)> AnchorWithLogAsync(Bytes32 eventId, CancellationToken cancellationToken)
    {
        Anchored anchor = await _tracker.EventAnchorOfQueryAsync(eventId, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        if (anchor.AnchoredAt == 0)
        {
            return (null, null);
        }

        var filter = new EventAnchoredEventFilter { EventId = [eventId] };
        IReadOnlyList<EventLog<EventAnchoredEventDto>> logs = await _tracker.GetEventAnchoredEventsAsync(filter, BlockParameter.Earliest, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        if (logs.Count == 0)
        {
            return (null, null);
        }

        TransactionReceipt receipt = await Rpc.GetTransactionReceiptAsync(logs[0].Log.TransactionHash, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The node has a log of transaction {logs[0].Log.TransactionHash} but not its receipt.");
        return (new EventAnchor(eventId, anchor.Anchorer, ChainTime.FromUnixSeconds(anchor.AnchoredAt), anchor.ErrorDeclared, TransactionSummary.From(receipt)), logs[0].Event);
    }

    private async Task<ShipmentChange> ChangedAsync(string what, ShipmentId shipment, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        ShipmentView view = await GetShipmentAsync(shipment, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Shipment {shipment} does not exist after transaction {receipt.TransactionHash}.");
        LogShipment(_logger, shipment, what, view.Custodian, view.Conformant, receipt.TransactionHash);
        return new ShipmentChange(view, TransactionSummary.From(receipt));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Anchored {Count} EPCIS event(s) (transaction {Transaction})")]
    private static partial void LogAnchored(ILogger logger, int count, Bytes32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Anchoring refused: another party anchored an event first ({Anchored} now anchored by others, {Missing} to send again)")]
    private static partial void LogAnchoringRefused(ILogger logger, int anchored, int missing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Declared {Event} erroneous ({Reason}) (transaction {Transaction})")]
    private static partial void LogErrorDeclared(ILogger logger, string @event, ErrorReason reason, Bytes32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment {Shipment}: {What}; custodian {Custodian}, conformant {Conformant} (transaction {Transaction})")]
    private static partial void LogShipment(ILogger logger, ShipmentId shipment, string what, Address custodian, bool conformant, Bytes32 transaction);
}
