using System.Text.Json;
using System.Text.Json.Serialization;
using EthCx.Chain.Primitives;

namespace EthCx.Services.Deployment;

/// <summary>
/// The manifest's file format, kept apart from <see cref="DeploymentManifest"/>: plain JSON types (addresses and
/// hashes as hex text) serialised by System.Text.Json source generation, and checked field by field on reading.
/// </summary>
internal static class DeploymentJson
{
    public static string Serialize(DeploymentManifest manifest)
    {
        var file = new ManifestFile(
            manifest.SchemaVersion,
            manifest.ChainId,
            manifest.GenesisHash.ToString(),
            manifest.Deployer.ToString(),
            manifest.UpdatedAt,
            [.. manifest.Contracts.Select(c => new ContractFile(c.Name.ToString(), c.Address.ToString(), c.TransactionHash.ToString(), c.BlockNumber, c.BytecodeHash.ToString(), c.ConstructorArgumentsHash.ToString(), c.RuntimeCodeHash.ToString()))],
            [.. manifest.Roles.Select(r => new RoleFile(r.Contract.ToString(), r.Role, r.Account.ToString(), r.TransactionHash?.ToString()))],
            [.. manifest.TierThresholds]);
        return JsonSerializer.Serialize(file, ManifestJsonContext.Default.ManifestFile);
    }

    /// <exception cref="JsonException">The text is not a manifest; the message names the field.</exception>
    public static DeploymentManifest Deserialize(string json)
    {
        ManifestFile file = JsonSerializer.Deserialize(json, ManifestJsonContext.Default.ManifestFile) ?? throw new JsonException("the file holds the JSON value null.");
        if (file.SchemaVersion != 1)
        {
            throw new JsonException($"schemaVersion {file.SchemaVersion} is not supported (expected 1).");
        }

        return new DeploymentManifest
        {
            SchemaVersion = file.SchemaVersion,
            ChainId = file.ChainId,
            GenesisHash = Hash(file.GenesisHash, "genesisHash"),
            Deployer = Account(file.Deployer, "deployer"),
            UpdatedAt = file.UpdatedAt,
            Contracts = [.. (file.Contracts ?? throw Missing("contracts")).Select((c, i) => new DeployedContract(
                Contract(c.Name, $"contracts[{i}].name"),
                Account(c.Address, $"contracts[{i}].address"),
                Hash(c.TransactionHash, $"contracts[{i}].transactionHash"),
                c.BlockNumber,
                Hash(c.BytecodeHash, $"contracts[{i}].bytecodeHash"),
                Hash(c.ConstructorArgumentsHash, $"contracts[{i}].constructorArgumentsHash"),
                Hash(c.RuntimeCodeHash, $"contracts[{i}].runtimeCodeHash")))],
            Roles = [.. (file.Roles ?? []).Select((r, i) => new RoleGrantRecord(
                Contract(r.Contract, $"roles[{i}].contract"),
                r.Role ?? throw Missing($"roles[{i}].role"),
                Account(r.Account, $"roles[{i}].account"),
                r.TransactionHash is null ? null : Hash(r.TransactionHash, $"roles[{i}].transactionHash")))],
            TierThresholds = file.TierThresholds ?? [],
        };
    }

    private static JsonException Missing(string field) => new($"field '{field}' is missing.");

    private static Bytes32 Hash(string? text, string field) =>
        Bytes32.TryParse(text, out Bytes32 value) ? value : throw new JsonException($"field '{field}' is '{text}', not a 32-byte hex value.");

    private static Address Account(string? text, string field) =>
        Address.TryParse(text, out Address value) ? value : throw new JsonException($"field '{field}' is '{text}', not an address.");

    private static EthCxContract Contract(string? text, string field) =>
        Enum.TryParse(text, ignoreCase: false, out EthCxContract value) && Enum.IsDefined(value) ? value : throw new JsonException($"field '{field}' is '{text}', not one of {string.Join(", ", Enum.GetNames<EthCxContract>())}.");
}

internal sealed record ManifestFile(
    int SchemaVersion,
    ulong ChainId,
    string? GenesisHash,
    string? Deployer,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ContractFile>? Contracts,
    IReadOnlyList<RoleFile>? Roles,
    IReadOnlyList<uint>? TierThresholds);

internal sealed record ContractFile(string? Name, string? Address, string? TransactionHash, ulong BlockNumber, string? BytecodeHash, string? ConstructorArgumentsHash, string? RuntimeCodeHash);

internal sealed record RoleFile(string? Contract, string? Role, string? Account, string? TransactionHash);

/// <summary>Source-generated (reflection-free) JSON of the manifest file: camelCase, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ManifestFile))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
}
