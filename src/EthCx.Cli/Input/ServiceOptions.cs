using System.CommandLine;
using System.Globalization;
using EthCx.Services.Configuration;
using Microsoft.Extensions.Configuration;

namespace EthCx.Cli.Input;

/// <summary>
/// The options of the EthCx commands (<c>deploy</c>, <c>consent</c>, <c>trace</c>, <c>points</c>), turned into the
/// services' own <see cref="EthCxOptions"/>: <c>--rpc-url</c>; the acting account's key as <c>--private-key</c>, or
/// <c>--mnemonic</c> with <c>--mnemonic-index</c>; <c>--deployments</c>; <c>--timeout</c>; <c>--json</c>. Options win
/// over the <c>ETHCX_*</c> variables, which the services' configuration binding reads; with neither a key nor a
/// mnemonic the services use the Hardhat test mnemonic, and only on chain 31337.
/// </summary>
internal sealed class ServiceOptions
{
    private static readonly string[] Variables =
    [
        CliEnvironment.PrivateKeyVariable, CliEnvironment.MnemonicVariable, CliEnvironment.AccountIndexVariable, CliEnvironment.DeploymentsVariable,
    ];

    private readonly RpcOptions _rpc = new();

    private readonly Option<string?> _privateKey = new("--private-key")
    {
        Description = $"The acting account's private key, as hex. Default: ${CliEnvironment.PrivateKeyVariable}.",
        HelpName = "RAW_PRIVATE_KEY",
    };

    private readonly Option<string?> _mnemonic = new("--mnemonic")
    {
        Description = $"A BIP-39 mnemonic phrase, or the path of a file holding it. Default: ${CliEnvironment.MnemonicVariable}; on chain 31337 only, the Hardhat test mnemonic.",
        HelpName = "MNEMONIC",
    };

    private readonly Option<int?> _index = new("--mnemonic-index")
    {
        Description = $"The acting account's index under m/44'/60'/0'/0. Default: ${CliEnvironment.AccountIndexVariable}, else 0.",
        HelpName = "INDEX",
    };

    private readonly Option<string?> _deployments = new("--deployments")
    {
        Description = $"The directory of the deployment manifests (<chainId>.json). Default: ${CliEnvironment.DeploymentsVariable}, else ./deployments.",
        HelpName = "DIR",
    };

    private readonly Option<double?> _timeout = new("--timeout")
    {
        Description = "How long to wait for each transaction to be mined, in seconds (default 120).",
        HelpName = "SECONDS",
    };

    /// <summary>The <c>--json</c> switch.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON (camelCase properties) instead of text.",
    };

    /// <summary>The <c>--progress</c> switch.</summary>
    public Option<bool> Progress { get; } = new("--progress")
    {
        Description = "Print progress lines (transactions sent, waited for, mined) on stderr even when it is not a terminal.",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        _rpc.AddTo(command, withTimeout: false);
        foreach (Option option in (Option[])[_privateKey, _mnemonic, _index, _deployments, _timeout, Json, Progress])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Where progress lines go: stderr when it is a terminal or <c>--progress</c> is given, else nowhere.</summary>
    /// <param name="parse">The parse result.</param>
    /// <returns>The writer, or null.</returns>
    public TextWriter? ProgressWriter(ParseResult parse)
    {
        TextWriter error = parse.InvocationConfiguration.Error;
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        return parse.GetValue(Progress) || terminal ? error : null;
    }

    /// <summary>The services' options: the environment through <see cref="EthCxOptions.Bind"/>, then the command line over it.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="environment">The environment variables.</param>
    /// <returns>The options.</returns>
    /// <exception cref="CliInputException">An option is malformed (the message never repeats a secret).</exception>
    /// <exception cref="EthCxConfigurationException">A variable is malformed.</exception>
    public EthCxOptions Read(ParseResult parse, CliEnvironment environment)
    {
        var options = new EthCxOptions();
        IConfiguration variables = new ConfigurationBuilder()
            .AddInMemoryCollection(Variables.Select(name => KeyValuePair.Create(name, environment.Get(name))))
            .Build();
        EthCxOptions.Bind(variables, options);
        options.RpcUrl = _rpc.Url(parse, environment);

        string? key = parse.GetValue(_privateKey);
        string? mnemonic = parse.GetValue(_mnemonic);
        if (key is not null && mnemonic is not null)
        {
            throw new CliInputException("--private-key", "give either a private key or --mnemonic, not both");
        }

        if (key is not null)
        {
            // Checked here so that a bad key is named by its option, not by the variable the services would name.
            SignerOptions.FromKey(key, "--private-key").Dispose();
            (options.PrivateKey, options.Mnemonic) = (key.Trim(), null);
        }
        else if (mnemonic is not null)
        {
            string phrase = SignerOptions.ReadMnemonic(mnemonic).Trim();
            SignerOptions.ParseMnemonic(phrase, "--mnemonic");
            (options.PrivateKey, options.Mnemonic) = (null, phrase);
        }

        if (parse.GetValue(_index) is int index)
        {
            options.AccountIndex = index >= 0 ? index : throw new CliInputException("--mnemonic-index", $"{index} is negative");
        }

        options.DeploymentsDirectory = parse.GetValue(_deployments) ?? options.DeploymentsDirectory;
        if (parse.GetValue(_timeout) is double seconds)
        {
            options.ReceiptTimeout = seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new CliInputException("--timeout", $"{seconds.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds");
        }

        return options;
    }
}
