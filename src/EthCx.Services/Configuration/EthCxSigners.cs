using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;

namespace EthCx.Services.Configuration;

/// <summary>Where the signer came from (logged instead of the secret).</summary>
/// <param name="Signer">The signer.</param>
/// <param name="Source">"private key", "mnemonic account i" or "Hardhat test mnemonic account i".</param>
public sealed record ResolvedSigner(PrivateKeySigner Signer, string Source);

/// <summary>Chooses the signer from <see cref="EthCxOptions"/>: a private key, or a mnemonic, or on a local node (chain 31337) the Hardhat test mnemonic.</summary>
public static class EthCxSigners
{
    /// <summary>The chain id of a local Hardhat or anvil node, the only chain on which the test mnemonic is used by default.</summary>
    public const ulong LocalChainId = 31337;

    /// <summary>The Hardhat/anvil test mnemonic; its keys are public and hold value only on local nodes.</summary>
    public const string HardhatTestMnemonic = "test test test test test test test test test test test junk";

    /// <summary>Resolves the signer for a chain.</summary>
    /// <param name="options">The options.</param>
    /// <param name="chainId">The chain the node serves.</param>
    /// <returns>The signer and its source.</returns>
    /// <exception cref="EthCxConfigurationException">Both or neither secret is set (neither is allowed on chain 31337 only), or a secret is malformed; the message never shows it.</exception>
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
            try
            {
                return new ResolvedSigner(PrivateKeySigner.FromHex(key.Trim()), "private key");
            }
            catch (ArgumentException)
            {
                throw new EthCxConfigurationException("ETHCX_PRIVATE_KEY", "is not a private key (64 hex digits, optionally 0x-prefixed, in the curve's range)");
            }
        }

        if (options.Mnemonic is null && chainId != LocalChainId)
        {
            throw new EthCxConfigurationException("ETHCX_PRIVATE_KEY or ETHCX_MNEMONIC", $"is required: the node is on chain {chainId}, and the Hardhat test mnemonic is only used on chain {LocalChainId} (a local node)");
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
}
