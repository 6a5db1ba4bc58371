using System.Globalization;
using EthCx.Chain.Primitives;
using EthCx.Cli.Output;
using EthCx.Services;
using EthCx.Services.Consent;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;

namespace EthCx.Cli.Input;

/// <summary>
/// Reads the EthCx commands' domain values from command-line text (purposes, data elements, times, durations,
/// temperatures, document hashes); a bad value becomes a <see cref="CliInputException"/> naming the argument.
/// </summary>
internal static class DomainParse
{
    /// <summary>
    /// An enum value by name, in kebab case as ethcx prints it (<c>direct-marketing</c>), in any case, with or without
    /// dashes (<c>DirectMarketing</c>), or by its number.
    /// </summary>
    public static T Enum<T>(string text, string argument)
        where T : struct, Enum
    {
        string wanted = Normalise(text);
        foreach (T value in System.Enum.GetValues<T>())
        {
            if (Normalise(value.ToString()) == wanted)
            {
                return value;
            }
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong number))
        {
            foreach (T value in System.Enum.GetValues<T>())
            {
                if (Convert.ToUInt64(value, CultureInfo.InvariantCulture) == number)
                {
                    return value;
                }
            }
        }

        throw new CliInputException(argument, $"'{text}' is not one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => DomainNames.Kebab(v)))}");
    }

    /// <summary>Data elements as a comma-separated list of names (<c>contact,purchase-history</c>).</summary>
    public static DataElements Elements(string text, string argument)
    {
        DataElements elements = DataElements.None;
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            DataElements element = Enum<DataElements>(name, argument);
            elements |= element != DataElements.None ? element : throw new CliInputException(argument, "'none' is not a data element");
        }

        return elements != DataElements.None ? elements : throw new CliInputException(argument, "name at least one data element");
    }

    /// <summary>A point in time: ISO 8601 (UTC unless an offset is given) or Unix seconds.</summary>
    public static DateTimeOffset Time(string text, string argument)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time)
            ? time
            : throw new CliInputException(argument, $"'{text}' is not an ISO 8601 time or Unix seconds");
    }

    /// <summary>A duration: a number of seconds, or a number with a unit s, m, h or d (<c>30m</c>).</summary>
    public static TimeSpan Duration(string text, string argument)
    {
        string trimmed = text.Trim();
        (string number, double unit) = trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1])
            ? (trimmed[..^1], char.ToLowerInvariant(trimmed[^1]) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86400,
                _ => throw new CliInputException(argument, $"'{text}' has an unknown unit; use s, m, h or d"),
            })
            : (trimmed, 1d);
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && value * unit < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(Math.Round(value * unit))
            : throw new CliInputException(argument, $"'{text}' is not a duration (seconds, or a number with s, m, h or d)");
    }

    /// <summary>A temperature in degrees Celsius (<c>-18</c>, <c>4.5</c>).</summary>
    public static decimal Celsius(string text, string argument) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw new CliInputException(argument, $"'{text}' is not a temperature in °C");

    /// <summary>A positive number of points.</summary>
    public static long Points(string text, string argument) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0
            ? value
            : throw new CliInputException(argument, $"'{text}' is not a positive whole number of points");

    /// <summary>
    /// The commitment to an off-chain document: a <c>0x</c> hash as is, else the keccak256 of the named file's bytes,
    /// else the keccak256 of the text itself (an order or record id).
    /// </summary>
    public static Bytes32 Document(string text, string argument)
    {
        if (IsHash(text))
        {
            return CliParse.Hash(text, argument);
        }

        try
        {
            return File.Exists(text) ? DocumentHash.Of(File.ReadAllBytes(text)) : DocumentHash.Of(text);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException(argument, $"the file could not be read: {error.Message}");
        }
    }

    /// <summary>A shipment by its SSCC (<c>urn:epc:id:sscc:...</c>, a Digital Link with AI 00, or the 18 digits).</summary>
    public static ShipmentId Shipment(string text, string argument)
    {
        try
        {
            return ShipmentId.FromSscc(text);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            throw new CliInputException(argument, $"'{text}' is not an SSCC (urn:epc:id:sscc:..., a GS1 Digital Link with AI 00, or 18 digits)");
        }
    }

    /// <summary>A purchase by its order id (only its keccak256 goes on chain), or a <c>0x</c> reference hash as is.</summary>
    public static PurchaseReference Purchase(string text, string argument) =>
        IsHash(text) ? new PurchaseReference(CliParse.Hash(text, argument))
            : !string.IsNullOrWhiteSpace(text) ? PurchaseReference.FromOrderId(text)
            : throw new CliInputException(argument, "the order id is empty");

    /// <summary>A reward by its id (only its keccak256 goes on chain), or a <c>0x</c> reference hash as is.</summary>
    public static RewardReference Reward(string text, string argument) =>
        IsHash(text) ? new RewardReference(CliParse.Hash(text, argument))
            : !string.IsNullOrWhiteSpace(text) ? RewardReference.FromRewardId(text)
            : throw new CliInputException(argument, "the reward id is empty");

    /// <summary>Loyalty tier thresholds as a comma-separated list of ascending lifetime points (<c>100,500,2000</c>); empty for none.</summary>
    public static uint[] Tiers(string text, string argument)
    {
        string[] parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        uint[] tiers = new uint[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            tiers[i] = uint.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out uint value) && value > 0 && (i == 0 || value > tiers[i - 1])
                ? value
                : throw new CliInputException(argument, $"'{parts[i]}' is not a positive whole number above the threshold before it");
        }

        return tiers.Length <= 8 ? tiers : throw new CliInputException(argument, $"at most 8 tiers, not {tiers.Length}");
    }

    /// <summary>Reads a text file named by an argument.</summary>
    public static string ReadText(string path, string argument)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException(argument, $"'{path}' could not be read: {error.Message}");
        }
    }

    private static bool IsHash(string text) => text.StartsWith("0x", StringComparison.Ordinal) && text.Length == 66;

    private static string Normalise(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
