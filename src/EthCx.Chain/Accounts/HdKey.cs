using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Accounts;

/// <summary>
/// A BIP-32 extended private key: a secp256k1 private key, its chain code and its place in the
/// tree. Derives hardened and normal children; the key never appears in <see cref="ToString"/> or
/// the debugger display, and <see cref="Dispose"/> overwrites it.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class HdKey : IDisposable
{
    /// <summary>Child numbers at or above this value (2^31) are hardened.</summary>
    public const uint HardenedOffset = 0x80000000;

    private const int KeyLength = 32;

    private static readonly byte[] MasterHmacKey = "Bitcoin seed"u8.ToArray();

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _privateKey;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _chainCode;

    private readonly Lazy<byte[]> _publicKey;
    private bool _disposed;

    private HdKey(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> chainCode, int depth, uint childNumber, string path)
    {
        _privateKey = privateKey.ToArray();
        _chainCode = chainCode.ToArray();
        Depth = depth;
        ChildNumber = childNumber;
        Path = path;
        _publicKey = new Lazy<byte[]>(() => Secp256k1.GetPublicKey(_privateKey));
    }

    /// <summary>The number of derivation steps from the master key (0 for the master key).</summary>
    public int Depth { get; }

    /// <summary>The child number this key was derived with (hardened ones include <see cref="HardenedOffset"/>); 0 for the master key.</summary>
    public uint ChildNumber { get; }

    /// <summary>The derivation path from the master key, e.g. <c>m/44'/60'/0'/0/5</c>.</summary>
    public string Path { get; }

    /// <summary>The 32-byte chain code (a secret: with a public key it derives the normal children's public keys).</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public ReadOnlySpan<byte> ChainCode
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _chainCode;
        }
    }

    /// <summary>The uncompressed public key, X || Y (64 bytes).</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public ReadOnlySpan<byte> PublicKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _publicKey.Value;
        }
    }

    /// <summary>The Ethereum address of this key.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public Address Address => Address.FromPublicKey(PublicKey);

    /// <summary>Creates the master key from a seed (BIP-32: HMAC-SHA512 keyed with "Bitcoin seed").</summary>
    /// <param name="seed">16 to 64 bytes, e.g. a BIP-39 seed.</param>
    /// <returns>The master key (path <c>m</c>).</returns>
    /// <exception cref="ArgumentException">The seed is shorter than 16 or longer than 64 bytes.</exception>
    /// <exception cref="CryptographicException">The seed gives an invalid master key (probability below 2^-127).</exception>
    public static HdKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
        {
            throw new ArgumentException($"A BIP-32 seed is 16 to 64 bytes, not {seed.Length}.", nameof(seed));
        }

        Span<byte> i = stackalloc byte[HMACSHA512.HashSizeInBytes];
        try
        {
            HMACSHA512.HashData(MasterHmacKey, seed, i);
            if (!Secp256k1.IsValidPrivateKey(i[..KeyLength]))
            {
                throw new CryptographicException("The seed gives an invalid BIP-32 master key; use another seed.");
            }

            return new HdKey(i[..KeyLength], i[KeyLength..], depth: 0, childNumber: 0, path: "m");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(i);
        }
    }

    /// <summary>Derives a child key (BIP-32 CKDpriv).</summary>
    /// <param name="childNumber">The index; add <see cref="HardenedOffset"/> for a hardened child.</param>
    /// <returns>The child key.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    /// <exception cref="CryptographicException">This index gives an invalid key (probability below 2^-127); BIP-32 says to use the next index.</exception>
    public HdKey DeriveChild(uint childNumber)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool hardened = childNumber >= HardenedOffset;

        // Hardened: HMAC(c, 0x00 || k || i); normal: HMAC(c, compressed public key || i).
        Span<byte> data = stackalloc byte[1 + KeyLength + 4];
        Span<byte> i = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Span<byte> childKey = stackalloc byte[KeyLength];
        try
        {
            if (hardened)
            {
                data[0] = 0;
                _privateKey.CopyTo(data[1..]);
            }
            else
            {
                Secp256k1.CompressPublicKey(PublicKey).CopyTo(data);
            }

            BinaryPrimitives.WriteUInt32BigEndian(data[(1 + KeyLength)..], childNumber);
            HMACSHA512.HashData(_chainCode, data, i);

            // The child key is (IL + k) mod n; IL >= n or a zero result make this index invalid.
            BigInteger tweak = Secp256k1.ToInteger(i[..KeyLength]);
            BigInteger child = (tweak + Secp256k1.ToInteger(_privateKey)) % Secp256k1.Order;
            if (tweak >= Secp256k1.Order || child.IsZero)
            {
                throw new CryptographicException($"BIP-32 child {FormatIndex(childNumber)} of {Path} is invalid; derive the next index instead.");
            }

            Secp256k1.WriteScalar(child, childKey);
            return new HdKey(childKey, i[KeyLength..], Depth + 1, childNumber, Path + "/" + FormatIndex(childNumber));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
            CryptographicOperations.ZeroMemory(i);
            CryptographicOperations.ZeroMemory(childKey);
        }
    }

    /// <summary>
    /// Derives along a path: absolute (<c>m/44'/60'/0'/0/5</c>, only from the master key) or relative
    /// to this key (<c>0/5</c>). Hardened segments end in <c>'</c>, <c>h</c> or <c>H</c>.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The derived key (this key's copy for <c>m</c>).</returns>
    /// <exception cref="FormatException">A segment is malformed (the message names it) or the path is absolute but this is not the master key.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public HdKey Derive(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        uint[] indices = HdPath.Parse(path, out bool isAbsolute);
        if (isAbsolute && Depth != 0)
        {
            throw new FormatException($"HD path '{path}' is absolute (starts with m) but this key is {Path}, not the master key.");
        }

        HdKey current = new(_privateKey, _chainCode, Depth, ChildNumber, Path);
        foreach (uint index in indices)
        {
            using HdKey parent = current;
            current = parent.DeriveChild(index);
        }

        return current;
    }

    /// <summary>Returns a copy of the private key. Handle it as a secret and clear it after use.</summary>
    /// <returns>A new 32-byte array.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public byte[] ExportPrivateKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte[])_privateKey.Clone();
    }

    /// <summary>Creates a signer for this key (it holds its own copy of the private key).</summary>
    /// <returns>The signer.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public PrivateKeySigner ToSigner()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new PrivateKeySigner(_privateKey);
    }

    /// <summary>Overwrites the private key and chain code with zeros.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_privateKey);
        CryptographicOperations.ZeroMemory(_chainCode);
        _disposed = true;
    }

    /// <summary>Shows the path only, e.g. <c>HdKey(m/44'/60'/0'/0/5)</c>.</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"HdKey({Path})";

    private static string FormatIndex(uint childNumber) =>
        childNumber >= HardenedOffset
            ? (childNumber - HardenedOffset).ToString(CultureInfo.InvariantCulture) + "'"
            : childNumber.ToString(CultureInfo.InvariantCulture);
}
