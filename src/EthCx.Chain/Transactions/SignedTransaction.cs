using System.Numerics;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Transactions;

/// <summary>
/// A transaction with its signature: the raw envelope to pass to <c>eth_sendRawTransaction</c>,
/// the transaction hash, and the sender recovered from the signature. Made by
/// <see cref="Transaction.SignAsync"/>, <see cref="Transaction.WithSignature"/> or
/// <see cref="TransactionDecoder.Decode"/>. Equal when the raw bytes are equal.
/// </summary>
public sealed class SignedTransaction : IEquatable<SignedTransaction>
{
    private readonly byte[] _raw;

    internal SignedTransaction(Transaction transaction, Signature signature, Address sender)
    {
        Transaction = transaction;
        Signature = signature;
        Sender = sender;
        _raw = transaction.EncodeSigned(signature);
        Hash = Bytes32.Keccak(_raw);
    }

    /// <summary>The unsigned transaction.</summary>
    public Transaction Transaction { get; }

    /// <summary>The signature (r, s and y-parity).</summary>
    public Signature Signature { get; }

    /// <summary>The account that signed: recovered from <see cref="Signature"/> over the signing hash.</summary>
    public Address Sender { get; }

    /// <summary>The transaction hash: Keccak-256 of <see cref="RawTransaction"/>.</summary>
    public Bytes32 Hash { get; }

    /// <summary>The <c>v</c> field as serialised: the y-parity (0 or 1) for typed transactions; 27/28, or chainId * 2 + 35 + y-parity under EIP-155, for legacy ones.</summary>
    public BigInteger V => Transaction.GetV(Signature.YParity);

    /// <summary>The signed envelope: <c>rlp([fields..., v, r, s])</c> for legacy, <c>type || rlp([fields..., yParity, r, s])</c> for typed transactions.</summary>
    public ReadOnlyMemory<byte> RawTransaction => _raw;

    /// <summary>The raw envelope as <c>0x</c> hex, as <c>eth_sendRawTransaction</c> takes it.</summary>
    /// <returns>The hex string.</returns>
    public string ToHex() => Hex.Encode(_raw);

    /// <inheritdoc/>
    public bool Equals(SignedTransaction? other) => other is not null && _raw.AsSpan().SequenceEqual(other._raw);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SignedTransaction);

    /// <inheritdoc/>
    public override int GetHashCode() => Hash.GetHashCode();

    /// <summary>The type, hash and sender, e.g. <c>Eip1559 0x12..ef from 0xAb..</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Transaction.Type} {Hash} from {Sender}";
}
