namespace EthCx.Chain.Rpc;

/// <summary>The node did not answer a request within the transport's per-request time limit.</summary>
public sealed class RpcTimeoutException : RpcTransportException
{
    /// <summary>Creates an exception for <paramref name="request"/> timing out after <paramref name="timeout"/>.</summary>
    /// <param name="endpoint">The endpoint as shown in messages.</param>
    /// <param name="request">The method name, or a batch summary, that timed out.</param>
    /// <param name="timeout">The limit that was exceeded.</param>
    /// <param name="innerException">The cancellation that ended the wait.</param>
    public RpcTimeoutException(string endpoint, string request, TimeSpan timeout, Exception? innerException = null)
        : base(endpoint, $"The node at {endpoint} did not answer {request} within {FormatSeconds(timeout)}.", isTransient: true, innerException)
    {
        Request = request;
        Timeout = timeout;
    }

    /// <summary>The method name, or a batch summary such as <c>batch of 3 (eth_chainId, eth_blockNumber)</c>.</summary>
    public string Request { get; }

    /// <summary>The per-request time limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }

    private static string FormatSeconds(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
