using System.Globalization;
using EthCx.Services.Demo;
using EthCx.Testing;
using Xunit.Abstractions;

namespace EthCx.IntegrationTests.Services.Demo;

[Collection(SharedLocalNode.Name)]
public sealed class CxDemoTests(LocalNodeFixture fixture, ITestOutputHelper output)
{
    private LocalNode Node => fixture.Node;

    [Fact]
    public async Task The_demo_story_runs_end_to_end_and_every_final_check_passes_from_chain_state()
    {
        await using var snapshot = await Node.SnapshotAsync();
        CxDemoActors actors = await CxDemoActors.FromMnemonicAsync(Node.Client);
        var printed = new List<DemoStep>();
        var demo = new CxDemo(actors, new SynchronousProgress<DemoStep>(step =>
        {
            printed.Add(step);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step.Number,2}. [{step.Actor}] {step.Name}: {step.Text} {(step.Transaction is { } tx ? $"(tx {tx.Hash}, gas {tx.GasUsed})" : $"({step.Outcome})")}"));
        }));

        DemoReport report = await demo.RunAsync();
        foreach (DemoCheck check in report.Checks)
        {
            output.WriteLine($"{(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Detail}");
        }

        Assert.True(report.Passed, string.Join("\n", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.Equal(10, report.Checks.Count);
        Assert.Equal(report.Steps, printed);
        Assert.Equal(Enumerable.Range(1, report.Steps.Count), report.Steps.Select(s => s.Number));
        Assert.All(report.Steps.Where(s => s.Outcome == DemoStepOutcome.Done), s => Assert.True(s.Transaction is { GasUsed: > 21_000 }, s.Name));
        Assert.All(report.Steps.Where(s => s.Outcome != DemoStepOutcome.Done), s => Assert.Null(s.Transaction));
        Assert.Equal(["shipment B: delivery as conformant", "marketing: December newsletter"], report.Steps.Where(s => s.Outcome == DemoStepOutcome.Refused).Select(s => s.Name));
        Assert.StartsWith("Refused by the tracker: SupplyChainConformanceMismatch(shipmentId=", report.Steps.Single(s => s.Name == "shipment B: delivery as conformant").Text, StringComparison.Ordinal);
        Assert.EndsWith("purpose=3, status=2); consent for DirectMarketing is Withdrawn.", report.Steps.Single(s => s.Name == "marketing: December newsletter").Text, StringComparison.Ordinal);
        Assert.Contains(report.Steps, s => s.Name == "shipment B: sensor report" && s.Text.Contains("Breach: ExcursionBudgetExceeded", StringComparison.Ordinal));
        Assert.Contains(report.Steps, s => s.Name == "timeline" && s.Text.Contains("all verified against the chain", StringComparison.Ordinal));
        Assert.Equal(report.Steps.Sum(s => (long)(s.Transaction?.GasUsed ?? 0)), (long)report.GasUsed);
    }
}
