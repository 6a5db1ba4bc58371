using System.Globalization;

namespace EthCx.Services.Traceability.Epcis;

/// <summary>
/// Converts GS1 identifiers to the constrained canonical GS1 Digital Link URI the EPCIS event hash uses (CBV 2.0,
/// section 8.9, rules 17 and 18): EPC URNs (<c>urn:epc:id:</c>, <c>urn:epc:class:</c>, <c>urn:epc:idpat:</c>) of the
/// schemes below become <c>https://id.gs1.org/...</c>; a Digital Link URI on any domain keeps only its primary key and
/// the finest key qualifier (query string dropped; a GTIN padded to 14 digits).
/// </summary>
/// <remarks>
/// Schemes converted: sgtin, sscc, sgln, pgln, grai, giai, gsrn, gdti, lgtin (class) and sgtin patterns. Other EPC
/// schemes (e.g. cpi, sgcn, itip, upui) are left as they are; the hash is still deterministic, but another
/// implementation that converts them would compute a different id for such events.
/// </remarks>
public static class Gs1DigitalLink
{
    /// <summary>The canonical Digital Link domain.</summary>
    public const string Domain = "https://id.gs1.org";

    private static readonly HashSet<string> PrimaryKeys = ["00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8017", "8018"];

    /// <summary>The canonical Digital Link of an identifier, or the identifier unchanged when it is not one this class converts.</summary>
    /// <param name="identifier">An EPC URN, a Digital Link URI or anything else.</param>
    /// <returns>The canonical form.</returns>
    public static string Canonicalise(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        string value = identifier.Trim();
        return TryFromEpcUrn(value, out string? link) || TryConstrain(value, out link) ? link! : value;
    }

    /// <summary>Converts an EPC URN to its canonical Digital Link.</summary>
    /// <param name="urn">The URN, e.g. <c>urn:epc:id:sgtin:0614141.107346.2017</c>.</param>
    /// <param name="link">The Digital Link, e.g. <c>https://id.gs1.org/01/10614141073464/21/2017</c>.</param>
    /// <returns>Whether the URN is of a converted scheme and well formed.</returns>
    public static bool TryFromEpcUrn(string urn, out string? link)
    {
        ArgumentNullException.ThrowIfNull(urn);
        link = null;
        string[] head = urn.Split(':', 5);
        if (head.Length != 5 || head[0] != "urn" || head[1] != "epc")
        {
            return false;
        }

        string[] parts = head[4].Split('.');
        link = (head[2], head[3], parts.Length) switch
        {
            ("id", "sgtin", 3) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 13 => $"{Domain}/01/{Gtin(parts[0], parts[1])}/21/{parts[2]}",
            ("idpat", "sgtin", 3) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 13 && parts[2] == "*" => $"{Domain}/01/{Gtin(parts[0], parts[1])}",
            ("class", "lgtin", 3) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 13 => $"{Domain}/01/{Gtin(parts[0], parts[1])}/10/{parts[2]}",
            ("id", "sscc", 2) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 17 => $"{Domain}/00/{WithCheckDigit(parts[1][..1] + parts[0] + parts[1][1..])}",
            ("id", "sgln", 3) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 12 => $"{Domain}/414/{WithCheckDigit(parts[0] + parts[1])}" + (parts[2] == "0" ? string.Empty : $"/254/{parts[2]}"),
            ("id", "pgln", 2) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 12 => $"{Domain}/417/{WithCheckDigit(parts[0] + parts[1])}",
            ("id", "grai", 3) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 12 => $"{Domain}/8003/0{WithCheckDigit(parts[0] + parts[1])}{parts[2]}",
            ("id", "giai", 2) when Digits(parts[0]) => $"{Domain}/8004/{parts[0]}{parts[1]}",
            ("id", "gsrn", 2) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 17 => $"{Domain}/8018/{WithCheckDigit(parts[0] + parts[1])}",
            ("id", "gdti", 3) when Digits(parts[0], parts[1]) && parts[0].Length + parts[1].Length == 12 => $"{Domain}/253/{WithCheckDigit(parts[0] + parts[1])}{parts[2]}",
            _ => null,
        };
        return link is not null;
    }

    /// <summary>Constrains a Digital Link URI on any domain to the canonical form.</summary>
    /// <param name="uri">The URI.</param>
    /// <param name="link">The constrained URI.</param>
    /// <returns>Whether the URI is a Digital Link (an http(s) URI whose path holds a GS1 primary key).</returns>
    public static bool TryConstrain(string uri, out string? link)
    {
        ArgumentNullException.ThrowIfNull(uri);
        link = null;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        string[] segments = parsed.AbsolutePath.Trim('/').Split('/');
        int start = Array.FindIndex(segments, segment => PrimaryKeys.Contains(segment));
        if (start < 0 || (segments.Length - start) % 2 != 0)
        {
            return false;
        }

        var pairs = new List<(string Ai, string Value)>();
        for (int i = start; i < segments.Length; i += 2)
        {
            pairs.Add((segments[i], segments[i + 1]));
        }

        (string key, string keyValue) = pairs[0];
        if (key == "01" && keyValue.Length is 8 or 12 or 13 && Digits(keyValue))
        {
            keyValue = keyValue.PadLeft(14, '0');
        }

        string? qualifier = key switch
        {
            "01" => First(pairs, "21", "10", "235"),
            "414" => First(pairs, "254"),
            "8006" => First(pairs, "21", "10"),
            "8010" => First(pairs, "8011"),
            _ => null,
        };
        link = $"{Domain}/{key}/{keyValue}{qualifier}";
        return true;
    }

    /// <summary>The GS1 mod-10 check digit of a digit string.</summary>
    /// <param name="digits">The digits without the check digit.</param>
    /// <returns>The check digit, 0 to 9.</returns>
    public static int CheckDigit(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static string? First(List<(string Ai, string Value)> pairs, params string[] qualifiers)
    {
        foreach (string ai in qualifiers)
        {
            int index = pairs.FindIndex(1, pair => pair.Ai == ai);
            if (index > 0)
            {
                return $"/{ai}/{pairs[index].Value}";
            }
        }

        return null;
    }

    private static string Gtin(string companyPrefix, string indicatorAndItem) => WithCheckDigit(indicatorAndItem[..1] + companyPrefix + indicatorAndItem[1..]);

    private static string WithCheckDigit(string digits) => digits + CheckDigit(digits).ToString(CultureInfo.InvariantCulture);

    private static bool Digits(params string[] values) => values.All(value => value.Length > 0 && value.All(char.IsAsciiDigit));
}
