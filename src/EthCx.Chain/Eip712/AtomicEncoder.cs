using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Eip712;

/// <summary>
/// Encodes atomic, <c>bytes</c> and <c>string</c> values into their 32-byte EIP-712 word, and
/// converts the CLR and JSON value forms EthCx accepts (see <see cref="TypedDataTypeSet"/>).
/// </summary>
internal static class AtomicEncoder
{
    /// <summary>uint256 has 78 decimal digits; longer text is never a valid EVM integer.</summary>
    private const int MaxDecimalDigits = 78;

    /// <summary>uint256 has 64 hex digits once leading zeros are dropped.</summary>
    private const int MaxHexDigits = 64;

    /// <summary>How much of an offending string an error message quotes.</summary>
    private const int QuoteLength = 66;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes the 32-byte encoding of <paramref name="value"/> as <paramref name="type"/>.</summary>
    /// <param name="type">The atomic type.</param>
    /// <param name="value">The value (not null).</param>
    /// <param name="path">The value's path, for errors.</param>
    /// <param name="word">Receives 32 bytes.</param>
    /// <exception cref="TypedDataException">The value does not fit the type.</exception>
    public static void Encode(AtomicFieldType type, object value, string path, Span<byte> word)
    {
        switch (type.Kind)
        {
            case AtomicKind.UInt:
            case AtomicKind.Int:
                WriteInteger(ReadInteger(value, type.Text, path), type, path, word);
                break;
            case AtomicKind.Address:
                WriteAddress(ReadAddress(value, path), word);
                break;
            case AtomicKind.Bool:
                WriteBool(value is bool flag ? flag : throw WrongKind(path, "a bool", value), word);
                break;
            case AtomicKind.FixedBytes:
                ReadOnlySpan<byte> fixedBytes = ReadBytes(value, type.Text, path);
                if (fixedBytes.Length != type.Size)
                {
                    throw new TypedDataException(path, $"{type.Text} needs {type.Size} bytes, got {fixedBytes.Length}.");
                }

                word.Clear();
                fixedBytes.CopyTo(word);
                break;
            case AtomicKind.Bytes:
                Keccak256.HashData(ReadBytes(value, type.Text, path), word);
                break;
            default:
                WriteString(value is string text ? text : throw WrongKind(path, "a string", value), path, word);
                break;
        }
    }

    /// <summary>Writes <c>keccak256(utf8(text))</c>.</summary>
    public static void WriteString(string text, string path, Span<byte> word)
    {
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException error)
        {
            throw new TypedDataException(path, $"string has an unpaired surrogate at index {error.Index}.", error);
        }

