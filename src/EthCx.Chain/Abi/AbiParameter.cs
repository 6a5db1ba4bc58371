using System.Text;

namespace EthCx.Chain.Abi;

/// <summary>A named, typed slot: a function input or output, an event or error field, or a tuple component.</summary>
/// <param name="Name">The name; empty when unnamed.</param>
/// <param name="Type">The ABI type.</param>
/// <param name="InternalType">The compiler's type name from a JSON ABI (e.g. <c>struct Ledger.Entry</c>, <c>contract IERC20</c>), or null.</param>
/// <param name="Indexed">For an event field, whether it is indexed (lives in a topic).</param>
public sealed record AbiParameter(string Name, AbiType Type, string? InternalType = null, bool Indexed = false)
{
    /// <summary>The name of this parameter.</summary>
    public string Name { get; init; } = Name ?? throw new ArgumentNullException(nameof(Name));

    /// <summary>The ABI type of this parameter.</summary>
    public AbiType Type { get; init; } = Type ?? throw new ArgumentNullException(nameof(Type));

    /// <summary>The parameter as it would appear in a human-readable signature, e.g. <c>address indexed from</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string text = Type.CanonicalName;
        if (Indexed)
        {
            text += " indexed";
        }

        return Name.Length == 0 ? text : text + " " + Name;
    }

    /// <summary>The canonical types joined by commas, as they appear between the parentheses of a signature.</summary>
    internal static string JoinTypes(IReadOnlyList<AbiParameter> parameters) => JoinTypes(TypesOf(parameters));

    /// <summary>The canonical types joined by commas.</summary>
    internal static string JoinTypes(IReadOnlyList<AbiType> types)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < types.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(types[i].CanonicalName);
        }

        return builder.ToString();
    }

    /// <summary>The types of the parameters, as a read-only list.</summary>
    internal static IReadOnlyList<AbiType> TypesOf(IReadOnlyList<AbiParameter> parameters)
    {
        var types = new AbiType[parameters.Count];
        for (int i = 0; i < types.Length; i++)
        {
            types[i] = parameters[i].Type;
        }

        return Array.AsReadOnly(types);
    }
}
