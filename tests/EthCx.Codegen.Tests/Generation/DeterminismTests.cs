using EthCx.Codegen.Generation;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.Generation;

/// <summary>The same artifacts give byte-identical files, whatever the order of the contracts or where the artifacts live.</summary>
public sealed class DeterminismTests : IDisposable
{
    private static readonly string[] Contracts = ["tests/contracts/AbiShapes.sol:AbiShapes", "tests/contracts/Tally.sol:Tally", "contracts/loyalty/LoyaltyPoints.sol:LoyaltyPoints"];

    private readonly string _directory = Directory.CreateTempSubdirectory("ethcx-determinism").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Two_runs_give_identical_files_in_sorted_order()
    {
        IReadOnlyList<GeneratedFile> first = Generate(RepoPaths.Combine("artifacts"), Contracts);
        IReadOnlyList<GeneratedFile> second = Generate(RepoPaths.Combine("artifacts"), Contracts);

        Assert.Equal(first, second);
        Assert.Equal(first.Select(f => f.RelativePath).Order(StringComparer.Ordinal), first.Select(f => f.RelativePath));
    }

    [Fact]
    public void The_order_of_the_contracts_does_not_matter()
    {
        Assert.Equal(Generate(RepoPaths.Combine("artifacts"), Contracts), Generate(RepoPaths.Combine("artifacts"), [.. Contracts.Reverse()]));
    }

    [Fact]
    public void The_location_of_the_artifacts_does_not_leak_into_the_output()
    {
        string copy = Path.Combine(_directory, "elsewhere", "artifacts");
        CopyDirectory(RepoPaths.Combine("artifacts"), copy);

        Assert.Equal(Generate(RepoPaths.Combine("artifacts"), Contracts), Generate(copy, Contracts));
    }

    [Fact]
    public void Files_have_unix_line_endings_no_byte_order_mark_no_trailing_whitespace_and_end_with_one_newline()
    {
        foreach (GeneratedFile file in Generate(RepoPaths.Combine("artifacts"), Contracts))
        {
            Assert.DoesNotContain('\r', file.Content);
            Assert.DoesNotContain('\t', file.Content);
            Assert.False(file.Content.StartsWith('\uFEFF'), file.RelativePath);
            Assert.EndsWith("}\n", file.Content, StringComparison.Ordinal);
            Assert.DoesNotContain(" \n", file.Content, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", file.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Writing_replaces_stale_generated_files_and_keeps_other_files()
    {
        IReadOnlyList<GeneratedFile> files = Generate(RepoPaths.Combine("artifacts"), ["tests/contracts/Tally.sol:Tally"]);
        string output = Path.Combine(_directory, "out");
        Directory.CreateDirectory(Path.Combine(output, "Gone"));
        File.WriteAllText(Path.Combine(output, "Gone", "GoneService.g.cs"), "// stale");
        File.WriteAllText(Path.Combine(output, "README.md"), "kept");

        OutputFolder.Write(output, files);

        Assert.False(Directory.Exists(Path.Combine(output, "Gone")));
        Assert.True(File.Exists(Path.Combine(output, "README.md")));
        Assert.Empty(OutputFolder.Compare(output, files));
        File.AppendAllText(Path.Combine(output, "Tally", "TallyErrors.g.cs"), "// edited\n");
        File.WriteAllText(Path.Combine(output, "Extra.g.cs"), "// extra");
        File.Delete(Path.Combine(output, "Tally", "TallyTypes.g.cs"));
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, output);
        Assert.Equal(
            [
                $"{Path.Combine(relative, "Tally", "TallyErrors.g.cs")}: differs from the generated code from line 73",
                $"{Path.Combine(relative, "Tally", "TallyTypes.g.cs")}: missing (the contracts generate it)",
                $"{Path.Combine(relative, "Extra.g.cs")}: no longer generated",
            ],
            OutputFolder.Compare(output, files));
    }

    private static IReadOnlyList<GeneratedFile> Generate(string artifacts, IReadOnlyList<string> contracts) =>
        BindingGenerator.Generate(artifacts, "Determinism", contracts);

    private static void CopyDirectory(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
