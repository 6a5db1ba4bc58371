using System.Text.Json;
using EthCx.Services.Loyalty;
using EthCx.Testing;

namespace EthCx.Cli.Tests.Domain;

/// <summary><c>ethcx points ...</c> against the fixture's deployment; each test reverts the node after itself.</summary>
[Collection(DomainNode.Name)]
public sealed class PointsCommandTests(DomainFixture fixture)
{
    private static readonly string Customer = DomainFixture.Customer.ToString();

    [Fact]
    public async Task Award_prints_the_award_the_chain_records_and_a_retry_sends_nothing()
    {
        await using var _ = await fixture.Node.SnapshotAsync();

        JsonElement award = await fixture.JsonAsync("points", "award", "--customer", Customer, "--purchase", "ORD-100", "--points", "150");
        ulong nonce = await fixture.Node.Client.GetTransactionCountAsync(DomainFixture.Business);
        JsonElement retry = await fixture.JsonAsync("points", "award", "--customer", Customer, "--purchase", "ORD-100", "--points", "150");

        // Each run is a new process: the retry reads the award first, so it sends nothing (not even a refused duplicate).
        Assert.Equal(nonce, await fixture.Node.Client.GetTransactionCountAsync(DomainFixture.Business));

        Assert.Equal("awarded", award.GetProperty("outcome").GetString());
        Assert.Equal(Customer, award.GetProperty("customer").GetString());
        Assert.Equal("ORD-100", award.GetProperty("purchase").GetString());
        Assert.Equal(PurchaseReference.FromOrderId("ORD-100").ToString(), award.GetProperty("purchaseReference").GetString());
        Assert.Equal(150, award.GetProperty("points").GetInt64());
        Assert.Equal("already-awarded", retry.GetProperty("outcome").GetString());
        Assert.Equal(award.GetProperty("transaction").GetProperty("hash").GetString(), retry.GetProperty("transaction").GetProperty("hash").GetString());
        PointsAccount account = await fixture.Loyalty.GetAccountAsync(DomainFixture.Customer);
        Assert.Equal(150, account.Balance);
        PurchaseAward? recorded = await fixture.Loyalty.GetPurchaseAsync(PurchaseReference.FromOrderId("ORD-100"));
        Assert.Equal(DomainFixture.Customer, recorded?.Customer);
    }

    [Fact]
    public async Task With_progress_a_transaction_that_waits_for_a_block_says_so_on_stderr_only()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        TextWriter progress = TextWriter.Synchronized(error);
        var configuration = new System.CommandLine.InvocationConfiguration { Output = output, Error = progress };
        string[] args = ["points", "award", "--customer", Customer, "--purchase", "ORD-WAIT", "--points", "25", "--json", "--progress", "--rpc-url", fixture.Url, "--deployments", fixture.Deployments];
        await fixture.Node.Client.EvmSetAutomineAsync(false);
        int exitCode;
        try
        {
            Task<int> award = Program.RunAsync(args, configuration, new CliEnvironment(_ => null));
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!Read(progress, error).Contains("waiting for ", StringComparison.Ordinal) && !award.IsCompleted)
            {
                await Task.Delay(50, deadline.Token);
            }

