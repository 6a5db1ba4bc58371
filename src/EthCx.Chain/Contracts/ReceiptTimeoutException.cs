using System.Globalization;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Contracts;

/// <summary>
/// No receipt arrived for a transaction within <see cref="ChainClientOptions.ReceiptTimeout"/>.
/// The transaction may still be mined later (fees too low for the current base fee, a congested
/// chain, a node not mining): wait again, or replace it by sending another with the same nonce.
/// </summary>
public sealed class ReceiptTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transactionHash">The transaction waited for.</param>
    /// <param name="timeout">The limit that passed.</param>
    /// <param name="polls">How many times the node was asked for the receipt.</param>
    /// <param name="lastError">The transient failure of the last poll, if it failed.</param>
    public ReceiptTimeoutException(Bytes32 transactionHash, TimeSpan timeout, int polls, Exception? lastError = null)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"No receipt for transaction {transactionHash} within {timeout.TotalSeconds:0.###} s ({polls} polls{(lastError is null ? string.Empty : "; the last failed: " + lastError.Message)}); it may still be mined."),
            lastError)
    {
        TransactionHash = transactionHash;
        Timeout = timeout;
        Polls = polls;
    }

    /// <summary>The transaction waited for.</summary>
    public Bytes32 TransactionHash { get; }

    /// <summary>The limit that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How many times the node was asked for the receipt.</summary>
    public int Polls { get; }
}
