using System.CommandLine;
using EthCx.Chain.Accounts;
using EthCx.Services.Configuration;

namespace EthCx.Cli.Input;

/// <summary>
/// Who signs for a command that acts on someone's behalf: <c>--customer-key</c> or <c>--customer-index</c> (or
/// <c>--party-...</c>). Given, that person signs the EIP-712 message here and the acting account relays it and pays
/// the gas; not given, the acting account acts for itself. The index is an account of the acting account's mnemonic
/// (<c>--mnemonic</c>, <c>ETHCX_MNEMONIC</c>, or on chain 31337 only the Hardhat test mnemonic).
/// </summary>
internal sealed class SignatoryOptions
{
    private readonly string _who;
    private readonly Option<string?> _key;
    private readonly Option<int?> _index;

    /// <summary>Creates the options for a kind of signatory.</summary>
    /// <param name="who">"customer" or "party": the options are <c>--{who}-key</c> and <c>--{who}-index</c>.</param>
    public SignatoryOptions(string who)
    {
        _who = who;
        _key = new($"--{who}-key")
        {
            Description = $"The {who}'s private key, as hex: the {who} signs and the acting account relays (and pays).",
            HelpName = "RAW_PRIVATE_KEY",
        };
        _index = new($"--{who}-index")
        {
            Description = $"The {who}'s account index in the acting account's mnemonic (the Hardhat test mnemonic on chain 31337): the {who} signs and the acting account relays.",
            HelpName = "INDEX",
        };
    }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(_key);
        command.Options.Add(_index);
    }

    /// <summary>The signatory's signer, or null when neither option is given (the acting account acts itself).</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="acting">The acting account's options (their mnemonic is the one the index refers to).</param>
    /// <param name="chainId">The node's chain.</param>
    /// <returns>The signer, or null; the caller disposes it.</returns>
    /// <exception cref="CliInputException">Both options, a bad key, a negative index, or an index without a mnemonic off chain 31337.</exception>
    public PrivateKeySigner? Create(ParseResult parse, EthCxOptions acting, ulong chainId)
    {
        string? key = parse.GetValue(_key);
        int? index = parse.GetValue(_index);
        if (key is not null && index is not null)
        {
            throw new CliInputException(_key.Name, $"give either {_key.Name} or {_index.Name}, not both");
        }

        if (key is not null)
        {
            return SignerOptions.FromKey(key, _key.Name);
        }

        if (index is not int account)
        {
            return null;
        }

        if (account < 0)
        {
            throw new CliInputException(_index.Name, $"{account} is negative");
        }

        try
        {
            return EthCxSigners.Resolve(new EthCxOptions { Mnemonic = acting.Mnemonic, AccountIndex = account }, chainId).Signer;
        }
        catch (EthCxConfigurationException)
        {
            throw new CliInputException(_index.Name, $"the {_who}'s index needs a mnemonic (--mnemonic or {CliEnvironment.MnemonicVariable}): the node is on chain {chainId}, and the Hardhat test mnemonic is only used on chain {EthCxSigners.LocalChainId}");
        }
    }
}
