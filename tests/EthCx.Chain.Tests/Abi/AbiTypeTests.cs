using EthCx.Chain.Abi;

namespace EthCx.Chain.Tests.Abi;

public class AbiTypeTests
{
    [Theory]
    [InlineData("uint256", "uint256", false, 32)]
    [InlineData("uint", "uint256", false, 32)]
    [InlineData("int", "int256", false, 32)]
    [InlineData("uint8", "uint8", false, 32)]
    [InlineData("int24", "int24", false, 32)]
    [InlineData("address", "address", false, 32)]
    [InlineData("bool", "bool", false, 32)]
    [InlineData("bytes1", "bytes1", false, 32)]
    [InlineData("bytes32", "bytes32", false, 32)]
    [InlineData("function", "function", false, 32)]
    [InlineData("bytes", "bytes", true, 32)]
    [InlineData("string", "string", true, 32)]
    [InlineData("uint256[]", "uint256[]", true, 32)]
    [InlineData("uint256[3]", "uint256[3]", false, 96)]
    [InlineData("string[2]", "string[2]", true, 32)]
    [InlineData("uint8[2][3]", "uint8[2][3]", false, 192)]
    [InlineData("(uint256,bool)", "(uint256,bool)", false, 64)]
    [InlineData("(uint256,(address,bytes32)[2])[]", "(uint256,(address,bytes32)[2])[]", true, 32)]
    [InlineData("((uint,int)[2],bool)", "((uint256,int256)[2],bool)", false, 160)]
    [InlineData("(string,uint)", "(string,uint256)", true, 32)]
    [InlineData(" tuple( uint256 amount , address[] who )[2] ", "(uint256,address[])[2]", true, 32)]
    public void Parses_canonical_name_dynamic_flag_and_head_size(string text, string canonical, bool dynamic, int headSize)
    {
        AbiType type = AbiType.Parse(text);
        Assert.Equal(canonical, type.CanonicalName);
        Assert.Equal(canonical, type.ToString());
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
        Assert.Equal(type, AbiType.Parse(canonical));
    }

    [Fact]
    public void Builds_the_model_of_nested_tuples_with_component_names()
    {
        var tuple = Assert.IsType<AbiTuple>(AbiType.Parse("(uint64 id, (address owner, bytes32[] tags)[] entries)"));
        Assert.Equal("id", tuple.Components[0].Name);
        Assert.Equal(new AbiUInt(64), tuple.Components[0].Type);
        var entries = Assert.IsType<AbiArray>(tuple.Components[1].Type);
        Assert.Null(entries.Length);
        var entry = Assert.IsType<AbiTuple>(entries.Element);
        Assert.Equal(["owner", "tags"], entry.Components.Select(c => c.Name));
        Assert.Equal(AbiTypeKind.Array, entry.Types[1].Kind);
        Assert.Equal("(uint64,(address,bytes32[])[])", tuple.CanonicalName);
    }

    [Fact]
    public void Equality_ignores_component_names()
    {
        Assert.Equal(AbiType.Parse("(uint256 a)"), AbiType.Parse("(uint256 b)"));
        Assert.NotEqual(AbiType.Parse("uint256[2]"), AbiType.Parse("uint256[]"));
        Assert.True(AbiType.Parse("bytes32") == AbiFixedBytes.Bytes32);
    }

    [Fact]
    public void Parses_lists_of_types()
    {
        Assert.Equal(["address", "uint256[]", "(bool,string)"], AbiType.ParseList("address, uint256[], (bool,string)").Select(t => t.CanonicalName));
        Assert.Empty(AbiType.ParseList(""));
    }

    [Theory]
    [InlineData("uint7", "Invalid ABI type 'uint7': unknown type 'uint7' at position 0.")]
    [InlineData("uint264", "Invalid ABI type 'uint264': unknown type 'uint264' at position 0.")]
    [InlineData("uint08", "Invalid ABI type 'uint08': unknown type 'uint08' at position 0.")]
    [InlineData("bytes33", "Invalid ABI type 'bytes33': unknown type 'bytes33' at position 0.")]
    [InlineData("bytes0", "Invalid ABI type 'bytes0': unknown type 'bytes0' at position 0.")]
    [InlineData("fixed128x18", "Invalid ABI type 'fixed128x18': unknown type 'fixed128x18' at position 0.")]
    [InlineData("uint256[", "Invalid ABI type 'uint256[': expected ']' at position 8.")]
    [InlineData("uint256[0]", "Invalid ABI type 'uint256[0]': invalid array length '0' at position 8.")]
    [InlineData("uint256[x]", "Invalid ABI type 'uint256[x]': expected ']' at position 8.")]
    [InlineData("(uint256,bool", "Invalid ABI type '(uint256,bool': expected ')', found the end at position 13.")]
    [InlineData("()", "Invalid ABI type '()': a tuple needs at least one component at position 1.")]
    [InlineData("(uint256,)", "Invalid ABI type '(uint256,)': expected a type, found ')' at position 9.")]
    [InlineData("", "Invalid ABI type '': expected a type, found the end at position 0.")]
    [InlineData("address payable", "Invalid ABI type 'address payable': unexpected 'p' at position 8.")]
    [InlineData("(uint256 indexed a)", "Invalid ABI type '(uint256 indexed a)': 'indexed' is only allowed on event parameters at position 9.")]
    public void Rejects_invalid_types_naming_text_and_position(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => AbiType.Parse(text)).Message);
        Assert.False(AbiType.TryParse(text, out _));
    }

    [Fact]
    public void Rejects_types_nested_too_deeply_and_too_large()
    {
        string deep = new string('(', 200) + "uint256" + new string(')', 200);
        Assert.Contains("nesting deeper than 128", Assert.Throws<FormatException>(() => AbiType.Parse(deep)).Message, StringComparison.Ordinal);
        Assert.Equal(
            "Invalid ABI type 'uint256[100000000]': uint256[100000000] would take 3200000000 bytes; the limit is 1073741823 at position 7.",
            Assert.Throws<FormatException>(() => AbiType.Parse("uint256[100000000]")).Message);
    }
}
