using BenchmarkDotNet.Attributes;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Benchmarks;

/// <summary>secp256k1 with a fixed key and hash: public-key derivation, signing (RFC 6979, low-s) and address recovery.</summary>
public class SignatureBenchmarks
{
    private readonly byte[] _key = Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private readonly Bytes32 _hash = Bytes32.Keccak("EthCx benchmark"u8);
    private Signature _signature;

    /// <summary>Signs the hash once for <see cref="Recover"/>.</summary>
    [GlobalSetup]
    public void Setup() => _signature = Secp256k1.Sign(_key, _hash);

    /// <summary>Secp256k1.GetPublicKey of the fixed key (one secret k·G, as every signer creation and HD derivation does).</summary>
    [Benchmark]
    public byte[] PublicKey() => Secp256k1.GetPublicKey(_key);

    /// <summary>Secp256k1.Sign of the fixed hash with the fixed key.</summary>
    [Benchmark]
    public Signature Sign() => Secp256k1.Sign(_key, _hash);

    /// <summary>Secp256k1.RecoverAddress of the fixed signature.</summary>
    [Benchmark]
    public Address Recover() => Secp256k1.RecoverAddress(_hash, _signature);
}
