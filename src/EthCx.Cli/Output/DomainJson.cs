using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EthCx.Services;
using EthCx.Services.Consent;
using EthCx.Services.Demo;
using EthCx.Services.Deployment;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;

namespace EthCx.Cli.Output;

// The --json shapes of the EthCx commands: plain records (addresses and hashes as hex text, enum values in kebab case,
// times in ISO 8601, durations in whole seconds), serialised by source generation so that ethcx stays trim and AOT clean.

/// <summary>A mined transaction.</summary>
internal sealed record TransactionJson(string Hash, ulong BlockNumber, ulong GasUsed)
{
    public static TransactionJson From(TransactionSummary summary) => new(summary.Hash.ToString(), summary.BlockNumber, summary.GasUsed);
}

/// <summary>The result of <c>deploy</c>.</summary>
internal sealed record DeployJson(
    ulong ChainId,
    string Deployer,
    bool Changed,
    string Summary,
    string ManifestPath,
    string? StaleManifestReason,
    ulong GasUsed,
    IReadOnlyList<DeployedContractJson> Contracts,
    IReadOnlyList<RoleJson> Roles,
    IReadOnlyList<uint> TierThresholds,
    IReadOnlyList<DeploymentActionJson> Actions)
{
    public static DeployJson From(DeploymentOutcome outcome)
    {
        DeploymentManifest manifest = outcome.Manifest;
        return new(
            manifest.ChainId,
            manifest.Deployer.ToString(),
            outcome.Changed,
            outcome.Summary,
            outcome.ManifestPath,
            outcome.StaleManifestReason,
            outcome.GasUsed,
            [.. manifest.Contracts.Select(DeployedContractJson.From)],
            [.. manifest.Roles.Select(r => new RoleJson(r.Contract.ToString(), r.Role, r.Account.ToString()))],
            manifest.TierThresholds,
            [.. outcome.Actions.Select(a => new DeploymentActionJson(DomainNames.Kebab(a.Kind), a.Contract.ToString(), a.Description, a.Transaction is { } t ? TransactionJson.From(t) : null))]);
    }
}

/// <summary>A contract of the manifest.</summary>
internal sealed record DeployedContractJson(string Name, string Address, string TransactionHash, ulong BlockNumber)
{
    public static DeployedContractJson From(DeployedContract contract) =>
        new(contract.Name.ToString(), contract.Address.ToString(), contract.TransactionHash.ToString(), contract.BlockNumber);
}

/// <summary>A role held.</summary>
internal sealed record RoleJson(string Contract, string Role, string Account);

/// <summary>One item of a deployment run.</summary>
internal sealed record DeploymentActionJson(string Kind, string Contract, string Description, TransactionJson? Transaction);

/// <summary>A consent record.</summary>
internal sealed record ConsentJson(
    string Subject,
    string Controller,
    string Purpose,
    ushort PurposeCode,
    string Status,
    bool InForce,
    IReadOnlyList<string> Elements,
    string? LegalBasis,
    DateTimeOffset? GivenAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? UpdatedAt,
    uint Version,
    string NoticeHash,
    string ReceiptHash)
{
    public static ConsentJson From(ConsentSnapshot consent) => new(
        consent.Subject.ToString(),
        consent.Controller.ToString(),
        DomainNames.Kebab(consent.Purpose),
        (ushort)consent.Purpose,
        DomainNames.Kebab(consent.Status),
        consent.InForce,
        DomainNames.Flags(consent.Elements),
        consent.LegalBasis is { } basis ? DomainNames.Kebab(basis) : null,
        consent.GivenAt,
        consent.ExpiresAt,
        consent.UpdatedAt,
        consent.Version,
        consent.NoticeHash.ToString(),
        consent.ReceiptHash.ToString());
}

/// <summary>The result of <c>consent give</c> or <c>consent withdraw</c>.</summary>
internal sealed record ConsentChangeJson(ConsentJson Consent, string? RelayedBy, TransactionJson Transaction);

