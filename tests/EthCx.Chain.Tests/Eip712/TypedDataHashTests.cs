using System.Numerics;
using System.Text;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

public class TypedDataHashTests
{
    [Fact]
    public void Spec_example_encodeType_and_type_hashes()
    {
        Assert.Equal(SpecExample.MailEncodeType, SpecExample.Types.EncodeType("Mail"));
        Assert.Equal("Person(string name,address wallet)", SpecExample.Types.EncodeType("Person"));
        Assert.Equal(SpecExample.MailTypeHash, SpecExample.Types.TypeHash("Mail").ToString());
        Assert.Equal(SpecExample.PersonTypeHash, SpecExample.Types.TypeHash("Person").ToString());
        Assert.Equal(Bytes32.Keccak(Encoding.UTF8.GetBytes(SpecExample.MailEncodeType)), SpecExample.Types.TypeHash("Mail"));
    }

    [Fact]
    public void Spec_example_domain_separator()
    {
        Assert.Equal("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)", SpecExample.Domain.EncodeType());
        Assert.Equal(SpecExample.DomainSeparator, SpecExample.Domain.HashStruct().ToString());
    }

    [Fact]
    public void Spec_example_encodeData_hashStruct_and_digest()
    {
        byte[] encoded = SpecExample.Types.EncodeData("Mail", SpecExample.Message());
        Assert.Equal(4 * 32, encoded.Length);
        Assert.Equal(SpecExample.MailTypeHash, Hex.Encode(encoded.AsSpan(0, 32)));
        Assert.Equal(SpecExample.Types.HashStruct("Person", SpecExample.Person("Cow", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")).ToString(), Hex.Encode(encoded.AsSpan(32, 32)));
        Assert.Equal(Bytes32.Keccak("Hello, Bob!"u8).ToString(), Hex.Encode(encoded.AsSpan(96, 32)));
        Assert.Equal(SpecExample.MessageHash, SpecExample.Types.HashStruct("Mail", SpecExample.Message()).ToString());

        TypedData typedData = SpecExample.TypedData();
        Assert.Equal(SpecExample.DomainSeparator, typedData.DomainSeparator.ToString());
        Assert.Equal(SpecExample.MessageHash, typedData.MessageHash.ToString());
        Assert.Equal(SpecExample.Digest, typedData.Hash.ToString());
        Assert.Equal(typedData.Hash, TypedData.ComputeHash(typedData.DomainSeparator, typedData.MessageHash));
    }

    [Fact]
    public void Spec_example_v4_json_hashes_like_the_csharp_model()
    {
        TypedData typedData = TypedData.Parse(SpecExample.Json);
        Assert.Equal("Mail", typedData.PrimaryType);
        Assert.Equal(SpecExample.Domain, typedData.Domain);
        Assert.Equal(SpecExample.MailEncodeType, typedData.Types.EncodeType("Mail"));
        Assert.Equal(SpecExample.DomainSeparator, typedData.DomainSeparator.ToString());
        Assert.Equal(SpecExample.MessageHash, typedData.MessageHash.ToString());
        Assert.Equal(SpecExample.Digest, typedData.Hash.ToString());
    }

    [Fact]
    public void Changing_chain_id_or_verifying_contract_changes_the_digest()
    {
        TypedData original = SpecExample.TypedData();
        Eip712Domain otherChain = SpecExample.Domain with { ChainId = 5 };
        Eip712Domain otherContract = SpecExample.Domain with { VerifyingContract = Address.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccD".ToLowerInvariant()) };
        Eip712Domain noContract = SpecExample.Domain with { VerifyingContract = null };

        Bytes32[] digests =
        [
            original.Hash,
            new TypedData(otherChain, SpecExample.Types, "Mail", SpecExample.Message()).Hash,
            new TypedData(otherContract, SpecExample.Types, "Mail", SpecExample.Message()).Hash,
            new TypedData(noContract, SpecExample.Types, "Mail", SpecExample.Message()).Hash,
        ];

        Assert.Equal(digests.Length, digests.Distinct().Count());
        Assert.All(digests.Skip(1), digest => Assert.NotEqual(original.Hash, digest));
        Assert.Equal(original.MessageHash, new TypedData(otherChain, SpecExample.Types, "Mail", SpecExample.Message()).MessageHash);
    }

    [Fact]
    public void Domain_holds_only_the_members_that_are_set_in_spec_order()
    {
        var domain = new Eip712Domain { Salt = Bytes32.Keccak("salt"u8), ChainId = 137, Name = "Only" };
        Assert.Equal("EIP712Domain(string name,uint256 chainId,bytes32 salt)", domain.EncodeType());
        Assert.Equal(["name", "chainId", "salt"], domain.Fields.Select(field => field.Name));
        Assert.Equal("EIP712Domain()", new Eip712Domain().EncodeType());
    }

    [Fact]
    public void Referenced_types_are_found_through_arrays_and_nesting_and_sorted_by_name()
    {
        var types = new TypedDataTypeSet(
            new TypedDataType("Zoo", new TypedDataField("keepers", "Person[]"), new TypedDataField("pens", "Pen[2][]")),
            new TypedDataType("Pen", new TypedDataField("animal", "Animal"), new TypedDataField("tags", "bytes4[]")),
            new TypedDataType("Animal", new TypedDataField("name", "string"), new TypedDataField("keeper", "Person")),
            new TypedDataType("Person", new TypedDataField("name", "string")),
            new TypedDataType("apple", new TypedDataField("x", "uint8")));

        Assert.Equal(
            "Zoo(Person[] keepers,Pen[2][] pens)Animal(string name,Person keeper)Pen(Animal animal,bytes4[] tags)Person(string name)",
            types.EncodeType("Zoo"));
        Assert.Equal("Pen(Animal animal,bytes4[] tags)Animal(string name,Person keeper)Person(string name)", types.EncodeType("Pen"));
        Assert.Equal("apple(uint8 x)", types.EncodeType("apple"));
    }

    [Theory]
    [InlineData("int8", -1, "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int8", -128, "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int256", -2, "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe")]
    [InlineData("int16", 300, "0x000000000000000000000000000000000000000000000000000000000000012c")]
    [InlineData("uint8", 255, "0x00000000000000000000000000000000000000000000000000000000000000ff")]
    public void Integers_are_sign_extended_words(string type, int value, string word)
    {
        var types = new TypedDataTypeSet(new TypedDataType("T", new TypedDataField("v", type)));
        byte[] encoded = types.EncodeData("T", new Dictionary<string, object?> { ["v"] = value });
        Assert.Equal(word, Hex.Encode(encoded.AsSpan(32)));
    }

    [Fact]
    public void Value_forms_are_equivalent()
    {
        var types = new TypedDataTypeSet(new TypedDataType(
            "T",
            new TypedDataField("a", "uint256"),
            new TypedDataField("b", "int64"),
            new TypedDataField("c", "bytes4"),
            new TypedDataField("d", "bytes"),
            new TypedDataField("e", "address"),
            new TypedDataField("f", "bytes32"),
            new TypedDataField("g", "uint8[]")));
        Bytes32 salt = Bytes32.Keccak("x"u8);
        var clr = new Dictionary<string, object?>
        {
            ["a"] = BigInteger.Parse("1000000000000000000000", System.Globalization.CultureInfo.InvariantCulture),
            ["b"] = -5L,
            ["c"] = new byte[] { 1, 2, 3, 4 },
            ["d"] = (ReadOnlyMemory<byte>)new byte[] { 0xde, 0xad },
            ["e"] = Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"),
            ["f"] = salt,
            ["g"] = new byte[] { 7, 8 },
        };
        var text = new Dictionary<string, object?>
        {
            ["a"] = "0x3635c9adc5dea00000",
            ["b"] = "-5",
            ["c"] = "0x01020304",
            ["d"] = "0xDEAD",
            ["e"] = "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826",
            ["f"] = salt.ToString(),
            ["g"] = new List<object?> { "7", 8 },
        };
        Assert.Equal(types.HashStruct("T", clr), types.HashStruct("T", text));
    }
}
