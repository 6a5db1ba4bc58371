namespace EthCx.Chain.Rpc;

/// <summary>
/// The one primitive a JSON-RPC client needs: send the UTF-8 JSON of a request (or a batch) and
/// return the UTF-8 JSON the node answered. Implementations own the wire (HTTP, IPC, a test double)
/// and report failures as <see cref="RpcTransportException"/> or <see cref="RpcTimeoutException"/>;
/// they do not interpret JSON-RPC errors, which arrive inside a successful answer.
/// </summary>
public interface IRpcTransport
{
    /// <summary>Sends one JSON-RPC request object or batch array and returns the node's answer.</summary>
    /// <param name="request">The UTF-8 JSON to send.</param>
    /// <param name="description">What the request carries, for error messages: the method name, or a batch summary.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The UTF-8 JSON the node answered.</returns>
    /// <exception cref="RpcTransportException">The node could not be reached or the exchange failed.</exception>
    /// <exception cref="RpcTimeoutException">The node did not answer within the transport's time limit.</exception>
    Task<byte[]> SendAsync(ReadOnlyMemory<byte> request, string description, CancellationToken cancellationToken = default);
}
