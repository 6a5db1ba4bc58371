using System.Globalization;
using System.Text.Json;
using EthCx.Chain.Rpc;

namespace EthCx.Services.Deployment;

/// <summary>
/// The deployment manifests of a project: one <c>&lt;chainId&gt;.json</c> per chain in a directory (by convention
/// <c>deployments/</c>), written atomically (a temporary file renamed over the old one).
/// </summary>
public sealed class DeploymentManifestStore
{
    /// <summary>Creates a store over a directory (created on the first save).</summary>
    /// <param name="directory">The directory, e.g. <c>deployments</c>.</param>
    /// <exception cref="ArgumentException">The directory is empty.</exception>
    public DeploymentManifestStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The directory's full path.</summary>
    public string Directory { get; }

    /// <summary>The manifest path of a chain.</summary>
    /// <param name="chainId">The chain id.</param>
    /// <returns><c>&lt;directory&gt;/&lt;chainId&gt;.json</c>.</returns>
    public string PathFor(ulong chainId) => Path.Combine(Directory, chainId.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>Reads the manifest of a chain as it is on disk, without checking it against the chain.</summary>
    /// <param name="chainId">The chain id.</param>
    /// <returns>The manifest, or null when there is none.</returns>
    /// <exception cref="InvalidDeploymentManifestException">The file is not a valid manifest.</exception>
    public DeploymentManifest? TryLoad(ulong chainId)
    {
        string path = PathFor(chainId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return DeploymentJson.Deserialize(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDeploymentManifestException(path, e.Message, e);
        }
    }

    /// <summary>
    /// Reads the manifest of the chain the node serves and checks that it still describes that chain: same genesis
    /// block and each contract's code at its address.
    /// </summary>
    /// <param name="rpc">The node.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The verified manifest.</returns>
    /// <exception cref="DeploymentNotFoundException">There is no manifest for the chain.</exception>
    /// <exception cref="StaleDeploymentException">The manifest describes an earlier state of the node (reset, reverted).</exception>
    /// <exception cref="InvalidDeploymentManifestException">The file is not a valid manifest.</exception>
    public async Task<DeploymentManifest> LoadVerifiedAsync(EthRpcClient rpc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ulong chainId = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        DeploymentManifest manifest = TryLoad(chainId) ?? throw new DeploymentNotFoundException(chainId, PathFor(chainId));
        var genesis = await ChainInspection.GenesisHashAsync(rpc, cancellationToken).ConfigureAwait(false);
        string? stale = await ChainInspection.StaleReasonAsync(rpc, manifest, chainId, genesis, cancellationToken).ConfigureAwait(false);
        return stale is null ? manifest : throw new StaleDeploymentException(PathFor(chainId), stale);
    }

    /// <summary>Writes a manifest (atomically replacing the chain's previous one).</summary>
    /// <param name="manifest">The manifest.</param>
    /// <returns>The path written.</returns>
    public string Save(DeploymentManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        System.IO.Directory.CreateDirectory(Directory);
        string path = PathFor(manifest.ChainId);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, DeploymentJson.Serialize(manifest) + "\n");
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
