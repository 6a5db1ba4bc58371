using System.Text;

namespace EthCx.Chain.Abi;

/// <summary>Shared pieces of functions, events and errors: canonical signatures, parsing, selector checks.</summary>
internal static class AbiSignatures
{
    /// <summary><c>name(type1,type2,...)</c>.</summary>
    public static string Canonical(string name, IReadOnlyList<AbiParameter> parameters) =>
        name + "(" + AbiParameter.JoinTypes(parameters) + ")";

    /// <summary>Parses a human-readable signature whose leading keyword, if any, must be <paramref name="kind"/>.</summary>
    public static ParsedSignature Parse(string signature, string kind, bool allowIndexed)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ParsedSignature parsed = AbiTypeParser.ParseSignature(signature);
        if (parsed.Kind is not null && parsed.Kind != kind)
        {
            throw new FormatException($"Invalid signature '{signature}': expected {kind}, found '{parsed.Kind}'.");
        }

        if (parsed.Name == kind)
        {
            throw new FormatException($"Invalid signature '{signature}': the {kind} has no name.");
        }

        if (!allowIndexed)
        {
            foreach (AbiParameter parameter in parsed.Inputs)
            {
                if (parameter.Indexed)
                {
                    throw new FormatException($"Invalid signature '{signature}': 'indexed' is only allowed on event parameters.");
                }
            }
        }

        return parsed;
    }

    /// <summary>Throws <see cref="AbiDecodingException"/> unless <paramref name="data"/> starts with <paramref name="selector"/>.</summary>
    public static void CheckSelector(Selector selector, string signature, ReadOnlySpan<byte> data)
    {
        if (!Selector.TryRead(data, out Selector actual))
        {
            throw new AbiDecodingException(signature, 0, $"the data has {data.Length} bytes, fewer than the 4-byte selector");
        }

        if (actual != selector)
        {
            throw new AbiDecodingException(signature, 0, $"the selector is {actual}, not {selector}");
        }
    }

    /// <summary>Appends <c>(type name, ...)</c>.</summary>
    public static void AppendParameters(StringBuilder builder, IReadOnlyList<AbiParameter> parameters)
    {
        builder.Append('(');
        for (int i = 0; i < parameters.Count; i++)
        {
            builder.Append(i > 0 ? ", " : string.Empty).Append(parameters[i]);
        }

        builder.Append(')');
    }
}
