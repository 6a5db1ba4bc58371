using System.Diagnostics.CodeAnalysis;
using EthCx.Chain.Crypto;

namespace EthCx.Chain.Primitives;

/// <summary>
/// A 20-byte Ethereum account address. Prints with its EIP-55 checksum; parsing accepts all
/// lower-case, all upper-case, or a correctly checksummed mixed-case address, and rejects a
/// mixed-case address whose checksum is wrong.
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>, ISpanFormattable
{
    /// <summary>The length of an address in bytes.</summary>
    public const int Length = 20;

    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    /// <summary>The zero address, 0x0000000000000000000000000000000000000000.</summary>
    public static Address Zero { get; } = new(new byte[Length]);

    /// <summary>The 20 bytes of the address.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes!;

    /// <summary>Whether this is the zero address.</summary>
    public bool IsZero => Bytes.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <param name="bytes">The address bytes.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 20 bytes long.</exception>
    public static Address FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An address is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new Address(bytes.ToArray());
    }

    /// <summary>Parses a <c>0x</c>-prefixed 40-digit address, checking its EIP-55 checksum if it is mixed-case.</summary>
    /// <param name="text">The address text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not an address, or its mixed-case checksum is wrong (the message names the address).</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static Address Parse(ReadOnlySpan<char> text)
    {
        if (!Hex.HasPrefix(text))
        {
            throw new FormatException($"Address '{text}' must start with 0x.");
        }

        if (text.Length != 2 + (Length * 2))
        {
            throw new FormatException($"Address '{text}' must have 40 hex digits, not {text.Length - 2}.");
        }

        var bytes = new byte[Length];
        Hex.Decode(text, bytes);
        var address = new Address(bytes);
        ReadOnlySpan<char> digits = text[2..];
        if (IsMixedCase(digits))
        {
            Span<char> expected = stackalloc char[Length * 2];
            address.WriteChecksummedDigits(expected);
            if (!digits.SequenceEqual(expected))
            {
                throw new FormatException($"Address '{text}' has an invalid EIP-55 checksum; expected 0x{expected}.");
            }
        }

        return address;
    }

    /// <summary>Tries to parse an address; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The address text.</param>
    /// <param name="address">The parsed address on success.</param>
    /// <returns>Whether <paramref name="text"/> is a valid address.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Address address)
    {
        address = default;
        if (text is null || !Hex.HasPrefix(text) || text.Length != 42)
        {
            return false;
        }

        try
        {
            address = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="text"/> is a syntactically valid address with a correct checksum if mixed-case.</summary>
    /// <param name="text">The address text.</param>
    /// <returns><see langword="true"/> when <see cref="Parse(string)"/> would succeed.</returns>
    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>Derives the address of an uncompressed secp256k1 public key (64 bytes X||Y, or 65 with the 0x04 prefix).</summary>
    /// <param name="publicKey">The public key.</param>
    /// <returns>The last 20 bytes of the Keccak-256 of X||Y.</returns>
    /// <exception cref="ArgumentException">The key is not 64 or 65 (0x04-prefixed) bytes.</exception>
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }

        if (publicKey.Length != 64)
        {
            throw new ArgumentException($"An uncompressed public key is 64 bytes (or 65 with 0x04), not {publicKey.Length}.", nameof(publicKey));
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.HashData(publicKey, hash);
        return new Address(hash[12..].ToArray());
    }

    /// <summary>The EIP-55 checksummed form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    /// <returns>The checksummed address.</returns>
    public override string ToString()
    {
        return string.Create(42, this, static (span, address) =>
        {
            span[0] = '0';
            span[1] = 'x';
            address.WriteChecksummedDigits(span[2..]);
        });
    }

    /// <summary>The lower-case form, <c>0x</c> and 40 digits.</summary>
    /// <returns>The address in lower case.</returns>
    public string ToLowerHex() => Hex.Encode(Bytes);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < 42)
        {
            charsWritten = 0;
            return false;
        }

        destination[0] = '0';
        destination[1] = 'x';
        WriteChecksummedDigits(destination[2..42]);
        charsWritten = 42;
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public int CompareTo(Address other) => Bytes.SequenceCompareTo(other.Bytes);

    /// <summary>Compares two addresses for equality.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Compares two addresses for inequality.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    /// <summary>Orders addresses by their bytes.</summary>
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;

    /// <summary>Orders addresses by their bytes.</summary>
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;

    /// <summary>Orders addresses by their bytes.</summary>
    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;

    /// <summary>Orders addresses by their bytes.</summary>
    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;

    private void WriteChecksummedDigits(Span<char> destination)
    {
        Span<byte> lower = stackalloc byte[Length * 2];
        ReadOnlySpan<byte> bytes = Bytes;
        const string digits = "0123456789abcdef";
        for (int i = 0; i < Length; i++)
        {
            lower[2 * i] = (byte)digits[bytes[i] >> 4];
            lower[(2 * i) + 1] = (byte)digits[bytes[i] & 0xF];
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.HashData(lower, hash);
        for (int i = 0; i < lower.Length; i++)
        {
            char c = (char)lower[i];
            int nibble = (i % 2 == 0) ? hash[i / 2] >> 4 : hash[i / 2] & 0xF;
            destination[i] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
        }
    }

    private static bool IsMixedCase(ReadOnlySpan<char> digits) =>
        digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
}
