using System.Text.Json;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Testing;

/// <summary>A contract compiled by Hardhat into the repository's artifacts folder, as tests deploy it: its ABI and creation bytecode.</summary>
/// <param name="ContractName">The contract's name.</param>
/// <param name="Abi">The contract's ABI.</param>
/// <param name="Bytecode">The creation bytecode (without constructor arguments).</param>
public sealed record CompiledContract(string ContractName, ContractAbi Abi, byte[] Bytecode)
{
    /// <summary>Reads <c>artifacts/&lt;sourcePath&gt;/&lt;contractName&gt;.json</c>.</summary>
    /// <param name="sourcePath">The source file relative to the repository root, e.g. <c>tests/contracts/Counter.sol</c>.</param>
    /// <param name="contractName">The contract's name, e.g. <c>Counter</c>.</param>
    /// <returns>The artifact.</returns>
    /// <exception cref="InvalidOperationException">The artifact does not exist (the contracts were not compiled).</exception>
    public static CompiledContract Load(string sourcePath, string contractName)
    {
        string path = RepoPaths.Combine(["artifacts", .. sourcePath.Split('/'), contractName + ".json"]);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No artifact at {path}: run `npx --no-install hardhat compile` in {RepoPaths.RepositoryRoot} first.");
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        return new CompiledContract(
            contractName,
            ContractAbi.FromJson(root.GetProperty("abi")),
            Hex.Decode(root.GetProperty("bytecode").GetString()!));
    }
}
