using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Eip712;

/// <summary>
/// Signs EIP-712 typed data through the one signing primitive, <see cref="ISigner.SignHashAsync"/>,
/// as <c>eth_signTypedData_v4</c> and ethers' <c>Wallet.signTypedData</c> do, and recovers the
/// signer of a typed-data signature.
/// </summary>
public static class TypedDataSigner
{
    /// <summary>Signs <see cref="TypedData.Hash"/>, <c>keccak256(0x1901 || domainSeparator || hashStruct(message))</c>.</summary>
    /// <param name="signer">The account that signs.</param>
    /// <param name="typedData">The document to sign.</param>
    /// <param name="cancellationToken">Cancels a remote signer's request.</param>
    /// <returns>The recoverable signature; <see cref="Signature.ToBytes"/> gives the 65-byte form wallets return.</returns>
    public static ValueTask<Signature> SignTypedDataAsync(this ISigner signer, TypedData typedData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(typedData);
        return signer.SignHashAsync(typedData.Hash, cancellationToken);
    }

    /// <summary>Recovers the address that signed <paramref name="typedData"/> (as ethers' <c>verifyTypedData</c>).</summary>
    /// <param name="typedData">The signed document.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>The signer's address; a signature over other data recovers some other address, so compare it with the expected one.</returns>
    /// <exception cref="InvalidSignatureException">The signature is malformed (r or s out of range, high s, r not on the curve).</exception>
    public static Address RecoverSigner(TypedData typedData, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(typedData);
        return Secp256k1.RecoverAddress(typedData.Hash, signature);
    }
}
