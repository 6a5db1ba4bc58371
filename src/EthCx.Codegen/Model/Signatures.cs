using System.Globalization;
using EthCx.Chain.Abi;
using EthCx.Codegen.Generation;

namespace EthCx.Codegen.Model;

/// <summary>
/// Human-readable signatures with parameter and component names (<c>function give(address controller, (uint64 elements, ...) terms)</c>),
/// which the generated code parses back into its static ABI descriptors. Each one is parsed here too and checked
/// against the artifact's item, so that generated code never carries a descriptor that differs from the ABI.
/// </summary>
internal static class Signatures
{
    /// <summary>The function's signature, e.g. <c>function balanceOf(address holder) view returns (uint256 balance)</c>.</summary>
    public static string Function(AbiFunction function, string where)
    {
        string mutability = function.StateMutability switch
        {
            StateMutability.View => " view",
            StateMutability.Pure => " pure",
            StateMutability.Payable => " payable",
            _ => string.Empty,
        };
        string returns = function.Outputs.Count > 0 ? " returns (" + List(function.Outputs) + ")" : string.Empty;
        string text = $"function {function.Name}({List(function.Inputs)}){mutability}{returns}";
        Check(where, text, () =>
        {
            AbiFunction parsed = AbiFunction.Parse(text);
            return parsed.Signature == function.Signature
                && parsed.StateMutability == function.StateMutability
                && Same(parsed.Inputs, function.Inputs)
                && Same(parsed.Outputs, function.Outputs);
        });
        return text;
    }

    /// <summary>The event's signature, e.g. <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public static string Event(AbiEvent @event, string where)
    {
        string text = $"event {@event.Name}({List(@event.Parameters)}){(@event.Anonymous ? " anonymous" : string.Empty)}";
        Check(where, text, () =>
        {
            AbiEvent parsed = AbiEvent.Parse(text);
            return parsed.Signature == @event.Signature && parsed.Anonymous == @event.Anonymous && Same(parsed.Parameters, @event.Parameters);
        });
        return text;
    }

    /// <summary>The error's signature, e.g. <c>error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)</c>.</summary>
    public static string Error(AbiError error, string where)
    {
        string text = $"error {error.Name}({List(error.Inputs)})";
        Check(where, text, () =>
        {
            AbiError parsed = AbiError.Parse(text);
            return parsed.Signature == error.Signature && Same(parsed.Inputs, error.Inputs);
        });
        return text;
    }

    /// <summary>A parameter's type with tuple component names, e.g. <c>(uint64 id, string label)[]</c>.</summary>
    public static string Type(AbiType type) => type switch
    {
        AbiTuple tuple => "(" + List(tuple.Components) + ")",
        AbiArray array => Type(array.Element) + "[" + (array.Length?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "]",
        _ => type.CanonicalName,
    };

    private static string List(IReadOnlyList<AbiParameter> parameters) => string.Join(", ", parameters.Select(Parameter));

    private static string Parameter(AbiParameter parameter) =>
        Type(parameter.Type) + (parameter.Indexed ? " indexed" : string.Empty) + (parameter.Name.Length > 0 ? " " + parameter.Name : string.Empty);

    private static bool Same(IReadOnlyList<AbiParameter> a, IReadOnlyList<AbiParameter> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Indexed == p.Second.Indexed && SameType(p.First.Type, p.Second.Type));

    private static bool SameType(AbiType a, AbiType b) => (a, b) switch
    {
        (AbiTuple x, AbiTuple y) => Same(x.Components, y.Components),
        (AbiArray x, AbiArray y) => x.Length == y.Length && SameType(x.Element, y.Element),
        _ => a == b,
    };

    private static void Check(string where, string text, Func<bool> roundTrips)
    {
        bool ok;
        try
        {
            ok = roundTrips();
        }
        catch (FormatException error)
        {
            throw new CodegenException($"{where}: the signature '{text}' does not parse back ({error.Message}); rename the parameter it names.", error);
        }

        if (!ok)
        {
            throw new CodegenException($"{where}: the signature '{text}' does not parse back to the same ABI item.");
        }
    }
}
