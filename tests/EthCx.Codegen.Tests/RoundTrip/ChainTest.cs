using EthCx.Chain.Accounts;
using EthCx.Chain.Contracts;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.RoundTrip;

/// <summary>
/// A test against the shared local node: a snapshot taken before the test and reverted after it, and a
/// <see cref="ChainClient"/> that signs with the first development account.
/// </summary>
public abstract class ChainTest(LocalNodeFixture fixture) : IAsyncLifetime
{
    /// <summary>One signer for every test: it holds no state that a snapshot revert could invalidate.</summary>
    private static readonly PrivateKeySigner Signer = new(DevAccounts.Deployer.PrivateKey.Bytes);

    private NodeSnapshot? _snapshot;

    /// <summary>The node.</summary>
    protected LocalNode Node => fixture.Node;

    /// <summary>A client signing with <see cref="DevAccounts.Deployer"/>.</summary>
    protected ChainClient Client { get; private set; } = null!;

    /// <summary>The sender of the client's transactions.</summary>
    protected static DevAccount Sender => DevAccounts.Deployer;

    public virtual async Task InitializeAsync()
    {
        _snapshot = await Node.SnapshotAsync();
        Client = await ChainClient.ConnectAsync(Node.Client, Signer);
    }

    public async Task DisposeAsync()
    {
        if (_snapshot is not null)
        {
            await _snapshot.DisposeAsync();
        }
    }
}
