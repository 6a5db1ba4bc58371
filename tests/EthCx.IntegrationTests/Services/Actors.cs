using EthCx.Chain.Accounts;
using EthCx.Chain.Contracts;
using EthCx.IntegrationTests.Contracts;
using EthCx.Services.Deployment;
using EthCx.Services.Traceability;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Services;

/// <summary>The dev accounts the services tests play with, and a deployment of the three contracts for them.</summary>
internal static class Actors
{
    public const int Retailer = 0;
    public const int Customer = 1;
    public const int Carrier = 2;
    public const int Sensor = 3;
    public const int Distributor = 4;
    public const int Outsider = 5;

    public static PrivateKeySigner Signer(int index) => TestSigners.Of(index);

    public static Task<ChainClient> ClientAsync(LocalNode node, int index) => ChainClient.ConnectAsync(node.Client, TestSigners.Of(index));

    /// <summary>The retailer is admin, merchant and retailer; the carrier and distributor hold their roles; the sensor is registered.</summary>
    public static DeploymentPlan Plan { get; } = new()
    {
        Merchants = [Signer(Retailer).Address],
        Parties =
        [
            new(Signer(Retailer).Address, SupplyChainRole.Retailer),
            new(Signer(Carrier).Address, SupplyChainRole.Carrier),
            new(Signer(Distributor).Address, SupplyChainRole.Distributor),
            new(Signer(Sensor).Address, SupplyChainRole.Sensor),
        ],
    };

    /// <summary>Deploys the plan with the retailer's client into a fresh temporary manifest directory.</summary>
    public static async Task<DeploymentManifest> DeployAsync(LocalNode node)
    {
        using var directory = new TemporaryDirectory();
        var deployer = new Deployer(await ClientAsync(node, Retailer), new DeploymentManifestStore(directory.Path));
        return (await deployer.DeployAsync(Plan)).Manifest;
    }
}

/// <summary>A directory under the temporary path, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ethcx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
