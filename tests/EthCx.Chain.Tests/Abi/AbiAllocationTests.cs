using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using Xunit.Abstractions;

namespace EthCx.Chain.Tests.Abi;

/// <summary>Allocation is deterministic, so it is tested here; speed is measured in tests/EthCx.Benchmarks.</summary>
public class AbiAllocationTests(ITestOutputHelper output)
{
    private static readonly AbiFunction Submit = AbiFunction.Parse("function submit(address who, uint256 amount, bytes32 id, uint256[] values)");

    private static readonly object?[] Arguments =
    [
        Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
        BigInteger.Parse("1000000000000000000"),
        Bytes32.Keccak("consent"u8),
        new BigInteger[] { 1, 2, 3, 4, 5 },
    ];

    [Fact]
    public void Encoding_a_call_allocates_only_the_result()
    {
        byte[] warm = Submit.EncodeCall(Arguments);
        const int runs = 1000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < runs; i++)
        {
            warm = Submit.EncodeCall(Arguments);
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
        Assert.Equal(4 + (32 * 4) + 32 + (32 * 5), warm.Length);

        long resultSize = MeasureArray(warm.Length);
        output.WriteLine($"{perCall} bytes per encode; a {warm.Length}-byte array takes {resultSize}");
        Assert.Equal(resultSize, perCall);
    }

    private static long MeasureArray(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        byte[] array = new byte[length];
        long size = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(array);
        return size;
    }
}
