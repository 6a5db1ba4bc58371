using EthCx.Chain.Primitives;

namespace EthCx.Chain.Nonces;

/// <summary>
/// A signed transaction may or may not have reached the node: the send failed after the request
/// left (a lost reply, a timeout) and the node could not be asked afterwards whether it knows the
/// transaction. Before sending the same payment again, wait for the receipt of
/// <see cref="TransactionHash"/> or check the account's nonce: the transaction may still be mined.
/// </summary>
public sealed class SendOutcomeUnknownException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transactionHash">The hash computed before sending.</param>
    /// <param name="nonce">The transaction's nonce.</param>
    /// <param name="innerException">The failure of the last exchange with the node.</param>
    public SendOutcomeUnknownException(Bytes32 transactionHash, ulong nonce, Exception innerException)
        : base($"Transaction {transactionHash} (nonce {nonce}) may or may not have reached the node: {innerException?.Message} Wait for its receipt or check the account's nonce before sending it again.", innerException)
    {
        TransactionHash = transactionHash;
        Nonce = nonce;
    }

    /// <summary>The hash of the transaction whose fate is unknown.</summary>
    public Bytes32 TransactionHash { get; }

    /// <summary>Its nonce.</summary>
    public ulong Nonce { get; }
}
