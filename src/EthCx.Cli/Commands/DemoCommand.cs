using System.CommandLine;
using EthCx.Cli.Input;
using EthCx.Cli.Output;
using EthCx.Services.Demo;

namespace EthCx.Cli.Commands;

/// <summary>
/// <c>ethcx demo</c>: runs the EthCx story (<see cref="CxDemo"/>) on fresh contracts, printing each step as it ends
/// (or, with <c>--json</c>, the whole report as JSON and the steps on the error writer), and fails when a final check
/// read back from chain state does not hold.
/// </summary>
internal static class DemoCommand
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output; the steps go to standard error as they end." };
        var command = new Command(
            "demo",
            $"Deploy the three contracts and run the customer story with four actors (accounts 0-3 of ${CliEnvironment.MnemonicVariable}, " +
            "or of the Hardhat test mnemonic on chain 31337 only); exit 1 if any final check fails.")
        {
            json,
        };
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            bool asJson = parse.GetValue(json);
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter steps = asJson ? parse.InvocationConfiguration.Error : output;
            CxDemoActors actors = await CxDemoActors.FromMnemonicAsync(rpc.Client, environment.Get(CliEnvironment.MnemonicVariable), cancellationToken).ConfigureAwait(false);
            await steps.WriteLineAsync(DemoPrinter.Header(rpc.DisplayUrl, actors)).ConfigureAwait(false);
            var demo = new CxDemo(actors, new StepWriter(steps));
            DemoReport report = await demo.RunAsync(cancellationToken).ConfigureAwait(false);
            string result = asJson ? DemoPrinter.Json(report) : DemoPrinter.Summary(report);
            if (!report.Passed)
            {
                await output.WriteLineAsync(result).ConfigureAwait(false);
                throw new DemoCheckFailedException(report);
            }

            return result;
        });
        root.Subcommands.Add(command);
    }

    /// <summary>Writes each step the moment it ends, on the demo's own thread, so the lines stay in order.</summary>
    private sealed class StepWriter(TextWriter writer) : IProgress<DemoStep>
    {
        public void Report(DemoStep value) => writer.WriteLine(DemoPrinter.Step(value));
    }
}
