using System.Globalization;
using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Services.Traceability.Epcis;

namespace EthCx.Services.Traceability;

/// <summary>A shipment's id on chain: keccak256 of its SSCC as a canonical GS1 Digital Link (the hash under which its EPCIS events are indexed too).</summary>
/// <param name="Value">The id the tracker stores.</param>
public readonly record struct ShipmentId(Bytes32 Value)
{
    /// <summary>The id of the shipment with the given SSCC.</summary>
    /// <param name="sscc">An SSCC URN (<c>urn:epc:id:sscc:...</c>), Digital Link, or the 18 digits.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The value is not an SSCC.</exception>
    public static ShipmentId FromSscc(string sscc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sscc);
        string link = sscc.Length == 18 && sscc.All(char.IsAsciiDigit) ? $"{Gs1DigitalLink.Domain}/00/{sscc}" : Gs1DigitalLink.Canonicalise(sscc);
        return link.StartsWith(Gs1DigitalLink.Domain + "/00/", StringComparison.Ordinal)
            ? new ShipmentId(Bytes32.Keccak(Encoding.UTF8.GetBytes(link)))
            : throw new ArgumentException($"'{sscc}' is not an SSCC (urn:epc:id:sscc:..., a Digital Link with AI 00, or 18 digits).", nameof(sscc));
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}

/// <summary>A shipment's life cycle.</summary>
public enum ShipmentStatus : byte
{
    /// <summary>No shipment has the id.</summary>
    None = 0,

    /// <summary>Created and not yet delivered.</summary>
    InTransit = 1,

    /// <summary>Delivery confirmed by the receiver.</summary>
    Delivered = 2,
}

/// <summary>Why a shipment became non-conformant.</summary>
public enum BreachKind : byte
{
    /// <summary>One continuous excursion lasted longer than the profile allows.</summary>
    SingleExcursionTooLong = 0,

    /// <summary>The cumulative time out of range exceeded the excursion budget.</summary>
    ExcursionBudgetExceeded = 1,
}

/// <summary>A cold-chain condition profile: the temperature range and how long the goods may be outside it.</summary>
/// <param name="MinCelsius">Lowest allowed temperature, °C (two decimals on chain).</param>
/// <param name="MaxCelsius">Highest allowed temperature, °C; not below the minimum.</param>
/// <param name="MaxSingleExcursion">Longest allowed continuous excursion (whole seconds).</param>
/// <param name="ExcursionBudget">Allowed cumulative time out of range (whole seconds); exceeding it breaches the profile.</param>
public sealed record ColdChainProfile(decimal MinCelsius, decimal MaxCelsius, TimeSpan MaxSingleExcursion, TimeSpan ExcursionBudget)
{
    /// <summary>Whether a temperature is inside the range.</summary>
    /// <param name="celsius">The temperature, °C.</param>
    /// <returns>True when between the minimum and the maximum, inclusive.</returns>
    public bool InRange(decimal celsius) => celsius >= MinCelsius && celsius <= MaxCelsius;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{MinCelsius} to {MaxCelsius} °C, single excursion up to {MaxSingleExcursion.TotalSeconds:0} s, budget {ExcursionBudget.TotalSeconds:0} s");
}

/// <summary>A temperature reading of a sensor.</summary>
/// <param name="Time">When it was taken.</param>
/// <param name="Celsius">The temperature, °C.</param>
public readonly record struct TemperatureReading(DateTimeOffset Time, decimal Celsius);

