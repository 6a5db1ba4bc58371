namespace EthCx.Chain.Abi;

/// <summary>
/// ABI-encoded data was malformed: too short, an offset or length pointing outside the data,
/// dirty padding, invalid UTF-8, or aliasing offsets. It is the only exception the decoders
/// throw for bad bytes. The message names the type being decoded and the byte offset.
/// </summary>
public sealed class AbiDecodingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="typeName">The ABI type being decoded.</param>
    /// <param name="offset">The byte offset in the data where the problem is.</param>
    /// <param name="reason">What was wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AbiDecodingException(string typeName, int offset, string reason, Exception? innerException = null)
        : base($"Cannot decode {typeName} at byte offset {offset}: {reason}", innerException)
    {
        TypeName = typeName;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>Creates the exception for a problem that is not at one byte offset, e.g. a log with the wrong topics.</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AbiDecodingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The canonical name of the ABI type being decoded, or null when the problem is not about one type.</summary>
    public string? TypeName { get; }

    /// <summary>The byte offset in the data where the problem was found, or null when the problem is not at one offset.</summary>
    public int? Offset { get; }

    /// <summary>What was wrong.</summary>
    public string Reason { get; }
}
