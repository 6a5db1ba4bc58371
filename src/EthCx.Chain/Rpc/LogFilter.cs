using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>
/// An <c>eth_getLogs</c> filter. <see cref="Topics"/> holds up to four positions; each is
/// <see langword="null"/> (any topic) or a list of alternatives (any of them), e.g.
/// <c>Topics = [[transferTopic], null, [aliceTopic, bobTopic]]</c>.
/// </summary>
public sealed record LogFilter
{
    /// <summary>The emitting contracts (any of them); empty for any contract.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>Topic positions 0..3: <see langword="null"/> matches anything, a list matches any of its topics.</summary>
    public IReadOnlyList<IReadOnlyList<Bytes32>?> Topics { get; init; } = [];

    /// <summary>The first block searched; <see langword="null"/> leaves the node's default (latest).</summary>
    public BlockParameter? FromBlock { get; init; }

    /// <summary>The last block searched; <see langword="null"/> leaves the node's default (latest).</summary>
    public BlockParameter? ToBlock { get; init; }

    /// <summary>Searches this one block instead of a range (EIP-234); excludes <see cref="FromBlock"/> and <see cref="ToBlock"/>.</summary>
    public Bytes32? BlockHash { get; init; }

    /// <summary>Writes the filter as a JSON-RPC filter object (validated by <see cref="Validate"/> when the request was built).</summary>
    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Addresses.Count == 1)
        {
            writer.WritePropertyName("address");
            RpcJson.WriteAddress(writer, Addresses[0]);
        }
        else if (Addresses.Count > 1)
        {
            writer.WriteStartArray("address");
            foreach (Address address in Addresses)
            {
                RpcJson.WriteAddress(writer, address);
            }

            writer.WriteEndArray();
        }

        if (Topics.Count > 0)
        {
            writer.WriteStartArray("topics");
            foreach (IReadOnlyList<Bytes32>? position in Topics)
            {
                WriteTopicPosition(writer, position);
            }

            writer.WriteEndArray();
        }

        if (FromBlock is { } from)
        {
            writer.WriteString("fromBlock", from.ToString());
        }

        if (ToBlock is { } to)
        {
            writer.WriteString("toBlock", to.ToString());
        }

        if (BlockHash is { } hash)
        {
            writer.WritePropertyName("blockHash");
            RpcJson.WriteBytes32(writer, hash);
        }

        writer.WriteEndObject();
    }

    private static void WriteTopicPosition(Utf8JsonWriter writer, IReadOnlyList<Bytes32>? position)
    {
        if (position is null)
        {
            writer.WriteNullValue();
        }
        else if (position.Count == 1)
        {
            RpcJson.WriteBytes32(writer, position[0]);
        }
        else
        {
            writer.WriteStartArray();
            foreach (Bytes32 topic in position)
            {
                RpcJson.WriteBytes32(writer, topic);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Checks the filter.</summary>
    /// <exception cref="ArgumentException">More than four topic positions, an empty alternative list, or a block hash combined with a range.</exception>
    internal void Validate()
    {
        if (Topics.Count > 4)
        {
            throw new ArgumentException($"A log has at most 4 topics; the filter has {Topics.Count} positions.", nameof(Topics));
        }

        for (int i = 0; i < Topics.Count; i++)
        {
            if (Topics[i] is { Count: 0 })
            {
                throw new ArgumentException($"Topic position {i} is an empty list, which would match nothing; use null to match any topic.", nameof(Topics));
            }
        }

        if (BlockHash is not null && (FromBlock is not null || ToBlock is not null))
        {
            throw new ArgumentException("A log filter takes either BlockHash or FromBlock/ToBlock, not both.", nameof(BlockHash));
        }
    }
}
