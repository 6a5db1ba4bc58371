using EthCx.Chain.Primitives;

namespace EthCx.Chain.Crypto;

/// <summary>
/// The one signing primitive EthCx builds on: sign a 32-byte hash. Personal messages (EIP-191),
/// typed data (EIP-712) and transactions are all signed through it, so a KMS or HSM signer can
/// replace the local key by implementing this single method. A signer may also be bound to one
/// chain (<see cref="ChainId"/>, as alloy's <c>Signer::chain_id</c>): it then refuses to sign a
/// transaction for another chain, and a client refuses a node on another chain.
/// </summary>
public interface ISigner
{
    /// <summary>The address whose key this signer holds.</summary>
    Address Address { get; }

    /// <summary>
    /// The chain this signer's transactions are for, or <see langword="null"/> (the default) for a
    /// signer that signs for whichever chain a transaction names. See <see cref="ChainBoundSigner"/>.
    /// </summary>
    ulong? ChainId => null;

    /// <summary>Signs a 32-byte hash with the account's secp256k1 key, deterministically and low-s.</summary>
    /// <param name="hash">The hash to sign (not the message: hashing is the caller's job).</param>
    /// <param name="cancellationToken">Cancels a remote signer's request.</param>
    /// <returns>The recoverable signature.</returns>
    ValueTask<Signature> SignHashAsync(Bytes32 hash, CancellationToken cancellationToken = default);
}
