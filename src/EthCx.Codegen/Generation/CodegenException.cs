namespace EthCx.Codegen.Generation;

/// <summary>
/// The generator cannot produce bindings: a malformed artifact, an ABI type it cannot map, two Solidity types
/// that would get the same C# name. The message names the contract, the item and the type.
/// </summary>
public sealed class CodegenException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CodegenException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the contract, the item and the type.</param>
    public CodegenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, naming the contract, the item and the type.</param>
    /// <param name="innerException">The cause.</param>
    public CodegenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
