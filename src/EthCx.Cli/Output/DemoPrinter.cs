using System.Globalization;
using System.Text;
using EthCx.Services.Demo;
using EthCx.Services.Deployment;

namespace EthCx.Cli.Output;

/// <summary>How <c>ethcx demo</c> shows the story: a header naming the node and actors, one block per step, the checks.</summary>
internal static class DemoPrinter
{
    private const string Indent = "      ";

    /// <summary>The node and the four actors.</summary>
    public static string Header(string url, CxDemoActors actors) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            EthCx demo on {url} (chain {actors.Retailer.ChainId})
              retailer {actors.Retailer.Signer!.Address}   customer {actors.Customer.Signer!.Address}
              carrier  {actors.Carrier.Signer!.Address}   sensor   {actors.Sensor.Signer!.Address}

            """);

    /// <summary>One step: number, actor and name; its text indented below; the transaction or how it ended.</summary>
    public static string Step(DemoStep step)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{step.Number,3}. {step.Name}  [{step.Actor}]");
        foreach (string line in step.Text.Split('\n'))
        {
            text.Append('\n').Append(Indent).Append(line);
        }

        text.Append('\n').Append(Indent).Append(step.Transaction is { } tx
            ? string.Create(CultureInfo.InvariantCulture, $"tx {tx.Hash}  block {tx.BlockNumber}  gas {tx.GasUsed:N0}")
            : step.Outcome == DemoStepOutcome.Refused ? "refused, as the story expects (no transaction mined)" : "read from chain state");
        return text.ToString();
    }

    /// <summary>The contracts, the checks and the totals.</summary>
    public static string Summary(DemoReport report)
    {
        var text = new StringBuilder("\nContracts\n");
        foreach (DeployedContract contract in report.Deployment.Contracts)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {contract.Name,-20} {contract.Address}  (block {contract.BlockNumber})\n");
        }

        text.Append("\nFinal checks, read back from chain state\n");
        foreach (DemoCheck check in report.Checks)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Detail}\n");
        }

        int transactions = report.Steps.Count(step => step.Transaction is not null);
        int refused = report.Steps.Count(step => step.Outcome == DemoStepOutcome.Refused);
        text.Append(CultureInfo.InvariantCulture, $"\n{report.Steps.Count} steps, {transactions} transactions, {refused} refused as expected, {report.GasUsed:N0} gas; ");
        text.Append(CultureInfo.InvariantCulture, $"{report.Checks.Count(check => check.Passed)} of {report.Checks.Count} checks passed.");
        return text.ToString();
    }

    /// <summary>The report as JSON (camelCase): passed, chainId, gasUsed, contracts, steps, checks.</summary>
    public static string Json(DemoReport report) => DomainJson.Serialize(DemoJson.From(report), DomainJsonContext.Default.DemoJson);
}
