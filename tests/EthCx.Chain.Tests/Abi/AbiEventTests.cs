using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Abi;

public class AbiEventTests
{
    private const string Alice = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static readonly ContractAbi Abi = ContractAbi.Parse(JsonAbiTests.ArtifactJson);

    /// <summary>Logs encoded by ethers' Interface.encodeEventLog from the same JSON ABI, one per line.</summary>
    private static readonly Lazy<JsonElement[]> EthersLogs = new(() =>
    {
        string abiJson = JsonDocument.Parse(JsonAbiTests.ArtifactJson).RootElement.GetProperty("abi").GetRawText();
        string script = $$"""
            const i = new ethers.Interface({{abiJson}});
            const out = (log) => console.log(JSON.stringify(log));
            out(i.encodeEventLog("PointsIssued", ["{{Alice}}", 250n, "welcome bonus"]));
            out(i.encodeEventLog("EntryRecorded", ["0x{{new string('1', 64)}}", "arrival", [1700000000n, "Rotterdam", ["{{Alice}}"]]]));
            out(i.encodeEventLog("Debug", ["0x{{new string('2', 64)}}", [-1n, 2n]]));
            out({ topics: i.encodeFilterTopics("EntryRecorded", [null, "arrival"]) });
            """;
        return [.. Oracle.Ethers(script).Split('\n').Select(line => JsonDocument.Parse(line).RootElement)];
    });

    private static (Bytes32[] Topics, byte[] Data) Log(int index)
    {
        JsonElement log = EthersLogs.Value[index];
        return ([.. log.GetProperty("topics").EnumerateArray().Select(t => Bytes32.Parse(t.GetString()!))], Hex.Decode(log.GetProperty("data").GetString()!));
    }

    [Fact]
    public void Decodes_an_ethers_log_with_an_indexed_address()
    {
        (Bytes32[] topics, byte[] data) = Log(0);
        DecodedEvent decoded = Abi.DecodeLog(topics, data)!;
        Assert.Equal("PointsIssued", decoded.Event.Name);
        Assert.Equal(Address.Parse(Alice), decoded["customer"]);
        Assert.Equal((BigInteger)250, decoded["amount"]);
        Assert.Equal("welcome bonus", decoded["reason"]);
        Assert.Equal($"PointsIssued(customer={Alice}, amount=250, reason=\"welcome bonus\")", decoded.ToString());
    }

    [Fact]
    public void Indexed_string_decodes_to_its_hash_and_the_struct_from_data()
    {
        (Bytes32[] topics, byte[] data) = Log(1);
        DecodedEvent decoded = Abi.DecodeLog(topics, data)!;
        Assert.Equal(Hex.Decode("0x" + new string('1', 64)), decoded["id"]); // bytes32 decodes to byte[32] like every bytesM
        Assert.Equal(Bytes32.Keccak("arrival"u8), decoded["kind"]);
        AbiTestValues.AssertDeepEqual(new object?[] { (BigInteger)1_700_000_000, "Rotterdam", new object?[] { Address.Parse(Alice) } }, decoded["entry"]);
    }

    [Fact]
    public void Anonymous_event_has_no_topic0_and_is_decoded_directly()
    {
        (Bytes32[] topics, byte[] data) = Log(2);
        Assert.Single(topics);
        Assert.Null(Abi.DecodeLog(topics, data));
        object?[] values = Abi.GetEvent("Debug").DecodeLog(topics, data);
        AbiTestValues.AssertDeepEqual(new object?[] { Hex.Decode("0x" + new string('2', 64)), new object?[] { BigInteger.MinusOne, (BigInteger)2 } }, values);
    }

    [Fact]
    public void Filter_topics_match_ethers_encodeFilterTopics()
    {
        string?[] expected = [.. EthersLogs.Value[3].GetProperty("topics").EnumerateArray().Select(t => t.ValueKind == JsonValueKind.Null ? null : t.GetString())];
        IReadOnlyList<Bytes32?> topics = Abi.GetEvent("EntryRecorded").EncodeTopics([null, "arrival"]);
        Assert.Equal(expected, topics.Select(t => t?.ToString()));
    }

