using System.Collections.Concurrent;
using EthCx.Chain.Rpc;

namespace EthCx.IntegrationTests.Contracts;

/// <summary>Forwards every request to the real node and counts them by method (a batch counts as its description).</summary>
internal sealed class CountingTransport(IRpcTransport inner) : IRpcTransport
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int Count(string method) => _counts.GetValueOrDefault(method);

    public Task<byte[]> SendAsync(ReadOnlyMemory<byte> request, string description, CancellationToken cancellationToken = default)
    {
        _counts.AddOrUpdate(description, 1, (_, count) => count + 1);
        return inner.SendAsync(request, description, cancellationToken);
    }
}

/// <summary>When a failure is injected into a request.</summary>
internal enum FaultPoint
{
    /// <summary>The request is lost on the way: the node never sees it.</summary>
    BeforeNode,

    /// <summary>The node handles the request, then the reply is lost.</summary>
    AfterNode,
}

/// <summary>
/// Forwards to the real node, but fails the next <c>failures</c> requests of <c>method</c> with a
/// transient <see cref="RpcTransportException"/>, before or after the node has handled them.
/// </summary>
internal sealed class FaultyTransport(IRpcTransport inner, string method, FaultPoint point, int failures = 1) : IRpcTransport
{
    private int _remaining = failures;

    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> request, string description, CancellationToken cancellationToken = default)
    {
        if (description != method || Interlocked.Decrement(ref _remaining) < 0)
        {
            return await inner.SendAsync(request, description, cancellationToken);
        }

        if (point == FaultPoint.AfterNode)
        {
            await inner.SendAsync(request, description, cancellationToken);
        }

        throw new RpcTransportException("test", $"The connection broke {(point == FaultPoint.AfterNode ? "after" : "before")} {description} reached the node (injected).", isTransient: true);
    }
}
