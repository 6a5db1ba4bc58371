namespace EthCx.Chain.Crypto;

/// <summary>
/// A signer that can vouch for its own signatures: EthCx's secp256k1 signing derives the recovery id
/// from the nonce point it computed, so a signature from the local key always recovers to its
/// address. Transaction signing then skips the recovery that checks other signers (a KMS or a
/// hardware wallet may return a wrong y-parity), which costs as much as the signature itself.
/// </summary>
internal interface IVerifiedSigner
{
    /// <summary>Whether every signature this signer returns is known to recover to its address.</summary>
    bool SignaturesRecoverToAddress { get; }
}
