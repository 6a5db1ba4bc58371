using EthCx.Codegen.Artifacts;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.Artifacts;

public sealed class HardhatArtifactTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ethcx-artifacts").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reads_the_compiled_test_contracts_and_skips_build_info_and_debug_files()
    {
        IReadOnlyList<HardhatArtifact> artifacts = HardhatArtifact.ReadAll(RepoPaths.Combine("artifacts"));

        HardhatArtifact counter = Assert.Single(artifacts, a => a.ContractName == "Counter");
        Assert.Equal("tests/contracts/Counter.sol", counter.SourceName);
        Assert.StartsWith("[", counter.AbiJson, StringComparison.Ordinal);
        Assert.NotEmpty(counter.Bytecode);
        Assert.DoesNotContain(artifacts, a => a.ArtifactPath.EndsWith(".dbg.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_folder_says_to_compile_first()
    {
        string missing = Path.Combine(_directory, "nope");
        var error = Assert.Throws<DirectoryNotFoundException>(() => HardhatArtifact.ReadAll(missing));
        Assert.Equal($"No artifacts folder at {missing}: compile the contracts first (npx hardhat compile).", error.Message);
    }

    [Theory]
    [InlineData("""{"_format":"hh-sol-artifact-1","contractName":"A","sourceName":"a.sol","bytecode":"0x00"}""", "field 'abi' is missing or not an array.")]
    [InlineData("""{"_format":"hh-sol-artifact-1","sourceName":"a.sol","abi":[],"bytecode":"0x00"}""", "field 'contractName' is missing or not a string.")]
    [InlineData("""{"_format":"hh-sol-artifact-1","contractName":"A","sourceName":"a.sol","abi":[],"bytecode":"0xzz"}""", "field 'bytecode' is not hex (Invalid hex character 'z' at position 2.).")]
    [InlineData("""{"_format":"hh-sol-artifact-1","contractName":"A","sourceName":"a.sol","abi":[],"bytecode":"0x73__$abc$__"}""", "bytecode needs library linking, which EthCx does not support.")]
    [InlineData("""{"_format":"foundry","contractName":"A"}""", "_format is 'foundry', not a Hardhat artifact.")]
    [InlineData("""{"_format":""", "not valid JSON")]
    public void Malformed_artifact_names_the_file_and_the_field(string json, string expected)
    {
        string path = Path.Combine(_directory, "A.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => HardhatArtifact.Read(path));

        Assert.StartsWith($"{path}: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_info_is_found_through_the_debug_file_and_a_missing_one_is_named()
    {
        HardhatArtifact tally = HardhatArtifact.Read(RepoPaths.Combine("artifacts", "tests", "contracts", "Tally.sol", "Tally.json"));
        string artifact = Path.Combine(_directory, "A.json");
        File.WriteAllText(artifact, """{"_format":"hh-sol-artifact-1","contractName":"A","sourceName":"a.sol","abi":[],"bytecode":"0x"}""");
        string? withoutDebugFile = HardhatArtifact.Read(artifact).FindBuildInfo();
        File.WriteAllText(Path.Combine(_directory, "A.dbg.json"), """{"_format":"hh-sol-dbg-1","buildInfo":"../build-info/gone.json"}""");

        Assert.StartsWith(RepoPaths.Combine("artifacts", "build-info") + Path.DirectorySeparatorChar, tally.FindBuildInfo(), StringComparison.Ordinal);
        Assert.Null(withoutDebugFile);
        var error = Assert.Throws<InvalidDataException>(() => HardhatArtifact.Read(artifact).FindBuildInfo());
        Assert.Equal(
            $"{Path.Combine(_directory, "A.dbg.json")}: field 'buildInfo' names {Path.GetFullPath(Path.Combine(_directory, "..", "build-info", "gone.json"))}, which does not exist: compile the contracts again (npx hardhat compile).",
            error.Message);
    }
}
