namespace EthCx.Chain.Rlp;

/// <summary>What was wrong with an RLP input; carried by <see cref="RlpException"/>.</summary>
public enum RlpErrorKind
{
    /// <summary>The input holds no bytes at all.</summary>
    EmptyInput,

    /// <summary>A declared length runs past the end of the input or of the enclosing list.</summary>
    Truncated,

    /// <summary>A single byte below 0x80 was wrapped in a string header (e.g. <c>0x81 0x05</c> instead of <c>0x05</c>).</summary>
    NonCanonicalSingleByte,

    /// <summary>The long form (0xb8.., 0xf8..) was used for a payload shorter than 56 bytes.</summary>
    NonCanonicalLength,

    /// <summary>A long-form length has a leading zero byte.</summary>
    LeadingZeroInLength,

    /// <summary>Bytes follow the top-level item.</summary>
    TrailingBytes,

    /// <summary>Lists are nested deeper than <see cref="RlpDecoder.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>A list was found where a byte string was expected.</summary>
    UnexpectedList,

    /// <summary>A byte string was found where a list was expected.</summary>
    UnexpectedString,

    /// <summary>An integer has a leading zero byte (integers are minimal big-endian; zero is the empty string).</summary>
    LeadingZeroInInteger,

    /// <summary>An integer has more bytes than the target type holds.</summary>
    IntegerTooLarge,
}
