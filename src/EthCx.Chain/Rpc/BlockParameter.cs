namespace EthCx.Chain.Rpc;

/// <summary>
/// Which block a state query reads: a tag (<c>latest</c>, <c>pending</c>, <c>earliest</c>,
/// <c>safe</c>, <c>finalized</c>) or a block number. The default value is <see cref="Latest"/>.
/// </summary>
public readonly record struct BlockParameter
{
    private readonly Tag _tag;
    private readonly ulong _number;

    private BlockParameter(Tag tag, ulong number)
    {
        _tag = tag;
        _number = number;
    }

    private enum Tag
    {
        Latest = 0,
        Pending,
        Earliest,
        Safe,
        Finalized,
        Number,
    }

    /// <summary>The most recent mined block.</summary>
    public static BlockParameter Latest => default;

    /// <summary>The block being built, including pending transactions (e.g. for the next nonce).</summary>
    public static BlockParameter Pending { get; } = new(Tag.Pending, 0);

    /// <summary>The genesis block.</summary>
    public static BlockParameter Earliest { get; } = new(Tag.Earliest, 0);

    /// <summary>The most recent block the consensus layer considers safe.</summary>
    public static BlockParameter Safe { get; } = new(Tag.Safe, 0);

    /// <summary>The most recent finalized block.</summary>
    public static BlockParameter Finalized { get; } = new(Tag.Finalized, 0);

    /// <summary>The block number, or <see langword="null"/> for a tag.</summary>
    public ulong? BlockNumber => _tag == Tag.Number ? _number : null;

    /// <summary>A specific block by number.</summary>
    /// <param name="number">The block number.</param>
    /// <returns>The parameter.</returns>
    public static BlockParameter FromNumber(ulong number) => new(Tag.Number, number);

    /// <summary>A specific block by number.</summary>
    /// <param name="number">The block number.</param>
    public static implicit operator BlockParameter(ulong number) => FromNumber(number);

    /// <summary>The JSON-RPC form: the tag name, or the number as a quantity (e.g. <c>0x1b4</c>).</summary>
    /// <returns>The parameter as the node expects it.</returns>
    public override string ToString() => _tag switch
    {
        Tag.Latest => "latest",
        Tag.Pending => "pending",
        Tag.Earliest => "earliest",
        Tag.Safe => "safe",
        Tag.Finalized => "finalized",
        _ => RpcQuantity.Format(_number),
    };
}