        Keccak256.HashData(utf8, word);
    }

    /// <summary>Writes an address right-aligned in 32 bytes.</summary>
    public static void WriteAddress(Address address, Span<byte> word)
    {
        word[..12].Clear();
        address.Bytes.CopyTo(word[12..]);
    }

    /// <summary>Writes a range-checked integer as a 32-byte big-endian word, sign-extended for <c>intN</c>.</summary>
    public static void WriteInteger(BigInteger value, AtomicFieldType type, string path, Span<byte> word)
    {
        bool fits = type.Kind == AtomicKind.Int ? EvmInteger.FitsSigned(value, type.Size) : EvmInteger.FitsUnsigned(value, type.Size);
        if (!fits)
        {
            throw new TypedDataException(path, $"value {value} is out of range for {type.Text}.");
        }

        BigInteger unsigned = value.Sign < 0 ? (BigInteger.One << 256) + value : value;
        word.Clear();
        int length = unsigned.GetByteCount(isUnsigned: true);
        unsigned.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Converts an integer value: any CLR integer, or a decimal or <c>0x</c>-hex string (optionally negative).</summary>
    public static BigInteger ReadInteger(object value, string typeText, string path) => value switch
    {
        BigInteger big => big,
        int i => i,
        long l => l,
        uint ui => ui,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte b => b,
        sbyte sb => sb,
        Int128 i128 => i128,
        UInt128 u128 => u128,
        string text => TryParseInteger(text, out BigInteger parsed)
            ? parsed
            : throw new TypedDataException(path, $"{Quote(text)} is not an integer (decimal or 0x hex)."),
        _ => throw WrongKind(path, $"an integer for {typeText}", value),
    };

    /// <summary>Parses <c>[-]digits</c> or <c>[-]0x hexdigits</c>, refusing text too long for any EVM integer.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value on success.</param>
    /// <returns>Whether the text was an integer of at most 78 decimal or 64 significant hex digits.</returns>
    public static bool TryParseInteger(string text, out BigInteger value)
    {
        value = default;
        ReadOnlySpan<char> span = text;
        bool negative = span.StartsWith('-');
        if (negative)
        {
            span = span[1..];
        }

        bool parsed;
        if (Hex.HasPrefix(span))
        {
            ReadOnlySpan<char> digits = span[2..].TrimStart('0');
            parsed = span.Length > 2 && digits.Length <= MaxHexDigits
                && !digits.ContainsAnyExcept(HexDigits)
                && BigInteger.TryParse(string.Concat("0", digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else
        {
            parsed = span.Length is > 0 and <= MaxDecimalDigits
                && !span.ContainsAnyExceptInRange('0', '9')
                && BigInteger.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (negative)
        {
            value = -value;
        }

        return parsed;
    }

    /// <summary>Converts an address value: an <see cref="Address"/> or its text (checksum checked if mixed-case).</summary>
    public static Address ReadAddress(object value, string path)
    {
        switch (value)
        {
            case Address address:
                return address;
            case string text:
                try
                {
                    return Address.Parse(text);
                }
                catch (FormatException error)
                {
                    throw new TypedDataException(path, error.Message, error);
                }

            default:
                throw WrongKind(path, "an address", value);
        }
    }

    /// <summary>Converts a byte-string value: a byte array, memory, <see cref="Bytes32"/>, or <c>0x</c>-prefixed hex.</summary>
    public static ReadOnlySpan<byte> ReadBytes(object value, string typeText, string path) => value switch
    {
        byte[] array => array,
        ReadOnlyMemory<byte> memory => memory.Span,
        Memory<byte> memory => memory.Span,
        Bytes32 bytes32 => bytes32.Bytes,
        string text => ParseHex(text, path),
        _ => throw WrongKind(path, $"{typeText} (a byte array or 0x hex)", value),
    };

    /// <summary>Parses <c>0x</c>-prefixed hex with an even number of digits.</summary>
    public static byte[] ParseHex(string text, string path) =>
        Hex.HasPrefix(text) && Hex.TryDecode(text, out byte[]? bytes)
            ? bytes
            : throw new TypedDataException(path, $"{Quote(text)} is not 0x-prefixed hex with an even number of digits.");

    /// <summary>An error for a value of the wrong CLR kind.</summary>
    public static TypedDataException WrongKind(string path, string expected, object value) =>
        new(path, $"expected {expected}, got {Describe(value)}.");

    /// <summary>Describes a value's kind for error messages, without its contents.</summary>
    public static string Describe(object value) => value switch
    {
        string => "a string",
        bool => "a bool",
        BigInteger or int or long or uint or ulong or short or ushort or byte or sbyte or Int128 or UInt128 => "an integer",
        Address => "an Address",
        Bytes32 => "a Bytes32",
        byte[] or ReadOnlyMemory<byte> or Memory<byte> => "a byte array",
        IReadOnlyDictionary<string, object?> => "a struct",
        IEnumerable => "a list",
        _ => $"a {value.GetType().Name}",
    };

    /// <summary>Quotes text for an error message, cut after 66 characters.</summary>
    public static string Quote(string text) =>
        text.Length <= QuoteLength ? $"'{text}'" : $"'{text.AsSpan(0, QuoteLength)}…' ({text.Length} characters)";

    private static void WriteBool(bool value, Span<byte> word)
    {
        word.Clear();
        word[31] = value ? (byte)1 : (byte)0;
    }
}
