using EthCx.Chain.Primitives;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Services.Consent;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;
using EthCx.Services.Traceability.Epcis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EthCx.Services.Journeys;

/// <summary>
/// The customer journeys of DOMAIN.md section 4, run by the business (the controller, merchant and supply-chain party
/// of its services' client): purchase, shipment dispatch, return and withdrawal. Each is a few steps; every step is
/// idempotent (it looks for its own earlier effect first), so a journey that failed midway, or whose caller crashed,
/// is simply run again. A failure raises <see cref="JourneyFailedException"/> naming the steps already applied.
/// </summary>
public sealed partial class CustomerJourneys
{
    private readonly ConsentService _consent;
    private readonly TraceabilityService _traceability;
    private readonly LoyaltyService _loyalty;
    private readonly ILogger _logger;

    /// <summary>Creates the journeys over the business's services.</summary>
    /// <param name="consent">The consent service, its client's signer being the controller.</param>
    /// <param name="traceability">The traceability service, its signer holding a party role.</param>
    /// <param name="loyalty">The loyalty service, its signer holding the merchant role.</param>
    /// <param name="logger">Receives one line per step.</param>
    /// <exception cref="ArgumentException">The consent service has a read-only client.</exception>
    public CustomerJourneys(ConsentService consent, TraceabilityService traceability, LoyaltyService loyalty, ILogger<CustomerJourneys>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(traceability);
        ArgumentNullException.ThrowIfNull(loyalty);
        Business = consent.Account ?? throw new ArgumentException("The journeys act for a business: the consent service needs a client with a signer.", nameof(consent));
        _consent = consent;
        _traceability = traceability;
        _loyalty = loyalty;
        _logger = logger ?? NullLogger<CustomerJourneys>.Instance;
    }

    /// <summary>The business: controller, merchant and supply-chain party.</summary>
    public Address Business { get; }

    /// <summary>Purchase: consent check, purchase interaction recorded, points awarded (exactly once).</summary>
    /// <param name="purchase">The purchase.</param>
    /// <param name="cancellationToken">Cancels the journey between steps.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="JourneyFailedException">A step failed (inner: e.g. <see cref="ConsentMissingException"/>).</exception>
    /// <exception cref="JourneyCanceledException">Cancelled; it names the steps completed before.</exception>
    public Task<JourneyResult> PurchaseAsync(PurchaseRequest purchase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        PurchaseReference reference = PurchaseReference.FromOrderId(purchase.OrderId);
        return RunAsync("purchase", cancellationToken,
            ("consent check", token => RequireConsentAsync(purchase.Customer, purchase.Purpose, purchase.Elements, token)),
            ("record purchase interaction", token => InteractionAsync(purchase.Customer, InteractionKind.Purchase, purchase.Purpose, reference.Hash, skipWithoutConsent: false, token)),
            ("award points", async token =>
            {
                AwardResult award = await _loyalty.AwardForPurchaseAsync(purchase.Customer, reference, purchase.Points, token).ConfigureAwait(false);
                return new JourneyStep("award points", award.Outcome == AwardOutcome.Awarded ? JourneyStepStatus.Applied : JourneyStepStatus.AlreadyDone, $"{award.Points} points for order {purchase.OrderId}.", award.Transaction);
            }));
    }

