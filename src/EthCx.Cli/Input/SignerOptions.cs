using System.CommandLine;
using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;

namespace EthCx.Cli.Input;

/// <summary>
/// cast's raw-wallet options: <c>--private-key</c>, or <c>--mnemonic</c> (a phrase or a file holding
/// one) with <c>--mnemonic-index</c>, <c>--mnemonic-passphrase</c> and <c>--mnemonic-derivation-path</c>;
/// failing those, the <c>ETHCX_PRIVATE_KEY</c> or <c>ETHCX_MNEMONIC</c> environment variable. Error
/// messages name the option or variable and never contain the secret.
/// </summary>
internal sealed class SignerOptions
{
    private readonly Option<string?> _privateKey = new("--private-key")
    {
        Description = $"The private key, as hex. Default: ${CliEnvironment.PrivateKeyVariable}.",
        HelpName = "RAW_PRIVATE_KEY",
    };

    private readonly Option<string?> _mnemonic = new("--mnemonic")
    {
        Description = $"The BIP-39 mnemonic phrase, or the path of a file holding it. Default: ${CliEnvironment.MnemonicVariable}.",
        HelpName = "MNEMONIC",
    };

    private readonly Option<string?> _passphrase = new("--mnemonic-passphrase")
    {
        Description = "The BIP-39 passphrase of the mnemonic.",
        HelpName = "PASSPHRASE",
    };

    private readonly Option<string?> _path = new("--mnemonic-derivation-path")
    {
        Description = "The derivation path of the key (overrides --mnemonic-index).",
        HelpName = "PATH",
    };

    private readonly Option<int> _index = new("--mnemonic-index")
    {
        Description = "The account index under m/44'/60'/0'/0.",
        HelpName = "INDEX",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[_privateKey, _mnemonic, _passphrase, _path, _index])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether any key material was given (options or environment).</summary>
    public bool IsGiven(ParseResult parse, CliEnvironment environment) =>
        parse.GetValue(_privateKey) is not null || parse.GetValue(_mnemonic) is not null
        || environment.Get(CliEnvironment.PrivateKeyVariable) is not null || environment.Get(CliEnvironment.MnemonicVariable) is not null;

    /// <summary>Creates the signer the options (or, failing them, the environment) describe.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="environment">The environment variables.</param>
    /// <param name="positionalKey">A private key given as a positional argument (<c>wallet address [PRIVATE_KEY]</c>), if any.</param>
    /// <returns>The signer; the caller disposes it.</returns>
    /// <exception cref="CliInputException">No key material, both a key and a mnemonic, or invalid material.</exception>
    public PrivateKeySigner Create(ParseResult parse, CliEnvironment environment, string? positionalKey = null)
    {
        string? key = positionalKey ?? parse.GetValue(_privateKey);
        string? mnemonic = parse.GetValue(_mnemonic);
        if (key is not null && mnemonic is not null)
        {
            throw new CliInputException("--private-key", "give either a private key or --mnemonic, not both");
        }

        if (key is not null)
        {
            return FromKey(key, positionalKey is null ? "--private-key" : "<PRIVATE_KEY>");
        }

        if (mnemonic is not null)
        {
            return FromMnemonic(ReadMnemonic(mnemonic), "--mnemonic", parse);
        }

        if (environment.Get(CliEnvironment.PrivateKeyVariable) is string keyVariable)
        {
            return FromKey(keyVariable, CliEnvironment.PrivateKeyVariable);
        }

        if (environment.Get(CliEnvironment.MnemonicVariable) is string mnemonicVariable)
        {
            return FromMnemonic(mnemonicVariable, CliEnvironment.MnemonicVariable, parse);
        }

        throw new CliInputException(
            "--private-key",
            $"no signer: pass --private-key or --mnemonic, or set {CliEnvironment.PrivateKeyVariable} or {CliEnvironment.MnemonicVariable}");
    }

    /// <summary>A signer of a hex private key; the error names <paramref name="source"/> and never repeats the key.</summary>
    /// <param name="key">The key, as hex.</param>
    /// <param name="source">The option or variable it came from.</param>
    /// <returns>The signer; the caller disposes it.</returns>
    /// <exception cref="CliInputException">The text is not a private key.</exception>
    internal static PrivateKeySigner FromKey(string key, string source)
    {
        try
        {
            return PrivateKeySigner.FromHex(key.Trim());
        }
        catch (InvalidPrivateKeyException error)
        {
            // The signer's messages never repeat the key.
            throw new CliInputException(source, error.Message);
        }
    }

    /// <summary>Parses a BIP-39 phrase; the error names <paramref name="source"/> and never repeats a word.</summary>
    /// <param name="phrase">The phrase.</param>
    /// <param name="source">The option or variable it came from.</param>
    /// <returns>The mnemonic.</returns>
    /// <exception cref="CliInputException">The phrase is not a valid English BIP-39 mnemonic.</exception>
    internal static Mnemonic ParseMnemonic(string phrase, string source)
    {
        try
        {
            return Mnemonic.Parse(phrase);
        }
        catch (InvalidMnemonicException error)
        {
            // Parse's message for an unknown word quotes the word: say where it is instead.
            string problem = error.WordPosition is int position
                ? $"word {position} of the mnemonic is not in the BIP-39 English wordlist"
                : error.Message;
            throw new CliInputException(source, problem);
        }
    }

    /// <summary>cast takes either the phrase or the path of a file that holds it.</summary>
    /// <param name="value">The phrase, or a file's path.</param>
    /// <param name="option">The option it came from.</param>
    /// <returns>The phrase.</returns>
    /// <exception cref="CliInputException">The file exists but cannot be read.</exception>
    internal static string ReadMnemonic(string value, string option = "--mnemonic")
    {
        try
        {
            return File.Exists(value) ? File.ReadAllText(value) : value;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException(option, $"the mnemonic file could not be read: {error.Message}");
        }
    }

    private PrivateKeySigner FromMnemonic(string phrase, string source, ParseResult parse)
    {
        Mnemonic mnemonic = ParseMnemonic(phrase, source);
        using HdWallet wallet = HdWallet.FromMnemonic(mnemonic, parse.GetValue(_passphrase) ?? string.Empty);
        if (parse.GetValue(_path) is string path)
        {
            try
            {
                return wallet.DeriveSigner(path);
            }
            catch (FormatException error)
            {
                throw new CliInputException("--mnemonic-derivation-path", error.Message);
            }
        }

        int index = parse.GetValue(_index);
        return index >= 0
            ? wallet.DeriveSigner(index)
            : throw new CliInputException("--mnemonic-index", $"{index} is negative");
    }
}
