using System.Text.Json;

namespace EthCx.Codegen.NatSpec;

/// <summary>
/// A contract's NatSpec from the compiler's <c>devdoc</c> and <c>userdoc</c> outputs (in Hardhat's build-info),
/// looked up by canonical signature. Missing documentation gives <see cref="NatSpecDoc.Empty"/>.
/// </summary>
internal sealed class ContractNatSpec
{
    private readonly JsonElement _devdoc;
    private readonly JsonElement _userdoc;

    /// <summary>Wraps the two documents; either may be <c>default</c> (absent).</summary>
    public ContractNatSpec(JsonElement devdoc, JsonElement userdoc)
    {
        _devdoc = devdoc;
        _userdoc = userdoc;
    }

    /// <summary>No documentation at all.</summary>
    public static ContractNatSpec None { get; } = new(default, default);

    /// <summary>The contract's own documentation; <c>@title</c> is used when there is no <c>@notice</c>.</summary>
    public NatSpecDoc Contract() => new(
        String(_userdoc, "notice") ?? String(_devdoc, "title"),
        String(_devdoc, "details"),
        Empty,
        Empty);

    /// <summary>The constructor's documentation.</summary>
    public NatSpecDoc Constructor() => Method("constructor", null);

    /// <summary>A function's documentation; a public state variable's getter falls back to the variable's.</summary>
    /// <param name="signature">The canonical signature, e.g. <c>balanceOf(address)</c>.</param>
    /// <param name="name">The function name, to find a state variable's documentation.</param>
    public NatSpecDoc Method(string signature, string? name)
    {
        JsonElement dev = Child(Child(_devdoc, "methods"), signature);
        JsonElement user = Child(Child(_userdoc, "methods"), signature);
        if (dev.ValueKind == JsonValueKind.Undefined && name is not null)
        {
            JsonElement variable = Child(Child(_devdoc, "stateVariables"), name);
            if (variable.ValueKind == JsonValueKind.Object)
            {
                Dictionary<string, string> returns = Map(Child(variable, "returns"));
                if (String(variable, "return") is string single)
                {
                    returns["_0"] = single;
                }

                return new NatSpecDoc(String(user, "notice"), String(variable, "details"), Empty, returns);
            }
        }

        return new NatSpecDoc(String(user, "notice"), String(dev, "details"), Map(Child(dev, "params")), Map(Child(dev, "returns")));
    }

    /// <summary>An event's documentation.</summary>
    /// <param name="signature">The canonical signature.</param>
    public NatSpecDoc Event(string signature)
    {
        JsonElement dev = Child(Child(_devdoc, "events"), signature);
        JsonElement user = Child(Child(_userdoc, "events"), signature);
        return new NatSpecDoc(String(user, "notice"), String(dev, "details"), Map(Child(dev, "params")), Empty);
    }

    /// <summary>A custom error's documentation (the compiler lists one entry per declaration; the first is used).</summary>
    /// <param name="signature">The canonical signature.</param>
    public NatSpecDoc Error(string signature)
    {
        JsonElement dev = First(Child(Child(_devdoc, "errors"), signature));
        JsonElement user = First(Child(Child(_userdoc, "errors"), signature));
        return new NatSpecDoc(String(user, "notice"), String(dev, "details"), Map(Child(dev, "params")), Empty);
    }

    private static Dictionary<string, string> Empty => new(StringComparer.Ordinal);

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement child) ? child : default;

    private static JsonElement First(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0 ? element[0] : element;

    private static string? String(JsonElement element, string name)
    {
        JsonElement value = Child(element, name);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
    }

    private static Dictionary<string, string> Map(JsonElement element)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    map[property.Name] = property.Value.GetString()!.Trim();
                }
            }
        }

        return map;
    }
}
