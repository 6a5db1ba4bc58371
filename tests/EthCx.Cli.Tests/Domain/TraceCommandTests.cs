using System.Globalization;
using System.Text.Json;
using EthCx.Services.Traceability;
using EthCx.Services.Traceability.Epcis;

namespace EthCx.Cli.Tests.Domain;

/// <summary><c>ethcx trace ...</c> against the fixture's deployment; each test that writes reverts the node after itself.</summary>
[Collection(DomainNode.Name)]
public sealed class TraceCommandTests(DomainFixture fixture) : IDisposable
{
    private const string Item = "urn:epc:id:sgtin:4012345.011111.1001";
    private const string Pallet = "urn:epc:id:sscc:4012345.0000000011";
    private const string Warehouse = "urn:epc:id:sgln:4012345.00001.0";

    private readonly string _directory = Directory.CreateTempSubdirectory("ethcx-cli-trace-").FullName;

    [Fact]
    public async Task Anchor_anchors_each_event_of_a_document_once_under_its_hash_id()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        (string file, EpcisEvent[] events) = WriteDocument();

        JsonElement anchored = await fixture.JsonAsync("trace", "anchor", file);
        JsonElement again = await fixture.JsonAsync("trace", "anchor", file);

        Assert.Equal(events.Select(e => e.HashUri), anchored.EnumerateArray().Select(a => a.GetProperty("eventId").GetString()));
        Assert.All(anchored.EnumerateArray(), a => Assert.Equal("anchored", a.GetProperty("outcome").GetString()));
        Assert.All(again.EnumerateArray(), a => Assert.Equal("already-anchored", a.GetProperty("outcome").GetString()));
        Assert.Equal(["commissioning", "packing"], anchored.EnumerateArray().Select(a => a.GetProperty("businessStep").GetString()));
        foreach (EpcisEvent e in events)
        {
            EventAnchor? anchor = await fixture.Traceability.GetAnchorAsync(e.HashId);
            Assert.Equal(DomainFixture.Business, anchor?.Anchorer);
        }
    }

    [Fact]
    public async Task A_shipment_travels_through_custody_and_a_breaching_sensor_report_to_a_verified_timeline()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        (string file, EpcisEvent[] _) = WriteDocument();
        await fixture.JsonAsync("trace", "anchor", file);

        JsonElement created = await fixture.JsonAsync("trace", "ship", "--sscc", Pallet, "--receiver", DomainFixture.Customer.ToString(), "--min", "2", "--max", "8", "--max-excursion", "30m", "--budget", "1h");
        JsonElement offered = await fixture.JsonAsync("trace", "offer", "--sscc", Pallet, "--to", DomainFixture.Carrier.ToString());
        JsonElement accepted = await fixture.JsonAsync("trace", "accept", "--sscc", Pallet, "--party-index", "1");
        long now = (long)(await fixture.Node.Client.GetBlockByNumberAsync(EthCx.Chain.Rpc.BlockParameter.Latest))!.Timestamp;
        string readings = Write("readings.csv", $"# time,celsius\n{now - 3600},5\n{now - 3000},9.5\n{now - 600},5\n");
        JsonElement report = await fixture.JsonAsync("trace", "sensor", "--sscc", Pallet, "--readings", readings, "--mnemonic-index", "2");
        await fixture.JsonAsync("trace", "offer", "--sscc", Pallet, "--to", DomainFixture.Customer.ToString(), "--mnemonic-index", "1");
        CliResult conformant = await fixture.RunAsync("trace", "deliver", "--sscc", Pallet, "--mnemonic-index", "3");
        JsonElement delivered = await fixture.JsonAsync("trace", "deliver", "--sscc", Pallet, "--non-conformant", "--mnemonic-index", "3");
        JsonElement timeline = await fixture.JsonAsync("trace", "timeline", "--product", Item, "--events", file);

        Assert.Equal("in-transit", created.GetProperty("shipment").GetProperty("status").GetString());
        Assert.Equal(ShipmentId.FromSscc(Pallet).ToString(), created.GetProperty("shipment").GetProperty("id").GetString());
        Assert.Equal(DomainFixture.Carrier.ToString(), offered.GetProperty("shipment").GetProperty("pendingCustodian").GetString());
        Assert.Equal(DomainFixture.Carrier.ToString(), accepted.GetProperty("shipment").GetProperty("custodian").GetString());
        Assert.Equal(DomainFixture.Business.ToString(), accepted.GetProperty("relayedBy").GetString());
        Assert.Equal("single-excursion-too-long", report.GetProperty("breach").GetProperty("kind").GetString());
        Assert.Equal(2400, report.GetProperty("breach").GetProperty("longestExcursionSeconds").GetInt64());
        Assert.False(report.GetProperty("shipment").GetProperty("conformant").GetBoolean());
        Cli.AssertOneLineError(conformant, $"SupplyChainConformanceMismatch(shipmentId={ShipmentId.FromSscc(Pallet)} (SSCC {Pallet}), conformant=false)");
        Assert.Equal("delivered", delivered.GetProperty("shipment").GetProperty("status").GetString());
        ShipmentView? onChain = await fixture.Traceability.GetShipmentAsync(ShipmentId.FromSscc(Pallet));
        Assert.Equal(ShipmentStatus.Delivered, onChain?.Status);
        Assert.False(onChain?.Conformant);
        Assert.Equal(TimeSpan.FromSeconds(2400), onChain?.ExcursionUsed);
        Assert.True(timeline.GetProperty("fullyVerified").GetBoolean());
        string[] kinds = [.. timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!)];
        Assert.Equal(["epcis-event", "epcis-event", "shipment-created", "custody-offered", "custody-accepted", "sensor-report", "breach", "custody-offered", "custody-accepted", "delivered"], kinds);
    }

    [Fact]
    public async Task An_offer_by_someone_not_the_custodian_is_refused_naming_the_sscc_and_the_account()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        await fixture.JsonAsync("trace", "ship", "--sscc", "040123450000000115", "--receiver", DomainFixture.Customer.ToString(), "--min", "2", "--max", "8", "--max-excursion", "60", "--budget", "120");

        CliResult result = await fixture.RunAsync("trace", "offer", "--sscc", Pallet, "--to", DomainFixture.Carrier.ToString(), "--mnemonic-index", "5");

        Cli.AssertOneLineError(result, $"SupplyChainNotCustodian(shipmentId={ShipmentId.FromSscc(Pallet)} (SSCC {Pallet}), account={DomainFixture.Outsider})");
        Assert.Null((await fixture.Traceability.GetShipmentAsync(ShipmentId.FromSscc(Pallet)))?.PendingCustodian);
    }

    [Fact]
    public async Task A_file_that_is_not_epcis_names_the_argument()
    {
        string file = Write("not-epcis.json", """{"hello": "world"}""");

        Cli.AssertOneLineError(await fixture.RunAsync("trace", "anchor", file), "<FILE>");
        Cli.AssertOneLineError(await fixture.RunAsync("trace", "anchor", Path.Combine(_directory, "missing.jsonld")), "<FILE>");
    }

    [Theory]
    [InlineData("--sscc", "12345")]
    [InlineData("--min", "cold")]
    [InlineData("--max", "1")]
    [InlineData("--budget", "1w")]
    [InlineData("--receiver", "customer")]
    public async Task A_bad_shipment_value_names_its_option(string option, string value)
    {
        var args = new Dictionary<string, string>
        {
            ["--sscc"] = Pallet,
            ["--receiver"] = DomainFixture.Customer.ToString(),
            ["--min"] = "2",
            ["--max"] = "8",
            ["--max-excursion"] = "30m",
            ["--budget"] = "1h",
            [option] = value,
        };

        CliResult result = await fixture.RunAsync(["trace", "ship", .. args.SelectMany(pair => (string[])[pair.Key, pair.Value])]);

        Cli.AssertOneLineError(result, option);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (string File, EpcisEvent[] Events) WriteDocument()
    {
        var start = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        EpcisEvent[] events =
        [
            new EpcisEventDraft(EpcisEventType.Object, start, EpcisAction.Add, BusinessStep.Commissioning) { Epcs = [Item], Disposition = Disposition.Active, ReadPoint = Warehouse }.Build(),
            new EpcisEventDraft(EpcisEventType.Aggregation, start.AddHours(1), EpcisAction.Add, BusinessStep.Packing) { ParentId = Pallet, Children = [Item], Disposition = Disposition.InProgress, ReadPoint = Warehouse }.Build(),
        ];
        string document = $$"""
            {
              "@context": ["{{EpcisEventDraft.Context}}"],
              "type": "EPCISDocument",
              "schemaVersion": "2.0",
              "creationDate": "{{start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}",
              "epcisBody": { "eventList": [{{string.Join(",\n", events.Select(e => e.Json))}}] }
            }
            """;
        return (Write("events.jsonld", document), events);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
