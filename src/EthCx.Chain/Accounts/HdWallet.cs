namespace EthCx.Chain.Accounts;

/// <summary>
/// A BIP-32/BIP-44 hierarchical deterministic wallet: the master key of a seed or mnemonic, with
/// Ethereum's account path <c>m/44'/60'/0'/0/index</c> as used by Hardhat, anvil, MetaMask and ethers.
/// </summary>
public sealed class HdWallet : IDisposable
{
    /// <summary>The BIP-44 path under which Ethereum accounts are numbered: <c>m/44'/60'/0'/0</c>.</summary>
    public const string EthereumAccountsPath = "m/44'/60'/0'/0";

    private readonly Lazy<HdKey> _accounts;

    private HdWallet(HdKey root)
    {
        Root = root;
        _accounts = new Lazy<HdKey>(() => Root.Derive(EthereumAccountsPath));
    }

    /// <summary>The master key (path <c>m</c>).</summary>
    public HdKey Root { get; }

    /// <summary>Creates a wallet from a BIP-32 seed.</summary>
    /// <param name="seed">16 to 64 bytes.</param>
    /// <returns>The wallet.</returns>
    /// <exception cref="ArgumentException">The seed length is outside 16 to 64 bytes.</exception>
    public static HdWallet FromSeed(ReadOnlySpan<byte> seed) => new(HdKey.FromSeed(seed));

    /// <summary>Creates a wallet from a BIP-39 mnemonic and optional passphrase.</summary>
    /// <param name="mnemonic">The mnemonic.</param>
    /// <param name="passphrase">The BIP-39 passphrase; empty by default.</param>
    /// <returns>The wallet.</returns>
    public static HdWallet FromMnemonic(Mnemonic mnemonic, string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        byte[] seed = mnemonic.DeriveSeed(passphrase);
        try
        {
            return FromSeed(seed);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Creates a wallet from a BIP-39 phrase (validated) and optional passphrase.</summary>
    /// <param name="phrase">The words.</param>
    /// <param name="passphrase">The BIP-39 passphrase; empty by default.</param>
    /// <returns>The wallet.</returns>
    /// <exception cref="InvalidMnemonicException">The phrase is not a valid BIP-39 mnemonic.</exception>
    public static HdWallet FromMnemonic(string phrase, string passphrase = "") => FromMnemonic(Mnemonic.Parse(phrase), passphrase);

    /// <summary>Derives the key at an absolute path such as <c>m/44'/60'/0'/0/5</c>.</summary>
    /// <param name="path">The path, starting with <c>m</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The path does not start with <c>m</c> or a segment is malformed (the message names it).</exception>
    public HdKey Derive(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path != "m" && !path.StartsWith("m/", StringComparison.Ordinal))
        {
            throw new FormatException($"HD path '{path}' must start with m/.");
        }

        return Root.Derive(path);
    }

    /// <summary>Derives the signer of Ethereum account <paramref name="index"/>: path <c>m/44'/60'/0'/0/index</c>.</summary>
    /// <param name="index">The account index, 0 to 2^31 - 1.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public PrivateKeySigner DeriveSigner(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        using HdKey account = _accounts.Value.DeriveChild((uint)index);
        return account.ToSigner();
    }

    /// <summary>Derives the signer at an absolute path.</summary>
    /// <param name="path">The path, starting with <c>m</c>.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="FormatException">The path is malformed.</exception>
    public PrivateKeySigner DeriveSigner(string path)
    {
        using HdKey key = Derive(path);
        return key.ToSigner();
    }

    /// <summary>Overwrites the master key (and the cached account-level key) with zeros.</summary>
    public void Dispose()
    {
        if (_accounts.IsValueCreated)
        {
            _accounts.Value.Dispose();
        }

        Root.Dispose();
    }
}
