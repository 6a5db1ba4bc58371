using System.Diagnostics;
using System.Text.Json;
using EthCx.Services.Loyalty;

namespace EthCx.Cli.Tests.Domain;

/// <summary>
/// The EthCx commands through the built tool (<c>dotnet ethcx.dll</c>, as <c>scripts/ethcx</c> runs it), with the node
/// and manifests from <c>ETHCX_*</c> variables: exit codes, <c>--json</c> on stdout alone, progress on stderr.
/// </summary>
[Collection(DomainNode.Name)]
public sealed class BuiltToolTests(DomainFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_award_prints_json_on_stdout_and_progress_on_stderr()
    {
        await using var _ = await fixture.Node.SnapshotAsync();

        ToolResult result = Run("points", "award", "--customer", DomainFixture.Customer.ToString(), "--purchase", "ORD-TOOL-1", "--points", "40", "--json", "--progress");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument award = JsonDocument.Parse(result.Output);
        string hash = award.RootElement.GetProperty("transaction").GetProperty("hash").GetString()!;
        ulong block = award.RootElement.GetProperty("transaction").GetProperty("blockNumber").GetUInt64();
        Assert.Contains($"sent {hash[..10]}…{hash[^4..]}\n", result.Error, StringComparison.Ordinal);
        Assert.Contains($"mined {hash[..10]}…{hash[^4..]} in block {block}, ", result.Error, StringComparison.Ordinal);
        Assert.Equal(40, (await fixture.Loyalty.GetAccountAsync(DomainFixture.Customer)).Balance);
        Assert.Equal(DomainFixture.Customer, (await fixture.Loyalty.GetPurchaseAsync(PurchaseReference.FromOrderId("ORD-TOOL-1")))?.Customer);
    }

    [Fact]
    public void Without_a_terminal_or_progress_stderr_stays_empty_and_a_rerun_of_deploy_sends_nothing()
    {
        ToolResult result = Run("deploy", "--carrier", DomainFixture.Carrier.ToString(), "--sensor", DomainFixture.Sensor.ToString(), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        using JsonDocument outcome = JsonDocument.Parse(result.Output);
        Assert.False(outcome.RootElement.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public void A_revert_exits_1_with_the_decoded_error_in_one_line()
    {
        ToolResult result = Run("points", "reverse", "--purchase", "ORD-TOOL-NEVER");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"error: The transaction was not sent: it would revert: LoyaltyUnknownPurchase(purchaseRef={PurchaseReference.FromOrderId("ORD-TOOL-NEVER")} (order 'ORD-TOOL-NEVER'))\n", result.Error);
    }

    [Fact]
    public void A_node_that_is_down_exits_1_with_one_line_naming_its_url()
    {
        ToolResult result = Run(new Dictionary<string, string> { ["ETHCX_RPC_URL"] = "http://127.0.0.1:9" }, "consent", "check", "--customer", DomainFixture.Customer.ToString(), "--purpose", "direct-marketing");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Could not reach the node at http://127.0.0.1:9", result.Error, StringComparison.Ordinal);
    }

    private ToolResult Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    private ToolResult Run(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ethcx.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("ETHCX_PRIVATE_KEY");
        info.Environment.Remove("ETHCX_MNEMONIC");
        info.Environment.Remove("ETHCX_ACCOUNT_INDEX");
        info.Environment["ETHCX_RPC_URL"] = fixture.Url;
        info.Environment["ETHCX_DEPLOYMENTS"] = fixture.Deployments;
        foreach ((string name, string value) in variables)
        {
            info.Environment[name] = value;
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start ethcx.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ethcx {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }

    private sealed record ToolResult(int ExitCode, string Output, string Error);
}
