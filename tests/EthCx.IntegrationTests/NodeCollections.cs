using EthCx.Testing;

namespace EthCx.IntegrationTests;

/// <summary>
/// The tests that share one Hardhat node (or the ETHCX_RPC_URL endpoint). They run one after
/// another and isolate themselves with <c>await using var _ = await Node.SnapshotAsync();</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedLocalNode : ICollectionFixture<LocalNodeFixture>
{
    /// <summary>The collection name for <c>[Collection(SharedLocalNode.Name)]</c>.</summary>
    public const string Name = "LocalNode";
}

/// <summary>The tests that share one anvil node, to check behaviour on a second implementation.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAnvilNode : ICollectionFixture<AnvilNodeFixture>
{
    /// <summary>The collection name for <c>[Collection(SharedAnvilNode.Name)]</c>.</summary>
    public const string Name = "AnvilNode";
}
