using System.Numerics;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

public class TypedDataErrorTests
{
    private static TypedDataField F(string name, string type) => new(name, type);

    private static TypedDataException DefinitionError(params TypedDataType[] types) =>
        Assert.Throws<TypedDataException>(() => new TypedDataTypeSet(types));

    private static TypedDataException TypeError(string name, params TypedDataField[] fields) =>
        Assert.Throws<TypedDataException>(() => new TypedDataType(name, fields));

    [Fact]
    public void Unknown_member_type_names_the_member()
    {
        TypedDataException error = DefinitionError(new TypedDataType("Mail", F("from", "Persn"), F("to", "Person")), new TypedDataType("Person", F("name", "string")));
        Assert.Equal("Mail.from: unknown type 'Persn'.", error.Message);
        Assert.Equal("Mail.from", error.Path);
        Assert.Equal("unknown type 'Persn'.", error.Detail);
    }

    [Fact]
    public void Self_reference_through_an_array_is_circular_as_in_ethers()
    {
        TypedDataException error = DefinitionError(new TypedDataType("Node", F("value", "uint256"), F("children", "Node[]")));
        Assert.Equal("Node.children: circular type reference: Node -> Node.", error.Message);
    }

    [Fact]
    public void Indirect_cycle_is_reported_with_its_chain()
    {
        TypedDataException error = DefinitionError(
            new TypedDataType("Root", F("a", "A")),
            new TypedDataType("A", F("b", "B")),
            new TypedDataType("B", F("c", "C[]")),
            new TypedDataType("C", F("a", "A[2][]")));
        Assert.Equal("C.a: circular type reference: A -> B -> C -> A.", error.Message);
    }

    [Fact]
    public void Types_nesting_too_deep_are_refused()
    {
        TypedDataType[] chain = [.. Enumerable.Range(0, TypedDataTypeSet.MaxNesting + 1).Select(i => new TypedDataType($"T{i}", F("next", i == TypedDataTypeSet.MaxNesting ? "bool" : $"T{i + 1}")))];
        TypedDataException error = DefinitionError(chain);
        Assert.Equal($"T32: types nest more than 32 levels deep: {string.Join(" -> ", Enumerable.Range(0, 32).Select(i => $"T{i}"))} -> T32.", error.Message);
        Assert.Equal(32, new TypedDataTypeSet(chain[1..]).EncodeType("T1").Count(c => c == '('));
    }

    [Fact]
    public void Duplicate_type_and_member_names_are_refused()
    {
        Assert.Equal("Mail: type 'Mail' is defined twice.", DefinitionError(new TypedDataType("Mail", F("a", "bool")), new TypedDataType("Mail", F("b", "bool"))).Message);
        Assert.Equal("Mail.from: type 'Mail' has two members named 'from'.", TypeError("Mail", F("from", "address"), F("from", "string")).Message);
    }

    [Theory]
    [InlineData("uint7", "T.v: invalid type 'uint7'.")]
    [InlineData("uint", "T.v: invalid type 'uint'.")]
    [InlineData("uint08", "T.v: invalid type 'uint08'.")]
    [InlineData("int264", "T.v: invalid type 'int264'.")]
    [InlineData("bytes0", "T.v: invalid type 'bytes0'.")]
    [InlineData("bytes33", "T.v: invalid type 'bytes33'.")]
    [InlineData("Per son", "T.v: invalid type 'Per son'.")]
    [InlineData("", "T.v: member type is empty.")]
    [InlineData("uint8[0]", "T.v: invalid array type 'uint8[0]'.")]
    [InlineData("uint8[01]", "T.v: invalid array type 'uint8[01]'.")]
    [InlineData("uint8[", "T.v: invalid array type 'uint8['.")]
    [InlineData("uint8[]]", "T.v: invalid array type 'uint8[]]'.")]
    [InlineData("uint8[]x", "T.v: invalid array type 'uint8[]x'.")]
    [InlineData("uint8[-1]", "T.v: invalid array type 'uint8[-1]'.")]
    [InlineData("[]", "T.v: invalid array type '[]'.")]
    [InlineData("uint8[][][][][][][][][]", "T.v: array type 'uint8[][][][][][][][][]' has more than 8 dimensions.")]
    public void Malformed_member_types_are_refused(string type, string message)
    {
        Assert.Equal(message, TypeError("T", F("v", type)).Message);
    }

