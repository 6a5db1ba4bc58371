using System.Numerics;
using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;

namespace EthCx.Chain.Transactions;

/// <summary>
/// An unsigned Ethereum transaction: the fields every type shares. The concrete types are
/// <see cref="LegacyTransaction"/>, <see cref="Eip2930Transaction"/> and
/// <see cref="Eip1559Transaction"/>. Instances are immutable and compared by value.
/// </summary>
public abstract record Transaction
{
    private protected Transaction()
    {
    }

    /// <summary>The EIP-2718 type.</summary>
    public abstract TransactionType Type { get; }

    /// <summary>The chain the transaction is bound to, or <see langword="null"/> for a pre-EIP-155 legacy transaction valid on every chain.</summary>
    internal abstract ulong? TargetChainId { get; }

    /// <summary>The sender's nonce.</summary>
    public required ulong Nonce { get; init; }

    /// <summary>The gas limit.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary>The recipient, or <see langword="null"/> to create a contract (the creation code is then <see cref="Data"/>).</summary>
    public required Address? To { get; init; }

    /// <summary>The amount of wei sent; a <c>uint256</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value or one above 2^256-1.</exception>
    public BigInteger Value { get; init => field = CheckUInt256(value, nameof(Value)); }

    /// <summary>The call data or contract creation code; set copies the bytes.</summary>
    public ReadOnlyMemory<byte> Data { get; init => field = value.ToArray(); }

    /// <summary>The payload that is hashed for signing: <c>rlp(fields)</c> for legacy, <c>type || rlp(fields)</c> for typed transactions (ethers' <c>unsignedSerialized</c>).</summary>
    /// <returns>A new array.</returns>
    public byte[] EncodeUnsigned()
    {
        List<RlpItem> fields = [];
        AddFields(fields);
        AddSigningSuffix(fields);
        return Envelope(fields);
    }

    /// <summary>The hash the sender signs: Keccak-256 of <see cref="EncodeUnsigned"/>.</summary>
    /// <returns>The signing hash.</returns>
    public Bytes32 GetSigningHash() => Bytes32.Keccak(EncodeUnsigned());

    /// <summary>
    /// Signs the transaction with <paramref name="signer"/> and checks that the signature recovers to
    /// the signer's address (except for EthCx's own <see cref="Accounts.PrivateKeySigner"/>, whose
    /// signatures recover to it by construction).
    /// </summary>
    /// <param name="signer">The signer: a local key, a KMS, a hardware wallet.</param>
    /// <param name="cancellationToken">Cancels a remote signer's request.</param>
    /// <returns>The signed transaction.</returns>
    /// <exception cref="InvalidSignatureException">The signer returned a signature that is invalid (e.g. high-s).</exception>
    /// <exception cref="InvalidOperationException">The signature recovers to an address other than <see cref="ISigner.Address"/> (a faulty signer, e.g. a wrong y-parity).</exception>
    /// <exception cref="ChainIdMismatchException">The signer is bound to a chain (<see cref="ISigner.ChainId"/>) and the transaction is for another one, or for every chain; nothing was signed.</exception>
    public async ValueTask<SignedTransaction> SignAsync(ISigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.ChainId is { } signerChain && TargetChainId != signerChain)
        {
            string target = TargetChainId is { } chain ? $"chain {chain}" : "every chain (a legacy transaction without an EIP-155 chain id)";
            throw new ChainIdMismatchException(signerChain, TargetChainId, $"Signer {signer.Address} is bound to chain {signerChain} but the transaction is for {target}; it was not signed.");
        }

        Bytes32 hash = GetSigningHash();
        Signature signature = await signer.SignHashAsync(hash, cancellationToken).ConfigureAwait(false);
        Address sender = signer is IVerifiedSigner { SignaturesRecoverToAddress: true } ? signer.Address : Secp256k1.RecoverAddress(hash, signature);
        if (sender != signer.Address)
        {
            throw new InvalidOperationException($"Signer {signer.Address} returned a signature that recovers to {sender}.");
        }

