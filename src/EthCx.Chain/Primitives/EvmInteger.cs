using System.Numerics;

namespace EthCx.Chain.Primitives;

/// <summary>
/// Range checks and conversions for the EVM's integer types (<c>uint8</c> .. <c>uint256</c>,
/// <c>int8</c> .. <c>int256</c>) held as <see cref="BigInteger"/>. Every narrowing is checked.
/// </summary>
public static class EvmInteger
{
    /// <summary>2^256 - 1, the largest <c>uint256</c>.</summary>
    public static BigInteger MaxUInt256 { get; } = (BigInteger.One << 256) - 1;

    /// <summary>The largest value of <c>uint&lt;bits&gt;</c>.</summary>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <returns>2^bits - 1.</returns>
    public static BigInteger MaxUnsigned(int bits) => (BigInteger.One << CheckBits(bits)) - 1;

    /// <summary>The largest value of <c>int&lt;bits&gt;</c>.</summary>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <returns>2^(bits-1) - 1.</returns>
    public static BigInteger MaxSigned(int bits) => (BigInteger.One << (CheckBits(bits) - 1)) - 1;

    /// <summary>The smallest value of <c>int&lt;bits&gt;</c>.</summary>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <returns>-2^(bits-1).</returns>
    public static BigInteger MinSigned(int bits) => -(BigInteger.One << (CheckBits(bits) - 1));

    /// <summary>Whether <paramref name="value"/> fits <c>uint&lt;bits&gt;</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <returns><see langword="true"/> when 0 &lt;= value &lt;= 2^bits - 1.</returns>
    public static bool FitsUnsigned(BigInteger value, int bits) => value.Sign >= 0 && value.GetBitLength() <= CheckBits(bits);

    /// <summary>Whether <paramref name="value"/> fits <c>int&lt;bits&gt;</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <returns><see langword="true"/> when -2^(bits-1) &lt;= value &lt; 2^(bits-1).</returns>
    public static bool FitsSigned(BigInteger value, int bits) => value >= MinSigned(bits) && value <= MaxSigned(bits);

    /// <summary>Throws unless <paramref name="value"/> fits <c>uint&lt;bits&gt;</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <param name="paramName">The argument name to put in the exception.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or too large.</exception>
    public static BigInteger CheckUnsigned(BigInteger value, int bits, string? paramName = null)
    {
        if (!FitsUnsigned(value, bits))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value {value} is out of range for uint{bits} (0 to 2^{bits}-1).");
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> fits <c>int&lt;bits&gt;</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="bits">A multiple of 8 from 8 to 256.</param>
    /// <param name="paramName">The argument name to put in the exception.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside -2^(bits-1) .. 2^(bits-1)-1.</exception>
    public static BigInteger CheckSigned(BigInteger value, int bits, string? paramName = null)
    {
        if (!FitsSigned(value, bits))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value {value} is out of range for int{bits} (-2^{bits - 1} to 2^{bits - 1}-1).");
        }

        return value;
    }

    /// <summary>Narrows to <see cref="ulong"/>, checking the range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The argument name to put in the exception.</param>
    /// <returns>The value as <see cref="ulong"/>.</returns>
    /// <exception cref="OverflowException">The value is negative or above <see cref="ulong.MaxValue"/>.</exception>
    public static ulong ToUInt64(BigInteger value, string? paramName = null)
    {
        if (value.Sign < 0 || value > ulong.MaxValue)
        {
            throw new OverflowException($"{paramName ?? "Value"} {value} does not fit in a 64-bit unsigned integer.");
        }

        return (ulong)value;
    }

    /// <summary>Narrows to <see cref="long"/>, checking the range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The argument name to put in the exception.</param>
    /// <returns>The value as <see cref="long"/>.</returns>
    /// <exception cref="OverflowException">The value is outside the range of <see cref="long"/>.</exception>
    public static long ToInt64(BigInteger value, string? paramName = null)
    {
        if (value < long.MinValue || value > long.MaxValue)
        {
            throw new OverflowException($"{paramName ?? "Value"} {value} does not fit in a 64-bit signed integer.");
        }

        return (long)value;
    }

    /// <summary>Narrows to <see cref="int"/>, checking the range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The argument name to put in the exception.</param>
    /// <returns>The value as <see cref="int"/>.</returns>
    /// <exception cref="OverflowException">The value is outside the range of <see cref="int"/>.</exception>
    public static int ToInt32(BigInteger value, string? paramName = null)
    {
        if (value < int.MinValue || value > int.MaxValue)
        {
            throw new OverflowException($"{paramName ?? "Value"} {value} does not fit in a 32-bit signed integer.");
        }

        return (int)value;
    }

    /// <summary>Reads an unsigned big-endian integer (as the EVM stores it).</summary>
    /// <param name="bytes">Big-endian bytes; may be empty (zero).</param>
    /// <returns>The non-negative value.</returns>
    public static BigInteger FromBigEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    /// <summary>The minimal big-endian bytes of a non-negative value (empty for zero), as RLP wants it.</summary>
    /// <param name="value">A non-negative value.</param>
    /// <returns>The bytes, with no leading zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static byte[] ToMinimalBigEndian(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Value must be non-negative.");
        }

        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    private static int CheckBits(int bits)
    {
        if (bits < 8 || bits > 256 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "An EVM integer has 8 to 256 bits in steps of 8.");
        }

        return bits;
    }
}
