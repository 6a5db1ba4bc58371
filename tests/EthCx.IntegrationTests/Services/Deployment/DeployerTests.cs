using System.Text.Json;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Services;
using EthCx.Services.Deployment;
using EthCx.Services.Traceability;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Services.Deployment;

[Collection(SharedLocalNode.Name)]
public sealed class DeployerTests(LocalNodeFixture fixture)
{
    private LocalNode Node => fixture.Node;

    [Fact]
    public async Task A_first_run_deploys_grants_and_writes_the_manifest_and_a_second_run_changes_nothing_and_says_so()
    {
        await using var _ = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        var store = new DeploymentManifestStore(directory.Path);
        ChainClient client = await Actors.ClientAsync(Node, Actors.Retailer);
        var reports = new List<DeploymentProgress>();
        var deployer = new Deployer(client, store);

        DeploymentOutcome first = await deployer.DeployAsync(Actors.Plan, new SynchronousProgress<DeploymentProgress>(reports.Add));

        Assert.True(first.Changed);
        Assert.Null(first.StaleManifestReason);
        Assert.Equal(Path.Combine(directory.Path, "31337.json"), first.ManifestPath);
        Assert.Equal(
            [DeploymentActionKind.Deployed, DeploymentActionKind.Deployed, DeploymentActionKind.Deployed, DeploymentActionKind.RoleGranted, DeploymentActionKind.RoleGranted, DeploymentActionKind.RoleGranted, DeploymentActionKind.RoleGranted, DeploymentActionKind.RoleGranted, DeploymentActionKind.TiersSet],
            first.Actions.Select(a => a.Kind));
        DeploymentManifest manifest = first.Manifest;
        Assert.Equal(31337UL, manifest.ChainId);
        Assert.Equal(Actors.Signer(Actors.Retailer).Address, manifest.Deployer);
        Assert.Equal((await Node.Client.GetBlockByNumberAsync(0UL))!.Hash, manifest.GenesisHash);
        Assert.Equal([EthCxContract.ConsentRegistry, EthCxContract.SupplyChainTracker, EthCxContract.LoyaltyPoints], manifest.Contracts.Select(c => c.Name));
        foreach (DeployedContract contract in manifest.Contracts)
        {
            Assert.Equal(Bytes32.Keccak(await Node.Client.GetCodeAsync(contract.Address)), contract.RuntimeCodeHash);
            var receipt = (await Node.Client.GetTransactionReceiptAsync(contract.TransactionHash))!;
            Assert.Equal(contract.Address, receipt.ContractAddress);
            Assert.Equal(contract.BlockNumber, receipt.BlockNumber);
        }

        Assert.Equal(Bytes32.Keccak(LoyaltyPointsDeployment.Bytecode.Span), manifest.Get(EthCxContract.LoyaltyPoints).BytecodeHash);
        var tracker = new SupplyChainTrackerService(client, manifest.AddressOf(EthCxContract.SupplyChainTracker));
        Assert.True(await tracker.HasRoleQueryAsync(ContractRoles.IdOf(SupplyChainRole.Carrier), Actors.Signer(Actors.Carrier).Address));
        Assert.True(await tracker.HasRoleQueryAsync(ContractRoles.IdOf(SupplyChainRole.Sensor), Actors.Signer(Actors.Sensor).Address));
        var points = new LoyaltyPointsService(client, manifest.AddressOf(EthCxContract.LoyaltyPoints));
        Assert.True(await points.HasRoleQueryAsync(ContractRoles.Merchant, Actors.Signer(Actors.Retailer).Address));
        Assert.Equal([100u, 500u, 2000u], await points.TierThresholdsQueryAsync());
        Assert.Equal("EthCx Points", await points.NameQueryAsync());
        Assert.All(manifest.Roles, role => Assert.NotNull(role.TransactionHash));
        Assert.Contains(reports, r => r.Message == "Deploying ConsentRegistry (it is not in the manifest).");
        Assert.Equal(first.Actions, reports.Where(r => r.Action is not null).Select(r => r.Action!));

        string fileBefore = await File.ReadAllTextAsync(first.ManifestPath);
        ulong nonceBefore = await Node.Client.GetTransactionCountAsync(client.Signer!.Address);
        DeploymentOutcome second = await new Deployer(await Actors.ClientAsync(Node, Actors.Retailer), store).DeployAsync(Actors.Plan);

        Assert.False(second.Changed);
        Assert.Equal(0UL, second.GasUsed);
        Assert.Equal(nonceBefore, await Node.Client.GetTransactionCountAsync(client.Signer!.Address));
        Assert.Equal(fileBefore, await File.ReadAllTextAsync(first.ManifestPath));
        Assert.Equal(manifest, second.Manifest);
        Assert.Equal("Nothing to do: the contracts, roles and tiers of chain 31337 already match the plan (" + first.ManifestPath + "); no transaction was sent.", second.Summary);
        Assert.Equal(
            [DeploymentActionKind.Kept, DeploymentActionKind.Kept, DeploymentActionKind.Kept, DeploymentActionKind.RoleHeld, DeploymentActionKind.RoleHeld, DeploymentActionKind.RoleHeld, DeploymentActionKind.RoleHeld, DeploymentActionKind.RoleHeld, DeploymentActionKind.TiersUnchanged],
            second.Actions.Select(a => a.Kind));
        Assert.Equal(manifest, await store.LoadVerifiedAsync(Node.Client));
    }

