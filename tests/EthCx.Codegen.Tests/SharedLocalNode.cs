using EthCx.Testing;

namespace EthCx.Codegen.Tests;

/// <summary>
/// The tests that share one Hardhat node (or the ETHCX_RPC_URL endpoint). They run one after another and isolate
/// themselves with evm_snapshot / evm_revert (see <see cref="RoundTrip.ChainTest"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedLocalNode : ICollectionFixture<LocalNodeFixture>
{
    /// <summary>The collection name for <c>[Collection(SharedLocalNode.Name)]</c>.</summary>
    public const string Name = "LocalNode";
}
