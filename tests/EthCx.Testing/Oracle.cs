using System.Diagnostics;

namespace EthCx.Testing;

/// <summary>
/// Runs the independent implementations EthCx is checked against: Foundry's <c>cast</c> and
/// ethers v6 (through Node), both installed by <c>npm ci</c>.
/// </summary>
public static class Oracle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>cast</c> with the given arguments and returns its trimmed standard output.</summary>
    /// <param name="arguments">The arguments, one per element (no shell quoting needed).</param>
    /// <returns>What cast printed, trimmed.</returns>
    /// <exception cref="InvalidOperationException">cast exited non-zero; the message holds its standard error.</exception>
    public static string Cast(params string[] arguments) => Run(RepoPaths.NodeBin("cast"), arguments, stdin: null);

    /// <summary>
    /// Runs a JavaScript snippet in Node with <c>ethers</c> in scope (<c>const ethers = require("ethers")</c>)
    /// and returns its trimmed standard output.
    /// </summary>
    /// <param name="script">The script body; print results with <c>console.log</c>.</param>
    /// <returns>What the script printed, trimmed.</returns>
    /// <exception cref="InvalidOperationException">Node exited non-zero; the message holds its standard error.</exception>
    public static string Ethers(string script) =>
        Run("node", ["-"], "const ethers = require(\"ethers\");\n" + script);

    private static string Run(string fileName, IEnumerable<string> arguments, string? stdin)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = RepoPaths.RepositoryRoot,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {Timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result.Trim()}");
        }

        return output.Result.Trim();
    }
}
