using System.Numerics;
using System.Text;
using EthCx.Chain.Primitives;
using EthCx.Codegen.Tests.Generated.AbiShapes;
using EthCx.Codegen.Tests.Generated.Shared;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.RoundTrip;

/// <summary>Values for AbiShapes: extremes of every width, empty and long dynamic values, nested structs.</summary>
internal static class Samples
{
    public static Leaf Genesis { get; } = new(42, "genesis");

    public static Address Alice => DevAccounts.All[1].Address;

    public static Address Bob => DevAccounts.All[2].Address;

    /// <summary>A long UTF-8 text: more than one ABI word, with multi-byte characters.</summary>
    public static string LongText { get; } = string.Concat(Enumerable.Repeat("Grüße, 世界 ✓ ", 7));

    public static byte[] LongBytes { get; } = [.. Enumerable.Range(0, 100).Select(i => (byte)(255 - i))];

    /// <summary>Every unsigned width at its maximum.</summary>
    public static Uints MaxUints { get; } = Uints.FromAbiValues([.. Enumerable.Range(1, 32).Select(i => (object?)EvmInteger.MaxUnsigned(i * 8))]);

    /// <summary>Every unsigned width at a value whose bytes differ (0x01, 0x0102, ...).</summary>
    public static Uints MixedUints { get; } = Uints.FromAbiValues([.. Enumerable.Range(1, 32).Select(i => (object?)Counting(i))]);

    /// <summary>Every signed width at its minimum (the most negative value).</summary>
    public static Ints MinInts { get; } = Ints.FromAbiValues([.. Enumerable.Range(1, 32).Select(i => (object?)EvmInteger.MinSigned(i * 8))]);

    /// <summary>Every signed width at its maximum.</summary>
    public static Ints MaxInts { get; } = Ints.FromAbiValues([.. Enumerable.Range(1, 32).Select(i => (object?)EvmInteger.MaxSigned(i * 8))]);

    /// <summary>Every signed width at -1, -2, ... (small negative values).</summary>
    public static Ints SmallNegativeInts { get; } = Ints.FromAbiValues([.. Enumerable.Range(1, 32).Select(i => (object?)new BigInteger(-i))]);

    public static Tree Tree { get; } = new(
        [
            new Branch(
                new Leaf(1, "one"),
                [new Leaf(2, "two"), new Leaf(ulong.MaxValue, LongText), new Leaf(0, string.Empty)],
                [Bytes32.Keccak("a"u8), Bytes32.Zero],
                -8_388_608,
                new Point(int.MinValue, int.MaxValue)),
            new Branch(new Leaf(3, "three"), [], [Bytes32.Keccak("b"u8), Bytes32.Keccak("c"u8)], 8_388_607, new Point(-1, 1)),
        ],
        Alice,
        Size.Large,
        LongBytes);

    public static Tree OtherTree { get; } = new([], Bob, Size.Empty, []);

    /// <summary>0x01, 0x0102, 0x010203, ... : <paramref name="count"/> bytes counting up.</summary>
    private static BigInteger Counting(int count)
    {
        var builder = new StringBuilder("0");
        for (int i = 1; i <= count; i++)
        {
            builder.Append((i % 256).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return BigInteger.Parse(builder.ToString(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    }
}
