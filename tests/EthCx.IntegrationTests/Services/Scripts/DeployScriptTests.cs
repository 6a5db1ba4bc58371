using System.Diagnostics;
using EthCx.Chain.Primitives;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.IntegrationTests.Services.Configuration;
using EthCx.Services;
using EthCx.Services.Deployment;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Services.Scripts;

/// <summary>
/// scripts/deploy.cs as a user runs it (<c>dotnet run scripts/deploy.cs -- --network local</c>), pointed at the test's
/// node through ETHCX_RPC_URL and at a temporary manifest directory through ETHCX_DEPLOYMENTS, from another working
/// directory. The first run builds the script (about 10 s once the projects are built, under a minute from a clean clone).
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class DeployScriptTests(LocalNodeFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private LocalNode Node => fixture.Node;

    [Fact]
    public async Task Deploy_script_deploys_to_the_local_network_writes_a_manifest_matching_the_chain_and_a_second_run_changes_nothing()
    {
        await using var _ = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();

        ScriptRun first = await RunAsync(directory.Path, Node.Url.ToString(), "--network", "local");

        Assert.True(first.ExitCode == 0, first.ToString());
        var store = new DeploymentManifestStore(directory.Path);
        DeploymentManifest manifest = await store.LoadVerifiedAsync(Node.Client);
        Assert.Equal(DevAccounts.All[0].Address, manifest.Deployer);
        Assert.Equal([EthCxContract.ConsentRegistry, EthCxContract.SupplyChainTracker, EthCxContract.LoyaltyPoints], manifest.Contracts.Select(c => c.Name));
        Assert.Contains($"Network local: http://127.0.0.1:{Node.Url.Port}", first.Output, StringComparison.Ordinal);
        foreach (DeployedContract contract in manifest.Contracts)
        {
            Assert.Equal(Bytes32.Keccak(await Node.Client.GetCodeAsync(contract.Address)), contract.RuntimeCodeHash);
            var receipt = (await Node.Client.GetTransactionReceiptAsync(contract.TransactionHash))!;
            Assert.Equal(contract.Address, receipt.ContractAddress);
            Assert.Contains($"{contract.Name} deployed at {contract.Address} in block {receipt.BlockNumber} (it is not in the manifest). tx {contract.TransactionHash}, gas {receipt.GasUsed}", first.Output, StringComparison.Ordinal);
            Assert.Contains($"{contract.Name,-20} {contract.Address}", first.Output, StringComparison.Ordinal);
        }

        var points = new LoyaltyPointsService(await Actors.ClientAsync(Node, 0), manifest.AddressOf(EthCxContract.LoyaltyPoints));
        Assert.True(await points.HasRoleQueryAsync(ContractRoles.Merchant, DevAccounts.All[0].Address));
        Assert.Equal([100u, 500u, 2000u], await points.TierThresholdsQueryAsync());
        Assert.Contains($"Deployment of chain 31337 updated: 6 transaction(s)", first.Output, StringComparison.Ordinal);

        string fileBefore = await File.ReadAllTextAsync(store.PathFor(31337));
        ulong nonceBefore = await Node.Client.GetTransactionCountAsync(DevAccounts.All[0].Address);
        ScriptRun second = await RunAsync(directory.Path, Node.Url.ToString(), "--network", "local");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"Nothing to do: the contracts, roles and tiers of chain 31337 already match the plan ({store.PathFor(31337)}); no transaction was sent.", second.Output, StringComparison.Ordinal);
        Assert.Equal(nonceBefore, await Node.Client.GetTransactionCountAsync(DevAccounts.All[0].Address));
        Assert.Equal(fileBefore, await File.ReadAllTextAsync(store.PathFor(31337)));
        Assert.Empty(second.Error);
    }

    [Fact]
    public async Task Deploy_script_fails_with_one_line_naming_the_node_that_is_down()
    {
        using var directory = new TemporaryDirectory();
        int port = EthCxNetworksTests.ClosedPort();

        ScriptRun run = await RunAsync(directory.Path, $"http://127.0.0.1:{port}", "--network", "anvil");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"deploy: Could not reach the node at http://127.0.0.1:{port}: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    /// <summary>Runs <c>dotnet run scripts/deploy.cs -- ARGS</c> from <paramref name="workingDirectory"/>, which is also the manifest directory.</summary>
    private static async Task<ScriptRun> RunAsync(string workingDirectory, string rpcUrl, params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["run", RepoPaths.Combine("scripts", "deploy.cs"), "--", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ETHCX_RPC_URL"] = rpcUrl;
        info.Environment["ETHCX_DEPLOYMENTS"] = workingDirectory;
        foreach (string variable in (string[])["ETHCX_PRIVATE_KEY", "ETHCX_MNEMONIC", "ETHCX_ACCOUNT_INDEX"])
        {
            info.Environment.Remove(variable);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/deploy.cs did not finish within {Timeout.TotalMinutes} minutes. Its output: {await output} {await error}");
        }

        return new ScriptRun(process.ExitCode, await output, await error);
    }

    private sealed record ScriptRun(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Output}{Environment.NewLine}{Error}";
    }
}
