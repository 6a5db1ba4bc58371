namespace EthCx.Chain.Transactions;

/// <summary>
/// A transaction would be signed or sent for a chain other than the one expected: a signer bound to
/// one chain (<see cref="Crypto.ISigner.ChainId"/>) asked to sign for another, or a client whose
/// node is on another chain than its signer or than a transaction it is given.
/// </summary>
public sealed class ChainIdMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expectedChainId">The chain that was expected (the signer's or the node's).</param>
    /// <param name="actualChainId">The chain that was found instead; <see langword="null"/> for a transaction valid on every chain (pre-EIP-155).</param>
    /// <param name="message">The complete message, naming both chains and what holds each.</param>
    public ChainIdMismatchException(ulong expectedChainId, ulong? actualChainId, string message)
        : base(message)
    {
        ExpectedChainId = expectedChainId;
        ActualChainId = actualChainId;
    }

    /// <summary>The chain that was expected.</summary>
    public ulong ExpectedChainId { get; }

    /// <summary>The chain found instead, or <see langword="null"/> for an unprotected legacy transaction.</summary>
    public ulong? ActualChainId { get; }
}
