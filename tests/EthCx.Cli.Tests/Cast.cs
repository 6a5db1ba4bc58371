using System.Diagnostics;
using EthCx.Testing;

namespace EthCx.Cli.Tests;

/// <summary>What one run of Foundry's cast printed, untrimmed.</summary>
internal sealed record CastResult(int ExitCode, string Output, string Error)
{
    /// <summary>The output without its final newline.</summary>
    public string Text => Output.EndsWith('\n') ? Output[..^1] : Output;
}

/// <summary>
/// Runs cast (node_modules/.bin/cast) and keeps its exact output and exit code, for byte-for-byte
/// comparison and for checking that both tools refuse the same input. <see cref="Oracle.Cast"/>
/// trims and throws on failure, which suits neither.
/// </summary>
internal static class Cast
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static CastResult Run(params string[] args)
    {
        var info = new ProcessStartInfo(RepoPaths.NodeBin("cast"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.RepositoryRoot,
        };
        info.Environment["NO_COLOR"] = "1";
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start cast.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cast {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new CastResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs cast and asserts it succeeded; returns its output without the final newline.</summary>
    public static string OutputOf(params string[] args)
    {
        CastResult result = Run(args);
        Assert.True(result.ExitCode == 0, $"cast {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result.Text;
    }

    /// <summary>Asserts that ethcx (run with <paramref name="args"/>) prints exactly what cast prints with <paramref name="castArgs"/>.</summary>
    public static async Task AssertSameOutputAsync(string[] castArgs, string[] args)
    {
        CastResult expected = Run(castArgs);
        Assert.True(expected.ExitCode == 0, $"cast {string.Join(' ', castArgs)} exited {expected.ExitCode}: {expected.Error}");
        CliResult actual = await Cli.RunAsync(args);
        Assert.True(actual.ExitCode == 0, $"ethcx {string.Join(' ', args)} exited {actual.ExitCode}: {actual.Error}");
        Assert.Equal(expected.Output, actual.Output);
    }

    /// <summary>The same arguments for both tools.</summary>
    public static Task AssertSameOutputAsync(params string[] args) => AssertSameOutputAsync(args, args);
}
