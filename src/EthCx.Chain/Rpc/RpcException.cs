namespace EthCx.Chain.Rpc;

/// <summary>
/// The node answered a request with a JSON-RPC error object. Carries the code, the node's message
/// and, when the node attached hex data (a revert's return data from <c>eth_call</c>,
/// <c>eth_estimateGas</c> or <c>eth_sendRawTransaction</c>), that data as bytes.
/// </summary>
public class RpcException : Exception
{
    /// <summary>Creates an exception for the error <paramref name="code"/> returned to <paramref name="method"/>.</summary>
    /// <param name="method">The JSON-RPC method that failed (<c>batch</c> for a whole-batch error).</param>
    /// <param name="code">The JSON-RPC error code.</param>
    /// <param name="nodeMessage">The node's error message.</param>
    /// <param name="errorData">The error's hex data decoded to bytes, or <see langword="null"/>.</param>
    /// <param name="errorDataJson">The error's <c>data</c> member as raw JSON, or <see langword="null"/> when absent.</param>
    public RpcException(string method, int code, string nodeMessage, ReadOnlyMemory<byte>? errorData, string? errorDataJson)
        : base($"{method} failed: {nodeMessage} (JSON-RPC error {code})")
    {
        Method = method;
        Code = code;
        NodeMessage = nodeMessage;
        ErrorData = errorData;
        ErrorDataJson = errorDataJson;
    }

    /// <summary>The JSON-RPC method that failed, or <c>batch</c> when the node rejected a whole batch.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code (e.g. -32602 invalid params, 3 execution reverted on geth and anvil).</summary>
    public int Code { get; }

    /// <summary>The node's message, verbatim.</summary>
    public string NodeMessage { get; }

    /// <summary>
    /// The hex data the node attached to the error, decoded: for a revert, the revert data (an
    /// <c>Error(string)</c>, <c>Panic(uint256)</c> or custom-error encoding). Read from
    /// <c>error.data</c> when it is a hex string (geth, anvil) or from <c>error.data.data</c> (Hardhat).
    /// </summary>
    public ReadOnlyMemory<byte>? ErrorData { get; }

    /// <summary>The error's <c>data</c> member as raw JSON, for nodes that put other details there.</summary>
    public string? ErrorDataJson { get; }

    /// <summary>
    /// Whether the same request may succeed if retried later: EIP-1474's -32002 (resource
    /// unavailable) and -32005 (limit exceeded, e.g. rate limiting).
    /// </summary>
    public bool IsTransient => Code is -32002 or -32005;
}
