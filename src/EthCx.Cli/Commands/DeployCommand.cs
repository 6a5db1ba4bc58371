using System.CommandLine;
using EthCx.Chain.Primitives;
using EthCx.Cli.Domain;
using EthCx.Cli.Input;
using EthCx.Cli.Output;
using EthCx.Services.Deployment;
using EthCx.Services.Traceability;

namespace EthCx.Cli.Commands;

/// <summary>
/// <c>ethcx deploy</c>: deploys the three EthCx contracts with <see cref="Deployer"/>, grants the roles and sets the
/// tiers, and writes <c>deployments/&lt;chainId&gt;.json</c>; a second run on the same chain sends nothing and says so.
/// </summary>
internal static class DeployCommand
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        var merchants = Accounts("--merchant", "An account to hold the loyalty MERCHANT_ROLE (award, reverse, relay redemptions); repeatable. The deployer always holds it.");
        Dictionary<SupplyChainRole, Option<string[]>> parties = Enum.GetValues<SupplyChainRole>().ToDictionary(
            role => role,
            role => Accounts($"--{DomainNames.Kebab(role)}", $"An account to hold the supply-chain {DomainNames.Kebab(role)} role; repeatable.{(role == SupplyChainRole.Retailer ? " The deployer always holds it." : string.Empty)}"));
        var tiers = new Option<string?>("--tiers") { Description = "The loyalty tier thresholds, ascending lifetime points (default 100,500,2000; \"\" for none).", HelpName = "POINTS,..." };
        var name = new Option<string?>("--points-name") { Description = "The points token's name (default \"EthCx Points\").", HelpName = "NAME" };
        var symbol = new Option<string?>("--points-symbol") { Description = "The points token's symbol (default ECXP).", HelpName = "SYMBOL" };
        var delay = new Option<string?>("--admin-delay") { Description = "The delay of an admin transfer, e.g. 1d, 12h (default 1d).", HelpName = "DURATION" };
        var command = new Command("deploy", "Deploy the EthCx contracts (or check that the deployed ones match), grant roles, set tiers, and write deployments/<chainId>.json.")
        {
            merchants, tiers, name, symbol, delay,
        };
        foreach (Option<string[]> option in parties.Values)
        {
            command.Options.Add(option);
        }

        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            ParseResult parse = context.Parse;
            Address[] extraMerchants = Read(parse, merchants);
            PartyGrant[] extraParties = [.. parties.SelectMany(pair => Read(parse, pair.Value).Select(account => new PartyGrant(account, pair.Key)))];
            uint[]? thresholds = parse.GetValue(tiers) is string text ? DomainParse.Tiers(text, "--tiers") : null;
            TimeSpan? adminDelay = parse.GetValue(delay) is string duration ? DomainParse.Duration(duration, "--admin-delay") : null;
            string? pointsName = Text(parse.GetValue(name), "--points-name");
            string? pointsSymbol = Text(parse.GetValue(symbol), "--points-symbol");

            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            DeploymentPlan plan = DeploymentPlan.ForBusiness(session.Account);
            plan = plan with
            {
                Merchants = [.. plan.Merchants, .. extraMerchants],
                Parties = [.. plan.Parties, .. extraParties],
                TierThresholds = thresholds ?? plan.TierThresholds,
                AdminTransferDelay = adminDelay ?? plan.AdminTransferDelay,
                PointsName = pointsName ?? plan.PointsName,
                PointsSymbol = pointsSymbol ?? plan.PointsSymbol,
            };
            var deployer = new Deployer(session.Client, session.Manifests);
            IProgress<DeploymentProgress>? progress = context.Progress is { } writer ? new LineProgress(writer) : null;
            DeploymentOutcome outcome = await deployer.DeployAsync(plan, progress, cancellationToken).ConfigureAwait(false);
            return context.Render(DeployJson.From(outcome), DomainJsonContext.Default.DeployJson, Format);
        });
        root.Subcommands.Add(command);
    }

    private static string Format(DeployJson deployment)
    {
        var block = new TextBlock()
            .Add("chain", deployment.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("deployer", deployment.Deployer)
            .Add("manifest", deployment.ManifestPath)
            .Add("stale manifest", deployment.StaleManifestReason)
            .Add("changed", deployment.Changed ? $"yes, {deployment.Actions.Count(a => a.Transaction is not null)} transaction(s), {deployment.GasUsed} gas" : "no: nothing was sent")
            .Add("tiers", deployment.TierThresholds.Count == 0 ? "none" : string.Join(", ", deployment.TierThresholds));
        block.Section(TextTable.Format(
            ["contract", "address", "block", "transaction"],
            deployment.Contracts.Select(c => (IReadOnlyList<string>)[c.Name, c.Address, c.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), c.TransactionHash])));
        block.Section(TextTable.Format(["contract", "role", "account"], deployment.Roles.Select(r => (IReadOnlyList<string>)[r.Contract, r.Role, r.Account])));
        block.Section(deployment.Summary);
        return block.ToString();
    }

    private static Option<string[]> Accounts(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "ADDRESS",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Address[] Read(ParseResult parse, Option<string[]> option) =>
        [.. (parse.GetValue(option) ?? []).Select(text => CliParse.Address(text, option.Name))];

    private static string? Text(string? value, string option) =>
        value is null ? null : !string.IsNullOrWhiteSpace(value) ? value.Trim() : throw new CliInputException(option, "is empty");

    /// <summary>Writes each progress message as a line, as it is reported.</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<DeploymentProgress>
    {
        public void Report(DeploymentProgress value) => writer.WriteLine(value.Message);
    }
}
