using System.Numerics;

namespace EthCx.Chain.Rlp;

/// <summary>
/// RLP encoding in the BCL codec shape: <c>GetXxxLength</c> computes the exact size first,
/// <c>Encode(value, destination)</c> writes into a span and returns the bytes written,
/// <c>TryEncode</c> reports a short destination instead of throwing, and <c>Encode(value)</c>
/// allocates the result. Integers are minimal big-endian byte strings; zero is the empty string.
/// </summary>
public static class RlpEncoder
{
    /// <summary>Payloads shorter than this take the one-byte header form.</summary>
    internal const int ShortLimit = 56;

    /// <summary>The first byte of a string header (empty string, short form).</summary>
    internal const byte StringOffset = 0x80;

    /// <summary>The first byte of a list header (empty list, short form).</summary>
    internal const byte ListOffset = 0xc0;

    /// <summary>The encoded length of a byte string.</summary>
    /// <param name="value">The string's bytes.</param>
    /// <returns>The number of bytes <see cref="EncodeString(ReadOnlySpan{byte}, Span{byte})"/> writes.</returns>
    public static int GetStringLength(ReadOnlySpan<byte> value) =>
        value.Length == 1 && value[0] < StringOffset ? 1 : checked(GetHeaderLength(value.Length) + value.Length);

    /// <summary>The encoded length of an unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of bytes <see cref="EncodeInteger(ulong, Span{byte})"/> writes.</returns>
    public static int GetIntegerLength(ulong value) => value < StringOffset ? 1 : 1 + GetIntegerByteCount(value);

    /// <summary>The encoded length of a non-negative integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The number of bytes <see cref="EncodeInteger(BigInteger, Span{byte})"/> writes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static int GetIntegerLength(BigInteger value)
    {
        CheckNonNegative(value);
        if (value < StringOffset)
        {
            return 1;
        }

        int count = value.GetByteCount(isUnsigned: true);
        return GetHeaderLength(count) + count;
    }

    /// <summary>The length of a list header for a payload of <paramref name="payloadLength"/> bytes (also the string header length).</summary>
    /// <param name="payloadLength">The total encoded length of the list's items.</param>
    /// <returns>1 for payloads under 56 bytes, otherwise 1 plus the bytes of the length.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative.</exception>
    public static int GetHeaderLength(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        return payloadLength < ShortLimit ? 1 : 1 + GetIntegerByteCount((ulong)payloadLength);
    }

    /// <summary>Encodes a byte string into <paramref name="destination"/>.</summary>
    /// <param name="value">The bytes.</param>
    /// <param name="destination">Receives the encoding; at least <see cref="GetStringLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int EncodeString(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        int length = GetStringLength(value);
        CheckDestination(destination, length);
        if (length == 1 && value.Length == 1)
        {
            destination[0] = value[0];
            return 1;
        }

