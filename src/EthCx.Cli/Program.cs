using System.CommandLine;
using System.CommandLine.Parsing;
using EthCx.Cli.Commands;

namespace EthCx.Cli;

/// <summary>The <c>ethcx</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The process exit code: 0 on success, 1 on bad input or a failed operation.</returns>
    public static Task<int> Main(string[] args) => RunAsync(args);

    /// <summary>
    /// Parses and runs a command line. A command line that does not parse gives one line on the
    /// error writer (<c>error: ...</c>, naming the argument where it can) and exit code 1, like any
    /// other bad input.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <param name="configuration">Where output and errors go; the console by default.</param>
    /// <param name="environment">Where the commands read <c>ETHCX_*</c> variables; the process environment by default.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        InvocationConfiguration? configuration = null,
        CliEnvironment? environment = null,
        CancellationToken cancellationToken = default)
    {
        configuration ??= new InvocationConfiguration();
        ParseResult parse = BuildRootCommand(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            await configuration.Error.WriteLineAsync($"error: {Describe(parse.Errors)}").ConfigureAwait(false);
            return 1;
        }

        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="environment">Where the commands read <c>ETHCX_*</c> variables; the process environment by default.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRootCommand(CliEnvironment? environment = null)
    {
        environment ??= CliEnvironment.Process;
        var root = new RootCommand("ethcx: deploy and operate the EthCx contracts, and cast-compatible Ethereum utilities.");
        UtilityCommands.AddTo(root);
        AbiCommands.AddTo(root);
        RlpCommands.AddTo(root);
        WalletCommands.AddTo(root, environment);
        ChainCommands.AddTo(root, environment);
        ContractCommands.AddTo(root, environment);
        return root;
    }

    /// <summary>The first error about a given argument or option, else the last (an unrecognized token is more telling than the missing command it leaves).</summary>
    private static string Describe(IReadOnlyList<ParseError> errors)
    {
        ParseError error = errors.FirstOrDefault(e => e.SymbolResult is ArgumentResult or OptionResult) ?? errors[^1];
        return Describe(error);
    }

    private static string Describe(ParseError error) => error.SymbolResult switch
    {
        ArgumentResult argument => $"<{argument.Argument.Name}>: {error.Message}",
        OptionResult option => $"{option.Option.Name}: {error.Message}",
        _ => error.Message,
    };
}
