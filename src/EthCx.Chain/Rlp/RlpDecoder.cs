using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rlp;

/// <summary>
/// A strict RLP decoder: it accepts exactly one item covering the whole input, in its canonical
/// encoding only, and reports every violation as an <see cref="RlpException"/> with the offset.
/// Declared lengths are checked against the bytes actually present before anything is read or
/// allocated, so a forged length can neither overrun the input nor cause a large allocation.
/// </summary>
public static class RlpDecoder
{
    /// <summary>The deepest list nesting accepted; deeper input is rejected rather than risking the stack.</summary>
    public const int MaxDepth = 1024;

    /// <summary>Decodes an input that holds exactly one RLP item.</summary>
    /// <param name="encoded">The encoding.</param>
    /// <returns>The item tree. Its byte strings share one copy of the input.</returns>
    /// <exception cref="RlpException">The input is empty, malformed, non-canonical, nested too deeply, or has bytes after the item.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded) => Decode(encoded, 0);

    /// <summary>
    /// Decodes the one item that fills <paramref name="input"/> from <paramref name="start"/> on;
    /// offsets (in items and errors) count from the beginning of <paramref name="input"/>, so a
    /// typed transaction's errors point into the whole envelope.
    /// </summary>
    internal static RlpItem Decode(ReadOnlySpan<byte> input, int start)
    {
        if (start >= input.Length)
        {
            throw new RlpException(RlpErrorKind.EmptyInput, start, "RLP input is empty.");
        }

        byte[] buffer = input.ToArray();
        int position = start;
        RlpItem item = ReadItem(buffer, ref position, buffer.Length, depth: 0);
        if (position != buffer.Length)
        {
            throw new RlpException(RlpErrorKind.TrailingBytes, position, $"RLP item ends at offset {position} but the input has {buffer.Length - position} more bytes.");
        }

        return item;
    }

    private static RlpItem ReadItem(byte[] buffer, ref int position, int end, int depth)
    {
        int start = position;
        (bool isList, int payloadStart, int payloadLength) = ReadHeader(buffer.AsSpan(0, end), start);
        position = payloadStart + payloadLength;
        if (!isList)
        {
            return RlpItem.WrapString(buffer.AsMemory(payloadStart, payloadLength), start);
        }

        if (payloadLength == 0)
        {
            return RlpItem.WrapList([], start);
        }

        if (depth >= MaxDepth)
        {
            throw new RlpException(RlpErrorKind.TooDeep, start, $"RLP list at offset {start} is nested deeper than {MaxDepth} levels.");
        }

        var items = new List<RlpItem>();
        int child = payloadStart;
        while (child < position)
        {
            items.Add(ReadItem(buffer, ref child, position, depth + 1));
        }

        return RlpItem.WrapList([.. items], start);
    }

    /// <summary>Reads and validates the header at <paramref name="start"/>; <paramref name="input"/> ends where the enclosing item ends.</summary>
    private static (bool IsList, int PayloadStart, int PayloadLength) ReadHeader(ReadOnlySpan<byte> input, int start)
    {
        byte prefix = input[start];
        int available = input.Length - start - 1;
        if (prefix < RlpEncoder.StringOffset)
        {
            return (false, start, 1);
        }

        bool isList = prefix >= RlpEncoder.ListOffset;
        string kind = isList ? "list" : "string";
        int shortForm = (prefix - (isList ? RlpEncoder.ListOffset : RlpEncoder.StringOffset)) - RlpEncoder.ShortLimit;
        if (shortForm < 0)
        {
            int length = shortForm + RlpEncoder.ShortLimit;
            CheckAvailable(start, kind, (ulong)length, available);
            if (!isList && length == 1 && input[start + 1] < RlpEncoder.StringOffset)
            {
                throw new RlpException(RlpErrorKind.NonCanonicalSingleByte, start, $"Non-canonical RLP at offset {start}: the single byte 0x{input[start + 1]:x2} must be encoded as itself, not with the header 0x81.");
            }

            return (isList, start + 1, length);
        }

        int lengthOfLength = shortForm + 1;
        if (lengthOfLength > available)
        {
            throw new RlpException(RlpErrorKind.Truncated, start, $"RLP {kind} at offset {start} has a {lengthOfLength}-byte length but only {available} bytes follow the header byte.");
        }

        ReadOnlySpan<byte> lengthBytes = input.Slice(start + 1, lengthOfLength);
        if (lengthBytes[0] == 0)
        {
            throw new RlpException(RlpErrorKind.LeadingZeroInLength, start, $"Non-canonical RLP at offset {start}: the {kind} length {Hex.Encode(lengthBytes)} has a leading zero byte.");
        }

        ulong declared = 0;
        foreach (byte b in lengthBytes)
        {
            declared = (declared << 8) | b;
        }

        if (declared < RlpEncoder.ShortLimit)
        {
            throw new RlpException(RlpErrorKind.NonCanonicalLength, start, $"Non-canonical RLP at offset {start}: the {kind} length {declared} is below 56 but uses the long form (0x{prefix:x2}).");
        }

        CheckAvailable(start, kind, declared, available - lengthOfLength);
        return (isList, start + 1 + lengthOfLength, (int)declared);
    }

    private static void CheckAvailable(int start, string kind, ulong declared, int available)
    {
        if (declared > (ulong)available)
        {
            throw new RlpException(RlpErrorKind.Truncated, start, $"RLP {kind} at offset {start} declares {declared} bytes but only {available} remain.");
        }
    }
}
