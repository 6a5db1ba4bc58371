using EthCx.Codegen.Generation;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.Generation;

/// <summary>
/// The committed bindings are exactly what the generator makes of the compiled contracts: the test contracts'
/// (Tally's complete output is the snapshot reviewers read) and the product contracts'. Set
/// <c>ETHCX_UPDATE_SNAPSHOTS=1</c> to rewrite them instead (as <c>scripts/generate</c> does).
/// </summary>
public sealed class SnapshotTests
{
    /// <summary>The environment variable that makes these tests rewrite the committed files.</summary>
    public const string UpdateVariable = "ETHCX_UPDATE_SNAPSHOTS";

    private static readonly BindingManifest Manifest = BindingManifest.Read(RepoPaths.Combine("codegen.json"));

    public static TheoryData<string> Sets => [.. Manifest.Sets.Select(s => Path.GetRelativePath(RepoPaths.RepositoryRoot, s.Output).Replace('\\', '/'))];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Committed_bindings_are_what_the_generator_makes_of_the_artifacts(string output)
    {
        BindingSet set = Manifest.Sets.Single(s => s.Output == RepoPaths.Combine(output.Split('/')));
        IReadOnlyList<GeneratedFile> files = BindingGenerator.Generate(Manifest.Artifacts, set.RootNamespace, set.Contracts);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            OutputFolder.Write(set.Output, files);
        }

        IReadOnlyList<string> drift = OutputFolder.Compare(set.Output, files);

        Assert.True(drift.Count == 0, $"Run scripts/generate (or set {UpdateVariable}=1):\n" + string.Join("\n", drift));
    }

    [Fact]
    public void The_snapshot_is_the_complete_output_of_the_small_Tally_contract()
    {
        IReadOnlyList<GeneratedFile> files = BindingGenerator.Generate(Manifest.Artifacts, "Snapshot", ["tests/contracts/Tally.sol:Tally"]);

        Assert.Equal(
            ["Tally/TallyDeployment.g.cs", "Tally/TallyErrors.g.cs", "Tally/TallyEvents.g.cs", "Tally/TallyFunctions.g.cs", "Tally/TallyService.g.cs", "Tally/TallyTypes.g.cs"],
            files.Select(f => f.RelativePath));
        Assert.Contains("public sealed partial record Point(int X, int Y)", files.Single(f => f.RelativePath == "Tally/TallyTypes.g.cs").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_struct_that_several_contracts_use_is_generated_once_in_Shared()
    {
        BindingSet set = Manifest.Sets.Single(s => s.Contracts.Contains("tests/contracts/Tally.sol:Tally"));
        IReadOnlyList<GeneratedFile> files = BindingGenerator.Generate(Manifest.Artifacts, set.RootNamespace, set.Contracts);

        GeneratedFile shared = Assert.Single(files, f => f.Content.Contains("record Point(", StringComparison.Ordinal));
        Assert.Equal("Shared/SharedTypes.g.cs", shared.RelativePath);
        Assert.Contains("namespace EthCx.Codegen.Tests.Generated.Shared;", shared.Content, StringComparison.Ordinal);
        Assert.All(
            files.Where(f => f.RelativePath.StartsWith("Tally/", StringComparison.Ordinal) || f.RelativePath.StartsWith("AbiShapes/", StringComparison.Ordinal)),
            f => Assert.Contains("using EthCx.Codegen.Tests.Generated.Shared;", f.Content, StringComparison.Ordinal));
    }
}
