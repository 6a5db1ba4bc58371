using System.Globalization;
using System.Numerics;
using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>Formats decoded ABI values for people: logs, error messages, the CLI.</summary>
public static class AbiFormatter
{
    /// <summary>
    /// Formats a value of <paramref name="type"/>: integers in decimal, addresses with their EIP-55
    /// checksum, bytes as <c>0x</c> hex, strings quoted, arrays as <c>[a, b]</c>, tuples as <c>(a, b)</c>.
    /// </summary>
    /// <param name="type">The value's ABI type.</param>
    /// <param name="value">The value, as the decoder returns it.</param>
    /// <returns>The text.</returns>
    public static string Format(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        var builder = new StringBuilder();
        Append(builder, type, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, AbiType type, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case BigInteger integer:
                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
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
            case Address or Bytes32:
                builder.Append(value);
                break;
            case IReadOnlyList<object?> items when type is AbiArray array:
                builder.Append('[');
                for (int i = 0; i < items.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty);
                    Append(builder, array.Element, items[i]);
                }

                builder.Append(']');
                break;
            case IReadOnlyList<object?> items when type is AbiTuple tuple && items.Count == tuple.Types.Count:
                builder.Append('(');
                for (int i = 0; i < items.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty);
                    Append(builder, tuple.Types[i], items[i]);
                }

                builder.Append(')');
                break;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (char c in text)
        {
            switch (c)
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
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
