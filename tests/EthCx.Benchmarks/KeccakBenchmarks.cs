using BenchmarkDotNet.Attributes;
using EthCx.Chain.Crypto;

namespace EthCx.Benchmarks;

/// <summary>Keccak-256 of 32 bytes and 1 KiB into a caller's buffer: no allocation per call.</summary>
public class KeccakBenchmarks
{
    private readonly byte[] _input32 = new byte[32];
    private readonly byte[] _input1K = new byte[1024];
    private readonly byte[] _output = new byte[32];

    /// <summary>Fills the inputs with fixed pseudo-random bytes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        random.NextBytes(_input32);
        random.NextBytes(_input1K);
    }

    /// <summary>Keccak-256 of 32 bytes.</summary>
    [Benchmark]
    public int Keccak32() => Keccak256.HashData(_input32, _output);

    /// <summary>Keccak-256 of 1 KiB.</summary>
    [Benchmark]
    public int Keccak1K() => Keccak256.HashData(_input1K, _output);
}
