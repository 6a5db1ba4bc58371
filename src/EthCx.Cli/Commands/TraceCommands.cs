using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EthCx.Chain.Accounts;
using EthCx.Chain.Primitives;
using EthCx.Cli.Domain;
using EthCx.Cli.Input;
using EthCx.Cli.Output;
using EthCx.Services.Traceability;
using EthCx.Services.Traceability.Epcis;

namespace EthCx.Cli.Commands;

/// <summary>
/// <c>ethcx trace anchor|ship|offer|accept|sensor|deliver|timeline</c>: traceability through
/// <see cref="TraceabilityService"/>. Events come as EPCIS 2.0 JSON-LD files, shipments are named by their SSCC,
/// sensor data as a file of readings.
/// </summary>
internal static class TraceCommands
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        var trace = new Command("trace", "Traceability: anchor EPCIS events, ship with custody hand-overs and sensor reports, and a product's verified timeline.");
        trace.Subcommands.Add(Anchor(environment));
        trace.Subcommands.Add(Ship(environment));
        trace.Subcommands.Add(Offer(environment));
        trace.Subcommands.Add(Accept(environment));
        trace.Subcommands.Add(Sensor(environment));
        trace.Subcommands.Add(Deliver(environment));
        trace.Subcommands.Add(Timeline(environment));
        root.Subcommands.Add(trace);
    }

    private static Command Anchor(CliEnvironment environment)
    {
        var files = new Argument<string[]>("FILE") { Description = "EPCIS 2.0 JSON-LD files: an EPCISDocument (every event of its eventList) or a single event.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("anchor", "Anchor EPCIS events by their hash id (CBV 2.0), in one transaction; events already anchored are reported, not sent again.") { files };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            IReadOnlyList<EpcisEvent> events = ReadEvents(context.Parse.GetValue(files)!, "<FILE>");
            TraceabilityService trace = await (await context.SessionAsync(cancellationToken).ConfigureAwait(false)).TraceabilityAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<AnchorResult> results = await trace.AnchorManyAsync(events, cancellationToken).ConfigureAwait(false);
            AnchorJson[] json = [.. events.Zip(results, (e, r) => new AnchorJson(
                e.HashUri,
                DomainNames.Kebab(e.Type),
                Cbv.NameOf(e.BusinessStep),
                e.EventTime,
                DomainNames.Kebab(r.Outcome),
                r.Anchor.Anchorer.ToString(),
                r.Anchor.AnchoredAt,
                TransactionJson.From(r.Anchor.Transaction)))];
            return context.Render<IReadOnlyList<AnchorJson>>(json, DomainJsonContext.Default.IReadOnlyListAnchorJson, anchors => TextTable.Format(
                ["event", "step", "time", "outcome", "block", "transaction"],
                anchors.Select(a => (IReadOnlyList<string>)[a.EventId, a.BusinessStep, TextValues.Time(a.EventTime), a.Outcome, Number(a.Transaction.BlockNumber), a.Transaction.Hash])));
        });
        return command;
    }

    private static Command Ship(CliEnvironment environment)
    {
        var sscc = SsccOption();
        var receiver = DomainOptions.Required("--receiver", "The party that will confirm delivery.", "ADDRESS");
        var min = DomainOptions.Required("--min", "The lowest allowed temperature, °C.", "CELSIUS");
        var max = DomainOptions.Required("--max", "The highest allowed temperature, °C.", "CELSIUS");
        var excursion = DomainOptions.Required("--max-excursion", "The longest allowed continuous excursion out of range: seconds, or 30m, 2h...", "DURATION");
        var budget = DomainOptions.Required("--budget", "The allowed cumulative time out of range: seconds, or 30m, 2h...", "DURATION");
        var command = new Command("ship", "Create a shipment, with the acting account as sender and first custodian, under a cold-chain profile.") { sscc, receiver, min, max, excursion, budget };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            ParseResult parse = context.Parse;
            (string code, ShipmentId id) = Shipment(context, sscc);
            Address to = DomainOptions.Address(parse, receiver);
            var profile = new ColdChainProfile(
                DomainParse.Celsius(DomainOptions.Value(parse, min), min.Name),
                DomainParse.Celsius(DomainOptions.Value(parse, max), max.Name),
                DomainParse.Duration(DomainOptions.Value(parse, excursion), excursion.Name),
                DomainParse.Duration(DomainOptions.Value(parse, budget), budget.Name));
            if (profile.MaxCelsius < profile.MinCelsius)
            {
                throw new CliInputException(max.Name, $"{profile.MaxCelsius} °C is below --min {profile.MinCelsius} °C");
            }

            TraceabilityService trace = await TraceAsync(context, cancellationToken).ConfigureAwait(false);
            ShipmentChange change = await trace.CreateShipmentAsync(id, to, profile, cancellationToken).ConfigureAwait(false);
            return RenderChange(context, code, change.Shipment, null, null, change.Transaction);
        });
        return command;
    }

    private static Command Offer(CliEnvironment environment)
    {
        var sscc = SsccOption();
        var to = DomainOptions.Required("--to", "The party offered custody (e.g. the carrier).", "ADDRESS");
        var command = new Command("offer", "Offer custody of a shipment to the next party, as its current custodian.") { sscc, to };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            (string code, ShipmentId id) = Shipment(context, sscc);
            Address party = DomainOptions.Address(context.Parse, to);
            TraceabilityService trace = await TraceAsync(context, cancellationToken).ConfigureAwait(false);
            ShipmentChange change = await trace.OfferCustodyAsync(id, party, cancellationToken).ConfigureAwait(false);
            return RenderChange(context, code, change.Shipment, null, null, change.Transaction);
        });
        return command;
    }

    private static Command Accept(CliEnvironment environment)
    {
        var sscc = SsccOption();
        var nonConformant = NonConformantOption();
        var party = new SignatoryOptions("party");
        var command = new Command("accept", "Accept the custody offered: as the acting account, or signed here by the party (--party-key or --party-index) and relayed by the acting account.") { sscc, nonConformant };
        party.AddTo(command);
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            (string code, ShipmentId id) = Shipment(context, sscc);
            bool asConformant = !context.Parse.GetValue(nonConformant);
            DomainSession session = await context.SessionAsync(cancellationToken).ConfigureAwait(false);
            TraceabilityService trace = await session.TraceabilityAsync(cancellationToken).ConfigureAwait(false);
            using PrivateKeySigner? signer = party.Create(context.Parse, context.Options, session.Client.ChainId);
            ShipmentChange change = signer is null
                ? await trace.AcceptCustodyAsync(id, asConformant, cancellationToken).ConfigureAwait(false)
                : await trace.AcceptCustodyBySignatureAsync(await trace.SignCustodyAcceptanceAsync(signer, id, asConformant, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return RenderChange(context, code, change.Shipment, null, signer is null ? null : session.Account, change.Transaction);
        });
        return command;
    }

    private static Command Sensor(CliEnvironment environment)
    {
        var sscc = SsccOption();
        var readings = DomainOptions.Required("--readings", "A file of temperature readings, one 'time,celsius' per line (ISO 8601 or Unix seconds); blank lines and lines starting with # are skipped.", "FILE");
        var from = DomainOptions.Optional("--window-start", "The start of the measurement window (default: the first reading).", "TIME");
        var to = DomainOptions.Optional("--window-end", "The end of the measurement window (default: the last reading); not in the future.", "TIME");
        var before = DomainOptions.Optional("--excursion-before", "An excursion already running when the window starts (the previous window's trailing excursion).", "DURATION");
        var command = new Command("sensor", "Report a sensor's summary of a window of readings, as a registered sensor; a report over the profile's limits breaches the shipment.") { sscc, readings, from, to, before };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            ParseResult parse = context.Parse;
            (string code, ShipmentId id) = Shipment(context, sscc);
            TemperatureReading[] values = ReadReadings(DomainOptions.Value(parse, readings), readings.Name);
            DateTimeOffset start = parse.GetValue(from) is string s ? DomainParse.Time(s, from.Name) : values.Min(r => r.Time);
            DateTimeOffset end = parse.GetValue(to) is string e ? DomainParse.Time(e, to.Name) : values.Max(r => r.Time);
            TimeSpan running = parse.GetValue(before) is string b ? DomainParse.Duration(b, before.Name) : TimeSpan.Zero;
            if (end <= start)
            {
                throw new CliInputException(to.Name, $"the window ends at {TextValues.Time(end)}, not after its start {TextValues.Time(start)}");
            }

            if (values.Any(r => r.Time < start || r.Time > end))
            {
                throw new CliInputException(readings.Name, $"readings lie outside the window {TextValues.Time(start)} to {TextValues.Time(end)}");
            }

            TraceabilityService trace = await TraceAsync(context, cancellationToken).ConfigureAwait(false);
            ShipmentView shipment = await trace.GetShipmentAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new CliInputException(sscc.Name, $"no shipment has SSCC {code}");
            SensorSummary summary = SensorSummary.FromReadings(values, shipment.Profile, start, end, running);
            SensorReportResult report = await trace.ReportSensorSummaryAsync(id, summary, cancellationToken).ConfigureAwait(false);
            BreachJson? breach = report.Breach is { } b2 ? new BreachJson(DomainNames.Kebab(b2.Kind), (long)b2.ExcursionUsed.TotalSeconds, (long)b2.LongestExcursion.TotalSeconds) : null;
            return RenderChange(context, code, report.Shipment, breach, null, report.Transaction);
        });
        return command;
    }

    private static Command Deliver(CliEnvironment environment)
    {
        var sscc = SsccOption();
        var nonConformant = NonConformantOption();
        var command = new Command("deliver", "Confirm delivery, as the receiver (the custodian, or the party offered custody).") { sscc, nonConformant };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            (string code, ShipmentId id) = Shipment(context, sscc);
            TraceabilityService trace = await TraceAsync(context, cancellationToken).ConfigureAwait(false);
            ShipmentChange change = await trace.ConfirmDeliveryAsync(id, !context.Parse.GetValue(nonConformant), cancellationToken).ConfigureAwait(false);
            return RenderChange(context, code, change.Shipment, null, null, change.Transaction);
        });
        return command;
    }

    private static Command Timeline(CliEnvironment environment)
    {
        var product = DomainOptions.Required("--product", "The identifier printed on the product: an EPC URN (urn:epc:id:sgtin:...) or a GS1 Digital Link.", "ID");
        var events = new Option<string[]>("--events")
        {
            Description = "EPCIS 2.0 JSON-LD files known for the product (documents or single events); each is checked against its anchor.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("timeline", "A product's verified timeline: its EPCIS events checked against their anchors, and the tracker's history of the shipments it travelled in.") { product, events };
        CliCommand.SetDomainAction(command, environment, async (context, cancellationToken) =>
        {
            string id = DomainOptions.Value(context.Parse, product);
            IReadOnlyList<EpcisEvent> documents = ReadEvents(context.Parse.GetValue(events) ?? [], events.Name);
            try
            {
                _ = Gs1DigitalLink.Canonicalise(id);
            }
            catch (Exception error) when (error is ArgumentException or FormatException)
            {
                throw new CliInputException(product.Name, $"'{id}' is not an EPC URN or GS1 Digital Link");
            }

            TraceabilityService trace = await TraceAsync(context, cancellationToken).ConfigureAwait(false);
            ProductTimeline timeline = await trace.GetTimelineAsync(id, documents, cancellationToken).ConfigureAwait(false);
            var json = new TimelineJson(
                timeline.Product,
                timeline.FullyVerified,
                timeline.Containers,
                [.. timeline.Shipments.Select(ShipmentJson.From)],
                [.. timeline.Entries.Select(e => new TimelineEntryJson(e.Time, DomainNames.Kebab(e.Kind), e.Description, DomainNames.Kebab(e.Verification), e.Party?.ToString(), e.EventId?.ToString(), e.TransactionHash?.ToString(), e.BlockNumber))]);
            return context.Render(json, DomainJsonContext.Default.TimelineJson, result => new TextBlock()
                .Add("product", result.Product)
                .Add("containers", result.Containers.Count == 0 ? "none" : string.Join(", ", result.Containers))
                .Add("verified", result.FullyVerified ? "yes: every entry is proven by the chain" : "no: see the entries not verified or on chain")
                .Section(result.Entries.Count == 0 ? "No entries." : TextTable.Format(
                    ["time", "verification", "what", "block"],
                    result.Entries.Select(e => (IReadOnlyList<string>)[TextValues.Time(e.Time), e.Verification, e.Description, e.BlockNumber is ulong n ? Number(n) : "-"])))
                .ToString());
        });
        return command;
    }

    private static string RenderChange(DomainContext context, string sscc, ShipmentView shipment, BreachJson? breach, Address? relayer, Services.TransactionSummary transaction)
    {
        var json = new ShipmentChangeJson(sscc, ShipmentJson.From(shipment), breach, relayer?.ToString(), TransactionJson.From(transaction));
        return context.Render(json, DomainJsonContext.Default.ShipmentChangeJson, result => new TextBlock()
            .Add("shipment", $"{result.Sscc} ({result.Shipment.Id})")
            .Add("status", result.Shipment.Status)
            .Add("conformant", result.Shipment.Conformant ? "yes" : "no: the profile was breached")
            .Add("custodian", result.Shipment.Custodian)
            .Add("offered to", result.Shipment.PendingCustodian)
            .Add("receiver", result.Shipment.Receiver)
            .Add("profile", shipment.Profile.ToString())
            .Add("excursion", $"{result.Shipment.ExcursionUsedSeconds} s used, {result.Shipment.BudgetLeftSeconds} s of budget left")
            .Add("breach", result.Breach is { } b ? $"{b.Kind}: {b.ExcursionUsedSeconds} s out of range in all, longest excursion {b.LongestExcursionSeconds} s" : null)
            .Add("relayed by", result.RelayedBy)
            .Add("transaction", result.Transaction.Hash)
            .Add("block", (long)result.Transaction.BlockNumber)
            .Add("gas used", (long)result.Transaction.GasUsed)
            .ToString());
    }

    private static async Task<TraceabilityService> TraceAsync(DomainContext context, CancellationToken cancellationToken) =>
        await (await context.SessionAsync(cancellationToken).ConfigureAwait(false)).TraceabilityAsync(cancellationToken).ConfigureAwait(false);

    private static Option<string> SsccOption() =>
        DomainOptions.Required("--sscc", "The shipment's SSCC: urn:epc:id:sscc:..., a GS1 Digital Link with AI 00, or the 18 digits.", "SSCC");

    private static Option<bool> NonConformantOption() => new("--non-conformant")
    {
        Description = "Acknowledge that the shipment breached its profile (a breached shipment can only be taken over so; a conformant one only without).",
    };

    private static (string Code, ShipmentId Id) Shipment(DomainContext context, Option<string> option)
    {
        string code = DomainOptions.Value(context.Parse, option);
        ShipmentId id = DomainParse.Shipment(code, option.Name);
        context.Name(id.Value, $"SSCC {code}");
        return (code, id);
    }

    private static List<EpcisEvent> ReadEvents(IEnumerable<string> paths, string argument)
    {
        var events = new List<EpcisEvent>();
        foreach (string path in paths)
        {
            string json = DomainParse.ReadText(path, argument);
            try
            {
                using JsonDocument probe = JsonDocument.Parse(json);
                bool document = probe.RootElement.ValueKind == JsonValueKind.Object && probe.RootElement.TryGetProperty("epcisBody", out _);
                events.AddRange(document ? EpcisEvent.ParseDocument(json) : [EpcisEvent.Parse(json)]);
            }
            catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new CliInputException(argument, $"{path} is not an EPCIS 2.0 JSON-LD document or event: {error.Message}");
            }
        }

        return events;
    }

    private static TemperatureReading[] ReadReadings(string path, string option)
    {
        var readings = new List<TemperatureReading>();
        string[] lines = DomainParse.ReadText(path, option).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split(',', StringSplitOptions.TrimEntries);
            string where = $"{option} line {i + 1}";
            readings.Add(fields.Length == 2
                ? new TemperatureReading(DomainParse.Time(fields[0], where), DomainParse.Celsius(fields[1], where))
                : throw new CliInputException(where, $"'{line}' is not 'time,celsius'"));
        }

        return readings.Count > 0 ? [.. readings] : throw new CliInputException(option, $"{path} holds no readings");
    }

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
