namespace EthCx.Chain.Eip712;

/// <summary>One member of an EIP-712 struct type, e.g. <c>address wallet</c>.</summary>
/// <param name="Name">The member name, an identifier such as <c>wallet</c>.</param>
/// <param name="Type">
/// The member type as EIP-712 writes it: an atomic type (<c>uint256</c>, <c>int8</c>,
/// <c>address</c>, <c>bool</c>, <c>bytes32</c>), <c>bytes</c>, <c>string</c>, the name of a struct
/// type, or any of these followed by array dimensions (<c>Person[]</c>, <c>uint8[3][]</c>).
/// </param>
public sealed record TypedDataField(string Name, string Type)
{
    /// <summary>The member as it appears in <c>encodeType</c>: <c>type name</c>.</summary>
    /// <returns>For example <c>address wallet</c>.</returns>
    public override string ToString() => $"{Type} {Name}";
}
