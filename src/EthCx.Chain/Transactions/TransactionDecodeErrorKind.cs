namespace EthCx.Chain.Transactions;

/// <summary>What was wrong with a raw transaction; carried by <see cref="TransactionDecodeException"/>.</summary>
public enum TransactionDecodeErrorKind
{
    /// <summary>The input holds no bytes.</summary>
    EmptyInput,

    /// <summary>The first byte is an EIP-2718 type EthCx does not know (only 0x01 and 0x02 are typed).</summary>
    UnknownType,

    /// <summary>The envelope is not one canonical RLP list (bad RLP, a byte string, trailing bytes).</summary>
    InvalidEnvelope,

    /// <summary>The list does not have the number of fields the type defines.</summary>
    WrongFieldCount,

    /// <summary>A field is malformed: a non-canonical or oversized integer, a list for a string, a bad address or access list, an impossible v.</summary>
    InvalidField,

    /// <summary>The signature cannot be valid for any key, so no sender can be recovered.</summary>
    InvalidSignature,
}
