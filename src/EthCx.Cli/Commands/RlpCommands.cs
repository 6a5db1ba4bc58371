using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;
using EthCx.Cli.Input;

namespace EthCx.Cli.Commands;

/// <summary>RLP: <c>to-rlp</c> and <c>from-rlp</c>, with cast's JSON-ish syntax.</summary>
internal static class RlpCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(ToRlp());
        root.Subcommands.Add(FromRlp());
    }

    private static Command ToRlp()
    {
        var value = new Argument<string>("VALUE")
        {
            Description = "A hex string (0x optional), a non-negative integer, or a JSON array of these, nested to any depth: [\"0x01\",[\"0x02\"],7].",
        };
        var command = new Command("to-rlp", "RLP-encode hex data, or an array of hex data.") { value };
        CliCommand.SetAction(command, parse =>
        {
            string text = parse.GetValue(value)!;
            return Hex.Encode(ToItem(text).Encode());
        });
        return command;
    }

    private static Command FromRlp()
    {
        var value = new Argument<string>("VALUE") { Description = "The RLP encoding, as hex." };
        var asInt = new Option<bool>("--as-int", "--int") { Description = "Print a top-level byte string as a decimal integer." };
        var command = new Command("from-rlp", "Decode RLP into hex strings and arrays (strictly: non-canonical or trailing bytes are refused).") { value, asInt };
        CliCommand.SetAction(command, parse =>
        {
            byte[] encoded = CliParse.Hex(parse.GetValue(value)!, "<VALUE>");
            RlpItem item;
            try
            {
                item = RlpDecoder.Decode(encoded);
                return parse.GetValue(asInt) && !item.IsList
                    ? item.ToBigInteger().ToString(CultureInfo.InvariantCulture)
                    : AppendJson(new StringBuilder(), item).ToString();
            }
            catch (RlpException error)
            {
                throw new CliInputException("<VALUE>", error.Message, error);
            }
        });
        return command;
    }

    /// <summary>Reads cast's input: JSON when it parses as JSON, else one hex string.</summary>
    private static RlpItem ToItem(string text)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = RlpDecoder.MaxDepth });
        }
        catch (JsonException)
        {
            return HexItem(text);
        }

        using (document)
        {
            return ToItem(document.RootElement);
        }
    }

    private static RlpItem ToItem(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.List(element.EnumerateArray().Select(ToItem)),
        JsonValueKind.String => HexItem(element.GetString()!),
        JsonValueKind.Number => RlpItem.FromInteger(Integer(element.GetRawText())),
        JsonValueKind.Null => RlpItem.EmptyString,
        JsonValueKind.True or JsonValueKind.False => throw new CliInputException("<VALUE>", "RLP input can not contain booleans"),
        _ => throw new CliInputException("<VALUE>", "RLP input can not contain objects"),
    };

    private static RlpItem HexItem(string text) => RlpItem.FromBytes(CliParse.Hex(text, "<VALUE>"));

    private static BigInteger Integer(string text) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger value)
            ? value
            : throw new CliInputException("<VALUE>", $"'{text}' is not a non-negative integer");

    /// <summary>cast's output: strings as <c>"0x.."</c>, lists as <c>[a,b]</c> without spaces.</summary>
    private static StringBuilder AppendJson(StringBuilder builder, RlpItem item)
    {
        if (!item.IsList)
        {
            return builder.Append('"').Append(Hex.Encode(item.Bytes.Span)).Append('"');
        }

        builder.Append('[');
        for (int i = 0; i < item.Items.Count; i++)
        {
            AppendJson(builder.Append(i > 0 ? "," : string.Empty), item.Items[i]);
        }

        return builder.Append(']');
    }
}
