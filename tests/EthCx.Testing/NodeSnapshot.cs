using EthCx.Chain.Rpc;

namespace EthCx.Testing;

/// <summary>
/// An <c>evm_snapshot</c> that is reverted on dispose, so a test leaves the shared node as it
/// found it: <c>await using var _ = await node.SnapshotAsync();</c>.
/// </summary>
public sealed class NodeSnapshot : IAsyncDisposable
{
    private readonly EthRpcClient _client;
    private int _reverted;

    internal NodeSnapshot(EthRpcClient client, string id)
    {
        _client = client;
        Id = id;
    }

    /// <summary>The node's snapshot id.</summary>
    public string Id { get; }

    /// <summary>Reverts the node to the snapshot (once).</summary>
    /// <returns>A task that completes when the node has reverted.</returns>
    /// <exception cref="InvalidOperationException">The node refused (e.g. the snapshot was already used up by an earlier revert).</exception>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _reverted, 1) != 0)
        {
            return;
        }

        if (!await _client.EvmRevertAsync(Id))
        {
            throw new InvalidOperationException($"evm_revert to snapshot {Id} returned false: the snapshot is unknown or was used up by reverting to an earlier one.");
        }
    }
}