    [Fact]
    public void Encoded_topics_are_decoded_back()
    {
        AbiEvent moved = AbiEvent.Parse("event Moved(address indexed from, int16 indexed delta, bool indexed ok, uint256 value)");
        object?[] indexed = [Address.Parse(Alice), (BigInteger)(-300), true];
        Bytes32[] topics = [.. moved.EncodeTopics(indexed).Select(t => t!.Value)];
        object?[] values = moved.DecodeLog(topics, AbiEncoder.Encode(AbiUInt.UInt256, (BigInteger)5));
        AbiTestValues.AssertDeepEqual(new object?[] { Address.Parse(Alice), (BigInteger)(-300), true, (BigInteger)5 }, values);
    }

    [Fact]
    public void Indexed_arrays_and_structs_hash_the_in_place_encoding()
    {
        static string Word(int value) => value.ToString("x").PadLeft(64, '0');
        static string Padded(string ascii) => Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(ascii)).PadRight(64, '0');

        // uint256[] [1, 2]: the two words, no length.
        Assert.Equal(Bytes32.Keccak(Hex.Decode("0x" + Word(1) + Word(2))), AbiEvent.EncodeTopic(AbiType.Parse("uint256[]"), new object?[] { 1, 2 }));

        // (uint256,string) (1, "hi"): the word, then the string padded to 32 bytes, no offset or length.
        Assert.Equal(Bytes32.Keccak(Hex.Decode("0x" + Word(1) + Padded("hi"))), AbiEvent.EncodeTopic(AbiType.Parse("(uint256,string)"), new object?[] { 1, "hi" }));

        // string[] ["hi", ""]: each string padded; the empty string adds nothing.
        Assert.Equal(Bytes32.Keccak(Hex.Decode("0x" + Padded("hi"))), AbiEvent.EncodeTopic(AbiType.Parse("string[]"), new object?[] { "hi", "" }));

        // A top-level string or bytes hashes its raw contents.
        Assert.Equal(Bytes32.Keccak("hello"u8), AbiEvent.EncodeTopic(AbiString.Instance, "hello"));
        Assert.Equal(Bytes32.Keccak([1, 2]), AbiEvent.EncodeTopic(AbiBytes.Instance, new byte[] { 1, 2 }));
    }

    [Fact]
    public void Malformed_logs_raise_AbiDecodingException_with_the_event()
    {
        AbiEvent issued = Abi.GetEvent("PointsIssued");
        (Bytes32[] topics, byte[] data) = Log(0);
        Assert.Equal(
            "Cannot decode log of event PointsIssued(address,uint256,string): expected 2 topics, got 1.",
            Assert.Throws<AbiDecodingException>(() => issued.DecodeLog(topics[..1], data)).Message);
        Assert.Equal(
            $"Cannot decode log of event PointsIssued(address,uint256,string): topic 0 is {Bytes32.Zero}, not {issued.Topic0}.",
            Assert.Throws<AbiDecodingException>(() => issued.DecodeLog([Bytes32.Zero, topics[1]], data)).Message);
        Bytes32 dirty = Bytes32.Parse("0x01" + new string('0', 62));
        Assert.Equal(
            "Cannot decode topic 1 (address indexed customer) of event PointsIssued(address,uint256,string): the high-order padding is not zero: 0x0100000000000000000000000000000000000000000000000000000000000000.",
            Assert.Throws<AbiDecodingException>(() => issued.DecodeLog([topics[0], dirty], data)).Message);
    }

    [Fact]
    public void Rejects_too_many_indexed_fields()
    {
        Assert.Equal(
            "Invalid signature 'event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)': Event E has 4 indexed fields; at most 3 are allowed. (Parameter 'parameters')",
            Assert.Throws<FormatException>(() => AbiEvent.Parse("event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)")).Message);
        Assert.Equal(4, AbiEvent.Parse("event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d) anonymous").Parameters.Count);
    }

    [Fact]
    public void Human_readable_round_trip()
    {
        const string text = "event Transfer(address indexed from, address indexed to, uint256 value)";
        Assert.Equal(text, AbiEvent.Parse(text).ToString());
        Assert.Equal("function balanceOf(address owner) view returns (uint256)", AbiFunction.Parse("function balanceOf(address owner) external view returns (uint256)").ToString());
        Assert.Equal("error Unauthorized(address account)", AbiError.Parse("error Unauthorized(address account)").ToString());
    }
}
