using System.Text;

namespace EthCx.Cli.Output;

/// <summary>How ethcx spells the domain's enum values: kebab case (<c>direct-marketing</c>), as the options take them.</summary>
internal static class DomainNames
{
    /// <summary>An enum value in kebab case; a combination of flags as its names joined by commas.</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        if (name.Contains(',', StringComparison.Ordinal))
        {
            return string.Join(",", name.Split(", ").Select(Kebab));
        }

        return Kebab(name);
    }

    /// <summary>The flags set in a value, each in kebab case.</summary>
    public static string[] Flags<T>(T value)
        where T : struct, Enum
    {
        ulong bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return [.. Enum.GetValues<T>()
            .Where(flag => Convert.ToUInt64(flag, System.Globalization.CultureInfo.InvariantCulture) is ulong f && f != 0 && (bits & f) == f)
            .Select(flag => Kebab(flag))];
    }

    /// <summary>A PascalCase name in kebab case.</summary>
    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsAsciiLetterLower(pascal[i + 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
