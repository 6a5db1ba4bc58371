using System.Text.Json;
using System.Text.Json.Nodes;
using EthCx.Chain.Primitives;
using EthCx.Services.Deployment;

namespace EthCx.Cli.Tests.Domain;

/// <summary><c>ethcx deploy</c> and how the other commands find (or refuse) the deployment.</summary>
[Collection(DomainNode.Name)]
public sealed class DeployCommandTests(DomainFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ethcx-cli-deploy-").FullName;

    [Fact]
    public async Task The_first_deploy_put_the_contracts_and_roles_on_chain_and_in_the_manifest()
    {
        JsonElement first = fixture.FirstDeployment;

        Assert.True(first.GetProperty("changed").GetBoolean());
        Assert.Equal(31337UL, first.GetProperty("chainId").GetUInt64());
        Assert.Equal(DomainFixture.Business.ToString(), first.GetProperty("deployer").GetString());
        Assert.Equal(Path.Combine(fixture.Deployments, "31337.json"), first.GetProperty("manifestPath").GetString());
        Assert.Equal(["ConsentRegistry", "SupplyChainTracker", "LoyaltyPoints"], first.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        foreach (JsonElement contract in first.GetProperty("contracts").EnumerateArray())
        {
            Address address = Address.Parse(contract.GetProperty("address").GetString()!);
            Assert.Equal(fixture.Manifest.Contracts.Single(c => c.Address == address).TransactionHash.ToString(), contract.GetProperty("transactionHash").GetString());
            Assert.NotEmpty(await fixture.Node.Client.GetCodeAsync(address));
        }

        string[] roles = [.. first.GetProperty("roles").EnumerateArray().Select(r => $"{r.GetProperty("role").GetString()} {r.GetProperty("account").GetString()}")];
        Assert.Contains($"MERCHANT_ROLE {DomainFixture.Business}", roles);
        Assert.Contains($"CARRIER_ROLE {DomainFixture.Carrier}", roles);
        Assert.Contains($"SENSOR_ROLE {DomainFixture.Sensor}", roles);
        Assert.Equal([100U, 500U, 2000U], first.GetProperty("tierThresholds").EnumerateArray().Select(t => t.GetUInt32()));
    }

    [Fact]
    public async Task Deploying_again_changes_nothing_and_says_so()
    {
        ulong before = await fixture.Node.Client.BlockNumberAsync();

        JsonElement again = await fixture.JsonAsync("deploy", "--carrier", DomainFixture.Carrier.ToString(), "--sensor", DomainFixture.Sensor.ToString());
        string text = (await fixture.RunAsync("deploy", "--carrier", DomainFixture.Carrier.ToString(), "--sensor", DomainFixture.Sensor.ToString())).Output;

        Assert.False(again.GetProperty("changed").GetBoolean());
        Assert.Equal(0UL, again.GetProperty("gasUsed").GetUInt64());
        Assert.Equal(
            fixture.FirstDeployment.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("address").GetString()),
            again.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("address").GetString()));
        Assert.Equal(before, await fixture.Node.Client.BlockNumberAsync());
        Assert.Contains("changed   no: nothing was sent\n", text, StringComparison.Ordinal);
        Assert.Contains("Nothing to do", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_of_a_reset_node_is_refused_by_the_commands_and_replaced_by_deploy()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        JsonNode manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Deployments, "31337.json")))!;
        manifest["genesisHash"] = Bytes32.Keccak("another genesis"u8).ToString();
        File.WriteAllText(Path.Combine(_directory, "31337.json"), manifest.ToJsonString());

        CliResult refused = await Cli.RunAsync("points", "balance", "--rpc-url", fixture.Url, "--deployments", _directory);
        CliResult redeployed = await Cli.RunAsync("deploy", "--json", "--rpc-url", fixture.Url, "--deployments", _directory);

        Cli.AssertOneLineError(refused, "is stale: the node was reset");
        Assert.Equal(0, redeployed.ExitCode);
        using JsonDocument outcome = JsonDocument.Parse(redeployed.Output);
        Assert.True(outcome.RootElement.GetProperty("changed").GetBoolean());
        Assert.StartsWith("the node was reset", outcome.RootElement.GetProperty("staleManifestReason").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(fixture.Manifest.AddressOf(EthCxContract.LoyaltyPoints).ToString(), outcome.RootElement.GetProperty("contracts")[2].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Without_a_manifest_the_commands_say_to_deploy_first()
    {
        CliResult result = await Cli.RunAsync("consent", "history", "--rpc-url", fixture.Url, "--deployments", _directory);

        Cli.AssertOneLineError(result, "No EthCx deployment for chain 31337");
        Assert.Contains("ethcx deploy", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tiers", "500,100")]
    [InlineData("--tiers", "1,2,3,4,5,6,7,8,9")]
    [InlineData("--carrier", "0xnot-an-address")]
    [InlineData("--admin-delay", "soon")]
    [InlineData("--admin-delay", "100000000000d")]
    [InlineData("--points-symbol", " ")]
    public async Task A_bad_deploy_option_is_named(string option, string value)
    {
        CliResult result = await fixture.RunAsync("deploy", option, value);

        Cli.AssertOneLineError(result, option);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("points", "balance")]
    [InlineData("consent", "history")]
    [InlineData("trace", "timeline", "--product", "urn:epc:id:sgtin:4012345.011111.1001")]
    public async Task A_node_that_is_down_gives_one_line_naming_its_url(params string[] command)
    {
        CliResult result = await Cli.RunAsync([.. command, "--rpc-url", "http://127.0.0.1:9/secret-api-key", "--deployments", _directory]);

        Cli.AssertOneLineError(result, "http://127.0.0.1:9");
        Assert.DoesNotContain("secret-api-key", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
