using System.Globalization;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Cli.Output;

/// <summary>
/// Prints a receipt as <c>cast receipt</c> does: a blank line, then one <c>name value</c> line per
/// field, names padded to 20 columns, logs as JSON-RPC JSON. Fields the node gives but EthCx does
/// not model (<c>logsBloom</c>, <c>root</c>, blob gas) are left out.
/// </summary>
internal static class ReceiptFormatter
{
    /// <summary>The field names a single-field query accepts, in the order the table shows them.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
    [
        "blockHash", "blockNumber", "contractAddress", "cumulativeGasUsed", "effectiveGasPrice", "from",
        "gasUsed", "logs", "status", "transactionHash", "transactionIndex", "type", "to",
    ];

    /// <summary>The whole table.</summary>
    public static string Format(TransactionReceipt receipt)
    {
        var builder = new StringBuilder();
        foreach (string name in FieldNames)
        {
            if (name == "to" && receipt.To is null)
            {
                continue;
            }

            string value = name == "status" ? (receipt.Succeeded ? "1 (success)" : "0 (failed)") : Field(receipt, name)!;
            builder.Append('\n').Append(name.PadRight(20)).Append(' ').Append(value);
        }

        return builder.ToString();
    }

    /// <summary>One field as <c>cast receipt TX FIELD</c> prints it, or <see langword="null"/> for an unknown name.</summary>
    public static string? Field(TransactionReceipt receipt, string name) => name switch
    {
        "blockHash" => receipt.BlockHash.ToString(),
        "blockNumber" => Number(receipt.BlockNumber),
        "contractAddress" => receipt.ContractAddress?.ToString() ?? string.Empty,
        "cumulativeGasUsed" => Number(receipt.CumulativeGasUsed),
        "effectiveGasPrice" => receipt.EffectiveGasPrice.ToString(CultureInfo.InvariantCulture),
        "from" => receipt.From.ToString(),
        "gasUsed" => Number(receipt.GasUsed),
        "logs" => LogsJson(receipt.Logs),
        "status" => receipt.Succeeded ? "true" : "false",
        "transactionHash" => receipt.TransactionHash.ToString(),
        "transactionIndex" => Number(receipt.TransactionIndex),
        "type" => Number(receipt.Type),
        "to" => receipt.To?.ToString() ?? string.Empty,
        _ => null,
    };

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LogsJson(IReadOnlyList<Log> logs)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (Log log in logs)
            {
                json.WriteStartObject();
                json.WriteString("address", log.Address.ToLowerHex());
                json.WriteStartArray("topics");
                foreach (Bytes32 topic in log.Topics)
                {
                    json.WriteStringValue(topic.ToString());
                }

                json.WriteEndArray();
                json.WriteString("data", Hex.Encode(log.Data.Span));
                json.WriteString("blockHash", log.BlockHash.ToString());
                json.WriteString("blockNumber", Quantity(log.BlockNumber));
                json.WriteString("transactionHash", log.TransactionHash.ToString());
                json.WriteString("transactionIndex", Quantity(log.TransactionIndex));
                json.WriteString("logIndex", Quantity(log.LogIndex));
                json.WriteBoolean("removed", log.Removed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Quantity(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