            await fixture.Node.Client.EvmMineAsync();
            exitCode = await award.WaitAsync(deadline.Token);
        }
        finally
        {
            await fixture.Node.Client.EvmSetAutomineAsync(true);
        }

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output.ToString());
        string hash = json.RootElement.GetProperty("transaction").GetProperty("hash").GetString()!;
        string shortHash = $"{hash[..10]}…{hash[^4..]}";
        string[] lines = Read(progress, error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"sent {shortHash}", lines[0]);
        Assert.StartsWith($"waiting for {shortHash} (latest block ", lines[1], StringComparison.Ordinal);
        Assert.Equal($"mined {shortHash} in block {json.RootElement.GetProperty("transaction").GetProperty("blockNumber").GetUInt64()}, {json.RootElement.GetProperty("transaction").GetProperty("gasUsed").GetUInt64()} gas", lines[^1]);
        Assert.Equal(25, (await fixture.Loyalty.GetAccountAsync(DomainFixture.Customer)).Balance);
    }

    [Fact]
    public async Task Balance_and_tier_read_what_the_chain_holds()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        await fixture.JsonAsync("points", "award", "--customer", Customer, "--purchase", "ORD-200", "--points", "120");

        JsonElement balance = await fixture.JsonAsync("points", "balance", "--customer", Customer);
        JsonElement tier = await fixture.JsonAsync("points", "tier", "--customer", Customer);
        string text = (await fixture.RunAsync("points", "balance", "--customer", Customer)).Output;

        Assert.Equal(120, balance.GetProperty("balance").GetInt64());
        Assert.Equal(120, balance.GetProperty("lifetimeEarned").GetInt64());
        Assert.Equal(1, balance.GetProperty("tier").GetInt32());
        Assert.Equal(380, balance.GetProperty("pointsToNextTier").GetInt64());
        Assert.Equal(1, tier.GetProperty("tier").GetInt32());
        Assert.Equal(100, tier.GetProperty("threshold").GetInt64());
        Assert.Equal(500, tier.GetProperty("nextThreshold").GetInt64());
        Assert.Contains("balance          120\n", text, StringComparison.Ordinal);
        Assert.Contains("next tier        at 500 lifetime points, 380 to go", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeem_signed_by_the_customer_is_relayed_by_the_merchant()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        await fixture.JsonAsync("points", "award", "--customer", Customer, "--purchase", "ORD-300", "--points", "80");

        JsonElement redemption = await fixture.JsonAsync("points", "redeem", "--points", "30", "--reward", "VOUCHER-1", "--customer-index", "3");

        Assert.Equal(Customer, redemption.GetProperty("customer").GetString());
        Assert.Equal(DomainFixture.Business.ToString(), redemption.GetProperty("relayedBy").GetString());
        Assert.Equal(30, redemption.GetProperty("points").GetInt64());
        Assert.Equal(50, (await fixture.Loyalty.GetAccountAsync(DomainFixture.Customer)).Balance);
    }

    [Fact]
    public async Task Reverse_burns_the_award_and_a_reverse_of_an_unknown_order_names_it()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        await fixture.JsonAsync("points", "award", "--customer", Customer, "--purchase", "ORD-400", "--points", "60");

        JsonElement reversal = await fixture.JsonAsync("points", "reverse", "--purchase", "ORD-400");
        CliResult unknown = await fixture.RunAsync("points", "reverse", "--purchase", "ORD-NEVER");

        Assert.Equal(60, reversal.GetProperty("burned").GetInt64());
        Assert.Equal("reversed", reversal.GetProperty("outcome").GetString());
        Assert.Equal(0, (await fixture.Loyalty.GetAccountAsync(DomainFixture.Customer)).Balance);
        Cli.AssertOneLineError(unknown, $"LoyaltyUnknownPurchase(purchaseRef={PurchaseReference.FromOrderId("ORD-NEVER")} (order 'ORD-NEVER'))");
    }

    [Fact]
    public async Task An_award_by_an_account_without_the_merchant_role_names_the_role()
    {
        CliResult result = await fixture.RunAsync("points", "award", "--customer", Customer, "--purchase", "ORD-500", "--points", "10", "--mnemonic-index", "5");

        Cli.AssertOneLineError(result, $"AccessControlUnauthorizedAccount(account={DomainFixture.Outsider}, neededRole=MERCHANT_ROLE)");
        Assert.Null(await fixture.Loyalty.GetPurchaseAsync(PurchaseReference.FromOrderId("ORD-500")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("lots")]
    public async Task A_bad_number_of_points_names_the_option(string points)
    {
        CliResult result = await fixture.RunAsync("points", "award", "--customer", Customer, "--purchase", "ORD-600", "--points", points);

        Cli.AssertOneLineError(result, "--points");
    }

    [Fact]
    public async Task A_mistyped_checksum_names_the_customer_option()
    {
        string mistyped = "0x90f79bf6EB2c4f870365E785982E1f101E93b906";

        CliResult result = await fixture.RunAsync("points", "balance", "--customer", mistyped);

        Cli.AssertOneLineError(result, "--customer");
    }

    [Fact]
    public async Task A_missing_required_option_is_named()
    {
        CliResult result = await fixture.RunAsync("points", "award", "--customer", Customer, "--points", "5");

        Cli.AssertOneLineError(result, "--purchase");
    }

    [Fact]
    public async Task A_bad_private_key_is_named_and_not_repeated()
    {
        string key = DevAccounts.All[4].PrivateKey.ToString()[..^1] + "g";

        CliResult result = await fixture.RunAsync("points", "balance", "--private-key", key);

        Cli.AssertOneLineError(result, "--private-key");
        Assert.DoesNotContain(key[2..40], result.Error, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What a <see cref="TextWriter.Synchronized"/> writer has written so far (its writes lock the wrapper).</summary>
    private static string Read(TextWriter synchronized, StringWriter inner)
    {
        lock (synchronized)
        {
            return inner.ToString();
        }
    }
}
