namespace EthCx.Chain.Crypto;

/// <summary>
/// A secp256k1 private key is malformed: not 32 bytes, zero, or not below the curve order n.
/// The message says which; it never contains the key.
/// </summary>
public sealed class InvalidPrivateKeyException : ArgumentException
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidPrivateKeyException()
        : base("The secp256k1 private key is invalid.")
    {
    }

    /// <summary>Creates the exception with a message (which must not contain the key).</summary>
    /// <param name="message">What is wrong with the key.</param>
    public InvalidPrivateKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong with the key.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidPrivateKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and the name of the offending parameter.</summary>
    /// <param name="message">What is wrong with the key.</param>
    /// <param name="paramName">The parameter that held the key.</param>
    public InvalidPrivateKeyException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}

/// <summary>
/// A signature cannot be valid for any key: r or s is zero or not below n, s is in the upper half
/// of the range (EIP-2 forbids high-s), the recovery id is not 0 or 1, or r is not the
/// x-coordinate of a curve point. The message carries the offending value.
/// </summary>
public sealed class InvalidSignatureException : ArgumentException
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidSignatureException()
        : base("The secp256k1 signature is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the signature.</param>
    public InvalidSignatureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong with the signature.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidSignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a specific signature.</summary>
    /// <param name="message">What is wrong with the signature.</param>
    /// <param name="signature">The offending signature.</param>
    /// <param name="paramName">The parameter that held it.</param>
    public InvalidSignatureException(string message, Signature signature, string? paramName)
        : base(message, paramName)
    {
        Signature = signature;
    }

    /// <summary>The offending signature, when known.</summary>
    public Signature? Signature { get; }
}
