using EthCx.Testing;

namespace EthCx.Codegen.Tests.Generation;

/// <summary>The command line: 0 when generated or up to date, 2 when the check finds drift, 1 on an error.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("ethcx-codegen-cli").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Generate_then_check_then_drift_then_error()
    {
        string[] arguments = ["--artifacts", RepoPaths.Combine("artifacts"), "--out", _output, "--namespace", "Cli", "tests/contracts/Tally.sol:Tally"];

        Assert.Equal(0, Program.Main(arguments));
        Assert.Equal(0, Program.Main(["--check", .. arguments]));
        File.AppendAllText(Path.Combine(_output, "Tally", "TallyService.g.cs"), "// edited\n");
        Assert.Equal(2, Program.Main(["--check", .. arguments]));
        Assert.Equal(1, Program.Main(["--artifacts", RepoPaths.Combine("artifacts"), "--out", _output, "--namespace", "Cli", "tests/contracts/Nope.sol:Nope"]));
        Assert.Equal(1, Program.Main(["--out", _output]));
        Assert.Equal(1, Program.Main(["--verbose", "codegen.json"]));
    }

    [Fact]
    public void The_repository_manifest_is_up_to_date()
    {
        Assert.Equal(0, Program.Main(["--check", RepoPaths.Combine("codegen.json")]));
    }
}
