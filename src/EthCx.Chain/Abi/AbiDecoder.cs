using System.Numerics;
using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>
/// Strict Solidity ABI decoder (<c>abi.decode</c>) that is safe on untrusted bytes: every offset
/// and length is checked against the data before use, array counts are bounded by the bytes left,
/// padding of <c>uintN</c>, <c>intN</c>, <c>address</c>, <c>bool</c> and <c>bytesM</c> must be clean
/// (as Solidity's decoder requires), strings must be valid UTF-8, and offsets that alias one region
/// into a result larger than the input are rejected. Whatever the bytes, the only exception is
/// <see cref="AbiDecodingException"/>. Trailing bytes after the encoding are allowed.
/// See <see cref="AbiType"/> for the .NET value of each ABI type.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes the tuple of <paramref name="types"/> from <paramref name="data"/>.</summary>
    /// <param name="types">The types.</param>
    /// <param name="data">The encoding.</param>
    /// <returns>One value per type.</returns>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding; the message names the type and byte offset.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        var reader = new Reader(data);
        return reader.ReadList(types, 0, null);
    }

    /// <summary>Decodes one value encoded as <c>abi.encode(value)</c>.</summary>
    /// <param name="type">The type.</param>
    /// <param name="data">The encoding.</param>
    /// <returns>The value.</returns>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding.</exception>
    public static object? Decode(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    /// <summary>Decodes a value type (integer, address, bool, <c>bytesM</c>, function) from one 32-byte word, e.g. an event topic.</summary>
    /// <param name="type">A value type.</param>
    /// <param name="word">At least 32 bytes; the first 32 are read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="AbiDecodingException">The word is short or has dirty padding.</exception>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not a value type.</exception>
    public static object DecodeWord(AbiType type, ReadOnlySpan<byte> word)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsValueType)
        {
            throw new ArgumentException($"{type} is not a value type.", nameof(type));
        }

        var reader = new Reader(word);
        return reader.Read(type, 0)!;
    }

    /// <summary>Reads from the data with bounds checks and a budget that stops aliased offsets from multiplying the output.</summary>
    private ref struct Reader
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly ReadOnlySpan<byte> _data;

        /// <summary>
        /// Bytes of output still allowed: every word read and every payload byte is charged. A
        /// well-formed encoding never reads a byte twice, so it never exceeds the input length.
        /// </summary>
        private long _budget;

        public Reader(ReadOnlySpan<byte> data)
        {
            _data = data;
            _budget = data.Length;
        }

        /// <summary>Reads the head/tail encoding of a list of values that starts at <paramref name="start"/>.</summary>
        public object?[] ReadList(IReadOnlyList<AbiType> types, int start, AbiTuple? tuple)
        {
            long headLength = 0;
            for (int i = 0; i < types.Count; i++)
            {
                headLength += types[i].HeadSize;
            }

            if (headLength > _data.Length - (long)start)
            {
                string name = tuple?.CanonicalName ?? "(" + AbiParameter.JoinTypes(types) + ")";
                throw new AbiDecodingException(name, start, $"the head needs {headLength} bytes but {Math.Max(0, _data.Length - start)} are left");
            }

            var values = new object?[types.Count];
            int head = start;
            for (int i = 0; i < values.Length; i++)
            {
                AbiType type = types[i];
                values[i] = type.IsDynamic ? Read(type, ReadOffset(type, head, start)) : Read(type, head);
                head += type.HeadSize;
            }

            return values;
        }

        /// <summary>Reads the value whose encoding starts at <paramref name="position"/>.</summary>
        public object? Read(AbiType type, int position)
        {
            switch (type.Kind)
            {
                case AbiTypeKind.UnsignedInteger:
                    return ReadUnsigned((AbiUInt)type, position);
                case AbiTypeKind.SignedInteger:
                    return ReadSigned((AbiInt)type, position);
                case AbiTypeKind.Address:
                    return Address.FromBytes(ReadLeftPadded(type, position, Address.Length));
                case AbiTypeKind.Bool:
                    ReadOnlySpan<byte> word = ReadLeftPadded(type, position, 1);
                    return word[0] <= 1 ? word[0] == 1 : throw Fail(type, position, $"a bool must be 0 or 1, not 0x{word[0]:x2}");
                case AbiTypeKind.FixedBytes:
                    return ReadRightPadded(type, position, ((AbiFixedBytes)type).Size).ToArray();
                case AbiTypeKind.Function:
                    return ReadRightPadded(type, position, AbiFunctionType.Size).ToArray();
                case AbiTypeKind.Bytes:
                    return ReadPayload(type, position).ToArray();
                case AbiTypeKind.Text:
                    return ReadText(type, position);
                case AbiTypeKind.Array:
                    return ReadArray((AbiArray)type, position);
                default:
                    var tuple = (AbiTuple)type;
                    return ReadList(tuple.Types, position, tuple);
            }
        }

        private object?[] ReadArray(AbiArray array, int position)
        {
            AbiType element = array.Element;
            int count;
            int start = position;
            if (array.Length is int k)
            {
                count = k;
            }
            else
            {
                count = ReadLength(array, position, element.HeadSize, "array length");
                start += AbiType.WordSize;
            }

            if ((long)count * element.HeadSize > _data.Length - (long)start)
            {
                throw Fail(array, position, $"{count} items of {element.HeadSize} bytes do not fit in the {Math.Max(0, _data.Length - start)} bytes left");
            }

            if ((long)count * AbiType.WordSize > _budget)
            {
                throw Fail(array, position, "offsets alias the same data, which would decode to more than the input holds");
            }

            var items = new object?[count];
            int head = start;
            for (int i = 0; i < count; i++)
            {
                items[i] = element.IsDynamic ? Read(element, ReadOffset(element, head, start)) : Read(element, head);
                head += element.HeadSize;
            }

            return items;
        }

        private BigInteger ReadUnsigned(AbiUInt type, int position)
        {
            ReadOnlySpan<byte> value = ReadLeftPadded(type, position, type.Bits / 8);
            return new BigInteger(value, isUnsigned: true, isBigEndian: true);
        }

        private BigInteger ReadSigned(AbiInt type, int position)
        {
            ReadOnlySpan<byte> word = ReadWord(type, position);
            int padding = AbiType.WordSize - (type.Bits / 8);
            byte fill = (word[padding] & 0x80) != 0 ? (byte)0xFF : (byte)0;
            if (word[..padding].IndexOfAnyExcept(fill) >= 0)
            {
                throw Fail(type, position, $"the value is not sign-extended to 32 bytes: {Hex.Encode(word)}");
            }

            return new BigInteger(word[padding..], isUnsigned: false, isBigEndian: true);
        }

        /// <summary>The last <paramref name="size"/> bytes of a word whose leading bytes must be zero.</summary>
        private ReadOnlySpan<byte> ReadLeftPadded(AbiType type, int position, int size)
        {
            ReadOnlySpan<byte> word = ReadWord(type, position);
            if (word[..^size].IndexOfAnyExcept((byte)0) >= 0)
            {
                throw Fail(type, position, $"the high-order padding is not zero: {Hex.Encode(word)}");
            }

            return word[^size..];
        }

        /// <summary>The first <paramref name="size"/> bytes of a word whose trailing bytes must be zero.</summary>
        private ReadOnlySpan<byte> ReadRightPadded(AbiType type, int position, int size)
        {
            ReadOnlySpan<byte> word = ReadWord(type, position);
            if (word[size..].IndexOfAnyExcept((byte)0) >= 0)
            {
                throw Fail(type, position, $"the low-order padding is not zero: {Hex.Encode(word)}");
            }

            return word[..size];
        }

        private ReadOnlySpan<byte> ReadPayload(AbiType type, int position)
        {
            int length = ReadLength(type, position, 1, "length");
            if (length > _budget)
            {
                throw Fail(type, position, "offsets alias the same data, which would decode to more than the input holds");
            }

            _budget -= length;
            return _data.Slice(position + AbiType.WordSize, length);
        }

        private string ReadText(AbiType type, int position)
        {
            ReadOnlySpan<byte> bytes = ReadPayload(type, position);
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw Fail(type, position, "the string is not valid UTF-8", e);
            }
        }

        /// <summary>Reads a length word at <paramref name="position"/> whose items of <paramref name="itemSize"/> bytes must fit in the data after it.</summary>
        private int ReadLength(AbiType type, int position, int itemSize, string what)
        {
            ReadOnlySpan<byte> word = ReadWord(type, position);
            long available = _data.Length - (long)position - AbiType.WordSize;
            ulong value = ToSmallUInt(word);
            if (value > (ulong)(available / itemSize))
            {
                string shown = value == ulong.MaxValue ? Hex.Encode(word) : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw Fail(type, position, $"{what} {shown} exceeds the {available} bytes left");
            }

            return (int)value;
        }

        /// <summary>Reads the offset in the head slot at <paramref name="head"/> and returns the absolute position it points to (relative to <paramref name="start"/>).</summary>
        private int ReadOffset(AbiType type, int head, int start)
        {
            ReadOnlySpan<byte> word = ReadWord(type, head);
            ulong value = ToSmallUInt(word);
            if (value > (ulong)(_data.Length - start))
            {
                string shown = value == ulong.MaxValue ? Hex.Encode(word) : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw Fail(type, head, $"offset {shown} points beyond the {_data.Length} bytes of data");
            }

            return start + (int)value;
        }

        /// <summary>A 32-byte word at <paramref name="position"/>, charged to the budget.</summary>
        private ReadOnlySpan<byte> ReadWord(AbiType type, int position)
        {
            if (position > _data.Length - AbiType.WordSize)
            {
                throw Fail(type, position, $"needs 32 bytes but the data is {_data.Length} bytes long");
            }

            if ((_budget -= AbiType.WordSize) < 0)
            {
                throw Fail(type, position, "offsets alias the same data, which would decode to more than the input holds");
            }

            return _data.Slice(position, AbiType.WordSize);
        }

        /// <summary>A word as an unsigned integer, or <see cref="ulong.MaxValue"/> when it does not fit 64 bits.</summary>
        private static ulong ToSmallUInt(ReadOnlySpan<byte> word) =>
            word[..24].IndexOfAnyExcept((byte)0) >= 0 ? ulong.MaxValue : System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]);

        private static AbiDecodingException Fail(AbiType type, int position, string reason, Exception? inner = null) =>
            new(type.CanonicalName, position, reason, inner);
    }
}
