using System.Buffers.Binary;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>
/// Solidity ABI encoder (<c>abi.encode</c>). The encoding is sized first and then written in one
/// pass into a single buffer, so <see cref="Encode(IReadOnlyList{AbiType}, IReadOnlyList{object})"/>
/// allocates only its result. See <see cref="AbiType"/> for the .NET value of each ABI type.
/// </summary>
public static class AbiEncoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes values as the tuple of <paramref name="types"/>, as <c>abi.encode(v1, v2, ...)</c> does.</summary>
    /// <param name="types">The types.</param>
    /// <param name="values">One value per type.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) => EncodeWithPrefix([], types, values);

    /// <summary>Encodes one value as <c>abi.encode(value)</c> does (a dynamic value starts with its offset, 0x20).</summary>
    /// <param name="type">The type.</param>
    /// <param name="value">The value.</param>
    /// <returns>The encoding.</returns>
    /// <exception cref="AbiEncodingException">The value does not fit its type.</exception>
    public static byte[] Encode(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>
    /// Encodes values after a prefix in one buffer: a 4-byte selector for a call, or the creation
    /// bytecode for a deployment.
    /// </summary>
    /// <param name="prefix">Bytes to put before the encoding.</param>
    /// <param name="types">The types.</param>
    /// <param name="values">One value per type.</param>
    /// <returns><paramref name="prefix"/> followed by the encoding.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static byte[] EncodeWithPrefix(ReadOnlySpan<byte> prefix, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        int length = GetEncodedLength(types, values);
        if (length > Array.MaxLength - prefix.Length)
        {
            throw new AbiEncodingException(DescribeList(types), $"the encoding would exceed {Array.MaxLength} bytes");
        }

        byte[] result = new byte[prefix.Length + length];
        prefix.CopyTo(result);
        WriteList(types, values, result.AsSpan(prefix.Length), tuple: null);
        return result;
    }

    /// <summary>Encodes into <paramref name="destination"/>; see <see cref="Encode(IReadOnlyList{AbiType}, IReadOnlyList{object})"/>.</summary>
    /// <param name="types">The types.</param>
    /// <param name="values">One value per type.</param>
    /// <param name="destination">Receives the encoding; at least <see cref="GetEncodedLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, Span<byte> destination)
    {
        if (!TryEncode(types, values, destination, out int written))
        {
            throw new ArgumentException($"Destination is too short: {destination.Length} bytes, {GetEncodedLength(types, values)} needed.", nameof(destination));
        }

        return written;
    }

    /// <summary>Encodes into <paramref name="destination"/> if it is long enough.</summary>
    /// <param name="types">The types.</param>
    /// <param name="values">One value per type.</param>
    /// <param name="destination">Receives the encoding.</param>
    /// <param name="bytesWritten">The length of the encoding on success, else 0.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too short.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the counts differ.</exception>
    public static bool TryEncode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, Span<byte> destination, out int bytesWritten)
    {
        int length = GetEncodedLength(types, values);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        destination = destination[..length];
        destination.Clear();
        bytesWritten = WriteList(types, values, destination, tuple: null);
        return true;
    }

    /// <summary>The length in bytes of the encoding of <paramref name="values"/>.</summary>
    /// <param name="types">The types.</param>
    /// <param name="values">One value per type.</param>
    /// <returns>The encoded length.</returns>
    /// <exception cref="AbiEncodingException">A value has the wrong shape for its type, the counts differ, or the encoding would exceed 2 GiB.</exception>
    public static int GetEncodedLength(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        long length = ListLength(types, values, tuple: null);
        if (length > Array.MaxLength)
        {
            throw new AbiEncodingException(DescribeList(types), $"the encoding would exceed {Array.MaxLength} bytes");
        }

        return (int)length;
    }

    /// <summary>Writes one value type (integer, address, bool, <c>bytesM</c>, function) as a 32-byte word.</summary>
    internal static void WriteWord(AbiType type, object? value, Span<byte> word)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
            case AbiTypeKind.SignedInteger:
                WriteInteger(type, ToBigInteger(type, value), word);
                break;
            case AbiTypeKind.Address:
                ToAddress(value).Bytes.CopyTo(word[12..]);
                break;
            case AbiTypeKind.Bool:
                word[31] = value is bool b ? (b ? (byte)1 : (byte)0) : throw WrongType(type, value, "a bool");
                break;
            case AbiTypeKind.FixedBytes:
                FixedBytes(type, value, ((AbiFixedBytes)type).Size).CopyTo(word);
                break;
            case AbiTypeKind.Function:
                FixedBytes(type, value, AbiFunctionType.Size).CopyTo(word);
                break;
            default:
                throw new ArgumentException($"{type} is not a value type.", nameof(type));
        }
    }

    /// <summary>The number of items of an array value.</summary>
    internal static int Count(AbiType type, object? value) => value switch
    {
        IReadOnlyList<object?> list => list.Count,
        IList list => list.Count,
        _ => throw WrongType(type, value, "a list"),
    };

    /// <summary>Item <paramref name="index"/> of an array or tuple value (boxing for typed lists).</summary>
    internal static object? Item(object? value, int index) => value switch
    {
        IReadOnlyList<object?> list => list[index],
        IList list => list[index],
        _ => throw new InvalidOperationException("Not a list."),
    };

    /// <summary>The path segment for a tuple component (its name, or its index), or for a top-level argument.</summary>
    private static string Segment(AbiTuple? tuple, int index)
    {
        string number = index.ToString(CultureInfo.InvariantCulture);
        if (tuple is null)
        {
            return "argument " + number;
        }

        string name = tuple.Components[index].Name;
        return "." + (name.Length > 0 ? name : number);
    }

    /// <summary>The encoded length of the components of a tuple, or of the top-level values when <paramref name="tuple"/> is null.</summary>
    private static long ListLength(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, AbiTuple? tuple)
    {
        CheckCount(types, values);
        long length = 0;
        for (int i = 0; i < types.Count; i++)
        {
            AbiType type = types[i];
            length += type.HeadSize;
            if (type.IsDynamic)
            {
                try
                {
                    length += DynamicLength(type, values[i]);
                }
                catch (AbiEncodingException e)
                {
                    e.Prepend(Segment(tuple, i));
                    throw;
                }
            }
        }

        return length;
    }

    /// <summary>The full encoded length of a value of a dynamic type.</summary>
    private static long DynamicLength(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return AbiType.WordSize + Pad((long)Bytes(type, value).Length);
            case AbiTypeKind.Text:
                return AbiType.WordSize + Pad((long)Utf8Length(type, Text(type, value)));
            case AbiTypeKind.Array:
                var array = (AbiArray)type;
                int count = Count(type, value);
                CheckArrayLength(array, count);
                long length = (array.Length is null ? AbiType.WordSize : 0) + ((long)count * array.Element.HeadSize);
                if (array.Element.IsDynamic)
                {
                    for (int i = 0; i < count; i++)
                    {
                        try
                        {
                            length += DynamicLength(array.Element, Item(value, i));
                        }
                        catch (AbiEncodingException e)
                        {
                            e.Prepend(IndexSegment(i));
                            throw;
                        }
                    }
                }

                return length;
            default:
                var tuple = (AbiTuple)type;
                return ListLength(tuple.Types, AsList(tuple, value), tuple);
        }
    }

    /// <summary>
    /// Writes the head/tail encoding of the components of a tuple, or of the top-level values when
    /// <paramref name="tuple"/> is null, into zeroed <paramref name="destination"/>. Returns the bytes written.
    /// </summary>
    private static int WriteList(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, Span<byte> destination, AbiTuple? tuple)
    {
        CheckCount(types, values);
        int head = 0;
        int tail = HeadLength(types);
        for (int i = 0; i < types.Count; i++)
        {
            AbiType type = types[i];
            try
            {
                if (type.IsDynamic)
                {
                    BinaryPrimitives.WriteInt32BigEndian(destination.Slice(head + 28, 4), tail);
                    tail += Write(type, values[i], destination[tail..]);
                }
                else
                {
                    Write(type, values[i], destination.Slice(head, type.HeadSize));
                }
            }
            catch (AbiEncodingException e)
            {
                e.Prepend(Segment(tuple, i));
                throw;
            }

            head += type.HeadSize;
        }

        return tail;
    }

    /// <summary>Writes one value at the start of <paramref name="destination"/> (zeroed); returns the bytes written.</summary>
    private static int Write(AbiType type, object? value, Span<byte> destination)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
            case AbiTypeKind.Text:
                return WriteDynamicBytes(type, value, destination);
            case AbiTypeKind.Array:
                return WriteArray((AbiArray)type, value, destination);
            case AbiTypeKind.Tuple:
                var tuple = (AbiTuple)type;
                return WriteList(tuple.Types, AsList(type, value), destination, tuple);
            default:
                WriteWord(type, value, destination[..AbiType.WordSize]);
                return AbiType.WordSize;
        }
    }

    private static int WriteDynamicBytes(AbiType type, object? value, Span<byte> destination)
    {
        int length;
        if (type.Kind == AbiTypeKind.Bytes)
        {
            ReadOnlySpan<byte> bytes = Bytes(type, value);
            bytes.CopyTo(destination[AbiType.WordSize..]);
            length = bytes.Length;
        }
        else
        {
            try
            {
                length = StrictUtf8.GetBytes(Text(type, value), destination[AbiType.WordSize..]);
            }
            catch (EncoderFallbackException e)
            {
                throw new AbiEncodingException(type.CanonicalName, "the string is not valid UTF-16 (a lone surrogate)", e);
            }
        }

        BinaryPrimitives.WriteInt32BigEndian(destination.Slice(28, 4), length);
        return AbiType.WordSize + Pad(length);
    }

    private static int WriteArray(AbiArray array, object? value, Span<byte> destination)
    {
        int count = Count(array, value);
        CheckArrayLength(array, count);
        int start = 0;
        if (array.Length is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(destination.Slice(28, 4), count);
            start = AbiType.WordSize;
        }

        AbiType element = array.Element;
        Span<byte> body = destination[start..];
        int size = element.HeadSize;

        // Typed lists of integers and addresses are written without boxing each item.
        if (value is IReadOnlyList<BigInteger> integers && element.Kind is AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger)
        {
            for (int i = 0; i < count; i++)
            {
                WriteIntegerAt(element, integers[i], body.Slice(i * size, size), i);
            }

            return start + (count * size);
        }

        if (value is IReadOnlyList<Address> addresses && element.Kind == AbiTypeKind.Address)
        {
            for (int i = 0; i < count; i++)
            {
                addresses[i].Bytes.CopyTo(body.Slice((i * size) + 12, Address.Length));
            }

            return start + (count * size);
        }

        int tail = count * size;
        for (int i = 0; i < count; i++)
        {
            try
            {
                if (element.IsDynamic)
                {
                    BinaryPrimitives.WriteInt32BigEndian(body.Slice((i * size) + 28, 4), tail);
                    tail += Write(element, Item(value, i), body[tail..]);
                }
                else
                {
                    Write(element, Item(value, i), body.Slice(i * size, size));
                }
            }
            catch (AbiEncodingException e)
            {
                e.Prepend(IndexSegment(i));
                throw;
            }
        }

        return start + tail;
    }

    private static void WriteIntegerAt(AbiType type, BigInteger value, Span<byte> word, int index)
    {
        try
        {
            WriteInteger(type, value, word);
        }
        catch (AbiEncodingException e)
        {
            e.Prepend(IndexSegment(index));
            throw;
        }
    }

    /// <summary>Writes a range-checked integer, sign-extended for <c>intN</c>, into a zeroed 32-byte word.</summary>
    private static void WriteInteger(AbiType type, BigInteger value, Span<byte> word)
    {
        if (type is AbiUInt unsigned)
        {
            if (!EvmInteger.FitsUnsigned(value, unsigned.Bits))
            {
                throw new AbiEncodingException(type.CanonicalName, $"{value} is out of range for {type} (0 to 2^{unsigned.Bits}-1)");
            }

            int count = value.GetByteCount(isUnsigned: true);
            value.TryWriteBytes(word[(AbiType.WordSize - count)..], out _, isUnsigned: true, isBigEndian: true);
            return;
        }

        int bits = ((AbiInt)type).Bits;

        // Same test as EvmInteger.FitsSigned, without allocating the bounds: GetBitLength counts the
        // two's complement bits without the sign bit, for negative and positive values alike.
        if (value.GetBitLength() > bits - 1)
        {
            throw new AbiEncodingException(type.CanonicalName, $"{value} is out of range for {type} (-2^{bits - 1} to 2^{bits - 1}-1)");
        }

        if (value.Sign < 0)
        {
            word.Fill(0xFF);
        }

        int length = value.GetByteCount(isUnsigned: false);
        value.TryWriteBytes(word[(AbiType.WordSize - length)..], out _, isUnsigned: false, isBigEndian: true);
    }

    private static BigInteger ToBigInteger(AbiType type, object? value) => value switch
    {
        BigInteger v => v,
        int v => v,
        long v => v,
        uint v => v,
        ulong v => v,
        short v => v,
        ushort v => v,
        byte v => v,
        sbyte v => v,
        _ => throw WrongType(type, value, "a BigInteger or an integer"),
    };

    private static Address ToAddress(object? value) =>
        value is Address address ? address : throw WrongType(AbiAddress.Instance, value, "an Address");

    private static ReadOnlySpan<byte> FixedBytes(AbiType type, object? value, int size)
    {
        ReadOnlySpan<byte> bytes = value switch
        {
            byte[] array => array,
            ReadOnlyMemory<byte> memory => memory.Span,
            Bytes32 b32 when size == Bytes32.Length => b32.Bytes,
            _ => throw WrongType(type, value, size == Bytes32.Length ? "a byte[], ReadOnlyMemory<byte> or Bytes32" : "a byte[] or ReadOnlyMemory<byte>"),
        };
        if (bytes.Length != size)
        {
            throw new AbiEncodingException(type.CanonicalName, $"expected {size} bytes, got {bytes.Length}");
        }

        return bytes;
    }

    internal static ReadOnlySpan<byte> Bytes(AbiType type, object? value) => value switch
    {
        byte[] array => array,
        ReadOnlyMemory<byte> memory => memory.Span,
        _ => throw WrongType(type, value, "a byte[] or ReadOnlyMemory<byte>"),
    };

    internal static string Text(AbiType type, object? value) => value as string ?? throw WrongType(type, value, "a string");

    /// <summary>The strict UTF-8 encoding of a <c>string</c> value.</summary>
    internal static byte[] Utf8Bytes(AbiType type, object? value)
    {
        string text = Text(type, value);
        byte[] bytes = new byte[Utf8Length(type, text)];
        StrictUtf8.GetBytes(text, bytes);
        return bytes;
    }

    private static int Utf8Length(AbiType type, string text)
    {
        try
        {
            return StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiEncodingException(type.CanonicalName, "the string is not valid UTF-16 (a lone surrogate)", e);
        }
    }

    internal static IReadOnlyList<object?> AsList(AbiType type, object? value) => value switch
    {
        IReadOnlyList<object?> list => list,
        _ => throw WrongType(type, value, "an object?[] (or IReadOnlyList<object?>) with one item per component"),
    };

    private static void CheckCount(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (types.Count != values.Count)
        {
            throw new AbiEncodingException(DescribeList(types), $"expected {types.Count} values, got {values.Count}");
        }
    }

    internal static void CheckArrayLength(AbiArray array, int count)
    {
        if (array.Length is int k && k != count)
        {
            throw new AbiEncodingException(array.CanonicalName, $"expected {k} items, got {count}");
        }
    }

    private static int HeadLength(IReadOnlyList<AbiType> types)
    {
        int length = 0;
        for (int i = 0; i < types.Count; i++)
        {
            length += types[i].HeadSize;
        }

        return length;
    }

    private static int Pad(int length) => (length + 31) & ~31;

    private static long Pad(long length) => (length + 31) & ~31L;

    private static string IndexSegment(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string DescribeList(IReadOnlyList<AbiType> types) => "(" + AbiParameter.JoinTypes(types) + ")";

    private static AbiEncodingException WrongType(AbiType type, object? value, string expected) =>
        new(type.CanonicalName, $"expected {expected}, got {(value is null ? "null" : value.GetType().Name)}");
}
