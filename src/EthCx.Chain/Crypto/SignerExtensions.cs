using System.Text;

namespace EthCx.Chain.Crypto;

/// <summary>Message signing built on the one primitive of <see cref="ISigner"/>: signing a hash.</summary>
public static class SignerExtensions
{
    /// <summary>Signs an EIP-191 personal message (the hash is <see cref="EthereumMessage.Hash(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="signer">The signer.</param>
    /// <param name="message">The message bytes.</param>
    /// <param name="cancellationToken">Cancels a remote signer's request.</param>
    /// <returns>The signature, as <c>personal_sign</c> and <c>cast wallet sign</c> produce it.</returns>
    public static ValueTask<Signature> SignMessageAsync(this ISigner signer, ReadOnlySpan<byte> message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return signer.SignHashAsync(EthereumMessage.Hash(message), cancellationToken);
    }

    /// <summary>Signs an EIP-191 personal message given as text (UTF-8).</summary>
    /// <param name="signer">The signer.</param>
    /// <param name="message">The text.</param>
    /// <param name="cancellationToken">Cancels a remote signer's request.</param>
    /// <returns>The signature.</returns>
    public static ValueTask<Signature> SignMessageAsync(this ISigner signer, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return signer.SignMessageAsync(Encoding.UTF8.GetBytes(message), cancellationToken);
    }
}
