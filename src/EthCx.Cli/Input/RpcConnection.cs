using EthCx.Chain.Rpc;

namespace EthCx.Cli.Input;

/// <summary>An open JSON-RPC client and the transport it owns.</summary>
internal sealed class RpcConnection(HttpRpcTransport transport) : IDisposable
{
    /// <summary>The client.</summary>
    public EthRpcClient Client { get; } = new(transport);

    /// <summary>The endpoint as messages show it (scheme, host and port only).</summary>
    public string DisplayUrl => transport.DisplayEndpoint;

    /// <inheritdoc/>
    public void Dispose() => transport.Dispose();
}
