using Xunit;

namespace EthCx.Testing;

/// <summary>
/// An xunit fixture holding one <see cref="LocalNode"/> for a test collection: started before the
/// collection's first test, stopped after its last. Tests isolate themselves with
/// <see cref="LocalNode.SnapshotAsync"/>.
/// </summary>
public class LocalNodeFixture : IAsyncLifetime
{
    private readonly LocalNodeKind _kind;
    private LocalNode? _node;

    /// <summary>Creates a fixture for a Hardhat node (or the endpoint in ETHCX_RPC_URL).</summary>
    public LocalNodeFixture()
        : this(LocalNodeKind.Hardhat)
    {
    }

    /// <summary>Creates a fixture for the given kind of node.</summary>
    /// <param name="kind">The node to start.</param>
    protected LocalNodeFixture(LocalNodeKind kind) => _kind = kind;

    /// <summary>The running node.</summary>
    public LocalNode Node => _node ?? throw new InvalidOperationException("The node fixture has not been initialised.");

    /// <inheritdoc/>
    public async Task InitializeAsync() => _node = await LocalNode.StartAsync(_kind);

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}

/// <summary>A <see cref="LocalNodeFixture"/> running anvil, for tests that check behaviour on a second node implementation.</summary>
public sealed class AnvilNodeFixture : LocalNodeFixture
{
    /// <summary>Creates a fixture for an anvil node.</summary>
    public AnvilNodeFixture()
        : base(LocalNodeKind.Anvil)
    {
    }
}
