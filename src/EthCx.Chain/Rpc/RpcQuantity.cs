using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace EthCx.Chain.Rpc;

/// <summary>
/// The JSON-RPC <c>QUANTITY</c> encoding (EIP-1474): <c>0x</c> followed by the hex digits of a
/// non-negative integer with no leading zeros (<c>0x0</c> for zero, <c>0x400</c> for 1024).
/// Parsing is strict: the prefix is required, <c>0x</c> alone and leading zeros are rejected, and at
/// most 64 digits (256 bits) are accepted.
/// </summary>
public static class RpcQuantity
{
    /// <summary>The largest number of hex digits a quantity may have (256 bits).</summary>
    public const int MaxDigits = 64;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Formats a non-negative integer as a quantity, e.g. <c>0x3b9aca00</c>.</summary>
    /// <param name="value">The value; must not be negative.</param>
    /// <returns>The quantity text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static string Format(BigInteger value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value.IsZero)
        {
            return "0x0";
        }

        // "x" formatting of a positive BigInteger may start with a sign digit 0; trim it.
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
    }

    /// <summary>Formats an unsigned 64-bit integer as a quantity, e.g. <c>0x7a69</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The quantity text.</returns>
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Parses a quantity into a non-negative <see cref="BigInteger"/>.</summary>
    /// <param name="text">The quantity text, e.g. <c>0x21e19e0c9bab2400000</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a strict quantity; the message quotes it and says why.</exception>
    public static BigInteger Parse(ReadOnlySpan<char> text)
    {
        string? error = Validate(text, MaxDigits);
        if (error is not null)
        {
            throw new FormatException(error);
        }

        // A leading 0 keeps AllowHexSpecifier from reading a first digit >= 8 as a sign bit.
        return BigInteger.Parse(string.Concat("0", text[2..]), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Tries to parse a quantity; see <see cref="Parse(ReadOnlySpan{char})"/>.</summary>
    /// <param name="text">The quantity text.</param>
    /// <param name="value">The value on success; zero otherwise.</param>
    /// <returns>Whether <paramref name="text"/> is a strict quantity.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out BigInteger value)
    {
        if (Validate(text, MaxDigits) is not null)
        {
            value = BigInteger.Zero;
            return false;
        }

        value = Parse(text);
        return true;
    }

    /// <summary>Parses a quantity that must fit in 64 bits (block numbers, nonces, gas, chain ids, timestamps).</summary>
    /// <param name="text">The quantity text, e.g. <c>0x7a69</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not a strict quantity or exceeds 64 bits.</exception>
    public static ulong ParseUInt64(ReadOnlySpan<char> text)
    {
        string? error = Validate(text, 16);
        if (error is not null)
        {
            throw new FormatException(error);
        }

        return ulong.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static string? Validate(ReadOnlySpan<char> text, int maxDigits)
    {
        if (text.Length < 2 || text[0] != '0' || text[1] != 'x')
        {
            return $"Quantity '{Excerpt(text)}' must start with 0x.";
        }

        ReadOnlySpan<char> digits = text[2..];
        if (digits.IsEmpty)
        {
            return "Quantity '0x' has no digits.";
        }

        int bad = digits.IndexOfAnyExcept(HexDigits);
        if (bad >= 0)
        {
            return $"Quantity '{Excerpt(text)}' has an invalid hex digit '{digits[bad]}' at position {bad + 2}.";
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            return $"Quantity '{Excerpt(text)}' has a leading zero.";
        }

        if (digits.Length > maxDigits)
        {
            return $"Quantity '{Excerpt(text)}' does not fit in {maxDigits * 4} bits.";
        }

        return null;
    }

    private static string Excerpt(ReadOnlySpan<char> text) =>
        text.Length <= 80 ? text.ToString() : string.Concat(text[..77], "...");
}
