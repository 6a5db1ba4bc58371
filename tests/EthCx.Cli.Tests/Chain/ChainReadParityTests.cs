using EthCx.Testing;

namespace EthCx.Cli.Tests.Chain;

/// <summary><c>chain-id</c>, <c>block-number</c>, <c>balance</c>, <c>nonce</c> and <c>code</c> print exactly what cast prints against the same node.</summary>
public abstract class ChainReadParityTests(CliNodeFixture fixture)
{
    public static TheoryData<string[]> Reads()
    {
        string deployer = DevAccounts.Deployer.Address.ToString();
        string other = DevAccounts.All[3].Address.ToLowerHex();
        var reads = new TheoryData<string[]>();
        reads.Add(["chain-id"]);
        reads.Add(["block-number"]);
        reads.Add(["block-number", "latest"]);
        reads.Add(["block-number", "earliest"]);
        reads.Add(["block-number", "1"]);
        reads.Add(["balance", deployer]);
        reads.Add(["balance", other, "--ether"]);
        reads.Add(["balance", DevAccounts.All[9].Address.ToString(), "-e"]);
        reads.Add(["balance", DevAccounts.All[9].Address.ToString(), "--block", "earliest"]);
        reads.Add(["balance", "0x0000000000000000000000000000000000000000"]);
        reads.Add(["nonce", deployer]);
        reads.Add(["nonce", DevAccounts.All[9].Address.ToString()]);
        reads.Add(["nonce", DevAccounts.All[9].Address.ToString(), "--block", "1"]);
        reads.Add(["code", deployer]);
        return reads;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public Task Reads_match_cast(string[] args) => Cast.AssertSameOutputAsync([.. args, "--rpc-url", fixture.Url]);

    [Fact]
    public async Task Contract_code_and_balance_match_cast()
    {
        foreach (string contract in (string[])[fixture.Echo.ToString(), fixture.Store.ToString(), fixture.Reverter.ToString()])
        {
            await Cast.AssertSameOutputAsync("code", contract, "--rpc-url", fixture.Url);
            await Cast.AssertSameOutputAsync("code", contract, "--block", "earliest", "--rpc-url", fixture.Url);
            await Cast.AssertSameOutputAsync("balance", contract, "--rpc-url", fixture.Url);
        }

        Assert.Equal("0x" + Convert.ToHexStringLower(TestContracts.Echo), await Cli.OutputOfAsync("code", fixture.Echo.ToString(), "--rpc-url", fixture.Url));
    }
}

[Collection(HardhatCliNode.Name)]
public sealed class HardhatChainReadTests(HardhatCliFixture fixture) : ChainReadParityTests(fixture);

[Collection(AnvilCliNode.Name)]
public sealed class AnvilChainReadTests(AnvilCliFixture fixture) : ChainReadParityTests(fixture);
