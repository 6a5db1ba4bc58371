using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Abi;

/// <summary>
/// Converts ABI values between .NET, JSON (vector files and ethers batches) and cast's argument
/// syntax; compares decoded values structurally; generates random types and values.
/// </summary>
internal static class AbiTestValues
{
    /// <summary>A value from JSON: integers as decimal or 0x strings, bytes as 0x hex, arrays and tuples as arrays.</summary>
    public static object? FromJson(AbiType type, JsonElement json) => type switch
    {
        AbiUInt or AbiInt => ParseInteger(json.GetString()!),
        AbiAddress => Address.Parse(json.GetString()!),
        AbiBool => json.GetBoolean(),
        AbiString => json.GetString(),
        AbiFixedBytes or AbiBytes or AbiFunctionType => Hex.Decode(json.GetString()!),
        AbiArray array => json.EnumerateArray().Select(item => FromJson(array.Element, item)).ToArray(),
        AbiTuple tuple => json.EnumerateArray().Select((item, i) => FromJson(tuple.Types[i], item)).ToArray(),
        _ => throw new NotSupportedException(type.CanonicalName),
    };

    public static object?[] FromJson(IReadOnlyList<AbiType> types, JsonElement json) =>
        json.EnumerateArray().Select((item, i) => FromJson(types[i], item)).ToArray();

    /// <summary>Writes a value as ethers v6 takes it: integers as decimal strings, bytes and addresses as hex.</summary>
    public static void WriteJson(Utf8JsonWriter writer, AbiType type, object? value)
    {
        switch (value)
        {
            case BigInteger integer:
                writer.WriteStringValue(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case Address address:
                writer.WriteStringValue(address.ToLowerHex());
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case byte[] bytes:
                writer.WriteStringValue(Hex.Encode(bytes));
                break;
            case object?[] items:
                writer.WriteStartArray();
                for (int i = 0; i < items.Length; i++)
                {
                    WriteJson(writer, type is AbiArray array ? array.Element : ((AbiTuple)type).Types[i], items[i]);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException(value?.GetType().Name);
        }
    }

    /// <summary>A scalar value in cast's argument syntax, e.g. <c>-5</c>, <c>0x01</c>.</summary>
    private static string ToCast(object? value) => value switch
    {
        BigInteger integer => integer.ToString(CultureInfo.InvariantCulture),
        Address address => address.ToLowerHex(),
        bool flag => flag ? "true" : "false",
        string text => text,
        byte[] bytes => Hex.Encode(bytes),
        _ => throw new NotSupportedException(value?.GetType().Name),
    };

    /// <summary>The value in cast's argument syntax: <c>[1,2]</c>, <c>(0x..,true)</c>, <c>-5</c>.</summary>
    public static string ToCast(AbiType type, object? value) => (type, value) switch
    {
        (AbiTuple tuple, object?[] items) => "(" + string.Join(",", items.Select((item, i) => ToCast(tuple.Types[i], item))) + ")",
        (AbiArray array, object?[] items) => "[" + string.Join(",", items.Select(item => ToCast(array.Element, item))) + "]",
        (AbiString, string text) when text.Length == 0 || text.Contains(',') => "\"" + text + "\"",
        _ => ToCast(value),
    };

    /// <summary>Structural equality: arrays item by item, byte arrays by content.</summary>
    public static bool DeepEqual(object? a, object? b) => (a, b) switch
    {
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (object?[] x, object?[] y) => x.Length == y.Length && x.Zip(y).All(pair => DeepEqual(pair.First, pair.Second)),
        _ => Equals(a, b),
    };

    public static void AssertDeepEqual(object? expected, object? actual, string because = "")
    {
        Assert.True(DeepEqual(expected, actual), $"{because}\nexpected: {Show(expected)}\nactual:   {Show(actual)}");
    }

    public static string Show(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Hex.Encode(bytes),
        object?[] items => "[" + string.Join(", ", items.Select(Show)) + "]",
        string text => "\"" + text + "\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    public static BigInteger ParseInteger(string text)
    {
        bool negative = text.StartsWith('-');
        string digits = negative ? text[1..] : text;
        BigInteger value = digits.StartsWith("0x", StringComparison.Ordinal)
            ? BigInteger.Parse("0" + digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>A random type with tuples and arrays nested up to <paramref name="depth"/> levels.</summary>
    public static AbiType RandomType(Random random, int depth)
    {
        int choice = random.Next(depth > 0 ? 12 : 8);
        return choice switch
        {
            0 => new AbiUInt(8 * random.Next(1, 33)),
            1 => new AbiInt(8 * random.Next(1, 33)),
            2 => AbiAddress.Instance,
            3 => AbiBool.Instance,
            4 => new AbiFixedBytes(random.Next(1, 33)),
            5 => AbiBytes.Instance,
            6 => AbiString.Instance,
            7 => random.Next(2) == 0 ? AbiUInt.UInt256 : AbiFixedBytes.Bytes32,
            8 or 9 => new AbiArray(RandomType(random, depth - 1), random.Next(2) == 0 ? null : random.Next(1, 4)),
            _ => new AbiTuple(Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomType(random, depth - 1)).ToArray()),
        };
    }

    /// <summary>A random value of <paramref name="type"/>, biased towards the edges of integer ranges.</summary>
    public static object? RandomValue(Random random, AbiType type)
    {
        switch (type)
        {
            case AbiUInt u:
                return RandomInteger(random, u.Bits, signed: false);
            case AbiInt i:
                return RandomInteger(random, i.Bits, signed: true);
            case AbiAddress:
                return Address.FromBytes(RandomBytes(random, 20));
            case AbiBool:
                return random.Next(2) == 1;
            case AbiFixedBytes f:
                return RandomBytes(random, f.Size);
            case AbiFunctionType:
                return RandomBytes(random, 24);
            case AbiBytes:
                return RandomBytes(random, RandomLength(random));
            case AbiString:
                return RandomString(random);
            case AbiArray array:
                int count = array.Length ?? random.Next(0, 4);
                return Enumerable.Range(0, count).Select(_ => RandomValue(random, array.Element)).ToArray();
            case AbiTuple tuple:
                return tuple.Types.Select(t => RandomValue(random, t)).ToArray();
            default:
                throw new NotSupportedException(type.CanonicalName);
        }
    }

    private static BigInteger RandomInteger(Random random, int bits, bool signed)
    {
        BigInteger max = signed ? EvmInteger.MaxSigned(bits) : EvmInteger.MaxUnsigned(bits);
        BigInteger min = signed ? EvmInteger.MinSigned(bits) : BigInteger.Zero;
        switch (random.Next(6))
        {
            case 0: return max;
            case 1: return min;
            case 2: return random.Next(0, 3);
            default:
                byte[] bytes = RandomBytes(random, bits / 8);
                var value = new BigInteger(bytes, isUnsigned: !signed, isBigEndian: true);
                return value;
        }
    }

    private static int RandomLength(Random random) => random.Next(4) switch
    {
        0 => 0,
        1 => 32,
        2 => random.Next(1, 32),
        _ => random.Next(33, 100),
    };

    private static string RandomString(Random random)
    {
        string[] pieces = ["a", "Z", "0", " ", "é", "€", "😀", "日本", "\"", "\\", "\n"];
        var builder = new StringBuilder();
        int count = random.Next(0, 12);
        for (int i = 0; i < count; i++)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }

        return builder.ToString();
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
