using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Services.Traceability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EthCx.Services.Deployment;

/// <summary>
/// Deploys the three EthCx contracts, grants the planned roles, sets the tier thresholds and records it all in the
/// chain's manifest. Idempotent: a second run on the same chain with the same bindings and plan sends no transaction
/// and says so; a manifest of a reset node (another genesis block) or of contracts no longer on chain is not trusted.
/// </summary>
public sealed partial class Deployer
{
    private readonly ChainClient _client;
    private readonly DeploymentManifestStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates a deployer.</summary>
    /// <param name="client">The client; its signer deploys and becomes the contracts' admin.</param>
    /// <param name="store">Where manifests are kept.</param>
    /// <param name="logger">Receives progress and results (never keys).</param>
    /// <param name="time">The clock of the manifest's <c>updatedAt</c>.</param>
    /// <exception cref="ArgumentException">The client has no signer.</exception>
    public Deployer(ChainClient client, DeploymentManifestStore store, ILogger<Deployer>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        if (client.Signer is null)
        {
            throw new ArgumentException("Deploying needs a client with a signer: the deployer pays and becomes the admin.", nameof(client));
        }

        _client = client;
        _store = store;
        _logger = logger ?? NullLogger<Deployer>.Instance;
        _time = time ?? TimeProvider.System;
    }

    private Address Admin => _client.Signer!.Address;