    [Theory]
    [InlineData("EIP712Domain", "EIP712Domain: type name 'EIP712Domain' is reserved.")]
    [InlineData("uint256", "uint256: type name 'uint256' is reserved.")]
    [InlineData("bytes", "bytes: type name 'bytes' is reserved.")]
    [InlineData("int7", "int7: type name 'int7' is reserved.")]
    [InlineData("Mail Box", "Mail Box: type name 'Mail Box' is not an identifier.")]
    [InlineData("1Mail", "1Mail: type name '1Mail' is not an identifier.")]
    public void Reserved_or_malformed_type_names_are_refused(string name, string message)
    {
        Assert.Equal(message, TypeError(name, F("v", "bool")).Message);
    }

    [Fact]
    public void Member_names_must_be_identifiers()
    {
        Assert.Equal("T.a,b: member name 'a,b' is not an identifier.", TypeError("T", F("a,b", "bool")).Message);
    }

    [Fact]
    public void Unknown_type_and_primary_type()
    {
        Assert.Equal("unknown type 'Letter'.", Assert.Throws<TypedDataException>(() => SpecExample.Types.EncodeType("Letter")).Message);
        Assert.Equal("primaryType: unknown type 'Letter'.", Assert.Throws<TypedDataException>(() => new TypedData(SpecExample.Domain, SpecExample.Types, "Letter", SpecExample.Message())).Message);
    }

