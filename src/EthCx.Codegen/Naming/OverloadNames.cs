using System.Globalization;
using System.Text;
using EthCx.Chain.Abi;

namespace EthCx.Codegen.Naming;

/// <summary>
/// The overload rule, stable and documented: an item (function, event or error) whose name is not overloaded in
/// the contract keeps its PascalCase name (<c>transfer</c> -> <c>Transfer</c>). Overloads append their parameter
/// types, in order: <c>describe(uint256)</c> -> <c>DescribeUint256</c>, <c>describe(uint256,uint256)</c> ->
/// <c>DescribeUint256Uint256</c>, <c>store((...) tree, string)</c> with <c>tree</c> a <c>struct Tree</c> ->
/// <c>StoreTreeString</c>; an array appends <c>Array</c> (and its length when fixed), a struct or enum its
/// Solidity name, an unnamed tuple <c>Tuple</c>; an overload without parameters keeps the bare name. Should two
/// names still collide, each colliding one appends its selector in hex.
/// </summary>
internal static class OverloadNames
{
    /// <summary>Names the items of one kind.</summary>
    /// <param name="items">Each item's Solidity name, parameters, and its selector (or the start of its topic) as 8 hex digits.</param>
    /// <returns>The C# names, in the same order.</returns>
    public static IReadOnlyList<string> Assign(IReadOnlyList<(string Name, IReadOnlyList<AbiParameter> Inputs, string Id)> items)
    {
        var counts = items.GroupBy(i => i.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var names = items.Select(i => counts[i.Name] == 1
            ? Identifiers.Pascal(i.Name)
            : Identifiers.Pascal(i.Name) + string.Concat(i.Inputs.Select(p => Suffix(p.Type, p.InternalType)))).ToList();
        var collisions = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (collisions.Contains(names[i]))
            {
                names[i] += items[i].Id;
            }
        }

        return names;
    }

    /// <summary>The suffix one parameter type contributes.</summary>
    public static string Suffix(AbiType type, string? internalType)
    {
        switch (type)
        {
            case AbiArray array:
                string element = Suffix(array.Element, ElementInternalType(internalType));
                return element + "Array" + (array.Length is int k ? k.ToString(CultureInfo.InvariantCulture) : string.Empty);
            case AbiTuple:
                return UserTypeName(internalType, "struct ") ?? "Tuple";
            case AbiUInt { Bits: 8 } when UserTypeName(internalType, "enum ") is string enumName:
                return enumName;
            default:
                var builder = new StringBuilder(type.CanonicalName);
                builder[0] = char.ToUpperInvariant(builder[0]);
                return builder.ToString();
        }
    }

    private static string? UserTypeName(string? internalType, string prefix)
    {
        if (internalType is null || !internalType.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string name = internalType[prefix.Length..];
        int bracket = name.IndexOf('[', StringComparison.Ordinal);
        name = bracket < 0 ? name : name[..bracket];
        return Identifiers.Pascal(name[(name.LastIndexOf('.') + 1)..]);
    }

    private static string? ElementInternalType(string? internalType) =>
        internalType is not null && internalType.EndsWith(']') ? internalType[..internalType.LastIndexOf('[')] : internalType;
}
