using EthCx.Chain.Primitives;
using EthCx.Services.Consent;
using EthCx.Services.Traceability;
using EthCx.Services.Traceability.Epcis;

namespace EthCx.Services.Journeys;

/// <summary>What a journey step did.</summary>
public enum JourneyStepStatus
{
    /// <summary>The step sent a transaction now.</summary>
    Applied,

    /// <summary>The step had been done before (a retried journey): nothing was sent.</summary>
    AlreadyDone,

    /// <summary>The step only read the chain (a check that passed).</summary>
    Checked,

    /// <summary>
    /// The step does not apply and nothing was sent: the interaction it would record has no consent in force (the
    /// registry records interactions only under consent), so the journey goes on without it.
    /// </summary>
    Skipped,
}

/// <summary>One step of a journey.</summary>
/// <param name="Name">The step, e.g. "award points".</param>
/// <param name="Status">What it did.</param>
/// <param name="Detail">A sentence saying what it found or did.</param>
/// <param name="Transaction">Its transaction (the earlier one when already done); null for a check.</param>
public sealed record JourneyStep(string Name, JourneyStepStatus Status, string Detail, TransactionSummary? Transaction);

/// <summary>A completed journey: every step, in order.</summary>
/// <param name="Journey">The journey, e.g. "purchase".</param>
/// <param name="Steps">The steps.</param>
public sealed record JourneyResult(string Journey, IReadOnlyList<JourneyStep> Steps)
{
    /// <summary>Whether any step sent a transaction.</summary>
    public bool Changed => Steps.Any(step => step.Status == JourneyStepStatus.Applied);

    /// <summary>The gas of the transactions this run sent.</summary>
    public ulong GasUsed => Steps.Where(step => step.Status == JourneyStepStatus.Applied).Aggregate(0UL, (sum, step) => sum + (step.Transaction?.GasUsed ?? 0));
}

/// <summary>
/// A journey stopped at a step. The steps before it stay applied on chain (a chain has no rollback) and are listed;
/// every step is idempotent, so running the same journey again resumes where it stopped.
/// </summary>
public sealed class JourneyFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="failedStep">The step that failed.</param>
    /// <param name="completed">The steps completed before it.</param>
    /// <param name="innerException">Why the step failed.</param>
    public JourneyFailedException(string journey, string failedStep, IReadOnlyList<JourneyStep> completed, Exception innerException)
        : base(Describe(journey, failedStep, completed, innerException), innerException)
    {
        Journey = journey;
        FailedStep = failedStep;
        CompletedSteps = completed;
    }

    /// <summary>The journey.</summary>
    public string Journey { get; }

    /// <summary>The step that failed.</summary>
    public string FailedStep { get; }

    /// <summary>The steps completed before the failure (applied ones stay on chain).</summary>
    public IReadOnlyList<JourneyStep> CompletedSteps { get; }

    /// <summary>The sentence naming the steps completed before a failure or cancellation.</summary>
    internal static string DescribeCompleted(IReadOnlyList<JourneyStep> completed) =>
        completed.Count == 0
            ? "No step was applied."
            : "Completed before it: " + string.Join("; ", completed.Select(step => $"{step.Name} ({Word(step.Status)}{(step.Transaction is { } tx ? ", transaction " + tx.Hash : string.Empty)})")) + ".";

    private static string Describe(string journey, string failedStep, IReadOnlyList<JourneyStep> completed, Exception inner) =>
        $"The {journey} journey failed at step '{failedStep}': {inner?.Message} {DescribeCompleted(completed)} Running the journey again resumes at the failed step.";

    private static string Word(JourneyStepStatus status) => status switch
    {
        JourneyStepStatus.Applied => "applied",
        JourneyStepStatus.AlreadyDone => "already done",
        JourneyStepStatus.Skipped => "skipped",
        _ => "checked",
    };
}

