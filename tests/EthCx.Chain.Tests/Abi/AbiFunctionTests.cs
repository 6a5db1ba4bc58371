using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Abi;

public class AbiFunctionTests
{
    private static readonly AbiFunction Transfer = AbiFunction.Parse("function transfer(address to, uint256 amount) external returns (bool)");

    [Fact]
    public void Parses_a_human_readable_signature()
    {
        Assert.Equal("transfer", Transfer.Name);
        Assert.Equal("transfer(address,uint256)", Transfer.Signature);
        Assert.Equal("0xa9059cbb", Transfer.Selector.ToString());
        Assert.Equal(["to", "amount"], Transfer.Inputs.Select(p => p.Name));
        Assert.Equal(["bool"], Transfer.OutputTypes.Select(t => t.CanonicalName));
        Assert.Equal(StateMutability.NonPayable, Transfer.StateMutability);
        Assert.False(Transfer.IsReadOnly);
        Assert.Equal(StateMutability.Payable, AbiFunction.Parse("deposit() payable").StateMutability);
        Assert.Equal(StateMutability.Pure, AbiFunction.Parse("function add(uint a, uint b) public pure returns (uint)").StateMutability);
        Assert.Equal("f((uint256,bytes)[],string)", AbiFunction.Parse("function f(tuple(uint256 id, bytes data)[] calldata items, string memory note)").Signature);
    }

    [Theory]
    [InlineData("event Transfer(address)", "Invalid signature 'event Transfer(address)': expected function, found 'event'.")]
    [InlineData("function (uint256)", "Invalid signature 'function (uint256)': the function has no name.")]
    [InlineData("transfer(address indexed to)", "Invalid signature 'transfer(address indexed to)': 'indexed' is only allowed on event parameters.")]
    [InlineData("transfer(address,uint256", "Invalid signature 'transfer(address,uint256': expected ')', found the end at position 24.")]
    [InlineData("transfer(address,uint256) returns bool", "Invalid signature 'transfer(address,uint256) returns bool': expected '(', found 'b' at position 34.")]
    [InlineData("2fer(address)", "Invalid signature '2fer(address)': '2fer' is not a valid name at position 0.")]
    public void Rejects_bad_signatures(string signature, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => AbiFunction.Parse(signature)).Message);
    }

    [Fact]
    public void Call_and_output_round_trip()
    {
        Address to = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        byte[] calldata = EthAbi.EncodeCall("transfer(address,uint256)", [to, 5]);
        Assert.Equal(calldata, Transfer.EncodeCall([to, (BigInteger)5]));
        AbiTestValues.AssertDeepEqual(new object?[] { to, (BigInteger)5 }, Transfer.DecodeCall(calldata));
        Assert.Equal(new object?[] { true }, Transfer.DecodeOutput(Transfer.EncodeOutput([true])));
    }

    [Fact]
    public void DecodeCall_checks_the_selector()
    {
        byte[] calldata = AbiFunction.Parse("approve(address,uint256)").EncodeCall([Address.Zero, 1]);
        Assert.Equal(
            "Cannot decode transfer(address,uint256) at byte offset 0: the selector is 0x095ea7b3, not 0xa9059cbb",
            Assert.Throws<AbiDecodingException>(() => Transfer.DecodeCall(calldata)).Message);
        Assert.Equal(
            "Cannot decode transfer(address,uint256) at byte offset 0: the data has 3 bytes, fewer than the 4-byte selector",
            Assert.Throws<AbiDecodingException>(() => Transfer.DecodeCall([0xa9, 0x05, 0x9c])).Message);
    }

    [Fact]
    public void Selector_parses_formats_and_reads_calldata()
    {
        var selector = Selector.Parse("0xA9059CBB");
        Assert.Equal(0xa9059cbbu, selector.Value);
        Assert.Equal("0xa9059cbb", selector.ToString());
        Assert.Equal(new byte[] { 0xa9, 0x05, 0x9c, 0xbb }, selector.ToArray());
        Assert.Equal(selector, Selector.FromSignature("transfer(address,uint256)"));
        Assert.False(Selector.TryRead([1, 2, 3], out _));
        Assert.Equal("Selector '0xa9059c' must be 0x and 8 hex digits.", Assert.Throws<FormatException>(() => Selector.Parse("0xa9059c")).Message);
        Assert.Equal(EthAbi.ErrorSelector("error Unauthorized(address account)"), Selector.FromSignature("Unauthorized(address)"));
    }
}
