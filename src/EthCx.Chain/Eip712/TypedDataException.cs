namespace EthCx.Chain.Eip712;

/// <summary>
/// EIP-712 typed data that cannot be hashed: a malformed type definition (unknown type, duplicate
/// or invalid name, circular reference), a value that does not fit its declared type (missing,
/// wrong kind, out of range, wrong length), or a malformed <c>eth_signTypedData_v4</c> JSON
/// document. <see cref="Path"/> names where the problem is.
/// </summary>
public sealed class TypedDataException : Exception
{
    /// <summary>Creates an exception about the item at <paramref name="path"/>.</summary>
    /// <param name="path">
    /// Where the problem is: a value path rooted at its struct type (<c>Mail.from.wallet</c>,
    /// <c>Mail.cc[1]</c>), a field of a type definition (<c>Mail.from</c>), or a JSON path
    /// (<c>domain.chainId</c>); <see langword="null"/> when the problem has no single place.
    /// </param>
    /// <param name="detail">What is wrong, with the offending value or type.</param>
    /// <param name="innerException">The lower-level error, if any.</param>
    public TypedDataException(string? path, string detail, Exception? innerException = null)
        : base(path is null ? detail : $"{path}: {detail}", innerException)
    {
        Path = path;
        Detail = detail;
    }

    /// <summary>Where the problem is (see the constructor), or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Detail { get; }
}