        return new SignedTransaction(this, signature, sender);
    }

    /// <summary>Attaches a signature made elsewhere over <see cref="GetSigningHash"/>, recovering the sender from it.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns>The signed transaction.</returns>
    /// <exception cref="InvalidSignatureException">The signature is invalid (zero or out-of-range r or s, high s, or r not on the curve).</exception>
    public SignedTransaction WithSignature(Signature signature) =>
        new(this, signature, Secp256k1.RecoverAddress(GetSigningHash(), signature));

    /// <inheritdoc/>
    public virtual bool Equals(Transaction? other) =>
        other is not null
        && EqualityContract == other.EqualityContract
        && Nonce == other.Nonce
        && GasLimit == other.GasLimit
        && To == other.To
        && Value == other.Value
        && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EqualityContract);
        hash.Add(Nonce);
        hash.Add(GasLimit);
        hash.Add(To);
        hash.Add(Value);
        hash.AddBytes(Data.Span);
        return hash.ToHashCode();
    }

    /// <summary>Writes the fields for <see cref="object.ToString"/>, with <see cref="Data"/> as hex.</summary>
    /// <param name="builder">Receives the text.</param>
    /// <returns><see langword="true"/>: members were written.</returns>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append($"Type = {Type}, Nonce = {Nonce}, GasLimit = {GasLimit}, To = {To?.ToString() ?? "(contract creation)"}, Value = {Value}, Data = {Hex.Encode(Data.Span)}");
        return true;
    }

    /// <summary>The signed envelope: the unsigned fields followed by v (or y-parity), r and s.</summary>
    internal byte[] EncodeSigned(Signature signature)
    {
        List<RlpItem> fields = [];
        AddFields(fields);
        fields.Add(RlpItem.FromInteger(GetV(signature.YParity)));
        fields.Add(RlpItem.FromBytes(signature.R.Bytes.TrimStart((byte)0)));
        fields.Add(RlpItem.FromBytes(signature.S.Bytes.TrimStart((byte)0)));
        return Envelope(fields);
    }

    /// <summary>The <c>v</c> field as serialised: the y-parity for typed transactions; 27/28 or the EIP-155 value for legacy ones.</summary>
    internal virtual BigInteger GetV(byte yParity) => yParity;

    /// <summary>Appends the type's fields in their wire order, without signature or EIP-155 suffix.</summary>
    private protected abstract void AddFields(List<RlpItem> fields);

    /// <summary>Appends what is signed after the fields (EIP-155's chainId, 0, 0 for legacy).</summary>
    private protected virtual void AddSigningSuffix(List<RlpItem> fields)
    {
    }

    /// <summary>The fields shared by all types, in the order they appear after the fee fields.</summary>
    private protected void AddGasToValueData(List<RlpItem> fields)
    {
        fields.Add(RlpItem.FromInteger(GasLimit));
        fields.Add(To is { } to ? RlpItem.FromBytes(to.Bytes) : RlpItem.EmptyString);
        fields.Add(RlpItem.FromInteger(Value));
        fields.Add(RlpItem.FromBytes(Data.Span));
    }

    private protected static RlpItem EncodeAccessList(AccessList accessList) =>
        RlpItem.List(accessList.Select(static entry => RlpItem.List(
            RlpItem.FromBytes(entry.Address.Bytes),
            RlpItem.List(entry.StorageKeys.Select(static key => RlpItem.FromBytes(key.Bytes))))));

    private protected static BigInteger CheckUInt256(BigInteger value, string name) => EvmInteger.CheckUnsigned(value, 256, name);

    private byte[] Envelope(List<RlpItem> fields)
    {
        RlpItem list = RlpItem.List(fields);
        int prefix = Type == TransactionType.Legacy ? 0 : 1;
        var envelope = new byte[prefix + list.EncodedLength];
        if (prefix == 1)
        {
            envelope[0] = (byte)Type;
        }

        RlpEncoder.Encode(list, envelope.AsSpan(prefix));
        return envelope;
    }
}