/// <summary>The result of <c>consent check</c>.</summary>
internal sealed record ConsentCheckJson(ConsentJson Consent, IReadOnlyList<string>? ElementsAsked, bool? Permitted, string? Interaction, bool? InteractionAllowed, string? InteractionRefusal);

/// <summary>The result of <c>consent history</c>.</summary>
internal sealed record ConsentHistoryJson(string Subject, string? Controller, IReadOnlyList<ConsentHistoryEntryJson> Entries);

/// <summary>One entry of a consent history.</summary>
internal sealed record ConsentHistoryEntryJson(
    string Kind,
    string? Controller,
    string? Purpose,
    DateTimeOffset Time,
    ulong BlockNumber,
    string TransactionHash,
    IReadOnlyList<string>? Elements,
    string? LegalBasis,
    DateTimeOffset? ExpiresAt,
    uint? Version,
    string? Interaction,
    string? Reference)
{
    public static ConsentHistoryEntryJson From(ConsentHistoryEntry entry) => new(
        DomainNames.Kebab(entry.Kind),
        entry.Controller?.ToString(),
        entry.Purpose is { } purpose ? DomainNames.Kebab(purpose) : null,
        entry.Time,
        entry.BlockNumber,
        entry.TransactionHash.ToString(),
        entry.Elements is { } elements ? DomainNames.Flags(elements) : null,
        entry.LegalBasis is { } basis ? DomainNames.Kebab(basis) : null,
        entry.ExpiresAt,
        entry.Version,
        entry.Interaction is { } kind ? DomainNames.Kebab(kind) : null,
        entry.Reference?.ToString());
}

/// <summary>One EPCIS event of <c>trace anchor</c>.</summary>
internal sealed record AnchorJson(string EventId, string Type, string BusinessStep, DateTimeOffset EventTime, string Outcome, string Anchorer, DateTimeOffset AnchoredAt, TransactionJson Transaction);

/// <summary>A cold-chain profile.</summary>
internal sealed record ProfileJson(decimal MinCelsius, decimal MaxCelsius, long MaxSingleExcursionSeconds, long ExcursionBudgetSeconds);

/// <summary>A shipment as the tracker holds it.</summary>
internal sealed record ShipmentJson(
    string Id,
    string Receiver,
    string Custodian,
    string? PendingCustodian,
    string Status,
    bool Conformant,
    long ExcursionUsedSeconds,
    long BudgetLeftSeconds,
    DateTimeOffset? LastReportEnd,
    DateTimeOffset CreatedAt,
    ProfileJson Profile)
{
    public static ShipmentJson From(ShipmentView shipment) => new(
        shipment.Id.ToString(),
        shipment.Receiver.ToString(),
        shipment.Custodian.ToString(),
        shipment.PendingCustodian?.ToString(),
        DomainNames.Kebab(shipment.Status),
        shipment.Conformant,
        (long)shipment.ExcursionUsed.TotalSeconds,
        (long)shipment.BudgetLeft.TotalSeconds,
        shipment.LastReportEnd,
        shipment.CreatedAt,
        new ProfileJson(shipment.Profile.MinCelsius, shipment.Profile.MaxCelsius, (long)shipment.Profile.MaxSingleExcursion.TotalSeconds, (long)shipment.Profile.ExcursionBudget.TotalSeconds));
}

/// <summary>A breach of a shipment's profile.</summary>
internal sealed record BreachJson(string Kind, long ExcursionUsedSeconds, long LongestExcursionSeconds);

/// <summary>The result of a <c>trace</c> command that changes a shipment.</summary>
internal sealed record ShipmentChangeJson(string Sscc, ShipmentJson Shipment, BreachJson? Breach, string? RelayedBy, TransactionJson Transaction);

/// <summary>The result of <c>trace timeline</c>.</summary>
internal sealed record TimelineJson(string Product, bool FullyVerified, IReadOnlyList<string> Containers, IReadOnlyList<ShipmentJson> Shipments, IReadOnlyList<TimelineEntryJson> Entries);

