using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Services.Consent;
using EthCx.Services.Deployment;
using EthCx.Services.Journeys;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EthCx.Services.Configuration;

/// <summary>The connected services of one signer on one node: one <see cref="ChainClient"/> (one nonce sequence) shared by all of them.</summary>
/// <param name="Client">The client.</param>
/// <param name="Manifest">The verified deployment manifest; null when every address came from configuration.</param>
/// <param name="Consent">The consent service.</param>
/// <param name="Traceability">The traceability service.</param>
/// <param name="Loyalty">The loyalty service.</param>
/// <param name="Journeys">The customer journeys over the three services.</param>
public sealed record EthCxServices(ChainClient Client, DeploymentManifest? Manifest, ConsentService Consent, TraceabilityService Traceability, LoyaltyService Loyalty, CustomerJourneys Journeys);

/// <summary>The addresses of the three contracts a connection uses, and the manifest they came from.</summary>
/// <param name="ConsentRegistry">The ConsentRegistry address.</param>
/// <param name="SupplyChainTracker">The SupplyChainTracker address.</param>
/// <param name="LoyaltyPoints">The LoyaltyPoints address.</param>
/// <param name="Manifest">The verified deployment manifest; null when every address came from configuration.</param>
public sealed record EthCxContractAddresses(Address ConsentRegistry, Address SupplyChainTracker, Address LoyaltyPoints, DeploymentManifest? Manifest);

/// <summary>
/// Connects to the configured node once (chain id, signer, contract addresses) and hands out the services; registered
/// as a singleton by <see cref="EthCxServiceCollectionExtensions.AddEthCx(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{EthCxOptions})"/>.
/// </summary>
public sealed partial class EthCxConnector : IDisposable
{
    private readonly EthCxOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _servicesGate = new(1, 1);
    private HttpRpcTransport? _transport;
    private ChainClient? _client;
    private EthCxServices? _services;

    /// <summary>Creates the connector.</summary>
    /// <param name="options">The options.</param>
    /// <param name="loggers">The logger factory; null: no logging.</param>
    public EthCxConnector(IOptions<EthCxOptions> options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<EthCxConnector>();
    }

    /// <summary>The options (their <c>ToString</c> hides the secrets).</summary>
    public EthCxOptions Options => _options;

    /// <summary>The manifest store of the configured directory.</summary>
    public DeploymentManifestStore Manifests => new(_options.DeploymentsDirectory);

    /// <summary>The client of the configured node and signer, connected on the first call.</summary>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The client.</returns>
    /// <exception cref="EthCxConfigurationException">No usable signer is configured for the node's chain.</exception>
    /// <exception cref="RpcTransportException">The node cannot be reached (the message names its URL without secrets).</exception>
    public async Task<ChainClient> GetClientAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is null)
            {
                _transport ??= new HttpRpcTransport(_options.RpcUrl);
                var rpc = new EthRpcClient(_transport);
                ulong chainId = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
                ResolvedSigner signer = EthCxSigners.Resolve(_options, chainId);
                _client = await ChainClient.ConnectAsync(rpc, signer.Signer, new ChainClientOptions { ReceiptTimeout = _options.ReceiptTimeout }, cancellationToken).ConfigureAwait(false);
                LogConnected(_logger, _transport.DisplayEndpoint, chainId, signer.Signer.Address, signer.Source);
            }

            return _client;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A deployer for the configured node, signer and manifest directory.</summary>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The deployer.</returns>
    public async Task<Deployer> CreateDeployerAsync(CancellationToken cancellationToken = default) =>
        new(await GetClientAsync(cancellationToken).ConfigureAwait(false), Manifests, _loggers.CreateLogger<Deployer>());

    /// <summary>The services, connected on the first call: contract addresses from configuration, else from the verified manifest of the node's chain.</summary>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The services.</returns>
    /// <exception cref="DeploymentNotFoundException">An address is not configured and there is no manifest for the chain.</exception>
    /// <exception cref="StaleDeploymentException">The manifest describes an earlier state of the node.</exception>
    /// <exception cref="EthCxConfigurationException">No usable signer is configured for the node's chain.</exception>
    public async Task<EthCxServices> ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _servicesGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_services is not null)
            {
                return _services;
            }

            ChainClient client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
            EthCxContractAddresses addresses = await ResolveContractsAsync(_options, client.Rpc, cancellationToken).ConfigureAwait(false);
            var consent = new ConsentService(client, addresses.ConsentRegistry, _loggers.CreateLogger<ConsentService>());
            var traceability = new TraceabilityService(client, addresses.SupplyChainTracker, _loggers.CreateLogger<TraceabilityService>());
            var loyalty = new LoyaltyService(client, addresses.LoyaltyPoints, _loggers.CreateLogger<LoyaltyService>());
            var journeys = new CustomerJourneys(consent, traceability, loyalty, _loggers.CreateLogger<CustomerJourneys>());
            return _services = new EthCxServices(client, addresses.Manifest, consent, traceability, loyalty, journeys);
        }
        finally
        {
            _servicesGate.Release();
        }
    }

    /// <summary>The contract addresses: those configured in <paramref name="options"/>, the others from the verified manifest of the node's chain (read only when one is missing).</summary>
    /// <param name="options">The options.</param>
    /// <param name="rpc">The node.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The addresses and the manifest read, if any.</returns>
    /// <exception cref="DeploymentNotFoundException">An address is not configured and there is no manifest for the chain.</exception>
    /// <exception cref="StaleDeploymentException">The manifest describes an earlier state of the node.</exception>
    public static async Task<EthCxContractAddresses> ResolveContractsAsync(EthCxOptions options, EthRpcClient rpc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rpc);
        DeploymentManifest? manifest = options.ConsentRegistry is null || options.SupplyChainTracker is null || options.LoyaltyPoints is null
            ? await new DeploymentManifestStore(options.DeploymentsDirectory).LoadVerifiedAsync(rpc, cancellationToken).ConfigureAwait(false)
            : null;
        Address Resolve(Address? configured, EthCxContract contract) => configured ?? manifest!.AddressOf(contract);
        return new EthCxContractAddresses(
            Resolve(options.ConsentRegistry, EthCxContract.ConsentRegistry),
            Resolve(options.SupplyChainTracker, EthCxContract.SupplyChainTracker),
            Resolve(options.LoyaltyPoints, EthCxContract.LoyaltyPoints),
            manifest);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _transport?.Dispose();
        _gate.Dispose();
        _servicesGate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Endpoint} (chain {ChainId}) as {Account}, signer from {Source}")]
    private static partial void LogConnected(ILogger logger, string endpoint, ulong chainId, Address account, string source);
}
