using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using EthCx.Cli.Commands;

namespace EthCx.Cli;

/// <summary>The <c>ethcx</c> entry point.</summary>
public static partial class Program
{
    private const string Hidden = "<not shown>";
    private static readonly string[] SecretOptions = ["--private-key", "--mnemonic", "--mnemonic-passphrase", "--customer-key", "--party-key"];

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
            await configuration.Error.WriteLineAsync($"error: {Describe(parse)}").ConfigureAwait(false);
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
        DeployCommand.AddTo(root, environment);
        ConsentCommands.AddTo(root, environment);
        TraceCommands.AddTo(root, environment);
        PointsCommands.AddTo(root, environment);
        DemoCommand.AddTo(root, environment);
        return root;
    }

    /// <summary>
    /// The first error about a given argument or option, else the last (an unrecognized token is more
    /// telling than the missing command it leaves). A key-like hex string is never repeated, nor are
    /// stray tokens on a command line that holds key material (a mnemonic typed without quotes).
    /// </summary>
    private static string Describe(ParseResult parse)
    {
        ParseError error = parse.Errors.FirstOrDefault(e => e.SymbolResult is ArgumentResult or OptionResult) ?? parse.Errors[^1];
        string message = Describe(error);
        if (parse.Tokens.Any(token => SecretOptions.Contains(token.Value)))
        {
            foreach (string token in parse.UnmatchedTokens)
            {
                message = message.Replace($"'{token}'", Hidden, StringComparison.Ordinal);
            }
        }

        return KeyLikeHex().Replace(message, Hidden);
    }

    [GeneratedRegex("(0x)?[0-9a-fA-F]{64}")]
    private static partial Regex KeyLikeHex();

    private static string Describe(ParseError error) => error.SymbolResult switch
    {
        ArgumentResult argument => $"<{argument.Argument.Name}>: {error.Message}",
        OptionResult option => $"{option.Option.Name}: {error.Message}",
        _ => error.Message,
    };
}
