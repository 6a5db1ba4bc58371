using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Crypto;

public class Secp256k1GeneratorMultiplierTests
{
    private const string HardhatKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string HardhatAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    // new ethers.SigningKey(HardhatKey).sign(ethers.keccak256(ethers.toUtf8Bytes("hello"))).serialized
    private const string HelloSignature =
        "0x73eebf81a611136662d65778960c853fdcaf6eca86793ed9cabc30f2195937af78a07e601627da5b4cc80c0ab35f6894da19b4a01759d90c101d9c9dd1c6745d1b";

    [LinuxFact]
    public void Linux_uses_libcrypto_directly()
    {
        Assert.IsType<OpenSslGeneratorMultiplier>(Secp256k1GeneratorMultiplier.Default);
        Assert.NotNull(OpenSslGeneratorMultiplier.TryCreate(OpenSslGeneratorMultiplier.DefaultLibraryNames));
    }

    [Fact]
    public void Libcrypto_and_ecdsa_import_give_the_same_public_keys_and_signatures()
    {
        Secp256k1GeneratorMultiplier native = Secp256k1GeneratorMultiplier.Default;
        Secp256k1GeneratorMultiplier import = Secp256k1GeneratorMultiplier.EcdsaImport;
        var random = new Random(23);
        foreach (byte[] key in Keys(random, 200))
        {
            var hash = Bytes32.FromBytes(RandomBytes(random, 32));
            Assert.Equal(Secp256k1.GetPublicKeyWith(key, import), Secp256k1.GetPublicKeyWith(key, native));
            Assert.Equal(Secp256k1.SignWith(key, hash, import), Secp256k1.SignWith(key, hash, native));
        }
    }

    [Fact]
    public void Concurrent_signatures_all_recover_their_signer()
    {
        var random = new Random(29);
        (byte[] Key, Bytes32 Hash, Address Signer)[] cases = Keys(random, 64)
            .Select(key => (key, Bytes32.FromBytes(RandomBytes(random, 32)), Secp256k1.GetAddress(key)))
            .ToArray();
        Signature[] sequential = cases.Select(c => Secp256k1.Sign(c.Key, c.Hash)).ToArray();

        Signature[][] rounds = Enumerable.Range(0, 8)
            .AsParallel()
            .WithDegreeOfParallelism(8)
            .Select(_ => cases.Select(c => Secp256k1.Sign(c.Key, c.Hash)).ToArray())
            .ToArray();

        foreach (Signature[] round in rounds)
        {
            Assert.Equal(sequential, round);
        }

        for (int i = 0; i < cases.Length; i++)
        {
            Assert.Equal(cases[i].Signer, Secp256k1.RecoverAddress(cases[i].Hash, sequential[i]));
        }
    }

    [Fact]
    public void A_missing_library_falls_back_to_the_ecdsa_import()
    {
        string[] missing = ["libethcx-no-such-crypto.so.9", "ethcx-no-such-crypto.dll"];
        Assert.Null(OpenSslGeneratorMultiplier.TryCreate(missing));
        Secp256k1GeneratorMultiplier fallback = Secp256k1GeneratorMultiplier.Select(missing);
        Assert.Same(Secp256k1GeneratorMultiplier.EcdsaImport, fallback);

        byte[] key = Hex.Decode(HardhatKey);
        Assert.Equal(HardhatAddress, Address.FromPublicKey(Secp256k1.GetPublicKeyWith(key, fallback)).ToString());
        Bytes32 hash = Bytes32.Keccak("hello"u8);
        Assert.Equal(HelloSignature, Secp256k1.SignWith(key, hash, fallback).ToString());
        Assert.Equal(HelloSignature, Secp256k1.Sign(key, hash).ToString());
    }

    [LinuxFact]
    public void A_library_that_is_not_libcrypto_is_not_used()
    {
        Assert.Null(OpenSslGeneratorMultiplier.TryCreate(["libc.so.6"]));
    }

    private static IEnumerable<byte[]> Keys(Random random, int count)
    {
        for (int produced = 0; produced < count;)
        {
            byte[] key = RandomBytes(random, 32);
            if (Secp256k1.IsValidPrivateKey(key))
            {
                produced++;
                yield return key;
            }
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

/// <summary>A fact that runs on Linux only, where libcrypto is the platform's crypto library.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "libcrypto is the platform crypto library on Linux only.";
        }
    }
}
