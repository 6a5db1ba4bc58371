using System.Text.Json;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Abi;

/// <summary>Encodings, selectors and topics checked against Foundry's cast.</summary>
public class AbiCastOracleTests
{
    private const string Alice = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    private const string Bob = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359";

    public static TheoryData<string, string> Calls() => new()
    {
        { "transfer(address,uint256)", $"[\"{Alice}\", \"1000000000000000000\"]" },
        { "submit(address,uint256,bytes32,uint256[])", $"[\"{Alice}\", \"115792089237316195423570985008687907853269984665640564039457584007913129639935\", \"0x{new string('a', 64)}\", [\"1\", \"0\", \"42\"]]" },
        { "negatives(int8,int16,int64,int256,int256)", "[\"-1\", \"-32768\", \"-9223372036854775808\", \"-57896044618658097711785492504343953926634992332820282019728792003956564819968\", \"57896044618658097711785492504343953926634992332820282019728792003956564819967\"]" },
        { "small(uint8,uint24,uint160,bool,bool)", "[\"255\", \"16777215\", \"1461501637330902918203684832716283019655932542975\", true, false]" },
        { "fixedBytes(bytes1,bytes5,bytes31,bytes32)", $"[\"0xff\", \"0x0102030405\", \"0x{new string('7', 62)}\", \"0x{new string('0', 63)}1\"]" },
        { "dynamic(bytes,string,bytes,string)", "[\"0x\", \"\", \"0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\", \"h\u00e9llo w\u00f6rld \u20ac \ud83d\ude00\"]" },
        { "tuple((uint256,address,bool))", $"[[\"7\", \"{Bob}\", true]]" },
        { "dynTuple((string,uint256[],bytes))", "[[\"name\", [\"1\", \"2\"], \"0xdeadbeef\"]]" },
        { "nested((uint8,(address,(string,int32)[])[2])[])", $"[[[\"1\", [[\"{Alice}\", [[\"a\", \"-5\"], [\"b\", \"6\"]]], [\"{Bob}\", []]]], [\"2\", [[\"{Bob}\", [[\"c\", \"-2147483648\"]]], [\"{Alice}\", []]]]]]" },
        { "arrays(uint256[2][],string[][2],bool[3])", "[[[\"1\", \"2\"], [\"3\", \"4\"]], [[\"x\", \"yy\"], []], [true, false, true]]" },
        { "tupleArray((address,uint96)[],(bytes32,bytes)[1])", $"[[[\"{Alice}\", \"79228162514264337593543950335\"], [\"{Bob}\", \"0\"]], [[\"0x{new string('1', 64)}\", \"0x01\"]]]" },
        { "empty(uint256[],bytes[],string)", "[[], [], \"\"]" },
        { "deep(((((uint256)))))", "[[[[[\"9\"]]]]]" },
        { "callback(function,uint8)", $"[\"{Alice}a9059cbb\", \"1\"]" },
        { "noArgs()", "[]" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Call_encoding_matches_cast_calldata(string signature, string valuesJson)
    {
        var function = AbiFunction.Parse(signature);
        object?[] values = AbiTestValues.FromJson(function.InputTypes, JsonDocument.Parse(valuesJson).RootElement);
        string[] arguments = [.. function.InputTypes.Select((type, i) => AbiTestValues.ToCast(type, values[i]))];
        string expected = Oracle.Cast(["calldata", signature, "--", .. arguments]);

        byte[] calldata = function.EncodeCall(values);
        Assert.Equal(expected, Hex.Encode(calldata));
        Assert.Equal(function.Selector.ToString(), Oracle.Cast("sig", signature));
        AbiTestValues.AssertDeepEqual(values, function.DecodeCall(calldata));
    }

    [Fact]
    public void Abi_encode_of_values_matches_cast_abi_encode()
    {
        AbiType[] types = [.. AbiType.ParseList("(int128,string)[],bytes7,address[2]")];
        object?[] values =
        [
            new object?[] { new object?[] { (System.Numerics.BigInteger)(-77), "first" }, new object?[] { System.Numerics.BigInteger.One, "second" } },
            new byte[] { 1, 2, 3, 4, 5, 6, 7 },
            new object?[] { Address.Parse(Alice), Address.Parse(Bob) },
        ];
        string expected = Oracle.Cast(["abi-encode", "f((int128,string)[],bytes7,address[2])", "--", .. types.Select((t, i) => AbiTestValues.ToCast(t, values[i]))]);
        Assert.Equal(expected, Hex.Encode(AbiEncoder.Encode(types, values)));
    }

    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("function transfer(address to, uint256 amount) external returns (bool)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("approve(address,uint256)", "0x095ea7b3")]
    [InlineData("function submit((uint256 id, address[] who)[] batch, bytes data) payable", null)]
    [InlineData("f(uint,int)", null)]
    public void Function_selectors_match_cast_sig(string signature, string? known)
    {
        string canonical = AbiFunction.Parse(signature).Signature;
        string expected = Oracle.Cast("sig", canonical);
        if (known is not null)
        {
            Assert.Equal(known, expected);
        }

        Assert.Equal(expected, EthAbi.FunctionSelector(signature).ToString());
    }

    [Theory]
    [InlineData("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    [InlineData("event Approval(address indexed owner, address indexed spender, uint256 value)", "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925")]
    [InlineData("event Recorded((uint64 id, bytes32[] tags)[] indexed entries, string note) anonymous", null)]
    public void Event_topics_match_cast_sig_event(string signature, string? known)
    {
        string canonical = AbiEvent.Parse(signature).Signature;
        string expected = Oracle.Cast("sig-event", canonical);
        if (known is not null)
        {
            Assert.Equal(known, expected);
        }

        Assert.Equal(expected, EthAbi.EventTopic(signature).ToString());
    }

    [Fact]
    public void Indexed_value_topics_match_cast_abi_encode_event()
    {
        const string signature = "event Moved(address indexed from, int16 indexed delta, bytes4 indexed tag, uint256 value)";
        var transfer = AbiEvent.Parse(signature);
        string output = Oracle.Cast("abi-encode-event", signature, "--", Alice, "-300", "0xcafebabe", "5");
        IReadOnlyList<Bytes32?> topics = transfer.EncodeTopics([Address.Parse(Alice), (System.Numerics.BigInteger)(-300), new byte[] { 0xca, 0xfe, 0xba, 0xbe }]);
        string[] lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal([.. lines.Take(4).Select(line => line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..])], topics.Select(t => t.ToString()));
    }
}
