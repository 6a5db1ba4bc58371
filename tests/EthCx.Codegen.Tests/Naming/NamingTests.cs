using EthCx.Chain.Abi;
using EthCx.Codegen.Naming;

namespace EthCx.Codegen.Tests.Naming;

public sealed class NamingTests
{
    [Theory]
    [InlineData("balanceOf", "BalanceOf", "balanceOf")]
    [InlineData("name_", "Name", "name")]
    [InlineData("_value", "Value", "value")]
    [InlineData("purchase_ref", "PurchaseRef", "purchaseRef")]
    [InlineData("DEFAULT_ADMIN_ROLE", "DefaultAdminRole", "defaultAdminRole")]
    [InlineData("ERC20", "ERC20", "eRC20")]
    [InlineData("object", "Object", "@object")]
    [InlineData("class", "Class", "@class")]
    [InlineData("v", "V", "v")]
    [InlineData("2fa", "N2fa", "n2fa")]
    [InlineData("_", "", "")]
    public void Solidity_names_become_csharp_identifiers(string solidity, string pascal, string camel)
    {
        Assert.Equal(pascal, Identifiers.Pascal(solidity));
        Assert.Equal(camel, Identifiers.Camel(solidity));
    }

    [Fact]
    public void Unique_names_append_the_suffix_then_a_number()
    {
        Assert.Equal(["Value", "ValueValue", "ValueValue2", "Other"], Identifiers.Unique(["Value", "Value", "Value", "Other"], [], "Value"));
        Assert.Equal(["SignatureValue", "@class"], Identifiers.Unique(["Signature", "@class"], ["Signature"], "Value"));
    }

    [Fact]
    public void The_overload_rule_keeps_unique_names_and_appends_parameter_types_to_overloads()
    {
        AbiFunction[] functions =
        [
            AbiFunction.Parse("function transfer(address to, uint256 value)"),
            AbiFunction.Parse("function describe()"),
            AbiFunction.Parse("function describe(uint256 a)"),
            AbiFunction.Parse("function describe(uint256 a, uint256 b)"),
            AbiFunction.Parse("function describe(string[2] a, (uint8,bool)[] b)"),
            AbiFunction.Parse("function describe(bytes32 a, bytes b, int8 c, address d, bool e)"),
        ];

        IReadOnlyList<string> names = OverloadNames.Assign([.. functions.Select(f => (f.Name, f.Inputs, f.Selector.Value.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)))]);

        Assert.Equal(
            ["Transfer", "Describe", "DescribeUint256", "DescribeUint256Uint256", "DescribeStringArray2TupleArray", "DescribeBytes32BytesInt8AddressBool"],
            names);
    }

    [Fact]
    public void Overloads_use_the_solidity_name_of_structs_and_enums()
    {
        var point = new AbiParameter("p", AbiType.Parse("(int32,int32)[]"), "struct Geometry.Point[]");
        var kind = new AbiParameter("k", AbiType.Parse("uint8"), "enum Shapes.Kind");

        Assert.Equal(["MoveUint8", "MovePointArrayKind"], OverloadNames.Assign([("move", [kind with { InternalType = "uint8" }], "00000001"), ("move", [point, kind], "00000002")]));
    }

    [Fact]
    public void Overloads_that_still_collide_append_their_selector()
    {
        var a = new AbiParameter("a", AbiType.Parse("(uint8)"));
        var b = new AbiParameter("b", AbiType.Parse("(bool)"));

        Assert.Equal(["SetTuple0a0b0c0d", "SetTuplee0e1e2e3"], OverloadNames.Assign([("set", [a], "0a0b0c0d"), ("set", [b], "e0e1e2e3")]));
    }
}
