using EthCx.Chain.Contracts;
using EthCx.Services.Configuration;
using EthCx.Services.Deployment;
using EthCx.Testing;
using Microsoft.Extensions.Configuration;

namespace EthCx.IntegrationTests.Services.Configuration;

/// <summary>The built-in <c>anvil</c> network on a real anvil node, which returns from sending before mining.</summary>
[Collection(SharedAnvilNode.Name)]
public sealed class EthCxNetworksAnvilTests(AnvilNodeFixture fixture)
{
    [Fact]
    public async Task The_anvil_network_deploys_with_the_test_mnemonic_and_a_second_deployment_changes_nothing()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ETHCX_RPC_URL"] = fixture.Node.Url.ToString(),
            ["ETHCX_DEPLOYMENTS"] = directory.Path,
        }).Build();
        EthCxNetwork anvil = EthCxNetworks.Select(configuration, "anvil");
        EthCxOptions options = anvil.Bind(configuration, new EthCxOptions());

        using EthCxConnector connector = await anvil.ConnectAsync(options);
        ChainClient client = await connector.GetClientAsync();
        DeploymentPlan plan = DeploymentPlan.ForBusiness(client.Signer!.Address);
        DeploymentOutcome first = await (await connector.CreateDeployerAsync()).DeployAsync(plan);
        DeploymentOutcome second = await (await connector.CreateDeployerAsync()).DeployAsync(plan);

        Assert.Equal(DevAccounts.All[0].Address, client.Signer.Address);
        Assert.Equal(6, first.Actions.Count(a => a.Changed));
        Assert.False(second.Changed);
        Assert.Equal(first.Manifest, await connector.Manifests.LoadVerifiedAsync(fixture.Node.Client));
    }
}
