namespace EthCx.Chain.Rpc;

/// <summary>
/// The request did not get a JSON-RPC answer: the node could not be reached, the connection
/// broke, or the HTTP exchange failed. The message names the endpoint (without credentials or path).
/// </summary>
public class RpcTransportException : Exception
{
    /// <summary>Creates an exception for a failed exchange with the node at <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint as shown in messages (scheme, host and port only).</param>
    /// <param name="message">The complete message.</param>
    /// <param name="isTransient">Whether retrying later may succeed.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public RpcTransportException(string endpoint, string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        IsTransient = isTransient;
    }

    /// <summary>The endpoint as shown in messages: scheme, host and port, never credentials or an API-key path.</summary>
    public string Endpoint { get; }

    /// <summary>
    /// Whether retrying later may succeed: true for connection failures, timeouts and HTTP 408,
    /// 429, 502, 503 and 504; false for other HTTP statuses and oversized answers.
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status code when the node answered with a non-success status, otherwise <see langword="null"/>.</summary>
    public int? StatusCode { get; init; }
}
