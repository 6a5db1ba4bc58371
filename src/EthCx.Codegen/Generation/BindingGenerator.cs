using EthCx.Chain.Abi;
using EthCx.Codegen.Artifacts;
using EthCx.Codegen.Emit;
using EthCx.Codegen.Model;

namespace EthCx.Codegen.Generation;

/// <summary>
/// Generates the C# bindings of a set of contracts from Hardhat's artifacts: one folder per contract (service,
/// deployment, function messages and output DTOs, events and filters, typed errors, structs and enums) and a
/// <c>Shared</c> folder for the structs and enums several of them use. The output depends only on the artifacts
/// and the options: files, types and members are sorted, numbers formatted invariantly, lines end in <c>\n</c>.
/// </summary>
public static class BindingGenerator
{
    /// <summary>Generates the files.</summary>
    /// <param name="artifactsDirectory">Hardhat's <c>artifacts/</c> folder.</param>
    /// <param name="rootNamespace">The root namespace; each contract gets <c>&lt;root&gt;.&lt;ContractName&gt;</c>.</param>
    /// <param name="contracts">The contracts, each <c>source.sol:Name</c> (or just <c>source.sol</c> when the contract is named after its file).</param>
    /// <returns>The files, sorted by path.</returns>
    /// <exception cref="CodegenException">An artifact is missing or malformed, or the ABI cannot be mapped; the message names the contract, the item and the type.</exception>
    public static IReadOnlyList<GeneratedFile> Generate(string artifactsDirectory, string rootNamespace, IReadOnlyList<string> contracts)
    {
        ArgumentNullException.ThrowIfNull(artifactsDirectory);
        ArgumentException.ThrowIfNullOrEmpty(rootNamespace);
        ArgumentNullException.ThrowIfNull(contracts);
        var buildInfos = new Dictionary<string, BuildInfo>(StringComparer.Ordinal);
        var sources = contracts.Select(c => Load(artifactsDirectory, c, buildInfos)).ToList();
        BindingModel model = BindingModelBuilder.Build(sources, rootNamespace);

        var files = new List<GeneratedFile>();
        foreach (ContractBinding contract in model.Contracts)
        {
            var emitter = new ContractEmitter(contract, model.SharedNamespace);
            files.AddRange(emitter.Files().Select(f => new GeneratedFile(contract.Name + "/" + f.FileName, f.Content)));
        }

        if (model.SharedTypes.Count > 0)
        {
            string origin = "the structs and enums of " + string.Join(", ", model.Contracts.Where(c => c.UsesSharedTypes).Select(c => c.SourceName + ":" + c.SolidityName).Order(StringComparer.Ordinal));
            files.Add(new GeneratedFile(TypeRegistry.SharedNamespace + "/SharedTypes.g.cs", TypeEmitter.File(origin, model.SharedNamespace, model.SharedTypes, [])));
        }

        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    private static ContractSource Load(string artifactsDirectory, string contract, Dictionary<string, BuildInfo> buildInfos)
    {
        int colon = contract.LastIndexOf(':');
        string sourceName = colon < 0 ? contract : contract[..colon];
        string contractName = colon < 0 ? Path.GetFileNameWithoutExtension(sourceName) : contract[(colon + 1)..];
        string path = Path.Combine([artifactsDirectory, .. sourceName.Split('/'), contractName + ".json"]);
        if (!File.Exists(path))
        {
            throw new CodegenException($"{sourceName}:{contractName}: no artifact at {path}: check the name, and compile the contracts first (npx hardhat compile).");
        }

        HardhatArtifact artifact;
        ContractAbi abi;
        BuildInfo? buildInfo = null;
        try
        {
            artifact = HardhatArtifact.Read(path);
            if (artifact.ContractName != contractName || artifact.SourceName != sourceName)
            {
                throw new InvalidDataException($"{path}: the artifact is for {artifact.SourceName}:{artifact.ContractName}, not {sourceName}:{contractName}.");
            }

            abi = ContractAbi.Parse(artifact.AbiJson);
            if (artifact.FindBuildInfo() is string buildInfoPath)
            {
                if (!buildInfos.TryGetValue(buildInfoPath, out buildInfo))
                {
                    buildInfo = BuildInfo.Read(buildInfoPath);
                    buildInfos.Add(buildInfoPath, buildInfo);
                }
            }
        }
        catch (Exception error) when (error is InvalidDataException or FormatException or IOException)
        {
            throw new CodegenException($"{sourceName}:{contractName}: {error.Message}", error);
        }

        return new ContractSource(
            artifact,
            abi,
            buildInfo?.NatSpecOf(sourceName, contractName) ?? NatSpec.ContractNatSpec.None,
            buildInfo?.Types ?? new Dictionary<string, SolidityTypeDefinition>());
    }
}
