using System.Numerics;
using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rlp;

/// <summary>
/// One RLP item: either a byte string or a list of items. Immutable; equality is structural
/// (same kind, same bytes, same children) and ignores <see cref="Offset"/>. The accessors that
/// expect a shape (<see cref="Bytes"/>, <see cref="Items"/>, <see cref="ToBigInteger"/>, ...)
/// throw <see cref="RlpException"/> naming the offset, so decoding untrusted input needs no
/// other checks.
/// </summary>
public sealed class RlpItem : IEquatable<RlpItem>
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly RlpItem[]? _items;

    private RlpItem(ReadOnlyMemory<byte> bytes, int offset)
    {
        _bytes = bytes;
        Offset = offset;
        PayloadLength = bytes.Length;
        EncodedLength = RlpEncoder.GetStringLength(bytes.Span);
    }

    private RlpItem(RlpItem[] items, int offset)
    {
        _items = items;
        Offset = offset;
        int payload = 0;
        foreach (RlpItem item in items)
        {
            payload = checked(payload + item.EncodedLength);
        }

        PayloadLength = payload;
        EncodedLength = checked(RlpEncoder.GetHeaderLength(payload) + payload);
    }

    /// <summary>The empty byte string, encoded <c>0x80</c> (also the integer zero).</summary>
    public static RlpItem EmptyString { get; } = new(ReadOnlyMemory<byte>.Empty, 0);

    /// <summary>The empty list, encoded <c>0xc0</c>.</summary>
    public static RlpItem EmptyList { get; } = new([], 0);

    /// <summary>Whether this item is a list (otherwise it is a byte string).</summary>
    public bool IsList => _items is not null;

    /// <summary>The byte offset of this item's first byte in the input it was decoded from; 0 for items built in code.</summary>
    public int Offset { get; }

    /// <summary>The length of the payload: the string's bytes, or the encoded children of a list.</summary>
    public int PayloadLength { get; }

    /// <summary>The length of this item's full encoding, header included.</summary>
    public int EncodedLength { get; }

    /// <summary>The bytes of a byte string.</summary>
    /// <exception cref="RlpException">The item is a list (<see cref="RlpErrorKind.UnexpectedList"/>).</exception>
    public ReadOnlyMemory<byte> Bytes => _items is null
        ? _bytes
        : throw new RlpException(RlpErrorKind.UnexpectedList, Offset, $"Expected an RLP byte string at offset {Offset} but found a list of {_items.Length} items.");

    /// <summary>The children of a list.</summary>
    /// <exception cref="RlpException">The item is a byte string (<see cref="RlpErrorKind.UnexpectedString"/>).</exception>
    public IReadOnlyList<RlpItem> Items => _items
        ?? throw new RlpException(RlpErrorKind.UnexpectedString, Offset, $"Expected an RLP list at offset {Offset} but found a byte string of {_bytes.Length} bytes.");

    /// <summary>A byte string item holding a copy of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? EmptyString : new(bytes.ToArray(), 0);

    /// <summary>A byte string item holding the UTF-8 bytes of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromUtf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? EmptyString : new(Encoding.UTF8.GetBytes(text), 0);
    }

    /// <summary>A list item.</summary>
    /// <param name="items">The children, in order.</param>
    /// <returns>The item.</returns>
    /// <exception cref="OverflowException">The encoding would exceed 2 GiB.</exception>
    public static RlpItem List(params ReadOnlySpan<RlpItem> items)
    {
        var copy = items.ToArray();
        Array.ForEach(copy, static item => ArgumentNullException.ThrowIfNull(item, nameof(items)));
        return copy.Length == 0 ? EmptyList : new(copy, 0);
    }

    /// <summary>A list item.</summary>
    /// <param name="items">The children, in order.</param>
    /// <returns>The item.</returns>
    /// <exception cref="OverflowException">The encoding would exceed 2 GiB.</exception>
    public static RlpItem List(IEnumerable<RlpItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return List(items.ToArray().AsSpan());
    }

    /// <summary>An integer as RLP holds it: minimal big-endian bytes, zero as the empty string.</summary>
    /// <param name="value">A non-negative value.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static RlpItem FromInteger(BigInteger value) => value.IsZero ? EmptyString : new(EvmInteger.ToMinimalBigEndian(value), 0);

    /// <summary>An integer as RLP holds it: minimal big-endian bytes, zero as the empty string.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The item.</returns>
    public static RlpItem FromInteger(ulong value)
    {
        if (value == 0)
        {
            return EmptyString;
        }

        var bytes = new byte[RlpEncoder.GetIntegerByteCount(value)];
        RlpEncoder.WriteIntegerBytes(value, bytes);
        return new(bytes, 0);
    }

    /// <summary>Wraps decoded bytes without copying them; the decoder owns the buffer.</summary>
    internal static RlpItem WrapString(ReadOnlyMemory<byte> bytes, int offset) => new(bytes, offset);

    /// <summary>Wraps decoded children without copying them; the decoder owns the array.</summary>
    internal static RlpItem WrapList(RlpItem[] items, int offset) => new(items, offset);

    /// <summary>Reads a byte string as an unsigned integer of any size.</summary>
    /// <returns>The value; zero for the empty string.</returns>
    /// <exception cref="RlpException">The item is a list, or the integer has a leading zero byte.</exception>
    public BigInteger ToBigInteger() => EvmInteger.FromBigEndian(IntegerBytes(int.MaxValue, "an integer"));

    /// <summary>Reads a byte string as a <c>uint256</c>.</summary>
    /// <returns>The value; zero for the empty string.</returns>
    /// <exception cref="RlpException">The item is a list, the integer has a leading zero byte, or it is longer than 32 bytes.</exception>
    public BigInteger ToUInt256() => EvmInteger.FromBigEndian(IntegerBytes(32, "a uint256"));

    /// <summary>Reads a byte string as a 64-bit unsigned integer.</summary>
    /// <returns>The value; zero for the empty string.</returns>
    /// <exception cref="RlpException">The item is a list, the integer has a leading zero byte, or it is longer than 8 bytes.</exception>
    public ulong ToUInt64()
    {
        ulong value = 0;
        foreach (byte b in IntegerBytes(sizeof(ulong), "a 64-bit integer"))
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Encodes this item; same as <see cref="RlpEncoder.Encode(RlpItem)"/>.</summary>
    /// <returns>A new array of <see cref="EncodedLength"/> bytes.</returns>
    public byte[] Encode() => RlpEncoder.Encode(this);

    /// <inheritdoc/>
    public bool Equals(RlpItem? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || IsList != other.IsList)
        {
            return false;
        }

        return _items is null ? _bytes.Span.SequenceEqual(other._bytes.Span) : _items.AsSpan().SequenceEqual(other._items);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RlpItem);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsList);
        if (_items is null)
        {
            hash.AddBytes(_bytes.Span);
        }
        else
        {
            foreach (RlpItem item in _items)
            {
                hash.Add(item);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>A string is shown as <c>0x</c> hex, a list as <c>[a, b, ...]</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() =>
        _items is null ? Hex.Encode(_bytes.Span) : "[" + string.Join(", ", _items.Select(static item => item.ToString())) + "]";

    private ReadOnlySpan<byte> IntegerBytes(int maxLength, string what)
    {
        ReadOnlySpan<byte> bytes = Bytes.Span;
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException(RlpErrorKind.LeadingZeroInInteger, Offset, $"RLP integer at offset {Offset} has a leading zero byte; integers are minimal big-endian and zero is 0x80.");
        }

        if (bytes.Length > maxLength)
        {
            throw new RlpException(RlpErrorKind.IntegerTooLarge, Offset, $"RLP integer at offset {Offset} has {bytes.Length} bytes, too many for {what} ({maxLength} at most).");
        }

        return bytes;
    }
}
