namespace EthCx.Chain.Transactions;

/// <summary>
/// Thrown when bytes are not a valid signed transaction. <see cref="Kind"/> says what was wrong,
/// <see cref="Field"/> names the field at fault; an RLP problem is the inner exception.
/// </summary>
public sealed class TransactionDecodeException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What was wrong.</param>
    /// <param name="field">The field at fault (e.g. <c>nonce</c>), or <see langword="null"/>.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public TransactionDecodeException(TransactionDecodeErrorKind kind, string? field, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Field = field;
    }

    /// <summary>What was wrong.</summary>
    public TransactionDecodeErrorKind Kind { get; }

    /// <summary>The field at fault, as the spec names it (<c>nonce</c>, <c>to</c>, <c>v</c>, ...), or <see langword="null"/>.</summary>
    public string? Field { get; }
}
