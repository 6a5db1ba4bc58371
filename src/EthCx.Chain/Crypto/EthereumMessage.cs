using System.Buffers;
using System.Globalization;
using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Crypto;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign") messages: the hash that <c>eth_sign</c>,
/// <c>personal_sign</c>, <c>cast wallet sign</c> and ethers' <c>signMessage</c> sign, and recovery
/// of the signer. Signing itself goes through a signer (see <see cref="SignerExtensions"/>).
/// </summary>
public static class EthereumMessage
{
    /// <summary>The prefix before the decimal byte length: <c>"\x19Ethereum Signed Message:\n"</c>.</summary>
    public const string Prefix = "\u0019Ethereum Signed Message:\n";

    /// <summary>Keccak-256 of <c>"\x19Ethereum Signed Message:\n" + len(message) + message</c>, len in decimal ASCII.</summary>
    /// <param name="message">The message bytes.</param>
    /// <returns>The hash to sign.</returns>
    public static Bytes32 Hash(ReadOnlySpan<byte> message)
    {
        string header = Prefix + message.Length.ToString(CultureInfo.InvariantCulture);
        int length = header.Length + message.Length;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int written = Encoding.ASCII.GetBytes(header, buffer);
            message.CopyTo(buffer.AsSpan(written));
            return Bytes32.Keccak(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The EIP-191 hash of a text message, encoded as UTF-8.</summary>
    /// <param name="message">The text.</param>
    /// <returns>The hash to sign.</returns>
    public static Bytes32 Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Hash(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Recovers the address that signed an EIP-191 message.</summary>
    /// <param name="message">The message bytes.</param>
    /// <param name="signature">The signature (65-byte <c>r || s || v</c> form via <see cref="Signature.FromBytes"/>).</param>
    /// <returns>The signer's address.</returns>
    /// <exception cref="InvalidSignatureException">The signature is malformed (see <see cref="Secp256k1.Recover"/>).</exception>
    public static Address RecoverAddress(ReadOnlySpan<byte> message, Signature signature) =>
        Secp256k1.RecoverAddress(Hash(message), signature);

    /// <summary>Recovers the address that signed an EIP-191 text message (UTF-8).</summary>
    /// <param name="message">The text.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>The signer's address.</returns>
    /// <exception cref="InvalidSignatureException">The signature is malformed (see <see cref="Secp256k1.Recover"/>).</exception>
    public static Address RecoverAddress(string message, Signature signature) =>
        Secp256k1.RecoverAddress(Hash(message), signature);

    /// <summary>Whether <paramref name="signature"/> over an EIP-191 message was made by <paramref name="address"/>.</summary>
    /// <param name="address">The claimed signer.</param>
    /// <param name="message">The message bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns><see langword="true"/> when the recovered address is <paramref name="address"/>.</returns>
    /// <exception cref="InvalidSignatureException">The signature is malformed (see <see cref="Secp256k1.Recover"/>).</exception>
    public static bool Verify(Address address, ReadOnlySpan<byte> message, Signature signature) =>
        RecoverAddress(message, signature) == address;
}