    /// <summary>Shipment dispatch: EPCIS events anchored, shipment created, custody offered to the carrier, and the carrier's signed acceptance relayed when given. Sensors, later carriers and the receiver act through their own <see cref="TraceabilityService"/>.</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="cancellationToken">Cancels the journey between steps.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentException">The shipment has no EPCIS event.</exception>
    /// <exception cref="JourneyFailedException">A step failed (inner: e.g. <see cref="ShipmentConflictException"/>).</exception>
    /// <exception cref="JourneyCanceledException">Cancelled; it names the steps completed before.</exception>
    public Task<JourneyResult> DispatchAsync(ShipmentRequest shipment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (shipment.Events is not { Count: > 0 })
        {
            throw new ArgumentException($"A dispatch anchors at least one EPCIS event; shipment {shipment.Sscc} has none.", nameof(shipment));
        }

        ShipmentId id = ShipmentId.FromSscc(shipment.Sscc);
        var steps = new List<(string, Func<CancellationToken, Task<JourneyStep>>)>
        {
            ("anchor EPCIS events", async token =>
            {
                IReadOnlyList<AnchorResult> anchored = await _traceability.AnchorManyAsync(shipment.Events, token).ConfigureAwait(false);
                AnchorResult? sent = anchored.FirstOrDefault(a => a.Outcome == AnchorOutcome.Anchored);
                return new JourneyStep("anchor EPCIS events", sent is null ? JourneyStepStatus.AlreadyDone : JourneyStepStatus.Applied, $"{anchored.Count} event(s): {string.Join(", ", shipment.Events.Select(e => Cbv.NameOf(e.BusinessStep)))}.", (sent ?? anchored[^1]).Anchor.Transaction);
            }),
            ("create shipment", async token =>
            {
                if (await _traceability.GetShipmentAsync(id, token).ConfigureAwait(false) is { } existing)
                {
                    return existing.Receiver == shipment.Receiver && SameOnChain(existing.Profile, shipment.Profile)
                        ? new JourneyStep("create shipment", JourneyStepStatus.AlreadyDone, $"Shipment {shipment.Sscc} exists (custodian {existing.Custodian}).", null)
                        : throw new ShipmentConflictException(shipment, existing);
                }

                ShipmentChange created = await _traceability.CreateShipmentAsync(id, shipment.Receiver, shipment.Profile, token).ConfigureAwait(false);
                return new JourneyStep("create shipment", JourneyStepStatus.Applied, $"Shipment {shipment.Sscc} to {shipment.Receiver}, {shipment.Profile}.", created.Transaction);
            }),
            ("offer custody to carrier", async token =>
            {
                // The sender is the traceability service's signer, who created the shipment and holds custody first.
                ShipmentView view = (await _traceability.GetShipmentAsync(id, token).ConfigureAwait(false))!;
                if (view.Custodian != _traceability.Account || view.PendingCustodian == shipment.Carrier)
                {
                    return new JourneyStep("offer custody to carrier", JourneyStepStatus.AlreadyDone, $"Custody already with {view.PendingCustodian ?? view.Custodian}.", null);
                }

                ShipmentChange offered = await _traceability.OfferCustodyAsync(id, shipment.Carrier, token).ConfigureAwait(false);
                return new JourneyStep("offer custody to carrier", JourneyStepStatus.Applied, $"Offered to {shipment.Carrier}.", offered.Transaction);
            }),
        };
        if (shipment.CarrierAcceptance is { } acceptance)
        {
            steps.Add(("carrier accepts custody", async token =>
            {
                ShipmentView view = (await _traceability.GetShipmentAsync(id, token).ConfigureAwait(false))!;
                if (view.Custodian == acceptance.Party)
                {
                    return new JourneyStep("carrier accepts custody", JourneyStepStatus.AlreadyDone, $"{acceptance.Party} already holds custody.", null);
                }

                ShipmentChange accepted = await _traceability.AcceptCustodyBySignatureAsync(acceptance, token).ConfigureAwait(false);
                return new JourneyStep("carrier accepts custody", JourneyStepStatus.Applied, $"{acceptance.Party} accepted custody (signature relayed).", accepted.Transaction);
            }));
        }

        return RunAsync("shipment", cancellationToken, [.. steps]);
    }

    /// <summary>
    /// Return: the EPCIS event with the <c>returned</c> disposition anchored, the return interaction recorded (skipped,
    /// <see cref="JourneyStepStatus.Skipped"/>, when the customer's consent for the purpose is no longer in force), the
    /// purchase's points clawed back.
    /// </summary>
    /// <param name="request">The return.</param>
    /// <param name="cancellationToken">Cancels the journey between steps.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentException">The return event's disposition is not <c>returned</c>.</exception>
    /// <exception cref="JourneyFailedException">A step failed.</exception>
    /// <exception cref="JourneyCanceledException">Cancelled; it names the steps completed before.</exception>
    public Task<JourneyResult> ReturnAsync(ReturnRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ReturnEvent.Disposition != Disposition.Returned)
        {
            throw new ArgumentException($"A return event has the disposition returned; this one has {request.ReturnEvent.Disposition}.", nameof(request));
        }

