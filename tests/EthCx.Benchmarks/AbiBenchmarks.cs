using System.Numerics;
using BenchmarkDotNet.Attributes;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Benchmarks;

/// <summary>
/// ABI encode and decode of a typical call: one struct argument holding an address, a uint256,
/// a bytes32 and a dynamic uint256 array. Encoding allocates only the result.
/// </summary>
public class AbiBenchmarks
{
    private static readonly AbiFunction Submit = AbiFunction.Parse("function submit((address who, uint256 amount, bytes32 id, uint256[] values) order)");

    private readonly object?[] _arguments =
    [
        new object?[]
        {
            Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            BigInteger.Parse("1000000000000000000", System.Globalization.CultureInfo.InvariantCulture),
            Bytes32.Keccak("consent"u8),
            new object?[] { BigInteger.One, new BigInteger(2), new BigInteger(3), new BigInteger(4), new BigInteger(5) },
        },
    ];

    private byte[] _calldata = [];

    /// <summary>Encodes the call once so <see cref="AbiDecode"/> has input.</summary>
    [GlobalSetup]
    public void Setup() => _calldata = Submit.EncodeCall(_arguments);

    /// <summary>Selector and arguments into a new calldata array.</summary>
    [Benchmark]
    public byte[] AbiEncode() => Submit.EncodeCall(_arguments);

    /// <summary>Calldata back into .NET values.</summary>
    [Benchmark]
    public object?[] AbiDecode() => Submit.DecodeCall(_calldata);
}
