using System.CommandLine;
using EthCx.Chain.Accounts;
using EthCx.Chain.Primitives;
using EthCx.Cli.Domain;
using EthCx.Cli.Input;
using EthCx.Cli.Output;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Services.Consent;

namespace EthCx.Cli.Commands;

/// <summary>
/// <c>ethcx consent give|withdraw|check|history</c>: consent records through <see cref="ConsentService"/>, in the
/// registry's purposes and data elements (<see cref="ConsentPurpose"/> and <see cref="DataElements"/> names, in kebab case, or their numbers).
/// </summary>
internal static class ConsentCommands
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        var consent = new Command("consent", "Consent records: give or withdraw (directly, or signed by the customer and relayed), check, history.");
        consent.Subcommands.Add(Give(environment));
        consent.Subcommands.Add(Withdraw(environment));
        consent.Subcommands.Add(Check(environment));
        consent.Subcommands.Add(History(environment));
        root.Subcommands.Add(consent);
    }

    private static Command Give(CliEnvironment environment)
    {
        var controller = ControllerOption(required: true);
        var purpose = PurposeOption();
        var elements = DomainOptions.Required("--elements", $"The data elements covered, comma-separated: {Names<DataElements>(skipZero: true)}.", "ELEMENT,...");
        var basis = DomainOptions.Optional("--legal-basis", $"The legal basis: {Names<LegalBasis>()} (default explicitly-expressed-consent).", "BASIS");
        var expires = DomainOptions.Optional("--expires", "When the consent lapses: an ISO 8601 time, Unix seconds, or a duration from now (30d); default: until withdrawn.", "TIME");
        var notice = DomainOptions.Optional("--notice", "The privacy notice the customer saw: a file, a text or a 0x hash (only its hash goes on chain).", "NOTICE");
        var receipt = DomainOptions.Optional("--receipt", "The off-chain consent receipt: a file, a text or a 0x hash (only its hash goes on chain).", "RECEIPT");
        var customer = new SignatoryOptions("customer");
        var command = new Command("give", "Give (or renew) consent: as the acting account, or signed here by the customer (--customer-key or --customer-index) and relayed by the acting account, which pays.")
        {
            controller, purpose, elements, basis, expires, notice, receipt,
        };
        customer.AddTo(command);
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            ParseResult parse = context.Parse;
            var grant = new ConsentGrant(DomainOptions.OptionalAddress(parse, controller)!.Value, Purpose(parse, purpose), DomainParse.Elements(DomainOptions.Value(parse, elements), elements.Name))
            {
                LegalBasis = parse.GetValue(basis) is string b ? DomainParse.Enum<LegalBasis>(b, basis.Name) : LegalBasis.ExplicitlyExpressedConsent,
                NoticeHash = parse.GetValue(notice) is string n ? DomainParse.Document(n, notice.Name) : Bytes32.Zero,
                ReceiptHash = parse.GetValue(receipt) is string r ? DomainParse.Document(r, receipt.Name) : Bytes32.Zero,
            };
            (DateTimeOffset? at, TimeSpan? lasting) = parse.GetValue(expires) is string expiry ? Expiry(expiry, expires.Name) : (null, null);
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            if (at is not null || lasting is not null)
            {
                grant = grant with { ExpiresAt = at ?? await LatestBlockTimeAsync(session, cancellationToken).ConfigureAwait(false) + lasting!.Value };
            }

            ConsentService service = await session.ConsentAsync(cancellationToken).ConfigureAwait(false);
            using PrivateKeySigner? signer = customer.Create(parse, context.Options, session.Client.ChainId);
            ConsentChange change = signer is null
                ? await service.GiveAsync(grant, cancellationToken).ConfigureAwait(false)
                : await service.GiveBySignatureAsync(await service.SignGrantAsync(signer, grant, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return RenderChange(context, change, signer is null ? null : session.Account);
        });
        return command;
    }

    private static Command Withdraw(CliEnvironment environment)
    {
        var controller = ControllerOption(required: true);
        var purpose = PurposeOption();
        var customer = new SignatoryOptions("customer");
        var command = new Command("withdraw", "Withdraw consent: as the acting account, or signed here by the customer (--customer-key or --customer-index) and relayed by the acting account.") { controller, purpose };
        customer.AddTo(command);
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            Address business = DomainOptions.OptionalAddress(context.Parse, controller)!.Value;
            ConsentPurpose what = Purpose(context.Parse, purpose);
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            ConsentService service = await session.ConsentAsync(cancellationToken).ConfigureAwait(false);
            using PrivateKeySigner? signer = customer.Create(context.Parse, context.Options, session.Client.ChainId);
            ConsentChange change = signer is null
                ? await service.WithdrawAsync(business, what, cancellationToken).ConfigureAwait(false)
                : await service.WithdrawBySignatureAsync(await service.SignWithdrawalAsync(signer, business, what, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return RenderChange(context, change, signer is null ? null : session.Account);
        });
        return command;
    }

    private static Command Check(CliEnvironment environment)
    {
        var subject = DomainOptions.Required("--customer", "The customer (data subject) whose consent to check.", "ADDRESS");
        var controller = ControllerOption(required: false);
        var purpose = PurposeOption();
        var elements = DomainOptions.Optional("--elements", "Also say whether the controller may process these data elements (comma-separated).", "ELEMENT,...");
        var interaction = DomainOptions.Optional("--interaction", $"Also say whether the acting account, as the controller, may record this interaction now ({Names<InteractionKind>()}), and if not, the registry's reason.", "KIND");
        var command = new Command("check", "A customer's consent for a purpose, as the registry holds it now; with --elements, whether processing them is permitted; with --interaction, whether it would be recorded.")
        {
            subject, controller, purpose, elements, interaction,
        };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            ParseResult parse = context.Parse;
            Address who = DomainOptions.Address(parse, subject);
            Address? business = DomainOptions.OptionalAddress(parse, controller);
            ConsentPurpose what = Purpose(parse, purpose);
            DataElements? asked = parse.GetValue(elements) is string text ? DomainParse.Elements(text, elements.Name) : null;
            InteractionKind? kind = parse.GetValue(interaction) is string name ? DomainParse.Enum<InteractionKind>(name, interaction.Name) : null;
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            ConsentService service = await session.ConsentAsync(cancellationToken).ConfigureAwait(false);
            Address by = business ?? session.Account;
            if (kind is not null && by != session.Account)
            {
                throw new CliInputException(interaction.Name, $"checks the acting account's own interactions ({session.Account}), not {by}'s: leave out --controller or act as the controller");
            }

            ConsentSnapshot snapshot = await service.GetAsync(who, by, what, cancellationToken).ConfigureAwait(false);
            bool? permitted = asked is { } wanted ? await service.IsPermittedAsync(who, by, what, wanted, cancellationToken).ConfigureAwait(false) : null;
            InteractionCheck? check = kind is { } k ? await service.CheckInteractionAsync(who, k, what, cancellationToken).ConfigureAwait(false) : null;
            var json = new ConsentCheckJson(
                ConsentJson.From(snapshot),
                asked is { } e ? DomainNames.Flags(e) : null,
                permitted,
                kind is { } i ? DomainNames.Kebab(i) : null,
                check?.Allowed,
                check?.Refusal);
            return context.Render(json, DomainJsonContext.Default.ConsentCheckJson, result =>
            {
                TextBlock block = Describe(result.Consent);
                if (result.Permitted is bool allowed)
                {
                    block.Add("permitted", $"{(allowed ? "yes" : "no")}, for {string.Join(", ", result.ElementsAsked!)}");
                }

                if (result.InteractionAllowed is bool recordable)
                {
                    block.Add("interaction", recordable ? $"{result.Interaction}: would be recorded" : $"{result.Interaction}: refused, {result.InteractionRefusal}");
                }

                return block.ToString();
            });
        });
        return command;
    }

    private static Command History(CliEnvironment environment)
    {
        var subject = DomainOptions.Optional("--customer", "The customer (data subject); default: the acting account.", "ADDRESS");
        var controller = DomainOptions.Optional("--controller", "Only this business's entries (an erasure is always shown).", "ADDRESS");
        var command = new Command("history", "A customer's consent history from the registry's events: grants, withdrawals, refusals, revocations, interactions, erasure.") { subject, controller };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            Address? who = DomainOptions.OptionalAddress(context.Parse, subject);
            Address? business = DomainOptions.OptionalAddress(context.Parse, controller);
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            ConsentService service = await session.ConsentAsync(cancellationToken).ConfigureAwait(false);
            Address customer = who ?? session.Account;
            IReadOnlyList<ConsentHistoryEntry> entries = await service.GetHistoryAsync(customer, business, cancellationToken: cancellationToken).ConfigureAwait(false);
            var json = new ConsentHistoryJson(customer.ToString(), business?.ToString(), [.. entries.Select(ConsentHistoryEntryJson.From)]);
            return context.Render(json, DomainJsonContext.Default.ConsentHistoryJson, result => result.Entries.Count == 0
                ? $"No consent history for {result.Subject}."
                : TextTable.Format(
                    ["time", "block", "event", "purpose", "controller", "detail"],
                    result.Entries.Select(entry => (IReadOnlyList<string>)
                    [
                        TextValues.Time(entry.Time),
                        entry.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        entry.Kind,
                        entry.Purpose ?? "-",
                        entry.Controller ?? "-",
                        Detail(entry),
                    ])));
        });
        return command;
    }

    private static string Detail(ConsentHistoryEntryJson entry) =>
        entry.Elements is { } elements ? $"{string.Join(",", elements)}; {entry.LegalBasis}; {(entry.ExpiresAt is { } until ? "until " + TextValues.Time(until) : "until withdrawn")}"
        : entry.Interaction is { } kind ? kind
        : string.Empty;

    private static string RenderChange(DomainContext context, ConsentChange change, Address? relayer)
    {
        var json = new ConsentChangeJson(ConsentJson.From(change.Consent), relayer?.ToString(), TransactionJson.From(change.Transaction));
        return context.Render(json, DomainJsonContext.Default.ConsentChangeJson, result => Describe(result.Consent)
            .Add("relayed by", result.RelayedBy)
            .Add("transaction", result.Transaction.Hash)
            .Add("block", (long)result.Transaction.BlockNumber)
            .Add("gas used", (long)result.Transaction.GasUsed)
            .ToString());
    }

    private static TextBlock Describe(ConsentJson consent) => new TextBlock()
        .Add("customer", consent.Subject)
        .Add("controller", consent.Controller)
        .Add("purpose", $"{consent.Purpose} ({consent.PurposeCode})")
        .Add("status", consent.InForce ? $"{consent.Status} (in force)" : consent.Status)
        .Add("elements", consent.Elements.Count == 0 ? "none" : string.Join(", ", consent.Elements))
        .Add("legal basis", consent.LegalBasis)
        .Add("given at", consent.GivenAt is { } given ? TextValues.Time(given) : null)
        .Add("expires", consent.Version == 0 ? null : TextValues.Time(consent.ExpiresAt, "never (until withdrawn)"))
        .Add("updated at", consent.UpdatedAt is { } updated ? TextValues.Time(updated) : null)
        .Add("version", consent.Version);

    /// <summary>An expiry: a time, or a duration from the latest block (<c>30d</c>).</summary>
    private static (DateTimeOffset? At, TimeSpan? Lasting) Expiry(string text, string option) =>
        text.Length > 1 && char.IsAsciiLetter(text[^1]) && char.IsAsciiDigit(text[0]) && !text.Contains('-', StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal)
            ? (null, DomainParse.Duration(text, option))
            : (DomainParse.Time(text, option), null);

    private static async Task<DateTimeOffset> LatestBlockTimeAsync(DomainSession session, CancellationToken cancellationToken)
    {
        Chain.Rpc.Block latest = await session.Client.Rpc.GetBlockByNumberAsync(Chain.Rpc.BlockParameter.Latest, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The node returned no latest block.");
        return DateTimeOffset.FromUnixTimeSeconds((long)latest.Timestamp);
    }

    private static Option<string> PurposeOption() =>
        DomainOptions.Required("--purpose", $"The purpose: {Names<ConsentPurpose>()}, or its number.", "PURPOSE");

    private static Option<string?> ControllerOption(bool required) => required
        ? new Option<string?>("--controller") { Description = "The business that may process the data.", HelpName = "ADDRESS", Required = true }
        : DomainOptions.Optional("--controller", "The business that may process the data (default: the acting account).", "ADDRESS");

    private static ConsentPurpose Purpose(ParseResult parse, Option<string> option) =>
        DomainParse.Enum<ConsentPurpose>(DomainOptions.Value(parse, option), option.Name);

    private static string Names<T>(bool skipZero = false)
        where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Where(v => !skipZero || Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => DomainNames.Kebab(v)));
}
