using System.Text.Json;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Abi;

/// <summary>The worked examples of the Solidity ABI specification, byte for byte.</summary>
public class AbiSpecVectorTests
{
    private static readonly Lazy<JsonDocument> Vectors = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("tests", "EthCx.Chain.Tests", "Vectors", "abi-spec.json"))));

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement vector in Vectors.Value.RootElement.GetProperty("vectors").EnumerateArray())
        {
            names.Add(vector.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Encodes_the_spec_example(string name)
    {
        (AbiFunction function, object?[] values, string calldata) = Load(name);
        Assert.Equal(calldata, Hex.Encode(function.EncodeCall(values)));
        Assert.Equal(calldata, Hex.Encode(EthAbi.EncodeCall(function.Signature, values)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decodes_the_spec_example(string name)
    {
        (AbiFunction function, object?[] values, string calldata) = Load(name);
        AbiTestValues.AssertDeepEqual(values, function.DecodeCall(Hex.Decode(calldata)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Span_overload_writes_the_same_bytes_into_a_dirty_buffer(string name)
    {
        (AbiFunction function, object?[] values, string calldata) = Load(name);
        byte[] expected = Hex.Decode(calldata)[4..];
        int length = AbiEncoder.GetEncodedLength(function.InputTypes, values);
        Assert.Equal(expected.Length, length);
        byte[] buffer = new byte[length + 10];
        Array.Fill(buffer, (byte)0xEE);
        Assert.Equal(length, AbiEncoder.Encode(function.InputTypes, values, buffer));
        Assert.Equal(expected, buffer[..length]);
        Assert.All(buffer[length..], b => Assert.Equal(0xEE, b));
        Assert.False(AbiEncoder.TryEncode(function.InputTypes, values, buffer.AsSpan(0, length - 1), out int written));
        Assert.Equal(0, written);
    }

    private static (AbiFunction Function, object?[] Values, string Calldata) Load(string name)
    {
        JsonElement vector = Vectors.Value.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == name);
        var function = AbiFunction.Parse(vector.GetProperty("signature").GetString()!);
        object?[] values = AbiTestValues.FromJson(function.InputTypes, vector.GetProperty("values"));
        return (function, values, vector.GetProperty("calldata").GetString()!);
    }
}
