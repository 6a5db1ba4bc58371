#!/usr/bin/env -S dotnet run
#:project ../src/EthCx.Services/EthCx.Services.csproj
#:property PublishAot=false

// Deploys the EthCx contracts to a named network, as Hardhat's scripts/deploy.js and `forge script` do:
//
//   dotnet run scripts/deploy.cs -- --network local      (or, through the shebang: scripts/deploy.cs --network local)
//
// Networks: the built-in `local` and `anvil` (127.0.0.1:8545, chain 31337, the Hardhat test mnemonic) and those of
// ethcx.networks.json at the repository root; ETHCX_RPC_URL, ETHCX_PRIVATE_KEY, ETHCX_MNEMONIC, ETHCX_ACCOUNT_INDEX and
// ETHCX_DEPLOYMENTS override the chosen network. Writes deployments/<chainId>.json at the repository root; a second
// run on the same chain sends nothing and says so. On failure: one line on stderr and exit code 1. (`dotnet run` takes
// --help for itself: ask the script with `-- --help`.)
// To write another script, see "Deploy scripts" in README.md: the `#:` lines and the four statements that connect.

using EthCx.Chain.Contracts;
using EthCx.Chain.Nonces;
using EthCx.Chain.Rpc;
using EthCx.Services.Configuration;
using EthCx.Services.Deployment;
using Microsoft.Extensions.Configuration;

const string Usage = "usage: dotnet run scripts/deploy.cs -- [--network <name>]   (default network: local)";
string root = Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, ".."));

string networkName = "local";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--network" when i + 1 < args.Length:
            networkName = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"deploy: unexpected argument '{args[i]}'; {Usage}");
            return 2;
    }
}

try
{
    IConfiguration configuration = EthCxNetworks.LoadConfiguration(Path.Combine(root, "ethcx.networks.json"));
    EthCxNetwork network = EthCxNetworks.Select(configuration, networkName);
    EthCxOptions options = network.Bind(configuration, new EthCxOptions { DeploymentsDirectory = Path.Combine(root, "deployments") });
    using EthCxConnector connector = await network.ConnectAsync(options);
    ChainClient client = await connector.GetClientAsync();
    Deployer deployer = await connector.CreateDeployerAsync();

    Console.WriteLine($"Network {network.Name}: {options.RpcUrl.Scheme}://{options.RpcUrl.Authority}");
    DeploymentOutcome outcome = await deployer.DeployAsync(DeploymentPlan.ForBusiness(client.Signer!.Address), new ConsoleProgress());
    foreach (DeployedContract contract in outcome.Manifest.Contracts)
    {
        Console.WriteLine($"{contract.Name,-20} {contract.Address}");
    }

    return 0;
}
catch (Exception e) when (e is RpcTransportException or RpcException or EthCxConfigurationException or UnknownNetworkException
    or NetworkChainMismatchException or ContractRevertException or ReceiptTimeoutException or SendOutcomeUnknownException
    or InvalidDeploymentManifestException)
{
    Console.Error.WriteLine($"deploy: {e.Message}");
    return 1;
}

/// <summary>Prints each step of the deployment as it happens, with its transaction hash and gas.</summary>
internal sealed class ConsoleProgress : IProgress<DeploymentProgress>
{
    public void Report(DeploymentProgress value) => Console.WriteLine(value.Action switch
    {
        null => value.Message,
        { Transaction: { } tx } action => $"  {action.Description} tx {tx.Hash}, gas {tx.GasUsed}",
        { } action => $"  {action.Description}",
    });
}
