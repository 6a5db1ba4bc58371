using EthCx.Chain.Rpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EthCx.Services.Configuration;

/// <summary>
/// A named network a deploy script or an application connects to, as <see cref="EthCxNetworks"/> reads it from
/// configuration section <c>EthCx:Networks:&lt;name&gt;</c>: the node's URL, the chain id the node must report, and
/// the names of the environment variables that hold its key (never the key itself).
/// </summary>
/// <param name="Name">The name, e.g. <c>local</c> or <c>sepolia</c>.</param>
/// <param name="RpcUrl">The node's JSON-RPC URL.</param>
/// <param name="ChainId">The chain id the node must report; null: any (not recommended for a public chain).</param>
/// <param name="PrivateKeyVariable">The configuration key (an environment variable) holding the signer's private key; null: none named.</param>
/// <param name="MnemonicVariable">The configuration key (an environment variable) holding the signer's mnemonic; null: none named.</param>
public sealed record EthCxNetwork(string Name, Uri RpcUrl, ulong? ChainId = null, string? PrivateKeyVariable = null, string? MnemonicVariable = null)
{
    /// <summary>
    /// The options for this network: the <c>EthCx</c> section, then this network's URL and key (read from the
    /// variables it names), then the <c>ETHCX_*</c> keys, which win over both (so <c>ETHCX_RPC_URL</c> points any
    /// network at another node, and <c>ETHCX_PRIVATE_KEY</c> or <c>ETHCX_MNEMONIC</c> sign for any network).
    /// </summary>
    /// <param name="configuration">The configuration (include environment variables to honour <c>ETHCX_*</c> and the key variables).</param>
    /// <param name="options">The options to fill, holding the caller's defaults (e.g. the deployments directory).</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="EthCxConfigurationException">A setting is malformed, or the network names key variables none or both of which are set (the message names them, never a value).</exception>
    public EthCxOptions Bind(IConfiguration configuration, EthCxOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        EthCxOptions.Bind(configuration, options);
        if (!IsSet(configuration, "ETHCX_RPC_URL"))
        {
            options.RpcUrl = RpcUrl;
        }

        bool keyFromEnvironment = IsSet(configuration, "ETHCX_PRIVATE_KEY") || IsSet(configuration, "ETHCX_MNEMONIC");
        if (keyFromEnvironment || (PrivateKeyVariable is null && MnemonicVariable is null))
        {
            return options;
        }

        string? key = PrivateKeyVariable is null ? null : Value(configuration, PrivateKeyVariable);
        string? mnemonic = MnemonicVariable is null ? null : Value(configuration, MnemonicVariable);
        if (key is null && mnemonic is null)
        {
            string variables = string.Join(" or ", new[] { PrivateKeyVariable, MnemonicVariable }.OfType<string>());
            throw new EthCxConfigurationException(variables, $"is not set: network '{Name}' signs with the key it names (or set ETHCX_PRIVATE_KEY or ETHCX_MNEMONIC)");
        }

        if (key is not null && mnemonic is not null)
        {
            throw new EthCxConfigurationException($"{PrivateKeyVariable} and {MnemonicVariable}", $"are both set: network '{Name}' signs with one of them; unset the other");
        }

        options.PrivateKey = key;
        options.Mnemonic = mnemonic;
        return options;
    }

    /// <summary>
    /// Asks the node <paramref name="options"/> point at for its chain id, refuses a node on another chain than
    /// <see cref="ChainId"/>, then connects a <see cref="EthCxConnector"/> to it (signer, client): the start of a deploy script.
    /// </summary>
    /// <param name="options">The options, as <see cref="Bind"/> made them.</param>
    /// <param name="loggers">The logger factory; null: no logging.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The connector, its client connected; dispose it when done.</returns>
    /// <exception cref="NetworkChainMismatchException">The node is on another chain than the network's.</exception>
    /// <exception cref="EthCxConfigurationException">No usable signer is configured for the node's chain.</exception>
    /// <exception cref="RpcTransportException">The node cannot be reached (the message names its URL without secrets).</exception>
    public async Task<EthCxConnector> ConnectAsync(EthCxOptions options, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using (var transport = new HttpRpcTransport(options.RpcUrl))
        {
            ulong actual = await new EthRpcClient(transport).ChainIdAsync(cancellationToken).ConfigureAwait(false);
            if (ChainId is { } expected && expected != actual)
            {
                throw new NetworkChainMismatchException(Name, transport.DisplayEndpoint, expected, actual);
            }
        }

        var connector = new EthCxConnector(Options.Create(options), loggers);
        try
        {
            await connector.GetClientAsync(cancellationToken).ConfigureAwait(false);
            return connector;
        }
        catch
        {
            connector.Dispose();
            throw;
        }
    }

    private static bool IsSet(IConfiguration configuration, string key) => Value(configuration, key) is not null;

    private static string? Value(IConfiguration configuration, string key) => configuration[key] is { Length: > 0 } value ? value : null;
}

/// <summary>The node of a named network reports another chain id than the network's configuration: it is refused, since transactions meant for one chain must not go to another.</summary>
public sealed class NetworkChainMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="network">The network's name.</param>
    /// <param name="endpoint">The node's endpoint as shown in messages (no credentials or path).</param>
    /// <param name="expectedChainId">The configured chain id.</param>
    /// <param name="actualChainId">The node's chain id.</param>
    public NetworkChainMismatchException(string network, string endpoint, ulong expectedChainId, ulong actualChainId)
        : base($"Network '{network}' is chain {expectedChainId}, but the node at {endpoint} reports chain {actualChainId}; refusing to use it.")
    {
        Network = network;
        ExpectedChainId = expectedChainId;
        ActualChainId = actualChainId;
    }

    /// <summary>The network's name.</summary>
    public string Network { get; }

    /// <summary>The configured chain id.</summary>
    public ulong ExpectedChainId { get; }

    /// <summary>The node's chain id.</summary>
    public ulong ActualChainId { get; }
}
