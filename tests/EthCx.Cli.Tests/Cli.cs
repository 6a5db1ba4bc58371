using System.CommandLine;

namespace EthCx.Cli.Tests;

/// <summary>What one in-process run of <c>ethcx</c> printed.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The output without its final newline, as a shell's <c>$(...)</c> would take it.</summary>
    public string Text => Output.EndsWith('\n') ? Output[..^1] : Output;
}

/// <summary>Runs <c>ethcx</c> in this process with captured output and a given environment.</summary>
internal static class Cli
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(NoVariables, args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        int exitCode = await Program.RunAsync(args, configuration, new CliEnvironment(name => variables.GetValueOrDefault(name)));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Asserts a run succeeded with nothing on the error writer, and returns its text.</summary>
    public static async Task<string> OutputOfAsync(params string[] args)
    {
        CliResult result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"ethcx {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        Assert.Equal(string.Empty, result.Error);
        return result.Text;
    }

    /// <summary>
    /// Asserts a run failed as bad input should: exit code 1, nothing on the output, one line on the
    /// error writer that starts with <c>error: </c> and names <paramref name="argument"/>, no stack trace.
    /// </summary>
    public static void AssertOneLineError(CliResult result, string argument)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(argument, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
