namespace EthCx.Services.Traceability.Epcis;

/// <summary>CBV business steps, with the codes the tracker stores (contracts/README.md, version 1).</summary>
public enum BusinessStep : byte
{
    /// <summary>No business step given.</summary>
    Unspecified = 0,

    /// <summary>commissioning.</summary>
    Commissioning = 1,

    /// <summary>packing.</summary>
    Packing = 2,

    /// <summary>shipping.</summary>
    Shipping = 3,

    /// <summary>departing.</summary>
    Departing = 4,

    /// <summary>arriving.</summary>
    Arriving = 5,

    /// <summary>receiving.</summary>
    Receiving = 6,

    /// <summary>accepting.</summary>
    Accepting = 7,

    /// <summary>inspecting.</summary>
    Inspecting = 8,

    /// <summary>storing.</summary>
    Storing = 9,

    /// <summary>loading.</summary>
    Loading = 10,

    /// <summary>unloading.</summary>
    Unloading = 11,

    /// <summary>transporting.</summary>
    Transporting = 12,

    /// <summary>sensor_reporting.</summary>
    SensorReporting = 13,

    /// <summary>retail_selling.</summary>
    RetailSelling = 14,

    /// <summary>decommissioning.</summary>
    Decommissioning = 15,

    /// <summary>destroying.</summary>
    Destroying = 16,

    /// <summary>holding.</summary>
    Holding = 17,

    /// <summary>Any other step, including user-defined ones.</summary>
    Other = 18,
}

/// <summary>CBV dispositions, with the codes the tracker stores (contracts/README.md, version 1).</summary>
public enum Disposition : byte
{
    /// <summary>No disposition given (or a user-defined one the table does not hold).</summary>
    Unspecified = 0,

    /// <summary>active.</summary>
    Active = 1,

    /// <summary>in_progress.</summary>
    InProgress = 2,

    /// <summary>in_transit.</summary>
    InTransit = 3,

    /// <summary>sellable_accessible.</summary>
    SellableAccessible = 4,

    /// <summary>sellable_not_accessible.</summary>
    SellableNotAccessible = 5,

    /// <summary>retail_sold.</summary>
    RetailSold = 6,

    /// <summary>returned.</summary>
    Returned = 7,

    /// <summary>damaged.</summary>
    Damaged = 8,

    /// <summary>expired.</summary>
    Expired = 9,

    /// <summary>recalled.</summary>
    Recalled = 10,

    /// <summary>destroyed.</summary>
    Destroyed = 11,

    /// <summary>conformant.</summary>
    Conformant = 12,

    /// <summary>non_conformant.</summary>
    NonConformant = 13,

    /// <summary>stolen.</summary>
    Stolen = 14,

    /// <summary>unknown.</summary>
    Unknown = 15,
}

/// <summary>CBV error-declaration reasons, with the codes the tracker stores.</summary>
public enum ErrorReason : byte
{
    /// <summary>did_not_occur.</summary>
    DidNotOccur = 1,

    /// <summary>incorrect_data.</summary>
    IncorrectData = 2,
}

/// <summary>The CBV vocabulary: bare names (as EPCIS 2.0 JSON-LD writes them) and their codes and web URIs.</summary>
public static class Cbv
{
    /// <summary>The CBV web vocabulary base.</summary>
    public const string WebBase = "https://ref.gs1.org/cbv/";

    private static readonly string[] StepNames =
    [
        string.Empty, "commissioning", "packing", "shipping", "departing", "arriving", "receiving", "accepting", "inspecting", "storing",
        "loading", "unloading", "transporting", "sensor_reporting", "retail_selling", "decommissioning", "destroying", "holding", "other",
    ];

    private static readonly string[] DispositionNames =
    [
        string.Empty, "active", "in_progress", "in_transit", "sellable_accessible", "sellable_not_accessible", "retail_sold", "returned",
        "damaged", "expired", "recalled", "destroyed", "conformant", "non_conformant", "stolen", "unknown",
    ];

    /// <summary>The bare CBV name of a business step (e.g. <c>shipping</c>).</summary>
    /// <param name="step">The step.</param>
    /// <returns>The name; empty for <see cref="BusinessStep.Unspecified"/>.</returns>
    public static string NameOf(BusinessStep step) => StepNames[(int)step];

    /// <summary>The bare CBV name of a disposition (e.g. <c>in_transit</c>).</summary>
    /// <param name="disposition">The disposition.</param>
    /// <returns>The name; empty for <see cref="Disposition.Unspecified"/>.</returns>
    public static string NameOf(Disposition disposition) => DispositionNames[(int)disposition];

    /// <summary>The business step of a bare name or CBV web URI; <see cref="BusinessStep.Other"/> for any other value.</summary>
    /// <param name="value">The value as an event carries it.</param>
    /// <returns>The step.</returns>
    public static BusinessStep StepOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return BusinessStep.Unspecified;
        }

        int index = Array.IndexOf(StepNames, Strip(value, "BizStep-", "urn:epcglobal:cbv:bizstep:"));
        return index > 0 ? (BusinessStep)index : BusinessStep.Other;
    }

    /// <summary>The disposition of a bare name or CBV web URI; <see cref="Disposition.Unspecified"/> for a value outside the table.</summary>
    /// <param name="value">The value as an event carries it.</param>
    /// <returns>The disposition.</returns>
    public static Disposition DispositionOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Disposition.Unspecified;
        }

        int index = Array.IndexOf(DispositionNames, Strip(value, "Disp-", "urn:epcglobal:cbv:disp:"));
        return index > 0 ? (Disposition)index : Disposition.Unspecified;
    }

    private static string Strip(string value, string webPrefix, string urnPrefix)
    {
        string trimmed = value.Trim();
        return trimmed.StartsWith(WebBase + webPrefix, StringComparison.Ordinal) ? trimmed[(WebBase.Length + webPrefix.Length)..]
            : trimmed.StartsWith(urnPrefix, StringComparison.Ordinal) ? trimmed[urnPrefix.Length..]
            : trimmed;
    }
}
