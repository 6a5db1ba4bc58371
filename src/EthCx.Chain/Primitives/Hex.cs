namespace EthCx.Chain.Primitives;

/// <summary>
/// Hexadecimal encoding as Ethereum writes it: lower-case, <c>0x</c>-prefixed. Parsing accepts an
/// optional prefix and either case, and reports the position of the first bad character.
/// </summary>
public static class Hex
{
    /// <summary>Encodes <paramref name="bytes"/> as lower-case hex with a <c>0x</c> prefix.</summary>
    /// <param name="bytes">The bytes to encode.</param>
    /// <returns>The hex string; <c>"0x"</c> for no bytes.</returns>
    public static string Encode(ReadOnlySpan<byte> bytes) => Encode(bytes, prefix: true);

    /// <summary>Encodes <paramref name="bytes"/> as lower-case hex.</summary>
    /// <param name="bytes">The bytes to encode.</param>
    /// <param name="prefix">Whether to start with <c>0x</c>.</param>
    /// <returns>The hex string.</returns>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix)
    {
        string digits = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + digits : digits;
    }

    /// <summary>Decodes a hex string with or without a <c>0x</c> prefix.</summary>
    /// <param name="hex">The text to decode.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="FormatException">The text has an odd number of digits or a character that is not a hex digit; the message names its position.</exception>
    public static byte[] Decode(ReadOnlySpan<char> hex)
    {
        ReadOnlySpan<char> digits = StripPrefix(hex, out int offset);
        var result = new byte[digits.Length / 2];
        ValidateAndDecode(digits, offset, result);
        return result;
    }

    /// <summary>Decodes a hex string into <paramref name="destination"/>, which must be exactly the decoded length.</summary>
    /// <param name="hex">The text to decode, with or without a <c>0x</c> prefix.</param>
    /// <param name="destination">Receives the bytes; its length must be half the number of digits.</param>
    /// <exception cref="FormatException">The text is not hex of the expected length.</exception>
    public static void Decode(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        ReadOnlySpan<char> digits = StripPrefix(hex, out int offset);
        if (digits.Length != destination.Length * 2)
        {
            throw new FormatException($"Expected {destination.Length * 2} hex digits ({destination.Length} bytes) but found {digits.Length}.");
        }

        ValidateAndDecode(digits, offset, destination);
    }

    /// <summary>Tries to decode a hex string with or without a <c>0x</c> prefix.</summary>
    /// <param name="hex">The text to decode.</param>
    /// <param name="bytes">The decoded bytes, or <see langword="null"/> on failure.</param>
    /// <returns>Whether the text was valid hex.</returns>
    public static bool TryDecode(ReadOnlySpan<char> hex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        ReadOnlySpan<char> digits = StripPrefix(hex, out _);
        if (digits.Length % 2 != 0 || IndexOfNonHex(digits) >= 0)
        {
            bytes = null;
            return false;
        }

        bytes = Convert.FromHexString(digits);
        return true;
    }

    /// <summary>Whether <paramref name="hex"/> starts with <c>0x</c> or <c>0X</c>.</summary>
    /// <param name="hex">The text to inspect.</param>
    /// <returns><see langword="true"/> when the prefix is present.</returns>
    public static bool HasPrefix(ReadOnlySpan<char> hex) => hex.Length >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X');

    private static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> hex, out int offset)
    {
        offset = HasPrefix(hex) ? 2 : 0;
        return hex[offset..];
    }

    private static void ValidateAndDecode(ReadOnlySpan<char> digits, int offset, Span<byte> destination)
    {
        int bad = IndexOfNonHex(digits);
        if (bad >= 0)
        {
            throw new FormatException($"Invalid hex character '{digits[bad]}' at position {bad + offset}.");
        }

        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex has an odd number of digits ({digits.Length}).");
        }

        Convert.FromHexString(digits, destination, out _, out _);
    }

    private static int IndexOfNonHex(ReadOnlySpan<char> digits)
    {
        for (int i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiHexDigit(digits[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
