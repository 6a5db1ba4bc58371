using EthCx.Chain.Accounts;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Cli.Tests.Chain;

/// <summary>A local node with the <see cref="TestContracts"/> deployed once, for a collection of CLI tests.</summary>
public abstract class CliNodeFixture(LocalNodeKind kind) : IAsyncLifetime
{
    private LocalNode? _node;

    public LocalNode Node => _node ?? throw new InvalidOperationException("The node fixture has not been initialised.");

    /// <summary>The node's URL, for <c>--rpc-url</c>.</summary>
    public string Url => Node.Url.ToString();

    public Address Echo { get; private set; }

    public Address Reverter { get; private set; }

    public Address Store { get; private set; }

    public async Task InitializeAsync()
    {
        _node = await LocalNode.StartAsync(kind);
        using var deployer = new PrivateKeySigner(DevAccounts.All[9].PrivateKey.Bytes);
        ChainClient client = await ChainClient.ConnectAsync(_node.Client, deployer);
        Echo = (await client.DeployAsync(TestContracts.CreationCode(TestContracts.Echo))).Address;
        Reverter = (await client.DeployAsync(TestContracts.CreationCode(TestContracts.Reverter))).Address;
        Store = (await client.DeployAsync(TestContracts.CreationCode(TestContracts.Store))).Address;
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}

public sealed class HardhatCliFixture() : CliNodeFixture(LocalNodeKind.Hardhat);

public sealed class AnvilCliFixture() : CliNodeFixture(LocalNodeKind.Anvil);

/// <summary>CLI tests on one Hardhat node (or the ETHCX_RPC_URL endpoint); they isolate writes with snapshots.</summary>
[CollectionDefinition(Name)]
public sealed class HardhatCliNode : ICollectionFixture<HardhatCliFixture>
{
    public const string Name = "CliHardhatNode";
}

/// <summary>CLI tests on one anvil node, where cast call and cast estimate work (Hardhat 2.29 refuses cast's requests).</summary>
[CollectionDefinition(Name)]
public sealed class AnvilCliNode : ICollectionFixture<AnvilCliFixture>
{
    public const string Name = "CliAnvilNode";
}
