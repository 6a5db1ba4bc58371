using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>
/// A message for <c>eth_call</c>, <c>eth_estimateGas</c> and (from a node-managed account)
/// <c>eth_sendTransaction</c>. Unset optional fields are left out, so the node chooses them.
/// </summary>
public sealed record CallRequest
{
    /// <summary>The sender; <see langword="null"/> lets the node use the zero address (calls only).</summary>
    public Address? From { get; init; }

    /// <summary>The account or contract called; <see langword="null"/> simulates a contract creation whose init code is <see cref="Data"/>.</summary>
    public Address? To { get; init; }

    /// <summary>The calldata (or init code); empty for a plain transfer.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The wei sent along, or <see langword="null"/> for none.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>The gas limit, or <see langword="null"/> to let the node choose.</summary>
    public ulong? Gas { get; init; }

    /// <summary>Writes the request as a JSON-RPC transaction object.</summary>
    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (From is { } from)
        {
            writer.WritePropertyName("from");
            RpcJson.WriteAddress(writer, from);
        }

        if (To is { } to)
        {
            writer.WritePropertyName("to");
            RpcJson.WriteAddress(writer, to);
        }

        if (!Data.IsEmpty)
        {
            writer.WritePropertyName("data");
            RpcJson.WriteData(writer, Data.Span);
        }

        if (Value is { } value)
        {
            writer.WritePropertyName("value");
            RpcJson.WriteQuantity(writer, value);
        }

        if (Gas is { } gas)
        {
            writer.WritePropertyName("gas");
            RpcJson.WriteQuantity(writer, gas);
        }

        writer.WriteEndObject();
    }
}
