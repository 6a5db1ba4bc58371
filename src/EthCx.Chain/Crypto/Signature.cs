using EthCx.Chain.Primitives;

namespace EthCx.Chain.Crypto;

/// <summary>
/// A recoverable secp256k1 signature: <c>r</c>, <c>s</c> and the y-parity of the nonce point
/// (the recovery id, 0 or 1). EthCx only produces low-s signatures (EIP-2).
/// </summary>
/// <param name="R">The x-coordinate of the nonce point, mod n, big-endian.</param>
/// <param name="S">The signature proof, big-endian.</param>
/// <param name="YParity">The recovery id: 0 or 1.</param>
public readonly record struct Signature(Bytes32 R, Bytes32 S, byte YParity)
{
    /// <summary>The length of the 65-byte <c>r || s || v</c> form.</summary>
    public const int Length = 65;

    /// <summary>The legacy <c>v</c> value: 27 + <see cref="YParity"/>.</summary>
    public byte V => (byte)(27 + YParity);

    /// <summary>The 65-byte <c>r || s || v</c> form (v = 27 or 28), as <c>eth_sign</c>, <c>cast wallet sign</c> and OpenZeppelin's ECDSA expect.</summary>
    /// <returns>A new 65-byte array.</returns>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        R.Bytes.CopyTo(bytes);
        S.Bytes.CopyTo(bytes.AsSpan(32));
        bytes[64] = V;
        return bytes;
    }

    /// <summary>Reads the 65-byte <c>r || s || v</c> form; v may be 0, 1, 27 or 28.</summary>
    /// <param name="bytes">The 65 bytes.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ArgumentException">The length is not 65 or v is not 0, 1, 27 or 28.</exception>
    public static Signature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A signature is {Length} bytes (r, s, v), not {bytes.Length}.", nameof(bytes));
        }

        byte v = bytes[64];
        byte parity = v switch
        {
            0 or 27 => 0,
            1 or 28 => 1,
            _ => throw new ArgumentException($"Signature v must be 0, 1, 27 or 28, not {v}.", nameof(bytes)),
        };
        return new Signature(Bytes32.FromBytes(bytes[..32]), Bytes32.FromBytes(bytes[32..64]), parity);
    }

    /// <inheritdoc/>
    public override string ToString() => Hex.Encode(ToBytes());
}
