using System.CommandLine;
using EthCx.Chain.Accounts;
using EthCx.Chain.Primitives;
using EthCx.Cli.Domain;
using EthCx.Cli.Input;
using EthCx.Cli.Output;
using EthCx.Services.Loyalty;

namespace EthCx.Cli.Commands;

/// <summary>
/// <c>ethcx points award|reverse|redeem|balance|tier</c>: the loyalty programme through <see cref="LoyaltyService"/>.
/// Purchases and rewards are named by their order and reward ids; only their hashes go on chain.
/// </summary>
internal static class PointsCommands
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        var points = new Command("points", "Loyalty points: award for a purchase (exactly once), reverse on return, redeem, balance and tier.");
        points.Subcommands.Add(Award(environment));
        points.Subcommands.Add(Reverse(environment));
        points.Subcommands.Add(Redeem(environment));
        points.Subcommands.Add(Balance(environment));
        points.Subcommands.Add(Tier(environment));
        root.Subcommands.Add(points);
    }

    private static Command Award(CliEnvironment environment)
    {
        var customer = DomainOptions.Required("--customer", "The customer's address.", "ADDRESS");
        var purchase = PurchaseOption();
        var amount = PointsOption("The points the purchase earns.");
        var command = new Command("award", "Award points for a purchase, as a merchant (the acting account); a retry of the same award sends nothing.") { customer, purchase, amount };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            Address who = DomainOptions.Address(context.Parse, customer);
            (string orderId, PurchaseReference reference) = Purchase(context, purchase);
            long value = DomainParse.Points(DomainOptions.Value(context.Parse, amount), amount.Name);
            LoyaltyService loyalty = await (await context.SessionAsync(cancellationToken).ConfigureAwait(false)).LoyaltyAsync(cancellationToken).ConfigureAwait(false);
            // Each run is a new process: read first, so that a retry sends nothing rather than a duplicate the contract refuses.
            AwardResult award = await loyalty.FindAwardAsync(who, reference, value, cancellationToken).ConfigureAwait(false)
                ?? await loyalty.AwardForPurchaseAsync(who, reference, value, cancellationToken).ConfigureAwait(false);
            var json = new AwardJson(award.Customer.ToString(), orderId, reference.ToString(), award.Points, DomainNames.Kebab(award.Outcome), TransactionJson.From(award.Transaction));
            return context.Render(json, DomainJsonContext.Default.AwardJson, result => WithTransaction(new TextBlock()
                .Add("customer", result.Customer)
                .Add("purchase", $"{result.Purchase} ({result.PurchaseReference})")
                .Add("points", result.Points)
                .Add("outcome", award.Outcome == AwardOutcome.Awarded ? "awarded" : "already awarded: nothing new was sent"), result.Transaction));
        });
        return command;
    }

    private static Command Reverse(CliEnvironment environment)
    {
        var purchase = PurchaseOption();
        var command = new Command("reverse", "Reverse a purchase's award (a return), as a merchant: burns what the customer still holds of it.") { purchase };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            (string orderId, PurchaseReference reference) = Purchase(context, purchase);
            LoyaltyService loyalty = await (await context.SessionAsync(cancellationToken).ConfigureAwait(false)).LoyaltyAsync(cancellationToken).ConfigureAwait(false);
            ReversalResult reversal = await loyalty.ReverseAsync(reference, cancellationToken).ConfigureAwait(false);
            var json = new ReversalJson(reversal.Customer.ToString(), orderId, reference.ToString(), reversal.Burned, reversal.Shortfall, DomainNames.Kebab(reversal.Outcome), TransactionJson.From(reversal.Transaction));
            return context.Render(json, DomainJsonContext.Default.ReversalJson, result => WithTransaction(new TextBlock()
                .Add("customer", result.Customer)
                .Add("purchase", $"{result.Purchase} ({result.PurchaseReference})")
                .Add("burned", result.Burned)
                .Add("shortfall", result.Shortfall > 0 ? $"{result.Shortfall} (already redeemed)" : "0")
                .Add("outcome", reversal.Outcome == ReversalOutcome.Reversed ? "reversed" : "already reversed: nothing new was burned"), result.Transaction));
        });
        return command;
    }

    private static Command Redeem(CliEnvironment environment)
    {
        var amount = PointsOption("The points to redeem.");
        var reward = DomainOptions.Required("--reward", "The reward's id, e.g. VOUCHER-10EUR-0042 (only its hash goes on chain).", "REWARD_ID");
        var customer = new SignatoryOptions("customer");
        var command = new Command("redeem", "Redeem points for a reward: the acting account's own points, or a customer's who signs here (--customer-key or --customer-index) while the acting merchant relays and pays.") { amount, reward };
        customer.AddTo(command);
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            long value = DomainParse.Points(DomainOptions.Value(context.Parse, amount), amount.Name);
            string rewardId = DomainOptions.Value(context.Parse, reward);
            RewardReference reference = DomainParse.Reward(rewardId, reward.Name);
            context.Name(reference.Hash, $"reward '{rewardId}'");
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            LoyaltyService loyalty = await session.LoyaltyAsync(cancellationToken).ConfigureAwait(false);
            using PrivateKeySigner? signer = customer.Create(context.Parse, context.Options, session.Client.ChainId);
            RedemptionResult redemption;
            if (signer is null)
            {
                redemption = await loyalty.RedeemAsync(value, reference, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                SignedRedemption signed = await loyalty.SignRedemptionAsync(signer, session.Account, value, reference, cancellationToken: cancellationToken).ConfigureAwait(false);
                redemption = await loyalty.RedeemBySignatureAsync(signed, cancellationToken).ConfigureAwait(false);
            }

            var json = new RedemptionJson(redemption.Customer.ToString(), redemption.Points, rewardId, reference.ToString(), signer is null ? null : session.Account.ToString(), TransactionJson.From(redemption.Transaction));
            return context.Render(json, DomainJsonContext.Default.RedemptionJson, result => WithTransaction(new TextBlock()
                .Add("customer", result.Customer)
                .Add("points", result.Points)
                .Add("reward", $"{result.Reward} ({result.RewardReference})")
                .Add("relayed by", result.RelayedBy), result.Transaction));
        });
        return command;
    }

    private static Command Balance(CliEnvironment environment)
    {
        var customer = CustomerToRead();
        var command = new Command("balance", "A customer's points: balance, lifetime earned, tier and the points to the next tier.") { customer };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            Address? given = DomainOptions.OptionalAddress(context.Parse, customer);
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            LoyaltyService loyalty = await session.LoyaltyAsync(cancellationToken).ConfigureAwait(false);
            PointsAccount account = await loyalty.GetAccountAsync(given ?? session.Account, cancellationToken).ConfigureAwait(false);
            return context.Render(AccountJson.From(account), DomainJsonContext.Default.AccountJson, result => new TextBlock()
                .Add("customer", result.Customer)
                .Add("balance", result.Balance)
                .Add("lifetime earned", result.LifetimeEarned)
                .Add("tier", result.Tier)
                .Add("next tier", result.NextTierThreshold is long next ? $"at {next} lifetime points, {result.PointsToNextTier} to go" : "none: top tier")
                .ToString());
        });
        return command;
    }

    private static Command Tier(CliEnvironment environment)
    {
        var customer = CustomerToRead();
        var command = new Command("tier", "A customer's tier and its thresholds.") { customer };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            Address? given = DomainOptions.OptionalAddress(context.Parse, customer);
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            LoyaltyService loyalty = await session.LoyaltyAsync(cancellationToken).ConfigureAwait(false);
            Address who = given ?? session.Account;
            LoyaltyTier tier = await loyalty.GetTierAsync(who, cancellationToken).ConfigureAwait(false);
            return context.Render(TierJson.From(who.ToString(), tier), DomainJsonContext.Default.TierJson, result => new TextBlock()
                .Add("customer", result.Customer)
                .Add("tier", result.Tier)
                .Add("threshold", result.Threshold is long threshold ? $"{threshold} lifetime points" : "none (below the first tier)")
                .Add("next tier", result.NextThreshold is long next ? $"at {next} lifetime points" : "none: top tier")
                .ToString());
        });
        return command;
    }

    private static Option<string> PurchaseOption() =>
        DomainOptions.Required("--purchase", "The purchase's order id, e.g. ORD-2026-0001 (only its hash goes on chain), or a 0x reference hash.", "ORDER_ID");

    private static Option<string> PointsOption(string description) => DomainOptions.Required("--points", description + " A positive whole number.", "POINTS");

    private static Option<string?> CustomerToRead() => DomainOptions.Optional("--customer", "The customer's address (default: the acting account).", "ADDRESS");

    private static (string OrderId, PurchaseReference Reference) Purchase(DomainContext context, Option<string> option)
    {
        string orderId = DomainOptions.Value(context.Parse, option);
        PurchaseReference reference = DomainParse.Purchase(orderId, option.Name);
        context.Name(reference.Hash, $"order '{orderId}'");
        return (orderId, reference);
    }

    private static string WithTransaction(TextBlock block, TransactionJson transaction) => block
        .Add("transaction", transaction.Hash)
        .Add("block", (long)transaction.BlockNumber)
        .Add("gas used", (long)transaction.GasUsed)
        .ToString();
}
