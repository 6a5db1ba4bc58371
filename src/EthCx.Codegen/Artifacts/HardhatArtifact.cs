using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Codegen.Artifacts;

/// <summary>One compiled contract as Hardhat writes it to <c>artifacts/&lt;source&gt;/&lt;Name&gt;.json</c>.</summary>
/// <param name="ContractName">The contract's name.</param>
/// <param name="SourceName">The source file, relative to the project root.</param>
/// <param name="AbiJson">The JSON ABI array, as text.</param>
/// <param name="Bytecode">The creation bytecode (empty for interfaces and abstract contracts).</param>
/// <param name="ArtifactPath">Where the artifact was read from.</param>
public sealed record HardhatArtifact(string ContractName, string SourceName, string AbiJson, byte[] Bytecode, string ArtifactPath)
{
    /// <summary>Reads every contract artifact under a Hardhat <c>artifacts/</c> folder (skipping build-info and debug files), ordered by source and name.</summary>
    /// <param name="artifactsDirectory">The artifacts folder.</param>
    /// <returns>The artifacts.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">An artifact is malformed; the message names the file and the field.</exception>
    public static IReadOnlyList<HardhatArtifact> ReadAll(string artifactsDirectory)
    {
        if (!Directory.Exists(artifactsDirectory))
        {
            throw new DirectoryNotFoundException($"No artifacts folder at {artifactsDirectory}: compile the contracts first (npx hardhat compile).");
        }

        return Directory.EnumerateFiles(artifactsDirectory, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".dbg.json", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}build-info{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Read)
            .OrderBy(a => a.SourceName, StringComparer.Ordinal)
            .ThenBy(a => a.ContractName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads one artifact file.</summary>
    /// <param name="path">The artifact's path.</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="InvalidDataException">The file is not a Hardhat artifact; the message names the file and the field.</exception>
    public static HardhatArtifact Read(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = document.RootElement;
            string format = RequiredString(root, "_format", path);
            if (!format.StartsWith("hh-sol-artifact", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path}: _format is '{format}', not a Hardhat artifact.");
            }

            if (!root.TryGetProperty("abi", out JsonElement abi) || abi.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path}: field 'abi' is missing or not an array.");
            }

            string bytecode = RequiredString(root, "bytecode", path);
            return new HardhatArtifact(
                RequiredString(root, "contractName", path),
                RequiredString(root, "sourceName", path),
                abi.GetRawText(),
                DecodeBytecode(bytecode, path),
                path);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({error.Message}).", error);
        }
    }

    /// <summary>
    /// The build-info file that holds this contract's NatSpec and AST, named by the <c>buildInfo</c> field of the
    /// <c>&lt;Name&gt;.dbg.json</c> file beside the artifact; null when there is no debug file.
    /// </summary>
    /// <returns>The full path of the build-info file, or null.</returns>
    /// <exception cref="InvalidDataException">The debug file is malformed or names a missing file; the message names the file.</exception>
    public string? FindBuildInfo()
    {
        string debugPath = Path.ChangeExtension(ArtifactPath, ".dbg.json");
        if (!File.Exists(debugPath))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(debugPath));
            string relative = RequiredString(document.RootElement, "buildInfo", debugPath);
            string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(debugPath)!, relative));
            return File.Exists(path)
                ? path
                : throw new InvalidDataException($"{debugPath}: field 'buildInfo' names {path}, which does not exist: compile the contracts again (npx hardhat compile).");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{debugPath}: not valid JSON ({error.Message}).", error);
        }
    }

    private static byte[] DecodeBytecode(string bytecode, string path)
    {
        if (bytecode.Contains("__$", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: bytecode needs library linking, which EthCx does not support.");
        }

        try
        {
            return Hex.Decode(bytecode);
        }
        catch (FormatException error)
        {
            throw new InvalidDataException($"{path}: field 'bytecode' is not hex ({error.Message}).", error);
        }
    }

    private static string RequiredString(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{path}: field '{name}' is missing or not a string.");
}
