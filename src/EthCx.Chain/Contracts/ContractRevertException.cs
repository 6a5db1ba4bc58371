using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Contracts;

/// <summary>
/// A contract reverted: in <c>eth_call</c> (<see cref="Operation"/> <c>call</c>), in
/// <c>eth_estimateGas</c> (<c>estimateGas</c>), or as a mined transaction whose receipt has status 0
/// (<c>transaction</c>, with its <see cref="TransactionHash"/>). <see cref="Error"/> holds the decoded
/// revert: <c>Error(string)</c>, <c>Panic(uint256)</c>, a custom error with its arguments, or the raw
/// data. Generated bindings derive one typed subclass per custom error.
/// </summary>
public class ContractRevertException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation"><c>call</c>, <c>estimateGas</c> or <c>transaction</c>.</param>
    /// <param name="error">The decoded revert.</param>
    /// <param name="transactionHash">The mined transaction that reverted, for <c>transaction</c>.</param>
    /// <param name="innerException">The node's error that carried the revert, if any.</param>
    public ContractRevertException(string operation, DecodedError error, Bytes32? transactionHash = null, Exception? innerException = null)
        : base(Describe(operation, error, transactionHash), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(error);
        Operation = operation;
        Error = error;
        TransactionHash = transactionHash;
    }

    /// <summary>Copies <paramref name="revert"/> (message, inner exception and all properties), for typed subclasses.</summary>
    /// <param name="revert">The revert to copy.</param>
    protected ContractRevertException(ContractRevertException revert)
        : base(revert?.Message, revert?.InnerException)
    {
        ArgumentNullException.ThrowIfNull(revert);
        Operation = revert.Operation;
        Error = revert.Error;
        TransactionHash = revert.TransactionHash;
    }

    /// <summary><c>call</c>, <c>estimateGas</c> or <c>transaction</c>.</summary>
    public string Operation { get; }

    /// <summary>The decoded revert.</summary>
    public DecodedError Error { get; }

    /// <summary>The hash of the mined transaction that reverted, or <see langword="null"/> for a call or an estimate.</summary>
    public Bytes32? TransactionHash { get; }

    private static string Describe(string operation, DecodedError error, Bytes32? transactionHash)
    {
        string what = transactionHash is { } hash ? $"{operation} {hash}" : operation;
        return $"The {what} reverted: {error?.Description}";
    }
}
