using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Services.Configuration;

/// <summary>Where the signer came from (logged instead of the secret).</summary>
/// <param name="Signer">The signer.</param>
/// <param name="Source">"private key", "mnemonic account i" or "Hardhat test mnemonic account i".</param>
public sealed record ResolvedSigner(PrivateKeySigner Signer, string Source);

/// <summary>
/// Chooses the signer from <see cref="EthCxOptions"/>: a private key, or a mnemonic, or on a local node (chain 31337)
/// the Hardhat test mnemonic. The test mnemonic's keys are public, so they are refused on every other chain, also
/// when configured explicitly (as the mnemonic or as one of its first <see cref="TestAccountCount"/> private keys).
/// </summary>
public static class EthCxSigners
{
    /// <summary>The chain id of a local Hardhat or anvil node, the only chain on which the test mnemonic is used by default.</summary>
    public const ulong LocalChainId = 31337;

    /// <summary>The Hardhat/anvil test mnemonic; its keys are public and hold value only on local nodes.</summary>
    public const string HardhatTestMnemonic = "test test test test test test test test test test test junk";

    /// <summary>How many accounts of the test mnemonic a local node funds (Hardhat's default; anvil funds 10): their keys are refused off chain 31337.</summary>
    public const int TestAccountCount = 20;

    private static readonly Lazy<IReadOnlyDictionary<Address, int>> TestAccounts = new(DeriveTestAccounts);

    /// <summary>Resolves the signer for a chain.</summary>
    /// <param name="options">The options.</param>
    /// <param name="chainId">The chain the node serves.</param>
    /// <returns>The signer and its source.</returns>
    /// <exception cref="EthCxConfigurationException">
    /// Both or neither secret is set (neither is allowed on chain 31337 only), a secret is malformed, or it is the
    /// public test mnemonic or one of its keys on another chain than 31337; the message never shows it.
    /// </exception>
    public static ResolvedSigner Resolve(EthCxOptions options, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PrivateKey is not null && options.Mnemonic is not null)
        {
            throw new EthCxConfigurationException("ETHCX_PRIVATE_KEY and ETHCX_MNEMONIC", "are both set; set one");
        }

        if (options.AccountIndex < 0)
        {
            throw new EthCxConfigurationException("ETHCX_ACCOUNT_INDEX", $"is {options.AccountIndex}; account indices start at 0");
        }

        if (options.PrivateKey is { } key)
        {
            PrivateKeySigner fromKey;
            try
            {
                fromKey = PrivateKeySigner.FromHex(key.Trim());
            }
            catch (ArgumentException)
            {
                throw new EthCxConfigurationException("ETHCX_PRIVATE_KEY", "is not a private key (64 hex digits, optionally 0x-prefixed, in the curve's range)");
            }

            if (chainId != LocalChainId && TestAccounts.Value.TryGetValue(fromKey.Address, out int account))
            {
                fromKey.Dispose();
                throw PublicKeyRefused("ETHCX_PRIVATE_KEY", $"is the key of account {account} of the Hardhat test mnemonic", chainId);
            }

            return new ResolvedSigner(fromKey, "private key");
        }

        if (options.Mnemonic is null && chainId != LocalChainId)
        {
            throw new EthCxConfigurationException("ETHCX_PRIVATE_KEY or ETHCX_MNEMONIC", $"is required: the node is on chain {chainId}, and the Hardhat test mnemonic is only used on chain {LocalChainId} (a local node)");
        }

        if (options.Mnemonic is { } configured && chainId != LocalChainId && IsTestMnemonic(configured))
        {
            throw PublicKeyRefused("ETHCX_MNEMONIC", "is the Hardhat test mnemonic", chainId);
        }

        string phrase = options.Mnemonic ?? HardhatTestMnemonic;
        string source = options.Mnemonic is null ? $"Hardhat test mnemonic account {options.AccountIndex}" : $"mnemonic account {options.AccountIndex}";
        try
        {
            using HdWallet wallet = HdWallet.FromMnemonic(phrase.Trim());
            return new ResolvedSigner(wallet.DeriveSigner(options.AccountIndex), source);
        }
        catch (FormatException)
        {
            throw new EthCxConfigurationException("ETHCX_MNEMONIC", "is not a valid BIP-39 English mnemonic (12 to 24 words with a matching checksum)");
        }
    }

    private static EthCxConfigurationException PublicKeyRefused(string setting, string what, ulong chainId) =>
        new(setting, $"{what}, whose keys are public (anyone can take what they hold): it is refused on chain {chainId}, and only used on chain {LocalChainId} (a local node)");

    private static bool IsTestMnemonic(string phrase) =>
        string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Equals(HardhatTestMnemonic, StringComparison.OrdinalIgnoreCase);

    private static Dictionary<Address, int> DeriveTestAccounts()
    {
        using HdWallet wallet = HdWallet.FromMnemonic(HardhatTestMnemonic);
        var accounts = new Dictionary<Address, int>(TestAccountCount);
        for (int index = 0; index < TestAccountCount; index++)
        {
            using PrivateKeySigner signer = wallet.DeriveSigner(index);
            accounts[signer.Address] = index;
        }

        return accounts;
    }
}
