using System.Text;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>
/// A test of the product contracts: the class shares one <see cref="ProductDeployment"/> (its
/// <see cref="ProductFixture"/>), and each test runs inside its own snapshot, reverted afterwards. Every party gets a
/// fresh <see cref="ChainClient"/> per test, so no nonce or fee cached before a revert is reused after it.
/// </summary>
public abstract class ProductTest(ProductFixture fixture) : IAsyncLifetime
{
    /// <summary>A gas limit that fits every single operation: a transaction sent with it is mined even when it reverts.</summary>
    protected const ulong MinedGas = 1_000_000;

    private readonly Dictionary<int, ChainClient> _clients = [];
    private NodeSnapshot? _snapshot;

    /// <summary>The shared node.</summary>
    protected LocalNode Node => fixture.Node;

    /// <summary>The node's RPC client.</summary>
    protected EthRpcClient Rpc => fixture.Node.Client;

    /// <summary>The class's deployment.</summary>
    protected ProductDeployment Deployment => fixture.Deployment;

    public async Task InitializeAsync()
    {
        _snapshot = await Node.SnapshotAsync();
        IReadOnlyList<DevAccount> accounts = Parties.Accounts;
        ChainClient[] clients = await Task.WhenAll(accounts.Select(account => ChainClient.ConnectAsync(Rpc, TestSigners.Of(account.Index))));
        for (int i = 0; i < accounts.Count; i++)
        {
            _clients[accounts[i].Index] = clients[i];
        }
    }

    public async Task DisposeAsync()
    {
        if (_snapshot is not null)
        {
            await _snapshot.DisposeAsync();
        }
    }

    /// <summary>A client that signs as <paramref name="party"/>.</summary>
    protected ChainClient Client(Party party) => _clients[party.Account().Index];

    /// <summary>The consent registry as <paramref name="party"/> sees it.</summary>
    protected ConsentRegistryService Consent(Party party) => new(Client(party), Deployment.Consent);

    /// <summary>The tracker as <paramref name="party"/> sees it.</summary>
    protected SupplyChainTrackerService Tracker(Party party) => new(Client(party), Deployment.Tracker);

    /// <summary>The points token as <paramref name="party"/> sees it.</summary>
    protected LoyaltyPointsService Points(Party party) => new(Client(party), Deployment.Points);

    /// <summary>The latest block.</summary>
    protected async Task<Block> LatestBlockAsync() => (await Rpc.GetBlockByNumberAsync(BlockParameter.Latest))!;

    /// <summary>The latest block's timestamp.</summary>
    protected async Task<ulong> NowAsync() => (await LatestBlockAsync()).Timestamp;

    /// <summary>The timestamp of the block a transaction was mined in.</summary>
    protected async Task<ulong> TimeOfAsync(TransactionReceipt receipt) => (await Rpc.GetBlockByNumberAsync(receipt.BlockNumber))!.Timestamp;

    /// <summary>Makes the next block carry <paramref name="timestamp"/>.</summary>
    protected Task NextBlockAtAsync(ulong timestamp) => Rpc.EvmSetNextBlockTimestampAsync(timestamp);

    /// <summary>Mines an empty block at <paramref name="timestamp"/>.</summary>
    protected Task MineAtAsync(ulong timestamp) => Rpc.EvmMineAsync(timestamp);

    /// <summary>A deterministic 32-byte id from a label: keccak256 of its UTF-8 bytes.</summary>
    protected static Bytes32 Id(string label) => Bytes32.Keccak(Encoding.UTF8.GetBytes(label));
}
