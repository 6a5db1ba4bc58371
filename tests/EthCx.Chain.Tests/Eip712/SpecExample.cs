using System.Numerics;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

/// <summary>The "Ether Mail" example of the EIP-712 specification, built in C# and as eth_signTypedData_v4 JSON.</summary>
internal static class SpecExample
{
    public const string Json = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" },
              { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" },
              { "name": "verifyingContract", "type": "address" }
            ],
            "Person": [
              { "name": "name", "type": "string" },
              { "name": "wallet", "type": "address" }
            ],
            "Mail": [
              { "name": "from", "type": "Person" },
              { "name": "to", "type": "Person" },
              { "name": "contents", "type": "string" }
            ]
          },
          "primaryType": "Mail",
          "domain": {
            "name": "Ether Mail",
            "version": "1",
            "chainId": 1,
            "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
          },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    public const string MailEncodeType = "Mail(Person from,Person to,string contents)Person(string name,address wallet)";
    public const string MailTypeHash = "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2";
    public const string PersonTypeHash = "0xb9d8c78acf9b987311de6c7b45bb6a9c8e1bf361fa7fd3467a2163f994c79500";
    public const string DomainTypeHash = "0x8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f";
    public const string DomainSeparator = "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f";
    public const string MessageHash = "0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e";
    public const string Digest = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";

    public static TypedDataTypeSet Types { get; } = new(
        new TypedDataType("Person", new TypedDataField("name", "string"), new TypedDataField("wallet", "address")),
        new TypedDataType("Mail", new TypedDataField("from", "Person"), new TypedDataField("to", "Person"), new TypedDataField("contents", "string")));

    public static Eip712Domain Domain { get; } = new()
    {
        Name = "Ether Mail",
        Version = "1",
        ChainId = BigInteger.One,
        VerifyingContract = Address.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"),
    };

    public static Dictionary<string, object?> Message() => new()
    {
        ["from"] = Person("Cow", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"),
        ["to"] = Person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"),
        ["contents"] = "Hello, Bob!",
    };

    public static TypedData TypedData() => new(Domain, Types, "Mail", Message());

    public static Dictionary<string, object?> Person(string name, string wallet) => new()
    {
        ["name"] = name,
        ["wallet"] = Address.Parse(wallet),
    };
}
