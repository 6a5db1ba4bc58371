using System.Numerics;
using System.Security.Cryptography;

namespace EthCx.Chain.Tests.Accounts;

/// <summary>The fields of a Base58Check-encoded BIP-32 xprv/xpub, decoded to compare against published vectors.</summary>
internal sealed record ExtendedKey(byte Depth, uint ChildNumber, byte[] ChainCode, byte[] Key)
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Decodes an xprv (Key = the 32-byte private key) or xpub (Key = the 33-byte compressed public key).</summary>
    public static ExtendedKey Decode(string base58)
    {
        BigInteger value = BigInteger.Zero;
        foreach (char c in base58)
        {
            value = (value * 58) + Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        byte[] raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(82, raw.Length);
        byte[] payload = raw[..78];
        Assert.Equal(SHA256.HashData(SHA256.HashData(payload))[..4], raw[78..]);
        byte[] key = payload[45] == 0 ? payload[46..78] : payload[45..78];
        return new ExtendedKey(payload[4], System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(9)), payload[13..45], key);
    }
}