        PurchaseReference reference = PurchaseReference.FromOrderId(request.OrderId);
        return RunAsync("return", cancellationToken,
            ("anchor returned event", async token =>
            {
                AnchorResult anchored = await _traceability.AnchorAsync(request.ReturnEvent, token).ConfigureAwait(false);
                return new JourneyStep("anchor returned event", anchored.Outcome == AnchorOutcome.Anchored ? JourneyStepStatus.Applied : JourneyStepStatus.AlreadyDone, $"{request.ReturnEvent.HashUri}.", anchored.Anchor.Transaction);
            }),
            ("record return interaction", token => InteractionAsync(request.Customer, InteractionKind.Return, request.Purpose, reference.Hash, skipWithoutConsent: true, token)),
            ("claw back points", async token =>
            {
                ReversalResult reversal = await _loyalty.ReverseAsync(reference, token).ConfigureAwait(false);
                string shortfall = reversal.Shortfall > 0 ? $", {reversal.Shortfall} already redeemed" : string.Empty;
                return new JourneyStep("claw back points", reversal.Outcome == ReversalOutcome.Reversed ? JourneyStepStatus.Applied : JourneyStepStatus.AlreadyDone, $"{reversal.Burned} points burned{shortfall}.", reversal.Transaction);
            }));
    }

    /// <summary>Withdrawal: the customer's signed withdrawal relayed, then a check that further interactions for the purpose are refused.</summary>
    /// <param name="withdrawal">The withdrawal the customer signed, of consent given to <see cref="Business"/>.</param>
    /// <param name="cancellationToken">Cancels the journey between steps.</param>
    /// <returns>The steps.</returns>
    /// <exception cref="ArgumentException">The withdrawal is of consent given to another controller.</exception>
    /// <exception cref="JourneyFailedException">A step failed.</exception>
    /// <exception cref="JourneyCanceledException">Cancelled; it names the steps completed before.</exception>
    public Task<JourneyResult> WithdrawAsync(SignedConsentWithdrawal withdrawal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        if (withdrawal.Controller != Business)
        {
            // The refusal check reads the business's own consent record: a withdrawal from another controller would check the wrong one.
            throw new ArgumentException($"The journeys act for {Business}; this withdrawal is from consent given to {withdrawal.Controller}.", nameof(withdrawal));
        }

        return RunAsync("withdrawal", cancellationToken,
            ("withdraw consent", async token =>
            {
                ConsentSnapshot current = await _consent.GetAsync(withdrawal.Subject, withdrawal.Controller, withdrawal.Purpose, token).ConfigureAwait(false);
                if (current.Status is ConsentStatus.Withdrawn or ConsentStatus.Refused)
                {
                    return new JourneyStep("withdraw consent", JourneyStepStatus.AlreadyDone, $"Consent for {withdrawal.Purpose} is already {current.Status}.", null);
                }

                ConsentChange changed = await _consent.WithdrawBySignatureAsync(withdrawal, token).ConfigureAwait(false);
                return new JourneyStep("withdraw consent", JourneyStepStatus.Applied, $"Consent for {withdrawal.Purpose} is now {changed.Consent.Status}.", changed.Transaction);
            }),
            ("check refusal", async token =>
            {
                InteractionCheck check = await _consent.CheckInteractionAsync(withdrawal.Subject, InteractionKind.ServiceContact, withdrawal.Purpose, token).ConfigureAwait(false);
                return check.Allowed
                    ? throw new InvalidOperationException($"The registry would still record {withdrawal.Purpose} interactions with {withdrawal.Subject}.")
                    : new JourneyStep("check refusal", JourneyStepStatus.Checked, $"Further {withdrawal.Purpose} interactions are refused: {check.Refusal}.", null);
            }));
    }

    /// <summary>Whether two profiles are the same once stored (temperatures in hundredths of a degree, durations in whole seconds).</summary>
    private static bool SameOnChain(ColdChainProfile stored, ColdChainProfile requested) =>
        stored.MinCelsius == Math.Round(requested.MinCelsius, 2, MidpointRounding.AwayFromZero)
        && stored.MaxCelsius == Math.Round(requested.MaxCelsius, 2, MidpointRounding.AwayFromZero)
        && stored.MaxSingleExcursion == TimeSpan.FromSeconds(Math.Floor(requested.MaxSingleExcursion.TotalSeconds))
        && stored.ExcursionBudget == TimeSpan.FromSeconds(Math.Floor(requested.ExcursionBudget.TotalSeconds));

    private async Task<JourneyStep> RequireConsentAsync(Address customer, ConsentPurpose purpose, DataElements elements, CancellationToken cancellationToken)
    {
        if (!await _consent.IsPermittedAsync(customer, Business, purpose, elements, cancellationToken).ConfigureAwait(false))
        {
            throw new ConsentMissingException(await _consent.GetAsync(customer, Business, purpose, cancellationToken).ConfigureAwait(false), elements);
        }

        return new JourneyStep("consent check", JourneyStepStatus.Checked, $"{customer} consents to {purpose} covering {elements}.", null);
    }

    /// <summary>
    /// Records the interaction unless it was recorded before. With <paramref name="skipWithoutConsent"/> (a return: a
    /// customer who withdrew consent still gets the return, the points clawed back), an interaction without consent in
    /// force is skipped rather than sent for the registry to refuse.
    /// </summary>
    private async Task<JourneyStep> InteractionAsync(Address customer, InteractionKind kind, ConsentPurpose purpose, Bytes32 reference, bool skipWithoutConsent, CancellationToken cancellationToken)
    {
        string name = $"record {kind.ToString().ToLowerInvariant()} interaction";
        if (await _consent.FindInteractionAsync(customer, Business, purpose, kind, reference, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return new JourneyStep(name, JourneyStepStatus.AlreadyDone, $"{kind} under {purpose} was recorded before.", earlier.Transaction);
        }

        if (skipWithoutConsent && await _consent.CheckInteractionAsync(customer, kind, purpose, cancellationToken).ConfigureAwait(false) is { Allowed: false } check)
        {
            return new JourneyStep(name, JourneyStepStatus.Skipped, $"Not recorded: consent for {purpose} is not in force ({check.Refusal}).", null);
        }

        InteractionRecord recorded = await _consent.RecordInteractionAsync(customer, kind, purpose, reference, cancellationToken).ConfigureAwait(false);
        return new JourneyStep(name, JourneyStepStatus.Applied, $"{kind} under {purpose}.", recorded.Transaction);
    }

    private async Task<JourneyResult> RunAsync(string journey, CancellationToken cancellationToken, params (string Name, Func<CancellationToken, Task<JourneyStep>> Run)[] steps)
    {
        var done = new List<JourneyStep>(steps.Length);
        foreach ((string name, Func<CancellationToken, Task<JourneyStep>> run) in steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new JourneyCanceledException(journey, name, done, null, cancellationToken);
            }

            JourneyStep step;
            try
            {
                step = await run(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e)
            {
                throw new JourneyCanceledException(journey, name, done, e, e.CancellationToken);
            }
            catch (Exception e)
            {
                LogFailed(_logger, journey, name, e.Message);
                throw new JourneyFailedException(journey, name, done, e);
            }

            LogStep(_logger, journey, step.Name, step.Status, step.Detail);
            done.Add(step);
        }

        return new JourneyResult(journey, done);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Journey} journey, {Step}: {Status}. {Detail}")]
    private static partial void LogStep(ILogger logger, string journey, string step, JourneyStepStatus status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Journey} journey failed at {Step}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string journey, string step, string reason);
}
