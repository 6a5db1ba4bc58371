namespace EthCx.Services.Deployment;

/// <summary>What the deployer did, or found already done, for one item of the plan.</summary>
public enum DeploymentActionKind
{
    /// <summary>A contract was deployed.</summary>
    Deployed,

    /// <summary>A contract of the manifest matches the chain and the bindings and was kept.</summary>
    Kept,

    /// <summary>A role was granted.</summary>
    RoleGranted,

    /// <summary>The account already held the role.</summary>
    RoleHeld,

    /// <summary>The tier thresholds were set.</summary>
    TiersSet,

    /// <summary>The tier thresholds were already the planned ones.</summary>
    TiersUnchanged,
}

/// <summary>One item of a deployment run, with its transaction when one was sent.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Contract">The contract concerned.</param>
/// <param name="Description">A sentence saying what happened and why.</param>
/// <param name="Transaction">The transaction sent; null when nothing was sent.</param>
public sealed record DeploymentAction(DeploymentActionKind Kind, EthCxContract Contract, string Description, TransactionSummary? Transaction)
{
    /// <summary>Whether this item changed the chain.</summary>
    public bool Changed => Transaction is not null;
}

/// <summary>Progress of a deployment run, reported as each item starts and ends.</summary>
/// <param name="Message">What is happening (never contains a key).</param>
/// <param name="Action">The finished item, when this report ends one; null while an item is under way.</param>
public sealed record DeploymentProgress(string Message, DeploymentAction? Action = null);

/// <summary>The result of a deployment run.</summary>
/// <param name="Manifest">The manifest that now describes the chain.</param>
/// <param name="ManifestPath">Where it is stored.</param>
/// <param name="Actions">Every item of the plan, in order.</param>
/// <param name="StaleManifestReason">Why an existing manifest was not trusted (e.g. the node was reset); null when there was none or it was valid.</param>
public sealed record DeploymentOutcome(DeploymentManifest Manifest, string ManifestPath, IReadOnlyList<DeploymentAction> Actions, string? StaleManifestReason)
{
    /// <summary>Whether the run sent any transaction (false: the chain already matched the plan and nothing was written).</summary>
    public bool Changed => Actions.Any(action => action.Changed);

    /// <summary>The gas all transactions of the run used.</summary>
    public ulong GasUsed => Actions.Aggregate(0UL, (sum, action) => sum + (action.Transaction?.GasUsed ?? 0));

    /// <summary>One line saying what the run did.</summary>
    public string Summary => Changed
        ? $"Deployment of chain {Manifest.ChainId} updated: {Actions.Count(a => a.Changed)} transaction(s), {GasUsed} gas; manifest {ManifestPath}."
        : $"Nothing to do: the contracts, roles and tiers of chain {Manifest.ChainId} already match the plan ({ManifestPath}); no transaction was sent.";
}
