using EthCx.Chain.Contracts;
using EthCx.Chain.Rpc;
using EthCx.Services.Configuration;
using EthCx.Services.Deployment;

namespace EthCx.Services.Demo;

/// <summary>How a demo step ended.</summary>
public enum DemoStepOutcome
{
    /// <summary>A transaction was mined.</summary>
    Done,

    /// <summary>The chain was read (a check or a view).</summary>
    Read,

    /// <summary>The chain refused the action, as the story expects; the text holds the decoded reason.</summary>
    Refused,
}

/// <summary>One step of the demo story.</summary>
/// <param name="Number">The step's number, from 1.</param>
/// <param name="Name">A short name, e.g. "consent: loyalty programme".</param>
/// <param name="Actor">Who acts: retailer, customer, carrier or sensor.</param>
/// <param name="Text">What happened, in words (may span lines).</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Transaction">The transaction, for <see cref="DemoStepOutcome.Done"/>.</param>
public sealed record DemoStep(int Number, string Name, string Actor, string Text, DemoStepOutcome Outcome, TransactionSummary? Transaction);

/// <summary>One check of the final summary, verified from chain state.</summary>
/// <param name="Name">What is checked.</param>
/// <param name="Passed">Whether the chain confirms it.</param>
/// <param name="Detail">What the chain holds.</param>
public sealed record DemoCheck(string Name, bool Passed, string Detail);

/// <summary>The demo's result: its steps, the checks and the contracts it deployed.</summary>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Checks">The final checks.</param>
/// <param name="Deployment">The contracts the demo deployed.</param>
public sealed record DemoReport(IReadOnlyList<DemoStep> Steps, IReadOnlyList<DemoCheck> Checks, DeploymentManifest Deployment)
{
    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(check => check.Passed);

    /// <summary>The gas of every transaction of the story.</summary>
    public ulong GasUsed => Steps.Aggregate(0UL, (sum, step) => sum + (step.Transaction?.GasUsed ?? 0));
}

/// <summary>The demo's actors, each with its own client (own signer and nonce sequence) on one node.</summary>
/// <param name="Retailer">The retailer: deployer, admin, controller, merchant, retailer party.</param>
/// <param name="Customer">The customer: subject of the consents, buyer, receiver.</param>
/// <param name="Carrier">The carrier.</param>
/// <param name="Sensor">The cold-chain sensor (an oracle account).</param>
public sealed record CxDemoActors(ChainClient Retailer, ChainClient Customer, ChainClient Carrier, ChainClient Sensor)
{
    /// <summary>Connects the four actors as accounts 0 (retailer), 1 (customer), 2 (carrier) and 3 (sensor) of a mnemonic.</summary>
    /// <param name="rpc">The node.</param>
    /// <param name="mnemonic">The mnemonic; null: the Hardhat test mnemonic, allowed on chain 31337 only.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The actors.</returns>
    /// <exception cref="EthCxConfigurationException">No mnemonic was given and the node is not a local chain.</exception>
    public static async Task<CxDemoActors> FromMnemonicAsync(EthRpcClient rpc, string? mnemonic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ulong chainId = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        async Task<ChainClient> Account(int index) =>
            await ChainClient.ConnectAsync(rpc, EthCxSigners.Resolve(new EthCxOptions { Mnemonic = mnemonic, AccountIndex = index }, chainId).Signer, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new CxDemoActors(await Account(0), await Account(1), await Account(2), await Account(3));
    }
}
