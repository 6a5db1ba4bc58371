namespace EthCx.Chain.Rlp;

/// <summary>
/// Thrown when bytes are not a valid, canonical RLP encoding, or when a decoded item does not have
/// the shape the caller expected. <see cref="Kind"/> says what was wrong and <see cref="Offset"/>
/// where; the message states both.
/// </summary>
public sealed class RlpException : FormatException
{
    /// <summary>Creates an exception for an RLP problem at a position in the input.</summary>
    /// <param name="kind">What was wrong.</param>
    /// <param name="offset">The byte offset in the input of the item (or header) at fault.</param>
    /// <param name="message">The full message, including the offset.</param>
    public RlpException(RlpErrorKind kind, int offset, string message)
        : base(message)
    {
        Kind = kind;
        Offset = offset;
    }

    /// <summary>What was wrong.</summary>
    public RlpErrorKind Kind { get; }

    /// <summary>The byte offset in the decoded input of the item or header at fault.</summary>
    public int Offset { get; }
}
