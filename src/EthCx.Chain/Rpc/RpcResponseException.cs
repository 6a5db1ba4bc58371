namespace EthCx.Chain.Rpc;

/// <summary>
/// The node's answer is not valid JSON-RPC, or its result does not have the shape the method
/// returns (a missing field, a quantity with a leading zero, an address of the wrong length).
/// The message names the method and the offending field.
/// </summary>
public sealed class RpcResponseException : Exception
{
    /// <summary>Creates an exception for a malformed answer to <paramref name="method"/>.</summary>
    /// <param name="method">The JSON-RPC method whose answer was malformed (<c>batch</c> for the batch envelope).</param>
    /// <param name="detail">What was wrong, e.g. <c>Field 'gasUsed': Quantity '0x01' has a leading zero.</c></param>
    /// <param name="innerException">The parsing failure, if any.</param>
    public RpcResponseException(string method, string detail, Exception? innerException = null)
        : base($"{method} returned a malformed answer: {detail}", innerException)
    {
        Method = method;
        Detail = detail;
    }

    /// <summary>The JSON-RPC method whose answer was malformed.</summary>
    public string Method { get; }

    /// <summary>What was wrong with the answer.</summary>
    public string Detail { get; }
}
