using System.Diagnostics.CodeAnalysis;

namespace EthCx.Chain.Primitives;

/// <summary>
/// A 32-byte value: a Keccak-256 hash, a transaction or block hash, a Solidity <c>bytes32</c>.
/// Immutable; prints as <c>0x</c> and 64 lower-case hex digits.
/// </summary>
public readonly struct Bytes32 : IEquatable<Bytes32>, IComparable<Bytes32>
{
    /// <summary>The length in bytes.</summary>
    public const int Length = 32;

    private readonly byte[]? _bytes;

    private Bytes32(byte[] bytes) => _bytes = bytes;

    /// <summary>Thirty-two zero bytes.</summary>
    public static Bytes32 Zero { get; } = new(new byte[Length]);

    /// <summary>The 32 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes!;

    /// <summary>Whether all 32 bytes are zero.</summary>
    public bool IsZero => Bytes.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Creates a value from exactly 32 bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public static Bytes32 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A bytes32 value is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new Bytes32(bytes.ToArray());
    }

    /// <summary>Takes ownership of a 32-byte array without copying it; the caller must not change it afterwards.</summary>
    internal static Bytes32 Wrap(byte[] bytes) => new(bytes);

    /// <summary>Parses <c>0x</c> and 64 hex digits.</summary>
    /// <param name="text">The hex text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The text is not 32 bytes of hex; the message says what is wrong and where.</exception>
    public static Bytes32 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new byte[Length];
        Hex.Decode(text, bytes);
        return new Bytes32(bytes);
    }

    /// <summary>Tries to parse <c>0x</c> and 64 hex digits.</summary>
    /// <param name="text">The hex text.</param>
    /// <param name="value">The parsed value on success.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Bytes32 value)
    {
        if (text is not null && Hex.TryDecode(text, out byte[]? bytes) && bytes.Length == Length)
        {
            value = new Bytes32(bytes);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Keccak-256 of <paramref name="data"/>.</summary>
    /// <param name="data">The data to hash.</param>
    /// <returns>The hash.</returns>
    public static Bytes32 Keccak(ReadOnlySpan<byte> data) => new(Crypto.Keccak256.HashData(data));

    /// <summary>Copies the bytes into a new array.</summary>
    /// <returns>A 32-byte array.</returns>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public override string ToString() => Hex.Encode(Bytes);

    /// <inheritdoc/>
    public bool Equals(Bytes32 other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bytes32 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public int CompareTo(Bytes32 other) => Bytes.SequenceCompareTo(other.Bytes);

    /// <summary>Compares two values for equality.</summary>
    public static bool operator ==(Bytes32 left, Bytes32 right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    public static bool operator !=(Bytes32 left, Bytes32 right) => !left.Equals(right);

    /// <summary>Orders values by their bytes.</summary>
    public static bool operator <(Bytes32 left, Bytes32 right) => left.CompareTo(right) < 0;

    /// <summary>Orders values by their bytes.</summary>
    public static bool operator >(Bytes32 left, Bytes32 right) => left.CompareTo(right) > 0;

    /// <summary>Orders values by their bytes.</summary>
    public static bool operator <=(Bytes32 left, Bytes32 right) => left.CompareTo(right) <= 0;

    /// <summary>Orders values by their bytes.</summary>
    public static bool operator >=(Bytes32 left, Bytes32 right) => left.CompareTo(right) >= 0;
}
