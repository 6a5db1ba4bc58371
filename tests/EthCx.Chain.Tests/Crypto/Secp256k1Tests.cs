using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Crypto;

public class Secp256k1Tests
{
    private const string HardhatKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string HardhatAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string NHex = "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    private static readonly BigInteger N = Secp256k1.Order;
    private static readonly BigInteger P = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [Fact]
    public void Order_and_half_order_are_secp256k1s()
    {
        Assert.Equal(NHex, Hex.Encode(Scalar(N)));
        Assert.Equal(N / 2, Secp256k1.HalfOrder);
    }

    [Fact]
    public void Derives_the_hardhat_account_0_address()
    {
        Assert.Equal(HardhatAddress, Secp256k1.GetAddress(Hex.Decode(HardhatKey)).ToString());
    }

    [Fact]
    public void Public_keys_match_ethers()
    {
        byte[][] keys = RandomKeys(seed: 11, count: 20);
        string expected = Oracle.Ethers(
            $"for (const k of {Json(keys.Select(k => Hex.Encode(k)))}) console.log(ethers.SigningKey.computePublicKey(k, false), ethers.SigningKey.computePublicKey(k, true));");
        string actual = string.Join('\n', keys.Select(k =>
            "0x04" + Hex.Encode(Secp256k1.GetPublicKey(k), prefix: false) + " " + Hex.Encode(Secp256k1.CompressPublicKey(Secp256k1.GetPublicKey(k)))));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Signatures_match_ethers_byte_for_byte_and_recover_both_parities()
    {
        // 150 random keys and hashes plus edge cases: hashes of zero, n - 1, n and 2^256 - 1 (bits2octets reduces mod n), keys 1 and n - 1.
        var cases = new List<(byte[] Key, Bytes32 Hash)>();
        var random = new Random(7);
        foreach (byte[] key in RandomKeys(seed: 7, count: 150))
        {
            cases.Add((key, RandomHash(random)));
        }

        byte[] one = Scalar(BigInteger.One);
        byte[] nMinusOne = Scalar(N - 1);
        foreach (string hash in new[] { "0x" + new string('0', 64), Hex.Encode(Scalar(N - 1)), NHex, "0x" + new string('f', 64) })
        {
            cases.Add((one, Bytes32.Parse(hash)));
            cases.Add((nMinusOne, Bytes32.Parse(hash)));
        }

        string input = Json(cases.Select(c => new[] { Hex.Encode(c.Key), c.Hash.ToString() }));
        string[] expected = Oracle.Ethers(
            $$"""
            for (const [k, h] of {{input}}) {
              const sig = new ethers.SigningKey(k).sign(h);
              console.log(sig.serialized, ethers.recoverAddress(h, sig), ethers.computeAddress(k));
            }
            """).Split('\n');

        var parities = new HashSet<byte>();
        for (int i = 0; i < cases.Count; i++)
        {
            (byte[] key, Bytes32 hash) = cases[i];
            Signature signature = Secp256k1.Sign(key, hash);
            string[] fields = expected[i].Split(' ');
            Assert.Equal(fields[0], signature.ToString());
            Assert.True(Secp256k1.ToInteger(signature.S.Bytes) <= Secp256k1.HalfOrder, "s must be low");
            Assert.Equal(fields[1], Secp256k1.RecoverAddress(hash, signature).ToString());
            Assert.Equal(fields[2], Secp256k1.RecoverAddress(hash, signature).ToString());
            Assert.Equal(Secp256k1.GetPublicKey(key), Secp256k1.Recover(hash, signature));
            parities.Add(signature.YParity);
        }

        Assert.Equal(new byte[] { 0, 1 }, parities.Order().ToArray());
    }

    [Fact]
    public void Signatures_match_cast_wallet_sign_no_hash()
    {
        var random = new Random(3);
        foreach (byte[] key in RandomKeys(seed: 3, count: 5).Append(Hex.Decode(HardhatKey)))
        {
            Bytes32 hash = RandomHash(random);
            string expected = Oracle.Cast("wallet", "sign", "--no-hash", "--private-key", Hex.Encode(key), hash.ToString());
            Assert.Equal(expected, Secp256k1.Sign(key, hash).ToString());
        }
    }

    [Fact]
    public void Signing_is_deterministic_and_depends_on_key_and_hash()
    {
        byte[] key = Hex.Decode(HardhatKey);
        Bytes32 hash = Bytes32.Keccak("deterministic"u8);
        Signature first = Secp256k1.Sign(key, hash);
        Assert.Equal(first, Secp256k1.Sign(key, hash));
        Assert.NotEqual(first.R, Secp256k1.Sign(key, Bytes32.Keccak("other"u8)).R);
        Assert.NotEqual(first.R, Secp256k1.Sign(RandomKeys(seed: 1, count: 1)[0], hash).R);
    }

    [Fact]
    public void Recovers_signatures_made_by_ethers_and_cast_verifies_ours()
    {
        // cast wallet verify --no-hash recovers our signature; we recover one that ethers made with another key.
        byte[] key = Hex.Decode(HardhatKey);
        Bytes32 hash = Bytes32.Keccak("recover me"u8);
        Signature ours = Secp256k1.Sign(key, hash);
        string castRecovered = Oracle.Cast("wallet", "verify", "--no-hash", "--address", HardhatAddress, hash.ToString(), ours.ToString());
        Assert.Contains("Validation succeeded", castRecovered, StringComparison.Ordinal);

        string[] lines = Oracle.Ethers(
            """
            const w = new ethers.Wallet("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
            const sig = w.signingKey.sign(ethers.id("from ethers"));
            console.log(sig.serialized); console.log(w.address);
            """).Split('\n');
        Signature theirs = Signature.FromBytes(Hex.Decode(lines[0]));
        Assert.Equal(lines[1], Secp256k1.RecoverAddress(Bytes32.Keccak("from ethers"u8), theirs).ToString());
    }

    [Fact]
    public void Tampered_signatures_recover_a_different_address()
    {
        byte[] key = Hex.Decode(HardhatKey);
        Bytes32 hash = Bytes32.Keccak("tamper"u8);
        Signature signature = Secp256k1.Sign(key, hash);
        Address signer = Address.Parse(HardhatAddress);

        Assert.NotEqual(signer, Secp256k1.RecoverAddress(Bytes32.Keccak("tamper!"u8), signature));
        Assert.NotEqual(signer, Secp256k1.RecoverAddress(hash, signature with { YParity = (byte)(1 - signature.YParity) }));
        byte[] s = signature.S.ToArray();
        s[31] ^= 0x01;
        Assert.NotEqual(signer, Secp256k1.RecoverAddress(hash, signature with { S = Bytes32.FromBytes(s) }));
    }

    [Fact]
    public void High_s_is_rejected_by_recovery_and_verification()
    {
        byte[] key = Hex.Decode(HardhatKey);
        Bytes32 hash = Bytes32.Keccak("malleable"u8);
        Signature low = Secp256k1.Sign(key, hash);
        Signature high = new(low.R, Bytes32.FromBytes(Scalar(N - Secp256k1.ToInteger(low.S.Bytes))), (byte)(1 - low.YParity));
        string expected = $"Signature s {high.S} is high (above n/2); EIP-2 allows only low-s signatures. (Parameter 'signature')";

        var recoverError = Assert.Throws<InvalidSignatureException>(() => Secp256k1.Recover(hash, high));
        Assert.Equal(expected, recoverError.Message);
        Assert.Equal(high, recoverError.Signature);
        Assert.Equal(expected, Assert.Throws<InvalidSignatureException>(() => Secp256k1.Verify(Secp256k1.GetPublicKey(key), hash, high)).Message);

        // s = n/2 is the largest low s and is accepted.
        Signature boundary = low with { S = Bytes32.FromBytes(Scalar(Secp256k1.HalfOrder)) };
        Assert.False(Secp256k1.Verify(Secp256k1.GetPublicKey(key), hash, boundary));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "0x01", 0, "Signature r is zero.")]
    [InlineData(NHex, "0x01", 0, "Signature r " + NHex + " is not below the curve order n.")]
    [InlineData("0x01", "0x0000000000000000000000000000000000000000000000000000000000000000", 0, "Signature s is zero.")]
    [InlineData("0x01", NHex, 0, "Signature s " + NHex + " is not below the curve order n.")]
    [InlineData("0x01", "0x01", 2, "Signature recovery id must be 0 or 1, not 2.")]
    public void Out_of_range_signatures_are_rejected_by_recovery(string r, string s, byte parity, string message)
    {
        var signature = new Signature(Word(r), Word(s), parity);
        var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.Recover(Bytes32.Keccak("x"u8), signature));
        Assert.Equal(message + " (Parameter 'signature')", error.Message);
    }

    [Fact]
    public void R_that_is_not_an_x_coordinate_is_rejected()
    {
        // The first x whose x³ + 7 is a quadratic non-residue mod p (Euler's criterion, computed here independently).
        BigInteger x = BigInteger.One;
        while (BigInteger.ModPow((x * x * x) + 7, (P - 1) / 2, P) == BigInteger.One)
        {
            x++;
        }

        var signature = new Signature(Bytes32.FromBytes(Scalar(x)), Word("0x01"), 0);
        var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.Recover(Bytes32.Keccak("x"u8), signature));
        Assert.Equal($"Signature r {signature.R} is not the x-coordinate of a secp256k1 point. (Parameter 'signature')", error.Message);
    }

    [Fact]
    public void A_signature_that_recovers_the_point_at_infinity_is_rejected()
    {
        // With R = k·G and s = z/k, s·R = z·G, so Q = r^-1 (s·R - z·G) is the point at infinity.
        BigInteger k = 12345;
        byte[] noncePoint = Secp256k1.GetPublicKey(Scalar(k));
        Bytes32 hash = Bytes32.Keccak("infinity"u8);
        BigInteger z = Secp256k1.ToInteger(hash.Bytes) % N;
        BigInteger s = z * BigInteger.ModPow(k, N - 2, N) % N;
        byte parity = (byte)(noncePoint[63] & 1);
        if (s > Secp256k1.HalfOrder)
        {
            s = N - s;
            parity ^= 1;
        }

        var signature = new Signature(Bytes32.FromBytes(noncePoint.AsSpan(0, 32)), Bytes32.FromBytes(Scalar(s)), parity);
        var error = Assert.Throws<InvalidSignatureException>(() => Secp256k1.Recover(hash, signature));
        Assert.Equal("The signature recovers the point at infinity, which is no public key. (Parameter 'signature')", error.Message);
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "A secp256k1 private key must not be zero.")]
    [InlineData(NHex, "A secp256k1 private key must be below the curve order n.")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142", "A secp256k1 private key must be below the curve order n.")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "A secp256k1 private key must be below the curve order n.")]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff", "A secp256k1 private key is 32 bytes, not 31.")]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff8000", "A secp256k1 private key is 32 bytes, not 33.")]
    [InlineData("0x", "A secp256k1 private key is 32 bytes, not 0.")]
    public void Invalid_private_keys_are_rejected_without_the_key_in_the_message(string keyHex, string message)
    {
        byte[] key = Hex.Decode(keyHex);
        Assert.False(Secp256k1.IsValidPrivateKey(key));
        foreach (Func<object> call in new Func<object>[]
        {
            () => Secp256k1.Sign(key, Bytes32.Zero),
            () => Secp256k1.GetPublicKey(key),
            () => Secp256k1.GetAddress(key),
        })
        {
            var error = Assert.Throws<InvalidPrivateKeyException>(call);
            Assert.Equal(message + " (Parameter 'privateKey')", error.Message);
            if (key.Length > 0)
            {
                Assert.DoesNotContain(Hex.Encode(key, prefix: false), error.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Verify_accepts_the_signers_key_in_every_encoding_and_rejects_others()
    {
        byte[] key = Hex.Decode(HardhatKey);
        Bytes32 hash = Bytes32.Keccak("verify"u8);
        Signature signature = Secp256k1.Sign(key, hash);
        byte[] publicKey = Secp256k1.GetPublicKey(key);

        Assert.True(Secp256k1.Verify(publicKey, hash, signature));
        Assert.True(Secp256k1.Verify([0x04, .. publicKey], hash, signature));
        Assert.True(Secp256k1.Verify(Secp256k1.CompressPublicKey(publicKey), hash, signature));
        Assert.False(Secp256k1.Verify(publicKey, Bytes32.Keccak("verify?"u8), signature));
        Assert.False(Secp256k1.Verify(Secp256k1.GetPublicKey(RandomKeys(seed: 5, count: 1)[0]), hash, signature));
        Assert.Equal(publicKey, Secp256k1.DecompressPublicKey(Secp256k1.CompressPublicKey(publicKey)));
    }

    [Fact]
    public void Malformed_public_keys_are_rejected()
    {
        byte[] publicKey = Secp256k1.GetPublicKey(Hex.Decode(HardhatKey));
        byte[] offCurve = (byte[])publicKey.Clone();
        offCurve[63] ^= 1;
        Signature signature = Secp256k1.Sign(Hex.Decode(HardhatKey), Bytes32.Zero);

        Assert.Equal(
            "A secp256k1 public key is 64 bytes (X || Y), 65 (0x04 || X || Y) or 33 (compressed), not 63. (Parameter 'publicKey')",
            Assert.Throws<ArgumentException>(() => Secp256k1.Verify(publicKey.AsSpan(1), Bytes32.Zero, signature)).Message);
        Assert.Equal(
            "The public key is not a point on secp256k1. (Parameter 'publicKey')",
            Assert.Throws<ArgumentException>(() => Secp256k1.Verify(offCurve, Bytes32.Zero, signature)).Message);
        Assert.Equal(
            "A compressed public key starts with 0x02 or 0x03, not 0x05. (Parameter 'publicKey')",
            Assert.Throws<ArgumentException>(() => Secp256k1.DecompressPublicKey([0x05, .. publicKey.AsSpan(0, 32)])).Message);
    }

    internal static byte[][] RandomKeys(int seed, int count)
    {
        var random = new Random(seed);
        var keys = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            do
            {
                keys[i] = new byte[32];
                random.NextBytes(keys[i]);
            }
            while (!Secp256k1.IsValidPrivateKey(keys[i]));
        }

        return keys;
    }

    internal static Bytes32 RandomHash(Random random)
    {
        byte[] bytes = new byte[32];
        random.NextBytes(bytes);
        return Bytes32.FromBytes(bytes);
    }

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static byte[] Scalar(BigInteger value)
    {
        byte[] bytes = new byte[32];
        Secp256k1.WriteScalar(value, bytes);
        return bytes;
    }

    private static Bytes32 Word(string hex) => Bytes32.FromBytes(Scalar(Secp256k1.ToInteger(Hex.Decode(hex))));
}
