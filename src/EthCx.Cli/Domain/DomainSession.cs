using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Services.Configuration;
using EthCx.Services.Consent;
using EthCx.Services.Deployment;
using EthCx.Services.Loyalty;
using EthCx.Services.Traceability;

namespace EthCx.Cli.Domain;

/// <summary>
/// One EthCx command's connection: the node (through a <see cref="ProgressTransport"/>), the acting account's
/// <see cref="ChainClient"/>, and the services over the contracts of the verified deployment manifest, built on first
/// use. Built here rather than by <see cref="EthCxConnector"/> so that the transport can report progress.
/// </summary>
internal sealed class DomainSession : IDisposable
{
    private readonly HttpRpcTransport _transport;
    private readonly EthCxOptions _options;
    private ContractServices? _services;

    private DomainSession(HttpRpcTransport transport, EthCxOptions options, ChainClient client)
    {
        _transport = transport;
        _options = options;
        Client = client;
    }

    /// <summary>The acting account's client.</summary>
    public ChainClient Client { get; }

    /// <summary>The acting account.</summary>
    public Address Account => Client.Signer!.Address;

    /// <summary>The manifest store of the options' directory.</summary>
    public DeploymentManifestStore Manifests => new(_options.DeploymentsDirectory);

    /// <summary>Connects: reads the chain id, resolves the acting account for that chain.</summary>
    /// <param name="options">The services' options (URL, key, manifests, timeout).</param>
    /// <param name="progress">Where progress lines go; null: nowhere.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The session; the caller disposes it.</returns>
    public static async Task<DomainSession> OpenAsync(EthCxOptions options, TextWriter? progress, CancellationToken cancellationToken)
    {
        var transport = new HttpRpcTransport(options.RpcUrl);
        try
        {
            var rpc = new EthRpcClient(new ProgressTransport(transport, progress));
            ulong chainId = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
            ResolvedSigner signer = EthCxSigners.Resolve(options, chainId);
            ChainClient client = await ChainClient.ConnectAsync(rpc, signer.Signer, new ChainClientOptions { ReceiptTimeout = options.ReceiptTimeout }, cancellationToken).ConfigureAwait(false);
            return new DomainSession(transport, options, client);
        }
        catch
        {
            transport.Dispose();
            throw;
        }
    }

    /// <summary>The consent service of the deployment.</summary>
    public async Task<ConsentService> ConsentAsync(CancellationToken cancellationToken) => (await ServicesAsync(cancellationToken).ConfigureAwait(false)).Consent;

    /// <summary>The traceability service of the deployment.</summary>
    public async Task<TraceabilityService> TraceabilityAsync(CancellationToken cancellationToken) => (await ServicesAsync(cancellationToken).ConfigureAwait(false)).Traceability;

    /// <summary>The loyalty service of the deployment.</summary>
    public async Task<LoyaltyService> LoyaltyAsync(CancellationToken cancellationToken) => (await ServicesAsync(cancellationToken).ConfigureAwait(false)).Loyalty;

    /// <inheritdoc/>
    public void Dispose()
    {
        (Client.Signer as IDisposable)?.Dispose();
        _transport.Dispose();
    }

    private async Task<ContractServices> ServicesAsync(CancellationToken cancellationToken)
    {
        if (_services is null)
        {
            EthCxContractAddresses addresses = await EthCxConnector.ResolveContractsAsync(_options, Client.Rpc, cancellationToken).ConfigureAwait(false);
            _services = new ContractServices(
                new ConsentService(Client, addresses.ConsentRegistry),
                new TraceabilityService(Client, addresses.SupplyChainTracker),
                new LoyaltyService(Client, addresses.LoyaltyPoints));
        }

        return _services;
    }

    private sealed record ContractServices(ConsentService Consent, TraceabilityService Traceability, LoyaltyService Loyalty);
}
