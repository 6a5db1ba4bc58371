using System.Text.Json;
using EthCx.Chain.Rpc;

namespace EthCx.Cli.Domain;

/// <summary>
/// Passes every request to the node and, for the transactions the command sends, writes one progress line per step on
/// a writer (stderr): sent, still waiting (with the node's latest block), mined (block and gas). Nothing else is shown;
/// in particular no request body, which for <c>eth_sendRawTransaction</c> is only signed data anyway.
/// </summary>
internal sealed class ProgressTransport(IRpcTransport inner, TextWriter? progress) : IRpcTransport
{
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> request, string description, CancellationToken cancellationToken = default)
    {
        byte[] answer = await inner.SendAsync(request, description, cancellationToken).ConfigureAwait(false);
        if (progress is not null && description is "eth_sendRawTransaction" or "eth_getTransactionReceipt")
        {
            await ReportAsync(request, answer, description, cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }

    private async Task ReportAsync(ReadOnlyMemory<byte> request, byte[] answer, string method, CancellationToken cancellationToken)
    {
        using JsonDocument response = JsonDocument.Parse(answer);
        if (!response.RootElement.TryGetProperty("result", out JsonElement result))
        {
            return;
        }

        if (method == "eth_sendRawTransaction")
        {
            await progress!.WriteLineAsync($"sent {Short(result.GetString())}").ConfigureAwait(false);
            return;
        }

        using JsonDocument sent = JsonDocument.Parse(request);
        string? hash = sent.RootElement.TryGetProperty("params", out JsonElement parameters) && parameters.GetArrayLength() > 0 ? parameters[0].GetString() : null;
        if (hash is null)
        {
            return;
        }

        if (result.ValueKind == JsonValueKind.Null)
        {
            if (_waiting.Add(hash))
            {
                string block = await LatestBlockAsync(cancellationToken).ConfigureAwait(false);
                await progress!.WriteLineAsync($"waiting for {Short(hash)} (latest block {block})").ConfigureAwait(false);
            }

            return;
        }

        _waiting.Remove(hash);
        string number = Quantity(result, "blockNumber");
        string gas = Quantity(result, "gasUsed");
        await progress!.WriteLineAsync($"mined {Short(hash)} in block {number}, {gas} gas").ConfigureAwait(false);
    }

    private async Task<string> LatestBlockAsync(CancellationToken cancellationToken)
    {
        try
        {
            byte[] answer = await inner.SendAsync("""{"jsonrpc":"2.0","id":0,"method":"eth_blockNumber","params":[]}"""u8.ToArray(), "eth_blockNumber", cancellationToken).ConfigureAwait(false);
            using JsonDocument response = JsonDocument.Parse(answer);
            return Quantity(response.RootElement, "result");
        }
        catch (Exception error) when (error is RpcTransportException or JsonException)
        {
            return "unknown";
        }
    }

    private static string Quantity(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.GetString() is string hex && hex.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(hex.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out ulong number)
            ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "?";

    private static string Short(string? hash) => hash is { Length: > 14 } ? $"{hash[..10]}…{hash[^4..]}" : hash ?? "?";
}