/// <summary>A sensor's summary of one measurement window, as reported on chain (the raw readings stay off chain, committed by hash).</summary>
/// <param name="WindowStart">Start of the window (whole seconds).</param>
/// <param name="WindowEnd">End of the window; after the start and not in the future.</param>
/// <param name="MinCelsius">Lowest temperature measured.</param>
/// <param name="MaxCelsius">Highest temperature measured.</param>
/// <param name="MeanCelsius">Mean temperature.</param>
/// <param name="OutOfRange">Time out of the profile's range within the window.</param>
/// <param name="LongestExcursion">Longest continuous excursion ending in the window, including its part in earlier windows.</param>
/// <param name="RawDataHash">Hash of the raw readings.</param>
public sealed record SensorSummary(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    decimal MinCelsius,
    decimal MaxCelsius,
    decimal MeanCelsius,
    TimeSpan OutOfRange,
    TimeSpan LongestExcursion,
    Bytes32 RawDataHash)
{
    /// <summary>The excursion still running at the end of the window (not reported; pass it to the next window's summary).</summary>
    public TimeSpan TrailingExcursion { get; init; }

    /// <summary>
    /// Summarises readings of one window against a profile. Each reading holds until the next one (the first from the
    /// window start, the last until the window end); the mean is the readings' arithmetic mean rounded to 0.01 °C; the
    /// raw data hash is keccak256 of the readings as UTF-8 lines <c>unixSeconds,celsius</c>.
    /// </summary>
    /// <param name="readings">The readings, inside the window.</param>
    /// <param name="profile">The shipment's profile.</param>
    /// <param name="windowStart">Start of the window.</param>
    /// <param name="windowEnd">End of the window.</param>
    /// <param name="excursionBefore">An excursion running when the window starts (the previous summary's <see cref="TrailingExcursion"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">There are no readings, or one lies outside the window.</exception>
    public static SensorSummary FromReadings(IReadOnlyList<TemperatureReading> readings, ColdChainProfile profile, DateTimeOffset windowStart, DateTimeOffset windowEnd, TimeSpan excursionBefore = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(profile);
        if (readings.Count == 0)
        {
            throw new ArgumentException("A summary needs at least one reading.", nameof(readings));
        }

        TemperatureReading[] ordered = [.. readings.OrderBy(r => r.Time)];
        if (ordered[0].Time < windowStart || ordered[^1].Time > windowEnd)
        {
            throw new ArgumentException($"The readings run from {ordered[0].Time:O} to {ordered[^1].Time:O}, outside the window {windowStart:O} to {windowEnd:O}.", nameof(readings));
        }

        TimeSpan outOfRange = TimeSpan.Zero, longest = TimeSpan.Zero, current = excursionBefore;
        var raw = new StringBuilder();
        for (int i = 0; i < ordered.Length; i++)
        {
            DateTimeOffset from = i == 0 ? windowStart : ordered[i].Time;
            DateTimeOffset to = i + 1 < ordered.Length ? ordered[i + 1].Time : windowEnd;
            if (profile.InRange(ordered[i].Celsius))
            {
                current = TimeSpan.Zero;
            }
            else
            {
                outOfRange += to - from;
                current += to - from;
                longest = current > longest ? current : longest;
            }

            raw.Append(CultureInfo.InvariantCulture, $"{ordered[i].Time.ToUnixTimeSeconds()},{ordered[i].Celsius}\n");
        }

        return new SensorSummary(
            windowStart,
            windowEnd,
            ordered.Min(r => r.Celsius),
            ordered.Max(r => r.Celsius),
            Math.Round(ordered.Average(r => r.Celsius), 2, MidpointRounding.AwayFromZero),
            outOfRange,
            longest,
            Bytes32.Keccak(Encoding.UTF8.GetBytes(raw.ToString())))
        {
            TrailingExcursion = current,
        };
    }
}

/// <summary>A shipment as the tracker holds it now.</summary>
/// <param name="Id">The shipment id.</param>
/// <param name="Receiver">The party that confirms delivery.</param>
/// <param name="Custodian">The current custodian.</param>
/// <param name="PendingCustodian">The party offered custody; null when no offer is open.</param>
/// <param name="Status">The life-cycle status.</param>
/// <param name="Conformant">False once the profile has been breached; never true again.</param>
/// <param name="ExcursionUsed">Cumulative time out of range reported.</param>
/// <param name="LastReportEnd">End of the latest sensor window; null before the first report.</param>
/// <param name="CreatedAt">When the shipment was created.</param>
/// <param name="Profile">The condition profile.</param>
public sealed record ShipmentView(
    ShipmentId Id,
    Address Receiver,
    Address Custodian,
    Address? PendingCustodian,
    ShipmentStatus Status,
    bool Conformant,
    TimeSpan ExcursionUsed,
    DateTimeOffset? LastReportEnd,
    DateTimeOffset CreatedAt,
    ColdChainProfile Profile)
{
    /// <summary>The excursion budget still unused (zero once exhausted).</summary>
    public TimeSpan BudgetLeft => ExcursionUsed < Profile.ExcursionBudget ? Profile.ExcursionBudget - ExcursionUsed : TimeSpan.Zero;
}

/// <summary>A shipment change and the transaction that made it.</summary>
/// <param name="Shipment">The shipment after the change.</param>
/// <param name="Transaction">The transaction.</param>
public sealed record ShipmentChange(ShipmentView Shipment, TransactionSummary Transaction);

/// <summary>A breach of a shipment's profile, as a sensor report triggered it.</summary>
/// <param name="Kind">Which limit was breached.</param>
/// <param name="ExcursionUsed">Cumulative time out of range, including the breaching report.</param>
/// <param name="LongestExcursion">Longest single excursion of the breaching report.</param>
public sealed record ShipmentBreach(BreachKind Kind, TimeSpan ExcursionUsed, TimeSpan LongestExcursion);

/// <summary>A sensor report and what it did to the shipment.</summary>
/// <param name="Shipment">The shipment after the report.</param>
/// <param name="Breach">The breach this report caused; null when none (also when the shipment was already non-conformant).</param>
/// <param name="Transaction">The transaction.</param>
public sealed record SensorReportResult(ShipmentView Shipment, ShipmentBreach? Breach, TransactionSummary Transaction);

/// <summary>A custody acceptance signed by the party offered custody (EIP-712 <c>AcceptCustody</c>), for anyone to relay.</summary>
/// <param name="Shipment">The shipment.</param>
/// <param name="Party">The party who signed.</param>
/// <param name="AsConformant">The conformance the party accepts.</param>
/// <param name="Deadline">The last time the signature is valid (chain time).</param>
/// <param name="Signature">The party's signature.</param>
public sealed record SignedCustodyAcceptance(ShipmentId Shipment, Address Party, bool AsConformant, DateTimeOffset Deadline, Signature Signature);
