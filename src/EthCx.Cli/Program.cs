using System.CommandLine;
using EthCx.Cli.Commands;

namespace EthCx.Cli;

/// <summary>The <c>ethcx</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The process exit code: 0 on success, 1 on bad input or a failed operation.</returns>
    public static Task<int> Main(string[] args) => BuildRootCommand().Parse(args).InvokeAsync();

    /// <summary>Builds the command tree (exposed for tests).</summary>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("ethcx: deploy and operate the EthCx contracts, and cast-compatible Ethereum utilities.");
        UtilityCommands.AddTo(root);
        return root;
    }
}