/// <summary>One entry of a product timeline.</summary>
internal sealed record TimelineEntryJson(DateTimeOffset Time, string Kind, string Description, string Verification, string? Party, string? EventId, string? TransactionHash, ulong? BlockNumber);

/// <summary>The result of <c>points award</c>.</summary>
internal sealed record AwardJson(string Customer, string Purchase, string PurchaseReference, long Points, string Outcome, TransactionJson Transaction);

/// <summary>The result of <c>points reverse</c>.</summary>
internal sealed record ReversalJson(string Customer, string Purchase, string PurchaseReference, long Burned, long Shortfall, string Outcome, TransactionJson Transaction);

/// <summary>The result of <c>points redeem</c>.</summary>
internal sealed record RedemptionJson(string Customer, long Points, string Reward, string RewardReference, string? RelayedBy, TransactionJson Transaction);

/// <summary>A customer's tier.</summary>
internal sealed record TierJson(string Customer, int Tier, long? Threshold, long? NextThreshold)
{
    public static TierJson From(string customer, LoyaltyTier tier) => new(customer, tier.Level, tier.Threshold, tier.NextThreshold);
}

/// <summary>The result of <c>points balance</c>.</summary>
internal sealed record AccountJson(string Customer, long Balance, long LifetimeEarned, int Tier, long? NextTierThreshold, long? PointsToNextTier)
{
    public static AccountJson From(PointsAccount account) =>
        new(account.Customer.ToString(), account.Balance, account.LifetimeEarned, account.Tier.Level, account.Tier.NextThreshold, account.PointsToNextTier);
}

/// <summary>The report of <c>demo</c>: whether every check passed, the contracts, the steps and the checks.</summary>
internal sealed record DemoJson(bool Passed, ulong ChainId, ulong GasUsed, IReadOnlyList<DeployedContractJson> Contracts, IReadOnlyList<DemoStepJson> Steps, IReadOnlyList<DemoCheckJson> Checks)
{
    public static DemoJson From(DemoReport report) => new(
        report.Passed,
        report.Deployment.ChainId,
        report.GasUsed,
        [.. report.Deployment.Contracts.Select(DeployedContractJson.From)],
        [.. report.Steps.Select(s => new DemoStepJson(s.Number, s.Name, s.Actor, DomainNames.Kebab(s.Outcome), s.Text, s.Transaction is { } t ? TransactionJson.From(t) : null))],
        [.. report.Checks.Select(c => new DemoCheckJson(c.Name, c.Passed, c.Detail))]);
}

/// <summary>One step of the demo; a step that mined nothing has no <c>transaction</c>.</summary>
internal sealed record DemoStepJson(
    int Number,
    string Name,
    string Actor,
    string Outcome,
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransactionJson? Transaction);

/// <summary>One final check of the demo, read from chain state.</summary>
internal sealed record DemoCheckJson(string Name, bool Passed, string Detail);

/// <summary>Source-generated (reflection-free) JSON of the EthCx commands' results: camelCase, indented, nulls kept.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DeployJson))]
[JsonSerializable(typeof(ConsentChangeJson))]
[JsonSerializable(typeof(ConsentCheckJson))]
[JsonSerializable(typeof(ConsentHistoryJson))]
[JsonSerializable(typeof(IReadOnlyList<AnchorJson>))]
[JsonSerializable(typeof(ShipmentChangeJson))]
[JsonSerializable(typeof(TimelineJson))]
[JsonSerializable(typeof(AwardJson))]
[JsonSerializable(typeof(ReversalJson))]
[JsonSerializable(typeof(RedemptionJson))]
[JsonSerializable(typeof(AccountJson))]
[JsonSerializable(typeof(TierJson))]
[JsonSerializable(typeof(DemoJson))]
internal sealed partial class DomainJsonContext : JsonSerializerContext
{
}

/// <summary>Serialises a result with its generated type information.</summary>
internal static class DomainJson
{
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);
}
