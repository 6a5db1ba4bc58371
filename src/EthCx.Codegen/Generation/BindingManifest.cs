using System.Text.Json;

namespace EthCx.Codegen.Generation;

/// <summary>One output folder of a manifest: the contracts generated into it under one root namespace.</summary>
/// <param name="Output">The output folder (full path).</param>
/// <param name="RootNamespace">The root namespace.</param>
/// <param name="Contracts">The contracts, each <c>source.sol:Name</c>.</param>
public sealed record BindingSet(string Output, string RootNamespace, IReadOnlyList<string> Contracts);

/// <summary>
/// The repository's list of generated bindings (<c>codegen.json</c>): the artifacts folder and, per output folder,
/// the root namespace and the contracts. Paths are relative to the manifest's folder.
/// </summary>
/// <param name="Artifacts">The artifacts folder (full path).</param>
/// <param name="Sets">The output folders.</param>
public sealed record BindingManifest(string Artifacts, IReadOnlyList<BindingSet> Sets)
{
    /// <summary>Reads a manifest.</summary>
    /// <param name="path">The manifest file.</param>
    /// <returns>The manifest, with full paths.</returns>
    /// <exception cref="CodegenException">The file is missing or malformed; the message names the file and the field.</exception>
    public static BindingManifest Read(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            string artifacts = Resolve(directory, String(root, "artifacts", path));
            if (!root.TryGetProperty("sets", out JsonElement sets) || sets.ValueKind != JsonValueKind.Array || sets.GetArrayLength() == 0)
            {
                throw new CodegenException($"{path}: field 'sets' is missing or not a non-empty array.");
            }

            var result = new List<BindingSet>();
            foreach (JsonElement set in sets.EnumerateArray())
            {
                if (!set.TryGetProperty("contracts", out JsonElement contracts) || contracts.ValueKind != JsonValueKind.Array
                    || contracts.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
                {
                    throw new CodegenException($"{path}: a set's field 'contracts' is missing or not an array of strings.");
                }

                result.Add(new BindingSet(
                    Resolve(directory, String(set, "out", path)),
                    String(set, "namespace", path),
                    [.. contracts.EnumerateArray().Select(c => c.GetString()!)]));
            }

            return new BindingManifest(artifacts, result);
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            throw new CodegenException($"{path}: {error.Message}", error);
        }
    }

    private static string Resolve(string directory, string relative) => Path.GetFullPath(Path.Combine(directory, relative));

    private static string String(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new CodegenException($"{path}: field '{name}' is missing or not a string.");
}
