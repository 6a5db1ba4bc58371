using System.Globalization;
using EthCx.Chain.Primitives;
using Microsoft.Extensions.Configuration;

namespace EthCx.Services.Configuration;

/// <summary>
/// Where EthCx connects and who it signs as. Bound from configuration section <c>EthCx</c> (keys as the property
/// names) and from the environment variables <c>ETHCX_RPC_URL</c>, <c>ETHCX_PRIVATE_KEY</c>, <c>ETHCX_MNEMONIC</c>,
/// <c>ETHCX_ACCOUNT_INDEX</c> and <c>ETHCX_DEPLOYMENTS</c>, which win over the section. With neither a private key nor a
/// mnemonic, the Hardhat test mnemonic is used, and only on chain 31337 (a local node).
/// </summary>
/// <remarks><see cref="ToString"/> never shows the key or the mnemonic.</remarks>
public sealed class EthCxOptions
{
    /// <summary>The configuration section read by <see cref="EthCxServiceCollectionExtensions.AddEthCx(Microsoft.Extensions.DependencyInjection.IServiceCollection, IConfiguration)"/>.</summary>
    public const string SectionName = "EthCx";

    /// <summary>The node's JSON-RPC URL. Default http://127.0.0.1:8545.</summary>
    public Uri RpcUrl { get; set; } = new("http://127.0.0.1:8545");

    /// <summary>The signer's private key (hex); a secret, never logged.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>A BIP-39 mnemonic to derive the signer from (m/44'/60'/0'/0/<see cref="AccountIndex"/>); a secret, never logged.</summary>
    public string? Mnemonic { get; set; }

    /// <summary>The account index within the mnemonic. Default 0.</summary>
    public int AccountIndex { get; set; }

    /// <summary>The directory of the deployment manifests. Default <c>deployments</c>.</summary>
    public string DeploymentsDirectory { get; set; } = "deployments";

    /// <summary>The ConsentRegistry address; null: from the verified deployment manifest.</summary>
    public Address? ConsentRegistry { get; set; }

    /// <summary>The SupplyChainTracker address; null: from the verified deployment manifest.</summary>
    public Address? SupplyChainTracker { get; set; }

    /// <summary>The LoyaltyPoints address; null: from the verified deployment manifest.</summary>
    public Address? LoyaltyPoints { get; set; }

    /// <summary>How long to wait for a transaction to be mined. Default 2 minutes.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Reads the options from configuration: the <c>EthCx</c> section, then the <c>ETHCX_*</c> keys (environment variables).</summary>
    /// <param name="configuration">The configuration (include environment variables to honour <c>ETHCX_*</c>).</param>
    /// <param name="options">The options to fill; values absent from configuration are left as they are.</param>
    /// <exception cref="EthCxConfigurationException">A value is malformed; the message names the setting (never a secret's value).</exception>
    public static void Bind(IConfiguration configuration, EthCxOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        IConfigurationSection section = configuration.GetSection(SectionName);
        string? Read(string key, string variable) => configuration[variable] is { Length: > 0 } fromEnvironment ? fromEnvironment : section[key] is { Length: > 0 } fromSection ? fromSection : null;

        if (Read(nameof(RpcUrl), "ETHCX_RPC_URL") is { } url)
        {
            options.RpcUrl = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new EthCxConfigurationException("ETHCX_RPC_URL (EthCx:RpcUrl)", "is not an http(s) URL");
        }

        options.PrivateKey = Read(nameof(PrivateKey), "ETHCX_PRIVATE_KEY") ?? options.PrivateKey;
        options.Mnemonic = Read(nameof(Mnemonic), "ETHCX_MNEMONIC") ?? options.Mnemonic;
        if (Read(nameof(AccountIndex), "ETHCX_ACCOUNT_INDEX") is { } index)
        {
            options.AccountIndex = int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw new EthCxConfigurationException("ETHCX_ACCOUNT_INDEX (EthCx:AccountIndex)", $"is '{index}', not a non-negative integer");
        }

        options.DeploymentsDirectory = Read(nameof(DeploymentsDirectory), "ETHCX_DEPLOYMENTS") ?? options.DeploymentsDirectory;
        options.ConsentRegistry = Contract(section, nameof(ConsentRegistry)) ?? options.ConsentRegistry;
        options.SupplyChainTracker = Contract(section, nameof(SupplyChainTracker)) ?? options.SupplyChainTracker;
        options.LoyaltyPoints = Contract(section, nameof(LoyaltyPoints)) ?? options.LoyaltyPoints;
        if (section[nameof(ReceiptTimeout)] is { Length: > 0 } timeout)
        {
            options.ReceiptTimeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out TimeSpan value) && value > TimeSpan.Zero
                ? value
                : throw new EthCxConfigurationException("EthCx:ReceiptTimeout", $"is '{timeout}', not a positive time span (e.g. 00:02:00)");
        }
    }

    /// <summary>The options without secrets: the URL's host, the signer's source, the manifest directory and any contract addresses.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        string signer = PrivateKey is not null ? "private key (hidden)" : Mnemonic is not null ? $"mnemonic (hidden), account {AccountIndex}" : $"Hardhat test mnemonic on chain 31337, account {AccountIndex}";
        return $"EthCx {{ RpcUrl = {RpcUrl.Scheme}://{RpcUrl.Authority}{(RpcUrl.AbsolutePath.Length > 1 ? "/..." : string.Empty)}, Signer = {signer}, DeploymentsDirectory = {DeploymentsDirectory} }}";
    }

    private static Address? Contract(IConfigurationSection section, string key) =>
        section[key] is not { Length: > 0 } text ? null
            : Address.TryParse(text, out Address address) ? address
            : throw new EthCxConfigurationException($"EthCx:{key}", $"is '{text}', not an address");
}

/// <summary>EthCx's configuration is incomplete or malformed; the message names the setting and never shows a secret.</summary>
public sealed class EthCxConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="setting">The setting, e.g. <c>ETHCX_PRIVATE_KEY</c>.</param>
    /// <param name="problem">What is wrong, completing "&lt;setting&gt; ...".</param>
    public EthCxConfigurationException(string setting, string problem)
        : base($"{setting} {problem}.")
    {
        Setting = setting;
    }

    /// <summary>The setting.</summary>
    public string Setting { get; }
}