        int header = WriteHeader(StringOffset, value.Length, destination);
        value.CopyTo(destination[header..]);
        return length;
    }

    /// <summary>Encodes a byte string.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The encoding.</returns>
    public static byte[] EncodeString(ReadOnlySpan<byte> value)
    {
        var result = new byte[GetStringLength(value)];
        EncodeString(value, result);
        return result;
    }

    /// <summary>Encodes an unsigned integer into <paramref name="destination"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Receives the encoding; at least <see cref="GetIntegerLength(ulong)"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int EncodeInteger(ulong value, Span<byte> destination)
    {
        int length = GetIntegerLength(value);
        CheckDestination(destination, length);
        if (value == 0)
        {
            destination[0] = StringOffset;
        }
        else if (value < StringOffset)
        {
            destination[0] = (byte)value;
        }
        else
        {
            destination[0] = (byte)(StringOffset + length - 1);
            WriteIntegerBytes(value, destination[1..length]);
        }

        return length;
    }

    /// <summary>Encodes an unsigned integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The encoding.</returns>
    public static byte[] EncodeInteger(ulong value)
    {
        var result = new byte[GetIntegerLength(value)];
        EncodeInteger(value, result);
        return result;
    }

    /// <summary>Encodes a non-negative integer into <paramref name="destination"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Receives the encoding; at least <see cref="GetIntegerLength(BigInteger)"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int EncodeInteger(BigInteger value, Span<byte> destination)
    {
        int length = GetIntegerLength(value);
        CheckDestination(destination, length);
        if (value < StringOffset)
        {
            destination[0] = value.IsZero ? StringOffset : (byte)value;
            return 1;
        }

        int count = value.GetByteCount(isUnsigned: true);
        int header = WriteHeader(StringOffset, count, destination);
        value.TryWriteBytes(destination.Slice(header, count), out _, isUnsigned: true, isBigEndian: true);
        return length;
    }

    /// <summary>Encodes a non-negative integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static byte[] EncodeInteger(BigInteger value)
    {
        var result = new byte[GetIntegerLength(value)];
        EncodeInteger(value, result);
        return result;
    }

    /// <summary>Writes a list header; the caller writes the <paramref name="payloadLength"/> bytes of encoded items after it.</summary>
    /// <param name="payloadLength">The total encoded length of the list's items.</param>
    /// <param name="destination">Receives the header; at least <see cref="GetHeaderLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payloadLength"/> is negative.</exception>
    public static int EncodeListHeader(int payloadLength, Span<byte> destination)
    {
        CheckDestination(destination, GetHeaderLength(payloadLength));
        return WriteHeader(ListOffset, payloadLength, destination);
    }

    /// <summary>Encodes an item (recursively, for lists) into <paramref name="destination"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="destination">Receives the encoding; at least <see cref="RlpItem.EncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int Encode(RlpItem item, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!TryEncode(item, destination, out int written))
        {
            throw new ArgumentException($"Destination is too short: {destination.Length} bytes, {item.EncodedLength} needed.", nameof(destination));
        }

        return written;
    }

    /// <summary>Encodes an item into <paramref name="destination"/> if it is large enough.</summary>
    /// <param name="item">The item.</param>
    /// <param name="destination">Receives the encoding.</param>
    /// <param name="bytesWritten"><see cref="RlpItem.EncodedLength"/> on success, 0 otherwise.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is shorter than <see cref="RlpItem.EncodedLength"/>.</returns>
    public static bool TryEncode(RlpItem item, Span<byte> destination, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (destination.Length < item.EncodedLength)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = Write(item, destination);
        return true;
    }

    /// <summary>Encodes an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>A new array of <see cref="RlpItem.EncodedLength"/> bytes.</returns>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = new byte[item.EncodedLength];
        Write(item, result);
        return result;
    }

    /// <summary>The number of bytes in the minimal big-endian form of a non-zero value.</summary>
    internal static int GetIntegerByteCount(ulong value) => (64 - BitOperations.LeadingZeroCount(value) + 7) / 8;

    /// <summary>Writes the minimal big-endian bytes of <paramref name="value"/>; <paramref name="destination"/> is exactly that long.</summary>
    internal static void WriteIntegerBytes(ulong value, Span<byte> destination)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)value;
            value >>= 8;
        }
    }

    private static int Write(RlpItem item, Span<byte> destination)
    {
        if (!item.IsList)
        {
            return EncodeString(item.Bytes.Span, destination);
        }

        int position = WriteHeader(ListOffset, item.PayloadLength, destination);
        foreach (RlpItem child in item.Items)
        {
            position += Write(child, destination[position..]);
        }

        return position;
    }

    private static int WriteHeader(byte offset, int payloadLength, Span<byte> destination)
    {
        if (payloadLength < ShortLimit)
        {
            destination[0] = (byte)(offset + payloadLength);
            return 1;
        }

        int count = GetIntegerByteCount((ulong)payloadLength);
        destination[0] = (byte)(offset + ShortLimit - 1 + count);
        WriteIntegerBytes((ulong)payloadLength, destination.Slice(1, count));
        return 1 + count;
    }

    private static void CheckDestination(Span<byte> destination, int needed)
    {
        if (destination.Length < needed)
        {
            throw new ArgumentException($"Destination is too short: {destination.Length} bytes, {needed} needed.", nameof(destination));
        }
    }

    private static void CheckNonNegative(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "RLP integers are non-negative.");
        }
    }
}
