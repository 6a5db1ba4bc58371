using EthCx.Chain.Primitives;

namespace EthCx.Chain.Crypto;

/// <summary>
/// Binds a signer to one chain: <see cref="ISigner.ChainId"/> is set, so signing a transaction for
/// another chain fails with <see cref="Transactions.ChainIdMismatchException"/>, and so does
/// connecting a client to a node on another chain. Signing itself is delegated unchanged.
/// </summary>
public sealed class ChainBoundSigner : ISigner, IVerifiedSigner
{
    private readonly ISigner _inner;

    /// <summary>Binds <paramref name="inner"/> to the chain <paramref name="chainId"/>.</summary>
    /// <param name="inner">The signer that holds the key (not disposed by this object).</param>
    /// <param name="chainId">The chain id, e.g. 1 for Ethereum mainnet, 31337 for Hardhat and anvil.</param>
    /// <exception cref="ArgumentException"><paramref name="inner"/> is already bound to another chain.</exception>
    public ChainBoundSigner(ISigner inner, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.ChainId is { } bound && bound != chainId)
        {
            throw new ArgumentException($"Signer {inner.Address} is already bound to chain {bound}; it cannot be bound to chain {chainId}.", nameof(inner));
        }

        _inner = inner;
        ChainId = chainId;
    }

    /// <inheritdoc/>
    public Address Address => _inner.Address;

    /// <inheritdoc/>
    public ulong? ChainId { get; }

    /// <inheritdoc/>
    bool IVerifiedSigner.SignaturesRecoverToAddress => _inner is IVerifiedSigner { SignaturesRecoverToAddress: true };

    /// <inheritdoc/>
    public ValueTask<Signature> SignHashAsync(Bytes32 hash, CancellationToken cancellationToken = default) =>
        _inner.SignHashAsync(hash, cancellationToken);

    /// <summary>The address and the chain, e.g. <c>ChainBoundSigner(0xf39F..., chain 1)</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{nameof(ChainBoundSigner)}({Address}, chain {ChainId})";
}
