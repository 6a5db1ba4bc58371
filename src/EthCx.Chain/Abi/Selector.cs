using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>
/// A 4-byte function or error selector: the first four bytes of the Keccak-256 of the canonical
/// signature, e.g. <c>transfer(address,uint256)</c> -> <c>0xa9059cbb</c>. Prints as <c>0x</c> and 8 hex digits.
/// </summary>
/// <param name="Value">The four bytes as a big-endian integer.</param>
public readonly record struct Selector(uint Value)
{
    /// <summary>The length of a selector in bytes.</summary>
    public const int Length = 4;

    /// <summary>Computes the selector of a canonical signature such as <c>transfer(address,uint256)</c>; the text is hashed as given.</summary>
    /// <param name="canonicalSignature">The signature, without spaces or parameter names.</param>
    /// <returns>The selector.</returns>
    public static Selector FromSignature(string canonicalSignature)
    {
        ArgumentNullException.ThrowIfNull(canonicalSignature);
        Span<byte> hash = stackalloc byte[Keccak256.HashSizeInBytes];
        Keccak256.HashData(Encoding.UTF8.GetBytes(canonicalSignature), hash);
        return new Selector(BinaryPrimitives.ReadUInt32BigEndian(hash));
    }

    /// <summary>Reads the selector from the first four bytes of <paramref name="data"/> (calldata or revert data).</summary>
    /// <param name="data">At least four bytes.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is shorter than four bytes.</exception>
    public static Selector FromBytes(ReadOnlySpan<byte> data)
    {
        if (!TryRead(data, out Selector selector))
        {
            throw new ArgumentException($"A selector is {Length} bytes; the data has {data.Length}.", nameof(data));
        }

        return selector;
    }

    /// <summary>Reads the selector from the first four bytes of <paramref name="data"/> if there are four.</summary>
    /// <param name="data">The data.</param>
    /// <param name="selector">The selector on success.</param>
    /// <returns>Whether <paramref name="data"/> has at least four bytes.</returns>
    public static bool TryRead(ReadOnlySpan<byte> data, out Selector selector)
    {
        if (data.Length < Length)
        {
            selector = default;
            return false;
        }

        selector = new Selector(BinaryPrimitives.ReadUInt32BigEndian(data));
        return true;
    }

    /// <summary>Parses <c>0x</c> and 8 hex digits.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="FormatException">The text is not 4 bytes of hex.</exception>
    public static Selector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> bytes = stackalloc byte[Length];
        if (!Hex.HasPrefix(text) || text.Length != 2 + (2 * Length))
        {
            throw new FormatException($"Selector '{text}' must be 0x and 8 hex digits.");
        }

        Hex.Decode(text, bytes);
        return FromBytes(bytes);
    }

    /// <summary>Writes the four bytes to the start of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least four bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than four bytes.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"Destination is too short: {destination.Length} bytes, {Length} needed.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);
    }

    /// <summary>The four bytes.</summary>
    /// <returns>A new 4-byte array.</returns>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The selector as <c>0x</c> and 8 lower-case hex digits.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "0x" + Value.ToString("x8", CultureInfo.InvariantCulture);
}
