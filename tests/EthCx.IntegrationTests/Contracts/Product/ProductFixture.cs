using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>
/// One deployment of the product contracts per test class, on the collection's shared node: a snapshot is taken
/// before deploying and reverted after the class's last test, so the class leaves the node as it found it. Each test
/// isolates itself with its own snapshot (see <see cref="ProductTest"/>).
/// </summary>
public sealed class ProductFixture(LocalNodeFixture nodeFixture) : IAsyncLifetime
{
    private NodeSnapshot? _snapshot;
    private ProductDeployment? _deployment;

    /// <summary>The shared node.</summary>
    public LocalNode Node => nodeFixture.Node;

    /// <summary>The class's deployment.</summary>
    public ProductDeployment Deployment => _deployment ?? throw new InvalidOperationException("The product fixture has not been initialised.");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        _snapshot = await Node.SnapshotAsync();
        _deployment = await ProductDeployment.DeployAsync(Node.Client);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_snapshot is not null)
        {
            await _snapshot.DisposeAsync();
        }
    }
}