    /// <summary>Makes the chain match the plan and returns what was done.</summary>
    /// <param name="plan">The contracts' parameters, roles and tiers.</param>
    /// <param name="progress">Receives a report as each item starts and ends.</param>
    /// <param name="cancellationToken">Cancels the run between transactions (a sent transaction is not recalled).</param>
    /// <returns>The manifest and the actions.</returns>
    /// <exception cref="ContractRevertException">A deployment or grant reverted (decoded). When contracts were deployed before, they are recorded in a partial manifest (reported through <paramref name="progress"/>), so that running again keeps them and resumes.</exception>
    /// <exception cref="InvalidDeploymentManifestException">The existing manifest file is not valid JSON of a manifest.</exception>
    public async Task<DeploymentOutcome> DeployAsync(DeploymentPlan plan, IProgress<DeploymentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = new Run(this, progress);
        EthRpcClient rpc = _client.Rpc;
        ulong chainId = _client.ChainId;
        Bytes32 genesis = await ChainInspection.GenesisHashAsync(rpc, cancellationToken).ConfigureAwait(false);
        run.Report($"Deploying to chain {chainId} as {Admin}.");

        DeploymentManifest? previous = _store.TryLoad(chainId);
        string? staleReason = null;
        if (previous is not null)
        {
            staleReason = previous.GenesisHash != genesis
                ? $"the node was reset (its genesis block is {genesis}, the manifest's {previous.GenesisHash})"
                : previous.Deployer != Admin ? $"it was deployed by {previous.Deployer}, not by {Admin}" : null;
            if (staleReason is not null)
            {
                run.Report($"Not trusting {_store.PathFor(chainId)}: {staleReason}.");
                LogStaleManifest(_logger, _store.PathFor(chainId), staleReason);
                previous = null;
            }
        }

        var contracts = new List<DeployedContract>(3);
        var roles = new List<RoleGrantRecord>();
        try
        {
            ulong delay = (ulong)plan.AdminTransferDelay.TotalSeconds;
            contracts.Add(await EnsureContractAsync(run, previous, EthCxContract.ConsentRegistry, new ConsentRegistryDeployment().Encode(), ConsentRegistryDeployment.Bytecode, cancellationToken).ConfigureAwait(false));
            contracts.Add(await EnsureContractAsync(run, previous, EthCxContract.SupplyChainTracker, new SupplyChainTrackerDeployment(delay, Admin).Encode(), SupplyChainTrackerDeployment.Bytecode, cancellationToken).ConfigureAwait(false));
            contracts.Add(await EnsureContractAsync(run, previous, EthCxContract.LoyaltyPoints, new LoyaltyPointsDeployment(plan.PointsName, plan.PointsSymbol, delay, Admin).Encode(), LoyaltyPointsDeployment.Bytecode, cancellationToken).ConfigureAwait(false));

            var trackerService = new SupplyChainTrackerService(_client, contracts[(int)EthCxContract.SupplyChainTracker].Address);
            var pointsService = new LoyaltyPointsService(_client, contracts[(int)EthCxContract.LoyaltyPoints].Address);
            foreach (Address merchant in plan.Merchants.Distinct())
            {
                roles.Add(await EnsureRoleAsync(run, previous, contracts, EthCxContract.LoyaltyPoints, "MERCHANT_ROLE", ContractRoles.Merchant, merchant, pointsService.HasRoleQueryAsync, pointsService.GrantRoleRequestAndWaitForReceiptAsync, cancellationToken).ConfigureAwait(false));
            }

            foreach (PartyGrant party in plan.Parties.Distinct())
            {
                roles.Add(await EnsureRoleAsync(run, previous, contracts, EthCxContract.SupplyChainTracker, ContractRoles.NameOf(party.Role), ContractRoles.IdOf(party.Role), party.Account, trackerService.HasRoleQueryAsync, trackerService.GrantRoleRequestAndWaitForReceiptAsync, cancellationToken).ConfigureAwait(false));
            }

            await EnsureTiersAsync(run, pointsService, plan.TierThresholds, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (run.Actions.Any(action => action.Kind == DeploymentActionKind.Deployed))
        {
            // Contracts deployed by this run stay on chain: record them (a partial manifest, which the services refuse
            // by naming the missing contract) so that the next run keeps them and resumes instead of deploying them again.
            string partial = _store.Save(new DeploymentManifest
            {
                ChainId = chainId,
                GenesisHash = genesis,
                Deployer = Admin,
                UpdatedAt = _time.GetUtcNow(),
                Contracts = [.. contracts],
                Roles = [.. roles],
            });
            string applied = string.Join("; ", run.Actions.Where(action => action.Changed).Select(action => action.Description));
            run.Report($"Stopped ({e.Message}) after: {applied} Recorded in {partial}; running again keeps them and resumes.");
            LogStopped(_logger, partial, e.Message);
            throw;
        }

        bool unchanged = previous is not null && !run.Actions.Any(action => action.Changed) && SameRoles(previous.Roles, roles) && previous.TierThresholds.SequenceEqual(plan.TierThresholds);
        DeploymentManifest manifest = unchanged
            ? previous!
            : new DeploymentManifest
            {
                ChainId = chainId,
                GenesisHash = genesis,
                Deployer = Admin,
                UpdatedAt = _time.GetUtcNow(),
                Contracts = contracts,
                Roles = roles,
                TierThresholds = plan.TierThresholds,
            };
        string path = unchanged ? _store.PathFor(chainId) : _store.Save(manifest);
        var outcome = new DeploymentOutcome(manifest, path, run.Actions, staleReason);
        run.Report(outcome.Summary);
        LogOutcome(_logger, outcome.Summary);
        return outcome;
    }

    private static bool SameRoles(IReadOnlyList<RoleGrantRecord> previous, List<RoleGrantRecord> current) =>
        previous.Count == current.Count && previous.Zip(current).All(pair => pair.First == pair.Second);

    private async Task<DeployedContract> EnsureContractAsync(Run run, DeploymentManifest? previous, EthCxContract name, byte[] creationCode, ReadOnlyMemory<byte> bytecode, CancellationToken cancellationToken)
    {
        Bytes32 bytecodeHash = Bytes32.Keccak(bytecode.Span);
        Bytes32 argumentsHash = Bytes32.Keccak(creationCode.AsSpan(bytecode.Length));
        DeployedContract? existing = previous?.Contracts.FirstOrDefault(c => c.Name == name);
        string reason = "it is not in the manifest";
        if (existing is not null)
        {
            Bytes32? code = await ChainInspection.CodeHashAsync(_client.Rpc, existing.Address, cancellationToken).ConfigureAwait(false);
            reason = existing.BytecodeHash != bytecodeHash ? "its bytecode changed"
                : existing.ConstructorArgumentsHash != argumentsHash ? "its constructor arguments changed"
                : code is null ? $"there is no code at {existing.Address} any more"
                : code != existing.RuntimeCodeHash ? $"the code at {existing.Address} is not the code deployed there"
                : string.Empty;
            if (reason.Length == 0)
            {
                run.Done(new DeploymentAction(DeploymentActionKind.Kept, name, $"{name} at {existing.Address} matches the bindings and the chain; kept.", null));
                return existing;
            }
        }

        run.Report($"Deploying {name} ({reason}).");
        DeploymentResult deployed = await _client.DeployAsync(creationCode, cancellationToken: cancellationToken).ConfigureAwait(false);
        Bytes32 runtime = await ChainInspection.CodeHashAsync(_client.Rpc, deployed.Address, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{name} was deployed at {deployed.Address} (transaction {deployed.Receipt.TransactionHash}) but the node reports no code there.");
        var summary = TransactionSummary.From(deployed.Receipt);
        run.Done(new DeploymentAction(DeploymentActionKind.Deployed, name, $"{name} deployed at {deployed.Address} in block {summary.BlockNumber} ({reason}).", summary));
        return new DeployedContract(name, deployed.Address, summary.Hash, summary.BlockNumber, bytecodeHash, argumentsHash, runtime);
    }

    private static async Task<RoleGrantRecord> EnsureRoleAsync(
        Run run,
        DeploymentManifest? previous,
        List<DeployedContract> contracts,
        EthCxContract contract,
        string roleName,
        Bytes32 role,
        Address account,
        Func<Bytes32, Address, BlockParameter, CancellationToken, Task<bool>> hasRole,
        Func<Bytes32, Address, CancellationToken, Task<TransactionReceipt>> grant,
        CancellationToken cancellationToken)
    {
        if (await hasRole(role, account, BlockParameter.Latest, cancellationToken).ConfigureAwait(false))
        {
            bool sameContract = previous?.Contracts.Any(c => c.Name == contract && c == contracts[(int)contract]) == true;
            RoleGrantRecord? recorded = sameContract ? previous!.Roles.FirstOrDefault(r => r.Contract == contract && r.Role == roleName && r.Account == account) : null;
            run.Done(new DeploymentAction(DeploymentActionKind.RoleHeld, contract, $"{account} already holds {roleName} on {contract}.", null));
            return recorded ?? new RoleGrantRecord(contract, roleName, account, null);
        }

        run.Report($"Granting {roleName} on {contract} to {account}.");
        var summary = TransactionSummary.From(await grant(role, account, cancellationToken).ConfigureAwait(false));
        run.Done(new DeploymentAction(DeploymentActionKind.RoleGranted, contract, $"{roleName} on {contract} granted to {account}.", summary));
        return new RoleGrantRecord(contract, roleName, account, summary.Hash);
    }

    private static async Task EnsureTiersAsync(Run run, LoyaltyPointsService points, IReadOnlyList<uint> thresholds, CancellationToken cancellationToken)
    {
        IReadOnlyList<uint> current = await points.TierThresholdsQueryAsync(BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        string text = thresholds.Count == 0 ? "none" : string.Join(", ", thresholds);
        if (current.SequenceEqual(thresholds))
        {
            run.Done(new DeploymentAction(DeploymentActionKind.TiersUnchanged, EthCxContract.LoyaltyPoints, $"Tier thresholds already {text}.", null));
            return;
        }

        run.Report($"Setting tier thresholds to {text}.");
        var summary = TransactionSummary.From(await points.SetTierThresholdsRequestAndWaitForReceiptAsync(thresholds, cancellationToken).ConfigureAwait(false));
        run.Done(new DeploymentAction(DeploymentActionKind.TiersSet, EthCxContract.LoyaltyPoints, $"Tier thresholds set to {text}.", summary));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogProgress(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment stopped ({Reason}); the contracts deployed so far are recorded in {Path}")]
    private static partial void LogStopped(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment manifest {Path} not trusted: {Reason}")]
    private static partial void LogStaleManifest(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    private static partial void LogOutcome(ILogger logger, string summary);

    /// <summary>The actions of one run and where they are reported.</summary>
    private sealed class Run(Deployer deployer, IProgress<DeploymentProgress>? progress)
    {
        public List<DeploymentAction> Actions { get; } = [];

        public void Report(string message) => progress?.Report(new DeploymentProgress(message));

        public void Done(DeploymentAction action)
        {
            Actions.Add(action);
            LogProgress(deployer._logger, action.Description);
            progress?.Report(new DeploymentProgress(action.Description, action));
        }
    }
}
