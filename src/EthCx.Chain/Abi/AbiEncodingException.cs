namespace EthCx.Chain.Abi;

/// <summary>
/// A value could not be ABI-encoded as the type it was given for: wrong .NET type, out of range,
/// wrong length, or a wrong number of values. The message names where the value sits (e.g.
/// <c>argument 1[0].amount</c>), the ABI type, and what was wrong.
/// </summary>
public sealed class AbiEncodingException : ArgumentException
{
    private string _path;

    /// <summary>Creates an exception for a value at the top level.</summary>
    /// <param name="typeName">The ABI type the value was to be encoded as.</param>
    /// <param name="reason">What was wrong with the value.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AbiEncodingException(string typeName, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        TypeName = typeName;
        Reason = reason;
        _path = string.Empty;
    }

    /// <summary>The canonical name of the ABI type the value was to be encoded as.</summary>
    public string TypeName { get; }

    /// <summary>What was wrong with the value.</summary>
    public string Reason { get; }

    /// <summary>Where the value sits among the encoded values, e.g. <c>argument 1[0].amount</c>; empty for a lone value.</summary>
    public string Path => _path;

    /// <inheritdoc/>
    public override string Message =>
        _path.Length == 0 ? $"Cannot encode value as {TypeName}: {Reason}" : $"Cannot encode {_path} as {TypeName}: {Reason}";

    /// <summary>Adds the enclosing location while the exception propagates outwards.</summary>
    internal void Prepend(string segment) => _path = segment + _path;
}