    [Fact]
    public async Task The_manifest_file_is_camel_case_json_with_hex_addresses_and_hashes()
    {
        await using var _ = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        DeploymentOutcome outcome = await new Deployer(await Actors.ClientAsync(Node, Actors.Retailer), new DeploymentManifestStore(directory.Path)).DeployAsync(Actors.Plan);

        using JsonDocument json = JsonDocument.Parse(await File.ReadAllTextAsync(outcome.ManifestPath));
        JsonElement root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(31337UL, root.GetProperty("chainId").GetUInt64());
        Assert.Equal(outcome.Manifest.Deployer.ToString(), root.GetProperty("deployer").GetString());
        JsonElement points = root.GetProperty("contracts")[2];
        Assert.Equal("LoyaltyPoints", points.GetProperty("name").GetString());
        Assert.Equal(outcome.Manifest.AddressOf(EthCxContract.LoyaltyPoints).ToString(), points.GetProperty("address").GetString());
        Assert.Matches("^0x[0-9a-f]{64}$", points.GetProperty("bytecodeHash").GetString());
        Assert.Equal("MERCHANT_ROLE", root.GetProperty("roles")[0].GetProperty("role").GetString());
        Assert.Equal([100, 500, 2000], root.GetProperty("tierThresholds").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_changed_plan_sends_only_what_is_missing()
    {
        await using var _ = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        var store = new DeploymentManifestStore(directory.Path);
        ChainClient client = await Actors.ClientAsync(Node, Actors.Retailer);
        await new Deployer(client, store).DeployAsync(Actors.Plan);

        DeploymentPlan grown = Actors.Plan with
        {
            Merchants = [.. Actors.Plan.Merchants, Actors.Signer(Actors.Distributor).Address],
            TierThresholds = [50, 500],
        };
        DeploymentOutcome outcome = await new Deployer(client, store).DeployAsync(grown);

        Assert.Equal(2, outcome.Actions.Count(a => a.Changed));
        Assert.Equal(DeploymentActionKind.RoleGranted, outcome.Actions.Single(a => a.Kind == DeploymentActionKind.RoleGranted).Kind);
        Assert.Equal("MERCHANT_ROLE on LoyaltyPoints granted to " + Actors.Signer(Actors.Distributor).Address + ".", outcome.Actions.Single(a => a.Kind == DeploymentActionKind.RoleGranted).Description);
        Assert.Equal("Tier thresholds set to 50, 500.", outcome.Actions.Single(a => a.Kind == DeploymentActionKind.TiersSet).Description);
        DeploymentManifest reloaded = store.TryLoad(31337)!;
        Assert.Equal([50u, 500u], reloaded.TierThresholds);
        Assert.Equal(6, reloaded.Roles.Count);

        DeploymentPlan renamed = grown with { PointsName = "Other Points" };
        DeploymentOutcome redeployed = await new Deployer(client, store).DeployAsync(renamed);
        DeploymentAction points = redeployed.Actions.Single(a => a.Kind == DeploymentActionKind.Deployed);
        Assert.Equal(EthCxContract.LoyaltyPoints, points.Contract);
        Assert.EndsWith("(its constructor arguments changed).", points.Description);
        Assert.Equal(2, redeployed.Actions.Count(a => a.Kind == DeploymentActionKind.RoleGranted));
    }

    [Fact]
    public async Task The_manifest_of_a_reset_node_is_not_trusted_and_the_deployer_starts_afresh()
    {
        await using var _ = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        var store = new DeploymentManifestStore(directory.Path);
        ChainClient client = await Actors.ClientAsync(Node, Actors.Retailer);
        DeploymentOutcome first = await new Deployer(client, store).DeployAsync(Actors.Plan);
        Bytes32 otherGenesis = Bytes32.Keccak("another chain"u8);
        store.Save(first.Manifest with { GenesisHash = otherGenesis });
        Bytes32 genesis = first.Manifest.GenesisHash;

        StaleDeploymentException stale = await Assert.ThrowsAsync<StaleDeploymentException>(() => store.LoadVerifiedAsync(Node.Client));
        Assert.Equal($"The deployment manifest {first.ManifestPath} is stale: the node was reset (its genesis block is {genesis}, the manifest's {otherGenesis}). Deploy again (ethcx deploy) to replace it.", stale.Message);

        DeploymentOutcome again = await new Deployer(client, store).DeployAsync(Actors.Plan);
        Assert.Equal($"the node was reset (its genesis block is {genesis}, the manifest's {otherGenesis})", again.StaleManifestReason);
        Assert.Equal(3, again.Actions.Count(a => a.Kind == DeploymentActionKind.Deployed));
        Assert.All(again.Manifest.Contracts, c => Assert.DoesNotContain(c.Address, first.Manifest.Contracts.Select(f => f.Address)));
        Assert.Equal(genesis, (await store.LoadVerifiedAsync(Node.Client)).GenesisHash);
    }

    [Fact]
    public async Task A_run_stopped_after_a_deployment_records_it_and_the_next_run_keeps_it_and_resumes()
    {
        await using var _ = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        var store = new DeploymentManifestStore(directory.Path);
        ChainClient client = await Actors.ClientAsync(Node, Actors.Retailer);
        using var cancellation = new CancellationTokenSource();
        var messages = new List<string>();
        var progress = new SynchronousProgress<DeploymentProgress>(p =>
        {
            messages.Add(p.Message);
            if (p.Action?.Kind == DeploymentActionKind.Deployed)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Deployer(client, store).DeployAsync(Actors.Plan, progress, cancellation.Token));

        DeploymentManifest partial = store.TryLoad(client.ChainId)!;
        DeployedContract consent = Assert.Single(partial.Contracts);
        Assert.Equal(EthCxContract.ConsentRegistry, consent.Name);
        Assert.StartsWith($"Stopped (", messages[^1], StringComparison.Ordinal);
        Assert.EndsWith($"after: ConsentRegistry deployed at {consent.Address} in block {consent.BlockNumber} (it is not in the manifest). Recorded in {store.PathFor(client.ChainId)}; running again keeps them and resumes.", messages[^1], StringComparison.Ordinal);
        DeploymentManifest verified = await store.LoadVerifiedAsync(Node.Client);
        IncompleteDeploymentException missing = Assert.Throws<IncompleteDeploymentException>(() => verified.AddressOf(EthCxContract.LoyaltyPoints));
        Assert.Equal(EthCxContract.LoyaltyPoints, missing.Missing);
        Assert.Equal($"The EthCx deployment on chain {client.ChainId} is incomplete: its manifest has no LoyaltyPoints (a deployment stopped before it). Deploy again (ethcx deploy) to finish it.", missing.Message);

        DeploymentOutcome resumed = await new Deployer(client, store).DeployAsync(Actors.Plan);
        Assert.Equal(DeploymentActionKind.Kept, resumed.Actions[0].Kind);
        Assert.Equal(consent.Address, resumed.Manifest.AddressOf(EthCxContract.ConsentRegistry));
        Assert.Equal(2, resumed.Actions.Count(a => a.Kind == DeploymentActionKind.Deployed));
        Assert.Equal(resumed.Manifest, await store.LoadVerifiedAsync(Node.Client));
    }

    [Fact]
    public async Task Contracts_no_longer_on_chain_are_redeployed()
    {
        await using var _ = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        var store = new DeploymentManifestStore(directory.Path);
        ChainClient client = await Actors.ClientAsync(Node, Actors.Retailer);
        DeploymentOutcome first;
        await using (await Node.SnapshotAsync())
        {
            first = await new Deployer(client, store).DeployAsync(Actors.Plan);
        }

        client.Nonces!.Resync();
        Address consent = first.Manifest.AddressOf(EthCxContract.ConsentRegistry);
        StaleDeploymentException stale = await Assert.ThrowsAsync<StaleDeploymentException>(() => store.LoadVerifiedAsync(Node.Client));
        Assert.Equal($"there is no code at {consent} (ConsentRegistry) any more", stale.Reason);

        DeploymentOutcome again = await new Deployer(client, store).DeployAsync(Actors.Plan);
        Assert.Equal($"ConsentRegistry deployed at {again.Manifest.AddressOf(EthCxContract.ConsentRegistry)} in block {again.Actions[0].Transaction!.BlockNumber} (there is no code at {consent} any more).", again.Actions[0].Description);
        Assert.Equal(3, again.Actions.Count(a => a.Kind == DeploymentActionKind.Deployed));
        Assert.Equal(again.Manifest, await store.LoadVerifiedAsync(Node.Client));
    }

    [Fact]
    public async Task A_missing_or_malformed_manifest_is_reported_with_its_path_and_field()
    {
        using var directory = new TemporaryDirectory();
        var store = new DeploymentManifestStore(directory.Path);
        string path = Path.Combine(directory.Path, "31337.json");

        DeploymentNotFoundException missing = await Assert.ThrowsAsync<DeploymentNotFoundException>(() => store.LoadVerifiedAsync(Node.Client));
        Assert.Equal($"No EthCx deployment for chain 31337: {path} does not exist. Deploy the contracts first (ethcx deploy).", missing.Message);

        await File.WriteAllTextAsync(path, """{ "schemaVersion": 1, "chainId": 31337, "genesisHash": "0x12", "deployer": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "updatedAt": "2026-01-01T00:00:00Z", "contracts": [] }""");
        InvalidDeploymentManifestException invalid = Assert.Throws<InvalidDeploymentManifestException>(() => store.TryLoad(31337));
        Assert.Equal($"The deployment manifest {path} cannot be read: field 'genesisHash' is '0x12', not a 32-byte hex value.", invalid.Message);
    }

    [Fact]
    public void The_plan_of_a_single_business_makes_the_deployer_merchant_and_retailer()
    {
        var plan = DeploymentPlan.ForBusiness(Actors.Signer(Actors.Retailer).Address);
        Assert.Equal([Actors.Signer(Actors.Retailer).Address], plan.Merchants);
        Assert.Equal([new PartyGrant(Actors.Signer(Actors.Retailer).Address, SupplyChainRole.Retailer)], plan.Parties);
        Assert.Equal(("EthCx Points", "ECXP", TimeSpan.FromDays(1)), (plan.PointsName, plan.PointsSymbol, plan.AdminTransferDelay));
    }

    [Fact]
    public void A_plan_with_thresholds_out_of_order_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new DeploymentPlan { TierThresholds = [100, 100] });
        Assert.Equal("Tier thresholds are non-zero and strictly ascending; threshold 1 is 100. (Parameter 'TierThresholds')", error.Message);
    }
}
