namespace EthCx.Services.Deployment;

/// <summary>No deployment manifest exists for the chain: the contracts have not been deployed there (run the deployer).</summary>
public sealed class DeploymentNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="chainId">The chain.</param>
    /// <param name="path">The manifest path looked at.</param>
    public DeploymentNotFoundException(ulong chainId, string path)
        : base($"No EthCx deployment for chain {chainId}: {path} does not exist. Deploy the contracts first (ethcx deploy).")
    {
        ChainId = chainId;
        Path = path;
    }

    /// <summary>The chain.</summary>
    public ulong ChainId { get; }

    /// <summary>The manifest path looked at.</summary>
    public string Path { get; }
}

/// <summary>
/// A deployment manifest does not describe the chain the node serves any more (the node was reset, or the contracts
/// are gone from their addresses), so its addresses must not be used.
/// </summary>
public sealed class StaleDeploymentException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The manifest.</param>
    /// <param name="reason">Why it is stale.</param>
    public StaleDeploymentException(string path, string reason)
        : base($"The deployment manifest {path} is stale: {reason}. Deploy again (ethcx deploy) to replace it.")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The manifest.</summary>
    public string Path { get; }

    /// <summary>Why it is stale.</summary>
    public string Reason { get; }
}

/// <summary>A deployment manifest file exists but cannot be read.</summary>
public sealed class InvalidDeploymentManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The manifest.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="innerException">The parser's error.</param>
    public InvalidDeploymentManifestException(string path, string problem, Exception? innerException = null)
        : base($"The deployment manifest {path} cannot be read: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The manifest.</summary>
    public string Path { get; }
}

/// <summary>
/// A deployment manifest lacks a contract: a deployment stopped (failed or was cancelled) before deploying it and
/// recorded what it had done. Running the deployer again keeps the deployed contracts and deploys the rest.
/// </summary>
public sealed class IncompleteDeploymentException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="chainId">The manifest's chain.</param>
    /// <param name="missing">The contract the manifest lacks.</param>
    public IncompleteDeploymentException(ulong chainId, EthCxContract missing)
        : base($"The EthCx deployment on chain {chainId} is incomplete: its manifest has no {missing} (a deployment stopped before it). Deploy again (ethcx deploy) to finish it.")
    {
        ChainId = chainId;
        Missing = missing;
    }

    /// <summary>The manifest's chain.</summary>
    public ulong ChainId { get; }

    /// <summary>The contract the manifest lacks.</summary>
    public EthCxContract Missing { get; }
}