    public static TheoryData<string, object?, string> MailValueErrors() => new()
    {
        { "wallet", null, "Mail.from.wallet: missing value of type address." },
        { "wallet", 5, "Mail.from.wallet: expected an address, got an integer." },
        { "wallet", "0x12", "Mail.from.wallet: Address '0x12' must have 40 hex digits, not 2." },
        { "wallet", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827", "Mail.from.wallet: Address '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827' has an invalid EIP-55 checksum; expected 0xCd2a3d9f938E13cd947eC05abc7Fe734df8dd827." },
        { "name", Address.Zero, "Mail.from.name: expected a string, got an Address." },
        { "name", "\ud800x", "Mail.from.name: string has an unpaired surrogate at index 0." },
    };

    [Theory]
    [MemberData(nameof(MailValueErrors))]
    public void Wrong_member_values_name_their_path(string member, object? value, string message)
    {
        Dictionary<string, object?> mail = SpecExample.Message();
        ((Dictionary<string, object?>)mail["from"]!)[member] = value;
        Assert.Equal(message, Assert.Throws<TypedDataException>(() => SpecExample.Types.HashStruct("Mail", mail)).Message);
        Assert.Equal(message, Assert.Throws<TypedDataException>(() => new TypedData(SpecExample.Domain, SpecExample.Types, "Mail", mail)).Message);
    }

    [Fact]
    public void Missing_null_or_non_struct_member_and_undeclared_member()
    {
        Dictionary<string, object?> mail = SpecExample.Message();
        mail.Remove("to");
        Assert.Equal("Mail.to: missing value of type Person.", Assert.Throws<TypedDataException>(() => SpecExample.Types.HashStruct("Mail", mail)).Message);
        mail["to"] = "Bob";
        Assert.Equal("Mail.to: expected a Person struct (IReadOnlyDictionary<string, object?>), got a string.", Assert.Throws<TypedDataException>(() => SpecExample.Types.HashStruct("Mail", mail)).Message);
        mail = SpecExample.Message();
        ((Dictionary<string, object?>)mail["to"]!)["age"] = 42;
        Assert.Equal("Mail.to.age: Person has no member 'age'.", Assert.Throws<TypedDataException>(() => SpecExample.Types.HashStruct("Mail", mail)).Message);
    }

    public static TheoryData<string, object, string> AtomicValueErrors() => new()
    {
        { "uint8", 256, "T.v: value 256 is out of range for uint8." },
        { "uint256", -1, "T.v: value -1 is out of range for uint256." },
        { "uint256", BigInteger.One << 256, $"T.v: value {BigInteger.One << 256} is out of range for uint256." },
        { "int8", -129, "T.v: value -129 is out of range for int8." },
        { "int8", "128", "T.v: value 128 is out of range for int8." },
        { "int256", "0x8000000000000000000000000000000000000000000000000000000000000000", $"T.v: value {BigInteger.One << 255} is out of range for int256." },
        { "uint64", "12x", "T.v: '12x' is not an integer (decimal or 0x hex)." },
        { "uint64", "", "T.v: '' is not an integer (decimal or 0x hex)." },
        { "uint64", " 12", "T.v: ' 12' is not an integer (decimal or 0x hex)." },
        { "uint64", "0x", "T.v: '0x' is not an integer (decimal or 0x hex)." },
        { "uint256", new string('9', 79), $"T.v: '{new string('9', 66)}…' (79 characters) is not an integer (decimal or 0x hex)." },
        { "uint64", true, "T.v: expected an integer for uint64, got a bool." },
        { "uint64", 1.5, "T.v: expected an integer for uint64, got a Double." },
        { "bool", "true", "T.v: expected a bool, got a string." },
        { "bytes4", new byte[] { 1, 2, 3 }, "T.v: bytes4 needs 4 bytes, got 3." },
        { "bytes4", "0x0102030405", "T.v: bytes4 needs 4 bytes, got 5." },
        { "bytes32", "0x123", "T.v: '0x123' is not 0x-prefixed hex with an even number of digits." },
        { "bytes", "hello", "T.v: 'hello' is not 0x-prefixed hex with an even number of digits." },
        { "bytes", 7, "T.v: expected bytes (a byte array or 0x hex), got an integer." },
        { "string", new byte[] { 0x61 }, "T.v: expected a string, got a byte array." },
        { "address", Bytes32.Zero, "T.v: expected an address, got a Bytes32." },
    };

    [Theory]
    [MemberData(nameof(AtomicValueErrors))]
    public void Atomic_values_are_range_and_kind_checked(string type, object value, string message)
    {
        var types = new TypedDataTypeSet(new TypedDataType("T", F("v", type)));
        Assert.Equal(message, Assert.Throws<TypedDataException>(() => types.EncodeData("T", new Dictionary<string, object?> { ["v"] = value })).Message);
    }

    [Fact]
    public void Array_errors_name_the_element()
    {
        var types = new TypedDataTypeSet(
            new TypedDataType("Group", F("members", "Person[2]"), F("tags", "bytes4[]")),
            new TypedDataType("Person", F("name", "string"), F("wallet", "address")));
        Dictionary<string, object?> Group(object? members, object? tags) => new() { ["members"] = members, ["tags"] = tags };
        Dictionary<string, object?> bob = SpecExample.Person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB");
        var noWallet = new Dictionary<string, object?> { ["name"] = "Eve" };
        string Error(object? members, object? tags) => Assert.Throws<TypedDataException>(() => types.HashStruct("Group", Group(members, tags))).Message;

        Assert.Equal("Group.members: Person[2] needs 2 elements, got 3.", Error(new[] { bob, bob, bob }, Array.Empty<byte[]>()));
        Assert.Equal("Group.members[1].wallet: missing value of type address.", Error(new[] { bob, noWallet }, Array.Empty<byte[]>()));
        Assert.Equal("Group.tags[1]: missing value of type bytes4.", Error(new[] { bob, bob }, new byte[]?[] { [1, 2, 3, 4], null }));
        Assert.Equal("Group.tags: expected a list for bytes4[], got a string.", Error(new[] { bob, bob }, "0x01020304"));
        Assert.Equal("Group.members: expected a list for Person[2], got a struct.", Error(bob, Array.Empty<byte[]>()));
    }

    [Fact]
    public void Domain_chain_id_must_be_a_uint256()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Eip712Domain { ChainId = -1 });
        Assert.Equal("ChainId", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip712Domain { ChainId = BigInteger.One << 256 });
        Assert.Equal(EvmInteger.MaxUInt256, new Eip712Domain { ChainId = EvmInteger.MaxUInt256 }.ChainId);
    }
}
