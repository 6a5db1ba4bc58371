using System.Buffers;
using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>
/// A contract event: name, fields (some indexed), and whether it is anonymous, with its canonical
/// <see cref="Signature"/> and <see cref="Topic0"/>. Decodes logs and encodes filter topics.
/// </summary>
/// <remarks>
/// An indexed value type (integer, address, bool, <c>bytesM</c>) is stored in its topic as its 32-byte
/// word. An indexed <c>string</c>, <c>bytes</c>, array or tuple is stored as the Keccak-256 of its
/// in-place encoding (see <see cref="EncodeTopic"/>), so the value cannot be recovered: decoding returns
/// that hash as a <see cref="Bytes32"/>.
/// </remarks>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;
    private readonly int _indexedCount;

    /// <summary>Creates an event description.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="parameters">The fields, with <see cref="AbiParameter.Indexed"/> set on topic fields.</param>
    /// <param name="anonymous">Whether the event is anonymous (no topic 0).</param>
    /// <exception cref="ArgumentException">The name is empty, or too many fields are indexed (3, or 4 when anonymous).</exception>
    public AbiEvent(string name, IReadOnlyList<AbiParameter> parameters, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        Name = name;
        Parameters = [.. parameters];
        Anonymous = anonymous;
        var dataTypes = new List<AbiType>();
        foreach (AbiParameter parameter in Parameters)
        {
            if (parameter.Indexed)
            {
                _indexedCount++;
            }
            else
            {
                dataTypes.Add(parameter.Type);
            }
        }

        int maxIndexed = anonymous ? 4 : 3;
        if (_indexedCount > maxIndexed)
        {
            throw new ArgumentException($"Event {name} has {_indexedCount} indexed fields; at most {maxIndexed} are allowed.", nameof(parameters));
        }

        _dataTypes = [.. dataTypes];
        Signature = AbiSignatures.Canonical(name, Parameters);
        Topic0 = Bytes32.Keccak(Encoding.UTF8.GetBytes(Signature));
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The fields in declaration order.</summary>
    public IReadOnlyList<AbiParameter> Parameters { get; }

    /// <summary>Whether the event is anonymous: its logs have no topic 0.</summary>
    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The Keccak-256 of the signature; topic 0 of the event's logs unless the event is anonymous.</summary>
    public Bytes32 Topic0 { get; }

    /// <summary>Parses <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>, optionally ending with <c>anonymous</c>.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FormatException">The signature is not valid.</exception>
    public static AbiEvent Parse(string signature)
    {
        ParsedSignature parsed = AbiSignatures.Parse(signature, "event", allowIndexed: true);
        try
        {
            return new AbiEvent(parsed.Name, parsed.Inputs, parsed.Modifiers.Contains("anonymous"));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Invalid signature '{signature}': {e.Message}", e);
        }
    }

    /// <summary>Decodes a log of this event into its field values in declaration order.</summary>
    /// <param name="topics">The log's topics.</param>
    /// <param name="data">The log's data.</param>
    /// <returns>
    /// One value per field; an indexed <c>string</c>, <c>bytes</c>, array or tuple yields the
    /// <see cref="Bytes32"/> hash stored in its topic.
    /// </returns>
    /// <exception cref="AbiDecodingException">The topics do not match the event, or the data is malformed.</exception>
    public object?[] DecodeLog(IReadOnlyList<Bytes32> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        int first = Anonymous ? 0 : 1;
        if (topics.Count != first + _indexedCount)
        {
            throw new AbiDecodingException($"Cannot decode log of event {Signature}: expected {first + _indexedCount} topics, got {topics.Count}.");
        }

        if (!Anonymous && topics[0] != Topic0)
        {
            throw new AbiDecodingException($"Cannot decode log of event {Signature}: topic 0 is {topics[0]}, not {Topic0}.");
        }

        object?[] dataValues = AbiDecoder.Decode(_dataTypes, data);
        var values = new object?[Parameters.Count];
        int topic = first;
        int dataIndex = 0;
        for (int i = 0; i < values.Length; i++)
        {
            AbiParameter parameter = Parameters[i];
            if (!parameter.Indexed)
            {
                values[i] = dataValues[dataIndex++];
            }
            else if (parameter.Type.IsValueType)
            {
                try
                {
                    values[i] = AbiDecoder.DecodeWord(parameter.Type, topics[topic++].Bytes);
                }
                catch (AbiDecodingException e)
                {
                    throw new AbiDecodingException($"Cannot decode topic {topic - 1} ({parameter}) of event {Signature}: {e.Reason}.", e);
                }
            }
            else
            {
                values[i] = topics[topic++];
            }
        }

        return values;
    }

    /// <summary>
    /// Encodes the topics of a log filter for this event: topic 0 (unless anonymous) followed by one
    /// topic per indexed field, in order. A null value (or a missing trailing one) matches anything.
    /// </summary>
    /// <param name="indexedValues">Values for the indexed fields, in order; null for "any".</param>
    /// <returns>The topics, with null for "any".</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or there are more values than indexed fields.</exception>
    public IReadOnlyList<Bytes32?> EncodeTopics(IReadOnlyList<object?> indexedValues)
    {
        ArgumentNullException.ThrowIfNull(indexedValues);
        if (indexedValues.Count > _indexedCount)
        {
            throw new AbiEncodingException(Signature, $"expected at most {_indexedCount} indexed values, got {indexedValues.Count}");
        }

        var topics = new List<Bytes32?>();
        if (!Anonymous)
        {
            topics.Add(Topic0);
        }

        int index = 0;
        foreach (AbiParameter parameter in Parameters)
        {
            if (!parameter.Indexed || index >= indexedValues.Count)
            {
                continue;
            }

            object? value = indexedValues[index++];
            topics.Add(value is null ? null : EncodeTopic(parameter.Type, value));
        }

        return topics;
    }

    /// <summary>
    /// The topic of one indexed value: a value type's 32-byte word, or for <c>string</c>, <c>bytes</c>,
    /// arrays and tuples the Keccak-256 of the in-place encoding defined by the Solidity ABI: the raw
    /// contents of a <c>string</c> or <c>bytes</c>; for arrays and tuples the concatenation of their
    /// items' in-place encodings, with each nested <c>string</c>/<c>bytes</c> padded to 32 bytes, and no
    /// offsets or lengths.
    /// </summary>
    /// <param name="type">The field type.</param>
    /// <param name="value">The value.</param>
    /// <returns>The topic.</returns>
    /// <exception cref="AbiEncodingException">The value does not fit its type.</exception>
    public static Bytes32 EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        var buffer = new ArrayBufferWriter<byte>(AbiType.WordSize);
        WritePreimage(type, value, buffer, nested: false);
        if (type.IsValueType)
        {
            return Bytes32.FromBytes(buffer.WrittenSpan);
        }

        return Bytes32.Keccak(buffer.WrittenSpan);
    }

    /// <summary>The human-readable form, e.g. <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder("event ").Append(Name);
        AbiSignatures.AppendParameters(builder, Parameters);
        return Anonymous ? builder.Append(" anonymous").ToString() : builder.ToString();
    }

    private static void WritePreimage(AbiType type, object? value, ArrayBufferWriter<byte> buffer, bool nested)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
            case AbiTypeKind.Text:
                byte[]? text = type.Kind == AbiTypeKind.Text ? AbiEncoder.Utf8Bytes(type, value) : null;
                ReadOnlySpan<byte> content = text ?? AbiEncoder.Bytes(type, value);
                int length = nested ? (content.Length + 31) & ~31 : content.Length;
                Span<byte> target = buffer.GetSpan(Math.Max(1, length))[..length];
                target.Clear();
                content.CopyTo(target);
                buffer.Advance(length);
                break;
            case AbiTypeKind.Array:
                var array = (AbiArray)type;
                int count = AbiEncoder.Count(array, value);
                AbiEncoder.CheckArrayLength(array, count);
                for (int i = 0; i < count; i++)
                {
                    WritePreimage(array.Element, AbiEncoder.Item(value, i), buffer, nested: true);
                }

                break;
            case AbiTypeKind.Tuple:
                var tuple = (AbiTuple)type;
                IReadOnlyList<object?> items = AbiEncoder.AsList(tuple, value);
                if (items.Count != tuple.Types.Count)
                {
                    throw new AbiEncodingException(tuple.CanonicalName, $"expected {tuple.Types.Count} values, got {items.Count}");
                }

                for (int i = 0; i < items.Count; i++)
                {
                    WritePreimage(tuple.Types[i], items[i], buffer, nested: true);
                }

                break;
            default:
                Span<byte> word = buffer.GetSpan(AbiType.WordSize)[..AbiType.WordSize];
                word.Clear();
                AbiEncoder.WriteWord(type, value, word);
                buffer.Advance(AbiType.WordSize);
                break;
        }
    }
}
