using EthCx.Testing;

namespace EthCx.Cli.Tests.Chain;

/// <summary>
/// <c>call</c> and <c>estimate</c> print exactly what cast prints, on anvil (Hardhat 2.29 refuses cast's
/// call requests). The echo contract returns a call's arguments as its outputs, so every ABI shape
/// goes through encoding, the node and decoding.
/// </summary>
[Collection(AnvilCliNode.Name)]
public sealed class CallParityTests(AnvilCliFixture fixture)
{
    private const string Alice = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";

    public static TheoryData<string, string[]> Calls() => new()
    {
        { "f(uint256,int256,uint8)(uint256,int256,uint8)", ["123456789", "-1000000", "7"] },
        { "f(uint256)(uint256)", ["1.5ether"] },
        { "f(address,bool,bytes4)(address,bool,bytes4)", [Alice, "true", "0xcafebabe"] },
        { "f(string,bytes)(string,bytes)", ["h\u00e9llo \"w\u00f6rld\"", "0xdeadbeef"] },
        { "f((uint256,string)[],uint8[2])((uint256,string)[],uint8[2])", ["[(100000,a),(2,\"b c\")]", "[3,4]"] },
        { "f(uint256[],string[])(uint256[],string[])", ["[]", "[x, yy, zzz]"] },
        { "f((int8,(address,bytes32)))((int8,(address,bytes32)))", [$"(-5,({Alice},0x{new string('1', 64)}))"] },
        { "function f(uint256 a) view returns (uint256 b)", ["42"] },
        { "f(uint256)", ["42"] },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public Task Call_matches_cast(string signature, string[] args) =>
        Cast.AssertSameOutputAsync(["call", fixture.Echo.ToString(), signature, .. args, "--rpc-url", fixture.Url]);

    [Fact]
    public async Task Call_with_raw_calldata_a_block_and_a_sender_matches_cast()
    {
        await Cast.AssertSameOutputAsync("call", fixture.Echo.ToString(), "0xaabbccdd0102", "--rpc-url", fixture.Url);
        await Cast.AssertSameOutputAsync("call", fixture.Echo.ToString(), "f(uint256)(uint256)", "9", "--block", "latest", "--from", DevAccounts.All[4].Address.ToString(), "--rpc-url", fixture.Url);
        await Cast.AssertSameOutputAsync("call", fixture.Store.ToString(), "get()(uint256)", "--rpc-url", fixture.Url);
    }

    [Theory]
    [InlineData("f(uint256)", "1")]
    [InlineData("f(string)", "a long enough string to cost more calldata gas than the short one")]
    public async Task Estimate_matches_cast(string signature, string arg)
    {
        await Cast.AssertSameOutputAsync("estimate", fixture.Echo.ToString(), signature, arg, "--rpc-url", fixture.Url);
        await Cast.AssertSameOutputAsync("estimate", fixture.Store.ToString(), "set(uint256)", "5", "--from", DevAccounts.All[2].Address.ToString(), "--rpc-url", fixture.Url);
        await Cast.AssertSameOutputAsync(
            ["estimate", DevAccounts.All[2].Address.ToString(), "--value", "1ether", "--private-key", DevAccounts.All[1].PrivateKey.ToString(), "--rpc-url", fixture.Url]);
    }
}
