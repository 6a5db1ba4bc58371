using System.Globalization;
using System.Numerics;
using System.Text;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Cli.Output;

/// <summary>
/// Prints decoded ABI values the way <c>cast abi-decode</c> and <c>cast call</c> do: one top-level value
/// per line; integers in decimal, from 10,000 up followed by four significant digits in
/// scientific notation (<c>1000000 [1e6]</c>); addresses checksummed; bytes as hex; strings quoted
/// with Rust's escapes; arrays as <c>[a, b]</c> and tuples as <c>(a, b)</c>.
/// </summary>
internal static class CastValueFormatter
{
    private static readonly BigInteger ScientificFrom = 10_000;

    /// <summary>Formats values, one per line.</summary>
    /// <param name="types">The values' types.</param>
    /// <param name="values">The values, as the decoder returns them.</param>
    /// <returns>The lines joined with <c>\n</c>.</returns>
    public static string FormatLines(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            builder.Append(i > 0 ? "\n" : string.Empty);
            Append(builder, types[i], values[i]);
        }

        return builder.ToString();
    }

    /// <summary>An integer, with its scientific form in brackets from 10,000 up: <c>1234567 [1.234e6]</c>.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The text.</returns>
    public static string FormatInteger(BigInteger value)
    {
        string plain = value.ToString(CultureInfo.InvariantCulture);
        if (BigInteger.Abs(value) < ScientificFrom)
        {
            return plain;
        }

        string digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture);
        string mantissa = digits[..1];
        string fraction = digits[1..Math.Min(4, digits.Length)].TrimEnd('0');
        if (fraction.Length > 0)
        {
            mantissa += "." + fraction;
        }

        return $"{plain} [{(value.Sign < 0 ? "-" : string.Empty)}{mantissa}e{digits.Length - 1}]";
    }

    private static void Append(StringBuilder builder, AbiType type, object? value)
    {
        switch (value)
        {
            case BigInteger integer:
                builder.Append(FormatInteger(integer));
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case string text:
                AppendQuoted(builder, text);
                break;
            case byte[] bytes:
                builder.Append(Hex.Encode(bytes));
                break;
            case Address address:
                builder.Append(address.ToString());
                break;
            case IReadOnlyList<object?> items when type is AbiArray array:
                AppendList(builder, '[', ']', items, _ => array.Element);
                break;
            case IReadOnlyList<object?> items when type is AbiTuple tuple:
                AppendList(builder, '(', ')', items, i => tuple.Types[i]);
                break;
            default:
                builder.Append(AbiFormatter.Format(type, value));
                break;
        }
    }

    private static void AppendList(StringBuilder builder, char open, char close, IReadOnlyList<object?> items, Func<int, AbiType> typeOf)
    {
        builder.Append(open);
        for (int i = 0; i < items.Count; i++)
        {
            builder.Append(i > 0 ? ", " : string.Empty);
            Append(builder, typeOf(i), items[i]);
        }

        builder.Append(close);
    }

    /// <summary>Quotes a string with the escapes of Rust's <c>Debug</c>: <c>\" \\ \n \r \t \0</c> and <c>\u{..}</c> for other control and format characters.</summary>
    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (Rune rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\0':
                    builder.Append("\\0");
                    break;
                default:
                    if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
                    {
                        builder.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
