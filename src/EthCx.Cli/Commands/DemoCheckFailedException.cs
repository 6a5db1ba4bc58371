using EthCx.Services.Demo;

namespace EthCx.Cli.Commands;

/// <summary>A final check of the demo did not hold on chain; the message names every failed check and what the chain holds.</summary>
/// <param name="report">The demo's report.</param>
internal sealed class DemoCheckFailedException(DemoReport report) : Exception(
    $"{report.Checks.Count(check => !check.Passed)} of {report.Checks.Count} final checks failed: " +
    string.Join("; ", report.Checks.Where(check => !check.Passed).Select(check => $"{check.Name} ({check.Detail})")));
