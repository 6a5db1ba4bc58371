using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Rlp;

/// <summary>The official ethereum/tests RLP vectors (Vectors/README.md).</summary>
public class RlpVectorTests
{
    private static readonly Lazy<JsonElement> Valid = new(() => Load("rlptest.json"));
    private static readonly Lazy<JsonElement> Invalid = new(() => Load("invalidRLPTest.json"));

    public static TheoryData<string> ValidNames() => Names(Valid.Value);

    public static TheoryData<string> InvalidNames() => Names(Invalid.Value);

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Encodes_official_vector_byte_exact(string name)
    {
        JsonElement vector = Valid.Value.GetProperty(name);
        RlpItem item = FromSpec(vector.GetProperty("in"));

        Assert.Equal(vector.GetProperty("out").GetString()!.ToLowerInvariant(), Hex.Encode(RlpEncoder.Encode(item)));
        Assert.Equal(item.EncodedLength, RlpEncoder.Encode(item).Length);
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Decodes_official_vector_to_its_input(string name)
    {
        JsonElement vector = Valid.Value.GetProperty(name);

        RlpItem decoded = RlpDecoder.Decode(Hex.Decode(vector.GetProperty("out").GetString()));

        Assert.Equal(FromSpec(vector.GetProperty("in")), decoded);
    }

    [Theory]
    [InlineData("int32Overflow", RlpErrorKind.Truncated, 0)]
    [InlineData("int32Overflow2", RlpErrorKind.Truncated, 0)]
    [InlineData("wrongSizeList", RlpErrorKind.NonCanonicalLength, 0)]
    [InlineData("wrongSizeList2", RlpErrorKind.NonCanonicalLength, 0)]
    [InlineData("incorrectLengthInArray", RlpErrorKind.LeadingZeroInLength, 0)]
    [InlineData("randomRLP", RlpErrorKind.LeadingZeroInLength, 4)]
    [InlineData("bytesShouldBeSingleByte00", RlpErrorKind.NonCanonicalSingleByte, 0)]
    [InlineData("bytesShouldBeSingleByte01", RlpErrorKind.NonCanonicalSingleByte, 0)]
    [InlineData("bytesShouldBeSingleByte7F", RlpErrorKind.NonCanonicalSingleByte, 0)]
    [InlineData("leadingZerosInLongLengthArray1", RlpErrorKind.LeadingZeroInLength, 0)]
    [InlineData("leadingZerosInLongLengthArray2", RlpErrorKind.LeadingZeroInLength, 0)]
    [InlineData("leadingZerosInLongLengthList1", RlpErrorKind.LeadingZeroInLength, 0)]
    [InlineData("leadingZerosInLongLengthList2", RlpErrorKind.LeadingZeroInLength, 0)]
    [InlineData("nonOptimalLongLengthArray1", RlpErrorKind.NonCanonicalLength, 0)]
    [InlineData("nonOptimalLongLengthArray2", RlpErrorKind.NonCanonicalLength, 0)]
    [InlineData("nonOptimalLongLengthList1", RlpErrorKind.NonCanonicalLength, 0)]
    [InlineData("nonOptimalLongLengthList2", RlpErrorKind.NonCanonicalLength, 0)]
    [InlineData("emptyEncoding", RlpErrorKind.EmptyInput, 0)]
    [InlineData("lessThanShortLengthArray1", RlpErrorKind.Truncated, 0)]
    [InlineData("lessThanShortLengthArray2", RlpErrorKind.Truncated, 0)]
    [InlineData("lessThanShortLengthList1", RlpErrorKind.Truncated, 0)]
    [InlineData("lessThanShortLengthList2", RlpErrorKind.Truncated, 0)]
    [InlineData("lessThanLongLengthArray1", RlpErrorKind.Truncated, 0)]
    [InlineData("lessThanLongLengthArray2", RlpErrorKind.Truncated, 0)]
    [InlineData("lessThanLongLengthList1", RlpErrorKind.Truncated, 0)]
    [InlineData("lessThanLongLengthList2", RlpErrorKind.Truncated, 0)]
    public void Rejects_official_invalid_vector(string name, RlpErrorKind kind, int offset)
    {
        byte[] encoded = Hex.Decode(Invalid.Value.GetProperty(name).GetProperty("out").GetString());

        RlpException error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(encoded));

        Assert.Equal((kind, offset), (error.Kind, error.Offset));
    }

    [Fact]
    public void Every_invalid_vector_has_an_expected_outcome()
    {
        // Guards the InlineData list above against a vector file that grows.
        Assert.Equal(26, InvalidNames().Count);
    }

    /// <summary>ethereum/tests notation: text, a number, "#decimal", "0xhex" for raw bytes, or a list.</summary>
    private static RlpItem FromSpec(JsonElement spec) => spec.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.List(spec.EnumerateArray().Select(FromSpec)),
        JsonValueKind.Number => RlpItem.FromInteger(spec.GetUInt64()),
        JsonValueKind.String when spec.GetString()!.StartsWith('#') => RlpItem.FromInteger(BigInteger.Parse(spec.GetString()![1..], System.Globalization.CultureInfo.InvariantCulture)),
        JsonValueKind.String when spec.GetString()!.StartsWith("0x", StringComparison.Ordinal) => RlpItem.FromBytes(Hex.Decode(spec.GetString())),
        JsonValueKind.String => RlpItem.FromUtf8(spec.GetString()!),
        _ => throw new InvalidOperationException($"Unexpected vector input {spec}."),
    };

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("tests", "EthCx.Chain.Tests", "Rlp", "Vectors", file))).RootElement;

    private static TheoryData<string> Names(JsonElement root)
    {
        var names = new TheoryData<string>();
        foreach (JsonProperty property in root.EnumerateObject())
        {
            names.Add(property.Name);
        }

        return names;
    }
}
