using System.Diagnostics;
using System.Security.Cryptography;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Accounts;

/// <summary>
/// An <see cref="ISigner"/> that holds a secp256k1 private key in memory. The key never appears in
/// <see cref="ToString"/>, the debugger display or exception messages; <see cref="Dispose"/>
/// overwrites it with zeros.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class PrivateKeySigner : ISigner, IVerifiedSigner, IDisposable
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _privateKey;

    private readonly byte[] _publicKey;
    private bool _disposed;

    /// <summary>Creates a signer for a 32-byte private key (the bytes are copied).</summary>
    /// <param name="privateKey">The private key, big-endian, in [1, n - 1].</param>
    /// <exception cref="InvalidPrivateKeyException">The key is not 32 bytes or not in [1, n - 1].</exception>
    public PrivateKeySigner(ReadOnlySpan<byte> privateKey)
    {
        Secp256k1.ValidatePrivateKey(privateKey, nameof(privateKey));
        _privateKey = privateKey.ToArray();
        _publicKey = Secp256k1.GetPublicKey(_privateKey);
        Address = Address.FromPublicKey(_publicKey);
    }

    /// <inheritdoc/>
    public Address Address { get; }

    /// <summary>The uncompressed public key, X || Y (64 bytes).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Creates a signer from 64 hex digits, with or without a <c>0x</c> prefix.</summary>
    /// <param name="privateKeyHex">The private key in hex.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="InvalidPrivateKeyException">
    /// The text is not 32 bytes of hex or the key is out of range; the message never repeats the text.
    /// </exception>
    public static PrivateKeySigner FromHex(string privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        ReadOnlySpan<char> digits = Hex.HasPrefix(privateKeyHex) ? privateKeyHex.AsSpan(2) : privateKeyHex;
        if (digits.Length != Secp256k1.PrivateKeyLength * 2)
        {
            throw new InvalidPrivateKeyException(
                $"A private key is {Secp256k1.PrivateKeyLength * 2} hex digits, optionally 0x-prefixed, not {digits.Length}.",
                nameof(privateKeyHex));
        }

        Span<byte> key = stackalloc byte[Secp256k1.PrivateKeyLength];
        try
        {
            if (Convert.FromHexString(digits, key, out _, out _) != System.Buffers.OperationStatus.Done)
            {
                throw new InvalidPrivateKeyException("A private key must contain only hex digits.", nameof(privateKeyHex));
            }

            return new PrivateKeySigner(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Creates a signer for a new key drawn from the operating system's secure random generator.</summary>
    /// <returns>The signer.</returns>
    public static PrivateKeySigner Generate()
    {
        Span<byte> key = stackalloc byte[Secp256k1.PrivateKeyLength];
        try
        {
            // Rejection sampling: a draw of zero or of n or more (probability < 2^-127) is redrawn.
            do
            {
                RandomNumberGenerator.Fill(key);
            }
            while (!Secp256k1.IsValidPrivateKey(key));

            return new PrivateKeySigner(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Signs a 32-byte hash (RFC 6979, low-s); see <see cref="Secp256k1.Sign"/>.</summary>
    /// <param name="hash">The hash to sign.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    public Signature SignHash(Bytes32 hash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Secp256k1.Sign(_privateKey, hash);
    }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was already cancelled.</exception>
    public ValueTask<Signature> SignHashAsync(Bytes32 hash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(SignHash(hash));
    }

    /// <summary>Signs an EIP-191 personal message: the hash is <see cref="EthereumMessage.Hash(ReadOnlySpan{byte})"/>.</summary>
    /// <param name="message">The message bytes.</param>
    /// <returns>The signature, as <c>cast wallet sign</c> and ethers' <c>signMessage</c> produce it.</returns>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    public Signature SignMessage(ReadOnlySpan<byte> message) => SignHash(EthereumMessage.Hash(message));

    /// <summary>Signs an EIP-191 personal message given as text (UTF-8).</summary>
    /// <param name="message">The text.</param>
    /// <returns>The signature.</returns>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    public Signature SignMessage(string message) => SignHash(EthereumMessage.Hash(message));

    /// <summary>Returns a copy of the private key. Handle it as a secret and clear it after use.</summary>
    /// <returns>A new 32-byte array.</returns>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    public byte[] ExportPrivateKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte[])_privateKey.Clone();
    }

    /// <summary>Overwrites the private key with zeros; the signer cannot sign afterwards.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_privateKey);
        _disposed = true;
    }

    /// <inheritdoc/>
    bool IVerifiedSigner.SignaturesRecoverToAddress => true;

    /// <summary>Names the signer by its address only, e.g. <c>PrivateKeySigner(0xf39F...2266)</c>.</summary>
    /// <returns>A description without the key.</returns>
    public override string ToString() => $"PrivateKeySigner({Address})";
}
