using EthCx.Chain.Accounts;
using EthCx.Chain.Primitives;
using EthCx.Services.Configuration;
using EthCx.Services.Consent;
using EthCx.Services.Deployment;
using EthCx.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EthCx.IntegrationTests.Services.Configuration;

[Collection(SharedLocalNode.Name)]
public sealed class EthCxConfigurationTests(LocalNodeFixture fixture)
{
    private static readonly string Key1 = DevAccounts.All[1].PrivateKey.ToString();

    /// <summary>A key and a mnemonic of nobody's funded test accounts (the BIP-39 all-zero-entropy vector; an arbitrary in-range key).</summary>
    private const string OwnKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private const string OwnMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    private LocalNode Node => fixture.Node;

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Options_come_from_the_section_and_the_environment_names_win_and_secrets_never_show()
    {
        var options = new EthCxOptions();
        EthCxOptions.Bind(Configuration(
            ("EthCx:RpcUrl", "http://section.example:8545"),
            ("ETHCX_RPC_URL", "https://rpc.example.com/v3/secret-project-id"),
            ("EthCx:PrivateKey", "0x1111"),
            ("ETHCX_PRIVATE_KEY", Key1),
            ("EthCx:AccountIndex", "3"),
            ("EthCx:DeploymentsDirectory", "deploys"),
            ("EthCx:LoyaltyPoints", "0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            ("EthCx:ReceiptTimeout", "00:00:30")), options);

        Assert.Equal(new Uri("https://rpc.example.com/v3/secret-project-id"), options.RpcUrl);
        Assert.Equal(Key1, options.PrivateKey);
        Assert.Equal(3, options.AccountIndex);
        Assert.Equal("deploys", options.DeploymentsDirectory);
        Assert.Equal(Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"), options.LoyaltyPoints);
        Assert.Null(options.ConsentRegistry);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReceiptTimeout);
        Assert.Equal("EthCx { RpcUrl = https://rpc.example.com/..., Signer = private key (hidden), DeploymentsDirectory = deploys }", options.ToString());
    }

    [Theory]
    [InlineData("ETHCX_RPC_URL", "ws://node:8546", "ETHCX_RPC_URL (EthCx:RpcUrl) is not an http(s) URL.")]
    [InlineData("ETHCX_ACCOUNT_INDEX", "-1", "ETHCX_ACCOUNT_INDEX (EthCx:AccountIndex) is '-1', not a non-negative integer.")]
    [InlineData("EthCx:ConsentRegistry", "0x12", "EthCx:ConsentRegistry is '0x12', not an address.")]
    public void A_malformed_setting_is_named(string key, string value, string message)
    {
        EthCxConfigurationException error = Assert.Throws<EthCxConfigurationException>(() => EthCxOptions.Bind(Configuration((key, value)), new EthCxOptions()));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_test_mnemonic_is_the_default_on_a_local_chain_only_and_secrets_are_never_repeated()
    {
        ResolvedSigner local = EthCxSigners.Resolve(new EthCxOptions { AccountIndex = 2 }, 31337);
        Assert.Equal(DevAccounts.All[2].Address, local.Signer.Address);
        Assert.Equal("Hardhat test mnemonic account 2", local.Source);

        EthCxConfigurationException mainnet = Assert.Throws<EthCxConfigurationException>(() => EthCxSigners.Resolve(new EthCxOptions(), 1));
        Assert.Equal("ETHCX_PRIVATE_KEY or ETHCX_MNEMONIC is required: the node is on chain 1, and the Hardhat test mnemonic is only used on chain 31337 (a local node).", mainnet.Message);

        Assert.Equal(DevAccounts.All[1].Address, EthCxSigners.Resolve(new EthCxOptions { PrivateKey = Key1 }, 31337).Signer.Address);
        Assert.Equal(DevAccounts.All[4].Address, EthCxSigners.Resolve(new EthCxOptions { Mnemonic = DevAccounts.Mnemonic, AccountIndex = 4 }, 31337).Signer.Address);
        Assert.Equal(PrivateKeySigner.FromHex(OwnKey).Address, EthCxSigners.Resolve(new EthCxOptions { PrivateKey = OwnKey }, 1).Signer.Address);
        using (HdWallet wallet = HdWallet.FromMnemonic(OwnMnemonic))
        {
            Assert.Equal(wallet.DeriveSigner(4).Address, EthCxSigners.Resolve(new EthCxOptions { Mnemonic = OwnMnemonic, AccountIndex = 4 }, 11155111).Signer.Address);
        }

        Assert.Equal("ETHCX_PRIVATE_KEY and ETHCX_MNEMONIC are both set; set one.", Assert.Throws<EthCxConfigurationException>(() => EthCxSigners.Resolve(new EthCxOptions { PrivateKey = Key1, Mnemonic = DevAccounts.Mnemonic }, 1)).Message);

        string badKey = Key1[..^2] + "zz";
        EthCxConfigurationException key = Assert.Throws<EthCxConfigurationException>(() => EthCxSigners.Resolve(new EthCxOptions { PrivateKey = badKey }, 1));
        Assert.DoesNotContain(badKey[2..], key.ToString(), StringComparison.OrdinalIgnoreCase);
        const string typo = "test test test test test test test test test test tset junk";
        EthCxConfigurationException mnemonic = Assert.Throws<EthCxConfigurationException>(() => EthCxSigners.Resolve(new EthCxOptions { Mnemonic = typo }, 1));
        Assert.Equal("ETHCX_MNEMONIC is not a valid BIP-39 English mnemonic (12 to 24 words with a matching checksum).", mnemonic.Message);
        Assert.DoesNotContain("tset", mnemonic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_mnemonic_and_its_keys_are_refused_off_the_local_chain_even_when_configured()
    {
        EthCxConfigurationException key = Assert.Throws<EthCxConfigurationException>(() => EthCxSigners.Resolve(new EthCxOptions { PrivateKey = Key1 }, 1));
        Assert.Equal("ETHCX_PRIVATE_KEY is the key of account 1 of the Hardhat test mnemonic, whose keys are public (anyone can take what they hold): it is refused on chain 1, and only used on chain 31337 (a local node).", key.Message);
        Assert.DoesNotContain(Key1[2..], key.ToString(), StringComparison.OrdinalIgnoreCase);
        string lastFunded = HdWalletKeyHex(EthCxSigners.TestAccountCount - 1);
        Assert.Contains("account 19 of", Assert.Throws<EthCxConfigurationException>(() => EthCxSigners.Resolve(new EthCxOptions { PrivateKey = lastFunded }, 11155111)).Message, StringComparison.Ordinal);

        EthCxConfigurationException mnemonic = Assert.Throws<EthCxConfigurationException>(() => EthCxSigners.Resolve(new EthCxOptions { Mnemonic = " Test test  test test test test test test test test test JUNK ", AccountIndex = 30 }, 11155111));
        Assert.Equal("ETHCX_MNEMONIC is the Hardhat test mnemonic, whose keys are public (anyone can take what they hold): it is refused on chain 11155111, and only used on chain 31337 (a local node).", mnemonic.Message);
    }

    private static string HdWalletKeyHex(int index)
    {
        using HdWallet wallet = HdWallet.FromMnemonic(DevAccounts.Mnemonic);
        using PrivateKeySigner signer = wallet.DeriveSigner(index);
        return Convert.ToHexString(signer.ExportPrivateKey());
    }

    [Fact]
    public async Task AddEthCx_deploys_and_connects_the_services_from_configuration_and_logs_no_secret()
    {
        await using var snapshot = await Node.SnapshotAsync();
        using var directory = new TemporaryDirectory();
        var loggers = new ListLoggerFactory();
        IConfiguration configuration = Configuration(("ETHCX_RPC_URL", Node.Url.ToString()), ("ETHCX_PRIVATE_KEY", DevAccounts.All[0].PrivateKey.ToString()), ("ETHCX_DEPLOYMENTS", directory.Path));
        await using ServiceProvider provider = new ServiceCollection().AddSingleton<ILoggerFactory>(loggers).AddEthCx(configuration).BuildServiceProvider();
        EthCxConnector connector = provider.GetRequiredService<EthCxConnector>();

        await Assert.ThrowsAsync<DeploymentNotFoundException>(() => connector.ConnectAsync());
        DeploymentOutcome deployed = await (await connector.CreateDeployerAsync()).DeployAsync(Actors.Plan);
        EthCxServices services = await connector.ConnectAsync();

        Assert.Same(services, await connector.ConnectAsync());
        Assert.Equal(deployed.Manifest, services.Manifest);
        Assert.Equal(deployed.Manifest.AddressOf(EthCxContract.ConsentRegistry), services.Consent.Registry);
        Assert.Equal(DevAccounts.All[0].Address, services.Journeys.Business);
        Assert.False(await services.Consent.IsPermittedAsync(DevAccounts.All[1].Address, DevAccounts.All[0].Address, ConsentPurpose.DirectMarketing, DataElements.Contact));
        Assert.Contains(loggers.Messages, m => m == $"Information EthCx.Services.Configuration.EthCxConnector: Connected to http://127.0.0.1:{Node.Url.Port} (chain 31337) as {DevAccounts.All[0].Address}, signer from private key");
        Assert.Contains(loggers.Messages, m => m.Contains("EthCx.Services.Deployment.Deployer: ConsentRegistry deployed at", StringComparison.Ordinal));
        string keyHex = DevAccounts.All[0].PrivateKey.ToString()[2..];
        Assert.All(loggers.Messages, m => Assert.DoesNotContain(keyHex, m, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Configured_addresses_need_no_manifest()
    {
        await using var snapshot = await Node.SnapshotAsync();
        DeploymentManifest manifest = await Actors.DeployAsync(Node);
        await using ServiceProvider provider = new ServiceCollection().AddEthCx(options =>
        {
            options.RpcUrl = Node.Url;
            options.AccountIndex = 1;
            options.DeploymentsDirectory = Path.Combine(Path.GetTempPath(), "ethcx-none-" + Guid.NewGuid().ToString("N"));
            options.ConsentRegistry = manifest.AddressOf(EthCxContract.ConsentRegistry);
            options.SupplyChainTracker = manifest.AddressOf(EthCxContract.SupplyChainTracker);
            options.LoyaltyPoints = manifest.AddressOf(EthCxContract.LoyaltyPoints);
        }).BuildServiceProvider();

        EthCxServices services = await provider.GetRequiredService<EthCxConnector>().ConnectAsync();

        Assert.Null(services.Manifest);
        Assert.Equal(DevAccounts.All[1].Address, services.Client.Signer!.Address);
        Assert.Equal(0, (await services.Loyalty.GetAccountAsync(DevAccounts.All[1].Address)).Balance);
    }
}
