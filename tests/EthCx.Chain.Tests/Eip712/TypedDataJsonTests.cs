using System.Text.Json.Nodes;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

public class TypedDataJsonTests
{
    /// <summary>The spec example's JSON after <paramref name="edit"/>.</summary>
    private static string Edited(Action<JsonObject> edit)
    {
        JsonObject root = JsonNode.Parse(SpecExample.Json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static JsonObject Domain(JsonObject root) => root["domain"]!.AsObject();

    private static string Error(string json) => Assert.Throws<TypedDataException>(() => TypedData.Parse(json)).Message;

    [Theory]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("\"0x1\"")]
    [InlineData("\"0x0001\"")]
    public void Chain_id_may_be_a_number_a_decimal_string_or_hex(string chainId)
    {
        string json = Edited(root => Domain(root)["chainId"] = JsonNode.Parse(chainId));
        Assert.Equal(SpecExample.Digest, TypedData.Parse(json).Hash.ToString());
    }

    [Fact]
    public void The_domain_type_may_be_omitted_and_null_domain_members_are_absent()
    {
        Assert.Equal(SpecExample.Digest, TypedData.Parse(Edited(root => root["types"]!.AsObject().Remove("EIP712Domain"))).Hash.ToString());
        TypedData noSalt = TypedData.Parse(Edited(root => Domain(root)["salt"] = null));
        Assert.Null(noSalt.Domain.Salt);
        Assert.Equal(SpecExample.Digest, noSalt.Hash.ToString());
    }

    [Fact]
    public void Integers_in_messages_may_be_numbers_decimal_or_hex_strings()
    {
        const string template = """
            {
              "types": { "Order": [ { "name": "amount", "type": "uint256" }, { "name": "delta", "type": "int64" }, { "name": "ids", "type": "uint8[]" } ] },
              "primaryType": "Order",
              "domain": { "name": "Shop", "salt": "0x0000000000000000000000000000000000000000000000000000000000000001" },
              "message": { "amount": AMOUNT, "delta": DELTA, "ids": [IDS] }
            }
            """;
        string Hash(string amount, string delta, string ids) =>
            TypedData.Parse(template.Replace("AMOUNT", amount, StringComparison.Ordinal).Replace("DELTA", delta, StringComparison.Ordinal).Replace("IDS", ids, StringComparison.Ordinal)).Hash.ToString();

        string expected = Hash("123456789012345678901234567890", "-42", "1, 2");
        Assert.Equal(expected, Hash("\"123456789012345678901234567890\"", "\"-42\"", "\"1\", \"0x02\""));
        Assert.Equal(expected, Hash("\"0x18ee90ff6c373e0ee4e3f0ad2\"", "\"-0x2a\"", "1, \"2\""));
        Assert.NotEqual(expected, Hash("123456789012345678901234567891", "-42", "1, 2"));
    }

    [Fact]
    public void Values_that_do_not_fit_their_type_are_reported_by_type_path()
    {
        Assert.Equal(
            "Mail.to.wallet: Address '0x12' must have 40 hex digits, not 2.",
            Error(Edited(root => root["message"]!["to"]!["wallet"] = "0x12")));
        Assert.Equal(
            "Mail.contents: expected a string, got an integer.",
            Error(Edited(root => root["message"]!["contents"] = 7)));
    }

    public static TheoryData<string, string> ShapeErrors() => new()
    {
        { "[]", "$: expected a JSON object, got array." },
        { """{"types":{"Mail":[{"name":"a","type":"string"}]},"primaryType":"Mail","domain":{},"message":{"a":"\ud800"}}""", "message.a: string is not valid UTF-16." },
        { """{"primaryType":"Mail","domain":{},"message":{}}""", "types: required member is missing." },
        { """{"types":{},"primaryType":7,"domain":{},"message":{}}""", "primaryType: expected a JSON string, got number." },
        { """{"types":{},"primaryType":"Mail","domain":{},"message":[]}""", "message: expected a JSON object, got array." },
        { """{"types":{},"primaryType":"Mail","domain":{},"message":{}}""", "primaryType: unknown type 'Mail'." },
        { """{"types":{"Mail":{}},"primaryType":"Mail","domain":{},"message":{}}""", "types.Mail: expected a JSON array, got object." },
        { """{"types":{"Mail":[{"type":"string"}]},"primaryType":"Mail","domain":{},"message":{}}""", "types.Mail[0].name: required member is missing." },
        { """{"types":{"Mail":[{"name":"a","type":7}]},"primaryType":"Mail","domain":{},"message":{}}""", "types.Mail[0].type: expected a JSON string, got number." },
        { """{"types":{"Mail":[{"name":"a","type":"uint8"}]},"primaryType":"Mail","domain":{},"message":{"a":1.5}}""", "message.a: JSON number '1.5' is not an integer of at most 78 digits; write it as a decimal string." },
        { """{"types":{"Mail":[{"name":"a","type":"uint8"}]},"primaryType":"Mail","domain":{},"message":{"a":1e2}}""", "message.a: JSON number '1e2' is not an integer of at most 78 digits; write it as a decimal string." },
        { """{"types":{"Mail":[{"name":"a","type":"uint8"}]},"primaryType":"Mail","domain":{},"message":{"a":1,"a":2}}""", "message.a: duplicate key." },
        { """{"types":{},"primaryType":"Mail","domain":{},"message":{},"message":{}}""", "message: duplicate key." },
        { """{"types":{"Mail":[{"name":"a","type":"uint8"}]},"primaryType":"Mail","domain":{"chain":1},"message":{"a":1}}""", "domain.chain: not an EIP712Domain member (name, version, chainId, verifyingContract, salt)." },
        { """{"types":{},"primaryType":"Mail","domain":{"name":1},"message":{}}""", "domain.name: expected a JSON string, got number." },
        { """{"types":{},"primaryType":"Mail","domain":{"chainId":"-1"},"message":{}}""", "domain.chainId: value -1 is out of range for uint256." },
        { """{"types":{},"primaryType":"Mail","domain":{"chainId":true},"message":{}}""", "domain.chainId: expected a JSON number or string, got boolean." },
        { """{"types":{},"primaryType":"Mail","domain":{"salt":"0x0102"},"message":{}}""", "domain.salt: bytes32 needs 32 bytes, got 2." },
        { """{"types":{},"primaryType":"Mail","domain":{"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccc"},"message":{}}""", "domain.verifyingContract: Address '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccc' has an invalid EIP-55 checksum; expected 0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC." },
    };

    [Theory]
    [MemberData(nameof(ShapeErrors))]
    public void Malformed_documents_are_refused_with_their_json_path(string json, string message)
    {
        Assert.Equal(message, Error(json));
    }

    [Fact]
    public void Invalid_json_is_a_typed_data_error()
    {
        TypedDataException error = Assert.Throws<TypedDataException>(() => TypedData.Parse("{\"types\": "));
        Assert.Null(error.Path);
        Assert.StartsWith("invalid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public void A_declared_domain_type_must_match_the_domain_members()
    {
        string missingVersion = Edited(root => root["types"]!["EIP712Domain"]!.AsArray().RemoveAt(1));
        Assert.Equal(
            "types.EIP712Domain: declares EIP712Domain(string name,uint256 chainId,address verifyingContract) but the domain's members give EIP712Domain(string name,string version,uint256 chainId,address verifyingContract).",
            Error(missingVersion));

        string reordered = Edited(root =>
        {
            JsonArray fields = root["types"]!["EIP712Domain"]!.AsArray();
            JsonNode name = fields[0]!;
            fields.RemoveAt(0);
            fields.Add(name);
        });
        Assert.Equal(
            "types.EIP712Domain: declares EIP712Domain(string version,uint256 chainId,address verifyingContract,string name) but the domain's members give EIP712Domain(string name,string version,uint256 chainId,address verifyingContract).",
            Error(reordered));
    }

    [Fact]
    public void Spec_example_is_written_as_v4_json()
    {
        const string expected =
            """{"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}]"""
            + ""","Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],"Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]}"""
            + ""","primaryType":"Mail","domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"}"""
            + ""","message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},"to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}""";
        Assert.Equal(expected, SpecExample.TypedData().ToJson());
        Assert.Equal(SpecExample.Digest, TypedData.Parse(expected).Hash.ToString());
    }

    [Fact]
    public void Large_integers_are_written_as_strings()
    {
        var types = new TypedDataTypeSet(new TypedDataType("T", new TypedDataField("v", "int256"), new TypedDataField("b", "bytes")));
        var domain = new Eip712Domain { ChainId = EvmInteger.MaxUInt256 };
        var typedData = new TypedData(domain, types, "T", new Dictionary<string, object?> { ["v"] = EvmInteger.MinSigned(256), ["b"] = new byte[] { 0xAB } });
        string json = typedData.ToJson();
        Assert.Contains($"\"chainId\":\"{EvmInteger.MaxUInt256}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"message\":{{\"v\":\"{EvmInteger.MinSigned(256)}\",\"b\":\"0xab\"}}", json, StringComparison.Ordinal);
        Assert.Equal(typedData.Hash, TypedData.Parse(json).Hash);
    }

    [Fact]
    public void Writing_a_message_changed_after_creation_is_refused()
    {
        Dictionary<string, object?> message = SpecExample.Message();
        var typedData = new TypedData(SpecExample.Domain, SpecExample.Types, "Mail", message);
        message["contents"] = "changed";
        Assert.Equal(SpecExample.Digest, typedData.Hash.ToString());
        Assert.Equal(
            "The message was changed after this TypedData was created; its JSON would not match Hash.",
            Assert.Throws<InvalidOperationException>(typedData.ToJson).Message);
    }

    [Fact]
    public void Parsed_document_does_not_depend_on_the_json_document()
    {
        TypedData typedData = TypedData.Parse(SpecExample.Json);
        var from = (IReadOnlyDictionary<string, object?>)typedData.Message["from"]!;
        Assert.Equal("Cow", from["name"]);
        Assert.Equal(Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), Address.Parse((string)from["wallet"]!));
        Assert.Equal(SpecExample.MessageHash, typedData.Types.HashStruct("Mail", typedData.Message).ToString());
    }
}
