using System.Text.Json;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Cli.Tests.Chain;

/// <summary><c>ethcx demo</c> on Hardhat: the story, its JSON report checked against the chain, and a node that is down.</summary>
[Collection(HardhatCliNode.Name)]
public sealed class DemoCommandTests(HardhatCliFixture fixture)
{
    [Fact]
    public async Task Demo_with_json_reports_every_step_and_ten_passed_checks_and_its_contracts_are_on_chain()
    {
        await using var _ = await fixture.Node.SnapshotAsync();

        CliResult result = await Cli.RunAsync("demo", "--json", "--rpc-url", fixture.Url);

        Assert.True(result.ExitCode == 0, result.Error);
        using JsonDocument report = JsonDocument.Parse(result.Output);
        JsonElement root = report.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(31337UL, root.GetProperty("chainId").GetUInt64());
        JsonElement[] checks = [.. root.GetProperty("checks").EnumerateArray()];
        Assert.Equal(10, checks.Length);
        Assert.All(checks, check => Assert.True(check.GetProperty("passed").GetBoolean(), check.GetProperty("name").GetString()));

        JsonElement[] steps = [.. root.GetProperty("steps").EnumerateArray()];
        Assert.Equal(["shipment B: delivery as conformant", "marketing: December newsletter"], steps.Where(s => s.GetProperty("outcome").GetString() == "refused").Select(s => s.GetProperty("name").GetString()));
        long gas = 0;
        foreach (JsonElement step in steps.Where(s => s.TryGetProperty("transaction", out JsonElement _)))
        {
            JsonElement tx = step.GetProperty("transaction");
            TransactionReceipt? receipt = await fixture.Node.Client.GetTransactionReceiptAsync(Bytes32.Parse(tx.GetProperty("hash").GetString()!));
            Assert.NotNull(receipt);
            Assert.Equal(tx.GetProperty("gasUsed").GetUInt64(), receipt.GasUsed);
            gas += tx.GetProperty("gasUsed").GetInt64();
        }

        Assert.Equal(gas, root.GetProperty("gasUsed").GetInt64());
        foreach (JsonElement contract in root.GetProperty("contracts").EnumerateArray())
        {
            byte[] code = await fixture.Node.Client.GetCodeAsync(Address.Parse(contract.GetProperty("address").GetString()!));
            Assert.NotEmpty(code);
        }

        // The steps went to the error writer as they ended, numbered 1..n, so the JSON on the output stays clean.
        Assert.Equal(steps.Length, result.Error.Split('\n').Count(line => line.Length > 4 && char.IsDigit(line[2]) && line.Contains(". ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Demo_as_text_prints_the_actors_the_steps_and_the_checks()
    {
        await using var _ = await fixture.Node.SnapshotAsync();

        string output = await Cli.OutputOfAsync("demo", "--rpc-url", fixture.Url);

        Assert.StartsWith($"EthCx demo on {fixture.Node.Url.GetLeftPart(UriPartial.Authority)}", output, StringComparison.Ordinal);
        Assert.Contains("  1. deploy: ConsentRegistry  [retailer]", output, StringComparison.Ordinal);
        Assert.Contains("refused, as the story expects", output, StringComparison.Ordinal);
        Assert.Equal(10, output.Split('\n').Count(line => line.StartsWith("  PASS  ", StringComparison.Ordinal)));
        Assert.EndsWith("10 of 10 checks passed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_against_a_node_that_is_down_fails_with_one_line_naming_the_url()
    {
        CliResult result = await Cli.RunAsync("demo", "--rpc-url", "http://127.0.0.1:9");

        Cli.AssertOneLineError(result, "http://127.0.0.1:9");
    }
}
