using System.Text.Json;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Services.Consent;

namespace EthCx.Cli.Tests.Domain;

/// <summary><c>ethcx consent ...</c> against the fixture's deployment; each test that writes reverts the node after itself.</summary>
[Collection(DomainNode.Name)]
public sealed class ConsentCommandTests(DomainFixture fixture)
{
    private static readonly string Business = DomainFixture.Business.ToString();
    private static readonly string Customer = DomainFixture.Customer.ToString();

    [Fact]
    public async Task Give_signed_by_the_customer_records_the_grant_the_chain_holds()
    {
        await using var _ = await fixture.Node.SnapshotAsync();

        JsonElement given = await fixture.JsonAsync(
            "consent", "give", "--controller", Business, "--purpose", "direct-marketing", "--elements", "contact,purchase-history", "--customer-index", "3", "--notice", "privacy notice v1");

        JsonElement consent = given.GetProperty("consent");
        Assert.Equal(Customer, consent.GetProperty("subject").GetString());
        Assert.Equal("direct-marketing", consent.GetProperty("purpose").GetString());
        Assert.Equal(3, consent.GetProperty("purposeCode").GetInt32());
        Assert.Equal("given", consent.GetProperty("status").GetString());
        Assert.Equal(["contact", "purchase-history"], consent.GetProperty("elements").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Business, given.GetProperty("relayedBy").GetString());
        ConsentSnapshot onChain = await fixture.Consent.GetAsync(DomainFixture.Customer, DomainFixture.Business, ConsentPurpose.DirectMarketing);
        Assert.Equal(ConsentStatus.Given, onChain.Status);
        Assert.Equal(DataElements.Contact | DataElements.PurchaseHistory, onChain.Elements);
        Assert.Equal(Services.DocumentHash.Of("privacy notice v1"), onChain.NoticeHash);
        Assert.Equal(given.GetProperty("transaction").GetProperty("hash").GetString(), (await fixture.Consent.GetHistoryAsync(DomainFixture.Customer))[^1].TransactionHash.ToString());
    }

    [Fact]
    public async Task Check_says_whether_elements_are_permitted_and_history_lists_give_and_withdraw()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        await fixture.JsonAsync("consent", "give", "--controller", Business, "--purpose", "1", "--elements", "contact", "--mnemonic-index", "3");

        JsonElement permitted = await fixture.JsonAsync("consent", "check", "--customer", Customer, "--purpose", "CustomerCare", "--elements", "contact");
        JsonElement notPermitted = await fixture.JsonAsync("consent", "check", "--customer", Customer, "--purpose", "customer-care", "--elements", "contact,location");
        JsonElement withdrawn = await fixture.JsonAsync("consent", "withdraw", "--controller", Business, "--purpose", "customer-care", "--customer-index", "3");
        JsonElement history = await fixture.JsonAsync("consent", "history", "--customer", Customer);
        string table = (await fixture.RunAsync("consent", "history", "--customer", Customer)).Output;

        Assert.True(permitted.GetProperty("permitted").GetBoolean());
        Assert.False(notPermitted.GetProperty("permitted").GetBoolean());
        Assert.Equal("withdrawn", withdrawn.GetProperty("consent").GetProperty("status").GetString());
        Assert.False((await fixture.Consent.GetAsync(DomainFixture.Customer, DomainFixture.Business, ConsentPurpose.CustomerCare)).InForce);
        Assert.Equal(["given", "withdrawn"], history.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.All(history.GetProperty("entries").EnumerateArray(), e => Assert.Equal("customer-care", e.GetProperty("purpose").GetString()));
        Assert.StartsWith("time ", table, StringComparison.Ordinal);
        Assert.Contains(" withdrawn  customer-care ", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_with_an_interaction_gives_the_registrys_reason_once_consent_is_withdrawn()
    {
        await using var _ = await fixture.Node.SnapshotAsync();
        await fixture.JsonAsync("consent", "give", "--controller", Business, "--purpose", "direct-marketing", "--elements", "contact", "--customer-index", "3");

        JsonElement before = await fixture.JsonAsync("consent", "check", "--customer", Customer, "--purpose", "direct-marketing", "--interaction", "service-contact");
        await fixture.JsonAsync("consent", "withdraw", "--controller", Business, "--purpose", "direct-marketing", "--customer-index", "3");
        JsonElement after = await fixture.JsonAsync("consent", "check", "--customer", Customer, "--purpose", "direct-marketing", "--interaction", "service-contact");
        string text = (await fixture.RunAsync("consent", "check", "--customer", Customer, "--purpose", "direct-marketing", "--interaction", "service-contact")).Output;
        CliResult other = await fixture.RunAsync("consent", "check", "--customer", Customer, "--purpose", "direct-marketing", "--interaction", "service-contact", "--controller", DomainFixture.Carrier.ToString());

        Assert.True(before.GetProperty("interactionAllowed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("interactionRefusal").ValueKind);
        Assert.False(after.GetProperty("interactionAllowed").GetBoolean());
        Assert.Equal("service-contact", after.GetProperty("interaction").GetString());
        Assert.StartsWith($"ConsentNotInForce(subject={Customer}, controller={Business}, purpose=3, status=2", after.GetProperty("interactionRefusal").GetString(), StringComparison.Ordinal);
        Assert.Contains("interaction  service-contact: refused, ConsentNotInForce(", text, StringComparison.Ordinal);
        Cli.AssertOneLineError(other, "--interaction");
    }

    [Fact]
    public async Task An_expiry_in_the_past_is_refused_with_the_decoded_error_in_dates()
    {
        CliResult result = await fixture.RunAsync("consent", "give", "--controller", Business, "--purpose", "personalisation", "--elements", "preferences", "--expires", "2020-01-01", "--mnemonic-index", "3");

        Cli.AssertOneLineError(result, "ConsentExpiryNotInFuture(expiresAt=1577836800 (2020-01-01T00:00:00Z), currentTime=");
        Assert.Equal(ConsentStatus.None, (await fixture.Consent.GetAsync(DomainFixture.Customer, DomainFixture.Business, ConsentPurpose.Personalisation)).Status);
    }

    [Theory]
    [InlineData("--purpose", "marketing")]
    [InlineData("--purpose", "9")]
    [InlineData("--elements", "contact,shoe-size")]
    [InlineData("--elements", "none")]
    [InlineData("--controller", "0x123")]
    [InlineData("--expires", "next tuesday")]
    public async Task A_bad_value_names_its_option(string option, string value)
    {
        var args = new Dictionary<string, string>
        {
            ["--controller"] = Business,
            ["--purpose"] = "customer-care",
            ["--elements"] = "contact",
            [option] = value,
        };

        CliResult result = await fixture.RunAsync(["consent", "give", .. args.SelectMany(pair => (string[])[pair.Key, pair.Value]), "--mnemonic-index", "3"]);

        Cli.AssertOneLineError(result, option);
    }
}
