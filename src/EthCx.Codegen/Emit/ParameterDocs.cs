using EthCx.Chain.Abi;
using EthCx.Codegen.Model;

namespace EthCx.Codegen.Emit;

/// <summary>Documentation of parameters, fields and return values: the NatSpec text and the Solidity type.</summary>
internal static class ParameterDocs
{
    /// <summary>The Solidity type as the compiler names it (<c>struct IConsentRegistry.ConsentTerms</c>, <c>uint16</c>).</summary>
    public static string SolidityType(AbiParameter parameter) => parameter.InternalType ?? Signatures.Type(parameter.Type);

    /// <summary>
    /// The NatSpec text (or a fallback naming the parameter) followed by the Solidity type, e.g.
    /// <c>The purpose code (&lt;c&gt;uint16&lt;/c&gt;).</c>
    /// </summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="role">What it is, for the fallback text: <c>argument</c>, <c>field</c>, <c>return value</c>.</param>
    public static string Describe(ParameterBinding parameter, string role)
    {
        string name = parameter.Abi.Name.Length > 0 ? parameter.Abi.Name : parameter.Property;
        string text = parameter.Doc is string doc ? Docs.FromNatSpec(doc) : $"The {Docs.Code(name)} {role}";
        if (text.Contains("<para>", StringComparison.Ordinal))
        {
            return text + $"<para>Solidity type: {Docs.Code(SolidityType(parameter.Abi))}.</para>";
        }

        return text.TrimEnd('.') + $" ({Docs.Code(SolidityType(parameter.Abi))}).";
    }
}
