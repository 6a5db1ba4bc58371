using System.Text.Json;
using EthCx.Codegen.NatSpec;

namespace EthCx.Codegen.Artifacts;

/// <summary>A struct or enum declared in Solidity, as the compiler's AST describes it.</summary>
/// <param name="CanonicalName">The name qualified by its contract, e.g. <c>IConsentRegistry.ConsentStatus</c> (or just the name at file level).</param>
/// <param name="IsEnum">Whether it is an enum (else a struct).</param>
/// <param name="Doc">Its NatSpec; for a struct, <c>@param</c> documents the fields.</param>
/// <param name="Members">The enum's values or the struct's fields, in declaration order.</param>
internal sealed record SolidityTypeDefinition(string CanonicalName, bool IsEnum, NatSpecDoc Doc, IReadOnlyList<string> Members);

/// <summary>
/// The parts of a Hardhat build-info file (<c>artifacts/build-info/&lt;id&gt;.json</c>, the compiler's standard-JSON
/// input and output) that the generator needs: each contract's <c>devdoc</c>/<c>userdoc</c> NatSpec and the
/// structs and enums declared in the sources (their NatSpec and enum value names, which the ABI lacks).
/// </summary>
internal sealed class BuildInfo
{
    private readonly Dictionary<(string Source, string Contract), ContractNatSpec> _natSpec;

    private BuildInfo(Dictionary<(string, string), ContractNatSpec> natSpec, Dictionary<string, SolidityTypeDefinition> types)
    {
        _natSpec = natSpec;
        Types = types;
    }

    /// <summary>The structs and enums of every source, by canonical name.</summary>
    public IReadOnlyDictionary<string, SolidityTypeDefinition> Types { get; }

    /// <summary>Reads a build-info file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The build info.</returns>
    /// <exception cref="InvalidDataException">The file is not valid JSON or lacks the compiler output; the message names the file.</exception>
    public static BuildInfo Read(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!document.RootElement.TryGetProperty("output", out JsonElement output) || output.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: field 'output' is missing: not a Hardhat build-info file.");
            }

            var natSpec = new Dictionary<(string, string), ContractNatSpec>();
            if (output.TryGetProperty("contracts", out JsonElement contracts) && contracts.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty source in contracts.EnumerateObject())
                {
                    foreach (JsonProperty contract in source.Value.EnumerateObject())
                    {
                        natSpec[(source.Name, contract.Name)] = new ContractNatSpec(
                            CloneChild(contract.Value, "devdoc"),
                            CloneChild(contract.Value, "userdoc"));
                    }
                }
            }

            var types = new Dictionary<string, SolidityTypeDefinition>(StringComparer.Ordinal);
            if (output.TryGetProperty("sources", out JsonElement sources) && sources.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty source in sources.EnumerateObject())
                {
                    if (source.Value.TryGetProperty("ast", out JsonElement ast))
                    {
                        CollectTypes(ast, types);
                    }
                }
            }

            return new BuildInfo(natSpec, types);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({error.Message}).", error);
        }
    }

    /// <summary>The NatSpec of one contract, or <see cref="ContractNatSpec.None"/> when the build info does not have it.</summary>
    public ContractNatSpec NatSpecOf(string sourceName, string contractName) =>
        _natSpec.GetValueOrDefault((sourceName, contractName)) ?? ContractNatSpec.None;

    private static JsonElement CloneChild(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement child) && child.ValueKind == JsonValueKind.Object ? child.Clone() : default;

    /// <summary>Structs and enums live at file level or directly inside a contract, interface or library.</summary>
    private static void CollectTypes(JsonElement sourceUnit, Dictionary<string, SolidityTypeDefinition> types)
    {
        foreach (JsonElement node in Nodes(sourceUnit))
        {
            if (NodeType(node) == "ContractDefinition")
            {
                foreach (JsonElement member in Nodes(node))
                {
                    AddType(member, types);
                }
            }
            else
            {
                AddType(node, types);
            }
        }
    }

    private static void AddType(JsonElement node, Dictionary<string, SolidityTypeDefinition> types)
    {
        string? nodeType = NodeType(node);
        if (nodeType is not ("StructDefinition" or "EnumDefinition")
            || !node.TryGetProperty("canonicalName", out JsonElement canonical) || canonical.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var members = new List<string>();
        if (node.TryGetProperty("members", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement member in list.EnumerateArray())
            {
                if (member.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String)
                {
                    members.Add(name.GetString()!);
                }
            }
        }

        string canonicalName = canonical.GetString()!;
        types[canonicalName] = new SolidityTypeDefinition(canonicalName, nodeType == "EnumDefinition", NatSpecDoc.ParseComment(Documentation(node)), members);
    }

    private static string? Documentation(JsonElement node)
    {
        if (!node.TryGetProperty("documentation", out JsonElement documentation))
        {
            return null;
        }

        return documentation.ValueKind switch
        {
            JsonValueKind.String => documentation.GetString(),
            JsonValueKind.Object when documentation.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String => text.GetString(),
            _ => null,
        };
    }

    private static JsonElement.ArrayEnumerator Nodes(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("nodes", out JsonElement nodes) && nodes.ValueKind == JsonValueKind.Array
            ? nodes.EnumerateArray()
            : default;

    private static string? NodeType(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("nodeType", out JsonElement type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}
