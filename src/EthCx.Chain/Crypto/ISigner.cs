using EthCx.Chain.Primitives;

namespace EthCx.Chain.Crypto;

/// <summary>
/// The one signing primitive EthCx builds on: sign a 32-byte hash. Personal messages (EIP-191),
/// typed data (EIP-712) and transactions are all signed through it, so a KMS or HSM signer can
/// replace the local key by implementing this single method.
/// </summary>
public interface ISigner
{
    /// <summary>The address whose key this signer holds.</summary>
    Address Address { get; }

    /// <summary>Signs a 32-byte hash with the account's secp256k1 key, deterministically and low-s.</summary>
    /// <param name="hash">The hash to sign (not the message: hashing is the caller's job).</param>
    /// <param name="cancellationToken">Cancels a remote signer's request.</param>
    /// <returns>The recoverable signature.</returns>
    ValueTask<Signature> SignHashAsync(Bytes32 hash, CancellationToken cancellationToken = default);
}