/// <summary>
/// A journey was cancelled at a step. The steps before it stay applied on chain and are listed; the step itself may
/// have sent its transaction (a sent transaction is not recalled). Every step is idempotent, so running the same
/// journey again resumes where it stopped.
/// </summary>
public sealed class JourneyCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="canceledStep">The step that was cancelled or not started.</param>
    /// <param name="completed">The steps completed before it.</param>
    /// <param name="innerException">The cancellation inside the step, or null when cancelled between steps.</param>
    /// <param name="token">The token that was cancelled.</param>
    public JourneyCanceledException(string journey, string canceledStep, IReadOnlyList<JourneyStep> completed, Exception? innerException, CancellationToken token)
        : base($"The {journey} journey was cancelled at step '{canceledStep}'. {JourneyFailedException.DescribeCompleted(completed)} Running the journey again resumes at that step.", innerException, token)
    {
        Journey = journey;
        CanceledStep = canceledStep;
        CompletedSteps = completed;
    }

    /// <summary>The journey.</summary>
    public string Journey { get; }

    /// <summary>The step that was cancelled (it may have sent its transaction) or not started.</summary>
    public string CanceledStep { get; }

    /// <summary>The steps completed before the cancellation (applied ones stay on chain).</summary>
    public IReadOnlyList<JourneyStep> CompletedSteps { get; }
}

/// <summary>A shipment with the requested SSCC exists with another receiver or profile: it is another shipment, not an earlier run of this dispatch.</summary>
public sealed class ShipmentConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="requested">The dispatch asked for.</param>
    /// <param name="existing">The shipment on chain.</param>
    public ShipmentConflictException(ShipmentRequest requested, ShipmentView existing)
        : base($"Shipment {requested?.Sscc} already exists for receiver {existing?.Receiver} with profile {existing?.Profile}; the dispatch asks for receiver {requested?.Receiver} with profile {requested?.Profile}, so it is not a retry of that shipment.")
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(existing);
        Existing = existing;
    }

    /// <summary>The shipment on chain.</summary>
    public ShipmentView Existing { get; }
}

/// <summary>The customer has no consent in force that covers what a journey needs.</summary>
public sealed class ConsentMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="consent">The consent record found.</param>
    /// <param name="needed">The data elements the journey processes.</param>
    public ConsentMissingException(ConsentSnapshot consent, DataElements needed)
        : base($"{consent.Subject} has no consent in force for {consent.Purpose} covering {needed} with controller {consent.Controller} (status {consent.Status}{(consent.InForce ? $", covering only {consent.Elements}" : string.Empty)}).")
    {
        Consent = consent;
        Needed = needed;
    }

    /// <summary>The consent record found.</summary>
    public ConsentSnapshot Consent { get; }

    /// <summary>The data elements needed.</summary>
    public DataElements Needed { get; }
}

/// <summary>A purchase to record: the customer, the order and the points it earns.</summary>
/// <param name="Customer">The customer (their wallet address).</param>
/// <param name="OrderId">The order id (stays off chain; its hash is the purchase reference).</param>
/// <param name="Points">The points the purchase earns.</param>
public sealed record PurchaseRequest(Address Customer, string OrderId, long Points)
{
    /// <summary>The purpose the purchase is processed under. Default: customer relationship management (the loyalty programme).</summary>
    public ConsentPurpose Purpose { get; init; } = ConsentPurpose.CustomerRelationshipManagement;

    /// <summary>The data elements the purchase processes. Default: purchase history.</summary>
    public DataElements Elements { get; init; } = DataElements.PurchaseHistory;
}

/// <summary>A shipment to dispatch: its SSCC, receiver, profile, the EPCIS events so far and the first carrier.</summary>
/// <param name="Sscc">The shipment's SSCC (URN, Digital Link or 18 digits).</param>
/// <param name="Receiver">The party that will confirm delivery.</param>
/// <param name="Profile">The cold-chain profile.</param>
/// <param name="Events">The EPCIS events to anchor (e.g. packing, shipping).</param>
/// <param name="Carrier">The first carrier, offered custody.</param>
public sealed record ShipmentRequest(string Sscc, Address Receiver, ColdChainProfile Profile, IReadOnlyList<EpcisEvent> Events, Address Carrier)
{
    /// <summary>The carrier's signed acceptance, relayed by the sender when given.</summary>
    public SignedCustodyAcceptance? CarrierAcceptance { get; init; }
}

/// <summary>A return: the customer, the order returned and the EPCIS event with the <c>returned</c> disposition.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="OrderId">The order returned.</param>
/// <param name="ReturnEvent">The EPCIS event recording the return (disposition returned).</param>
public sealed record ReturnRequest(Address Customer, string OrderId, EpcisEvent ReturnEvent)
{
    /// <summary>The purpose the return is processed under. Default: customer relationship management.</summary>
    public ConsentPurpose Purpose { get; init; } = ConsentPurpose.CustomerRelationshipManagement;
}
