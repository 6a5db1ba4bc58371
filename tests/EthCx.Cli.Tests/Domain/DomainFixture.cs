using System.Text.Json;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Services.Consent;
using EthCx.Services.Deployment;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;
using EthCx.Testing;

namespace EthCx.Cli.Tests.Domain;

/// <summary>
/// A local node with the EthCx contracts deployed once by <c>ethcx deploy</c> itself (account 0 of the Hardhat
/// mnemonic: admin, merchant and retailer; account 1 a carrier, account 2 a sensor), its manifest in a temporary
/// directory, and read-only services to check chain state independently of the commands under test.
/// </summary>
public sealed class DomainFixture : IAsyncLifetime
{
    private LocalNode? _node;

    public LocalNode Node => _node ?? throw new InvalidOperationException("The node fixture has not been initialised.");

    public string Url => Node.Url.ToString();

    public string Deployments { get; } = Path.Combine(Path.GetTempPath(), "ethcx-cli-domain-" + Guid.NewGuid().ToString("N"));

    /// <summary>What the first <c>deploy --json</c> printed.</summary>
    public JsonElement FirstDeployment { get; private set; }

    public DeploymentManifest Manifest { get; private set; } = null!;

    public ConsentService Consent { get; private set; } = null!;

    public TraceabilityService Traceability { get; private set; } = null!;

    public LoyaltyService Loyalty { get; private set; } = null!;

    public static Address Business => DevAccounts.All[0].Address;

    public static Address Carrier => DevAccounts.All[1].Address;

    public static Address Sensor => DevAccounts.All[2].Address;

    public static Address Customer => DevAccounts.All[3].Address;

    public static Address Outsider => DevAccounts.All[5].Address;

    public async Task InitializeAsync()
    {
        _node = await LocalNode.StartAsync(LocalNodeKind.Hardhat);
        CliResult deployed = await RunAsync("deploy", "--carrier", Carrier.ToString(), "--sensor", Sensor.ToString(), "--json");
        if (deployed.ExitCode != 0)
        {
            throw new InvalidOperationException($"ethcx deploy failed: {deployed.Error}");
        }

        using JsonDocument document = JsonDocument.Parse(deployed.Output);
        FirstDeployment = document.RootElement.Clone();
        Manifest = new DeploymentManifestStore(Deployments).TryLoad(31337) ?? throw new InvalidOperationException("ethcx deploy wrote no manifest.");
        ChainClient reader = await ChainClient.ConnectAsync(Node.Client, null);
        Consent = new ConsentService(reader, Manifest.AddressOf(EthCxContract.ConsentRegistry));
        Traceability = new TraceabilityService(reader, Manifest.AddressOf(EthCxContract.SupplyChainTracker));
        Loyalty = new LoyaltyService(reader, Manifest.AddressOf(EthCxContract.LoyaltyPoints));
    }

    /// <summary>Runs ethcx in this process against the node and the fixture's manifests (no ETHCX_* variables).</summary>
    internal Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync([.. args, "--rpc-url", Url, "--deployments", Deployments]);

    /// <summary>Runs a command that must succeed with <c>--json</c> and returns its parsed output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        CliResult result = await RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"ethcx {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        Assert.Equal(string.Empty, result.Error);
        using JsonDocument document = JsonDocument.Parse(result.Output);
        return document.RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (Directory.Exists(Deployments))
        {
            Directory.Delete(Deployments, recursive: true);
        }
    }
}

/// <summary>The EthCx command tests: one node and one deployment; each test that writes reverts the node after itself.</summary>
[CollectionDefinition(Name)]
public sealed class DomainNode : ICollectionFixture<DomainFixture>
{
    public const string Name = "CliDomainNode";
}
