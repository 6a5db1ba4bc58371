using System.Collections;
using System.Net;
using System.Net.Sockets;
using EthCx.Chain.Rpc;
using EthCx.Services.Configuration;
using EthCx.Testing;
using Microsoft.Extensions.Configuration;

namespace EthCx.IntegrationTests.Services.Configuration;

[Collection(SharedLocalNode.Name)]
public sealed class EthCxNetworksTests(LocalNodeFixture fixture)
{
    private static readonly string Key1 = DevAccounts.All[1].PrivateKey.ToString();

    private LocalNode Node => fixture.Node;

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Local_and_anvil_are_built_in_and_the_section_adds_networks_and_changes_built_in_ones_key_by_key()
    {
        Assert.Equal(new EthCxNetwork("local", new Uri("http://127.0.0.1:8545"), 31337), EthCxNetworks.Select(Configuration(), "local"));
        Assert.Equal(new EthCxNetwork("anvil", new Uri("http://127.0.0.1:8545"), 31337), EthCxNetworks.Select(Configuration(), "anvil"));

        IConfiguration configuration = Configuration(
            ("EthCx:Networks:anvil:RpcUrl", "http://127.0.0.1:8546"),
            ("EthCx:Networks:sepolia:RpcUrl", "https://rpc.example.com/v3/project"),
            ("EthCx:Networks:sepolia:ChainId", "11155111"),
            ("EthCx:Networks:sepolia:PrivateKeyVariable", "SEPOLIA_PRIVATE_KEY"),
            ("EthCx:Networks:devnet:RpcUrl", "http://devnet:8545"),
            ("EthCx:Networks:devnet:MnemonicVariable", "DEVNET_MNEMONIC"));

        Assert.Equal(new EthCxNetwork("anvil", new Uri("http://127.0.0.1:8546"), 31337), EthCxNetworks.Select(configuration, "anvil"));
        Assert.Equal(new EthCxNetwork("sepolia", new Uri("https://rpc.example.com/v3/project"), 11155111, "SEPOLIA_PRIVATE_KEY"), EthCxNetworks.Select(configuration, "Sepolia"));
        Assert.Equal(new EthCxNetwork("devnet", new Uri("http://devnet:8545"), null, null, "DEVNET_MNEMONIC"), EthCxNetworks.Select(configuration, "devnet"));
        Assert.Equal(["anvil", "devnet", "local", "sepolia"], EthCxNetworks.Read(configuration).Values.Select(n => n.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_name_is_refused_listing_the_known_networks()
    {
        UnknownNetworkException error = Assert.Throws<UnknownNetworkException>(() => EthCxNetworks.Select(Configuration(("EthCx:Networks:sepolia:RpcUrl", "https://rpc.example.com")), "mainnet"));

        Assert.Equal("Unknown network 'mainnet'; the configured networks are: anvil, local, sepolia (add one under EthCx:Networks).", error.Message);
        Assert.Equal("mainnet", error.Name);
    }

    [Theory]
    [InlineData("EthCx:Networks:devnet:ChainId", "5", "EthCx:Networks:devnet:RpcUrl is missing: a network needs its node's URL.")]
    [InlineData("EthCx:Networks:devnet:RpcUrl", "ws://devnet:8546", "EthCx:Networks:devnet:RpcUrl is not an http(s) URL.")]
    [InlineData("EthCx:Networks:local:ChainId", "0x7a69", "EthCx:Networks:local:ChainId is '0x7a69', not a positive integer.")]
    public void A_missing_or_malformed_network_setting_is_named(string key, string value, string message)
    {
        EthCxConfigurationException error = Assert.Throws<EthCxConfigurationException>(() => EthCxNetworks.Read(Configuration((key, value))));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Binding_takes_the_network_over_the_section_and_the_ethcx_variables_over_the_network()
    {
        var sepolia = new EthCxNetwork("sepolia", new Uri("https://rpc.example.com/v3/project"), 11155111, "SEPOLIA_PRIVATE_KEY");

        EthCxOptions fromNetwork = sepolia.Bind(Configuration(("EthCx:RpcUrl", "http://section:8545"), ("EthCx:Mnemonic", DevAccounts.Mnemonic), ("SEPOLIA_PRIVATE_KEY", Key1), ("ETHCX_DEPLOYMENTS", "deploys")), new EthCxOptions { DeploymentsDirectory = "default" });
        Assert.Equal(sepolia.RpcUrl, fromNetwork.RpcUrl);
        Assert.Equal(Key1, fromNetwork.PrivateKey);
        Assert.Null(fromNetwork.Mnemonic);
        Assert.Equal("deploys", fromNetwork.DeploymentsDirectory);

        EthCxOptions overridden = sepolia.Bind(Configuration(("ETHCX_RPC_URL", "http://127.0.0.1:9545"), ("ETHCX_MNEMONIC", DevAccounts.Mnemonic), ("SEPOLIA_PRIVATE_KEY", Key1)), new EthCxOptions());
        Assert.Equal(new Uri("http://127.0.0.1:9545"), overridden.RpcUrl);
        Assert.Null(overridden.PrivateKey);
        Assert.Equal(DevAccounts.Mnemonic, overridden.Mnemonic);

        EthCxOptions local = EthCxNetworks.Local.Bind(Configuration(), new EthCxOptions { DeploymentsDirectory = "default" });
        Assert.Equal(new Uri("http://127.0.0.1:8545"), local.RpcUrl);
        Assert.Null(local.PrivateKey);
        Assert.Null(local.Mnemonic);
        Assert.Equal("default", local.DeploymentsDirectory);
    }

    [Fact]
    public void A_network_whose_key_variables_are_both_unset_or_both_set_is_refused_naming_them()
    {
        var devnet = new EthCxNetwork("devnet", new Uri("http://devnet:8545"), null, "DEVNET_KEY", "DEVNET_MNEMONIC");

        EthCxConfigurationException error = Assert.Throws<EthCxConfigurationException>(() => devnet.Bind(Configuration(("EthCx:PrivateKey", Key1)), new EthCxOptions()));

        Assert.Equal("DEVNET_KEY or DEVNET_MNEMONIC is not set: network 'devnet' signs with the key it names (or set ETHCX_PRIVATE_KEY or ETHCX_MNEMONIC).", error.Message);
        Assert.Equal(Key1, devnet.Bind(Configuration(("ETHCX_PRIVATE_KEY", Key1)), new EthCxOptions()).PrivateKey);
        Assert.Equal(DevAccounts.Mnemonic, devnet.Bind(Configuration(("DEVNET_MNEMONIC", DevAccounts.Mnemonic)), new EthCxOptions()).Mnemonic);
        EthCxConfigurationException both = Assert.Throws<EthCxConfigurationException>(() => devnet.Bind(Configuration(("DEVNET_KEY", Key1), ("DEVNET_MNEMONIC", DevAccounts.Mnemonic)), new EthCxOptions()));
        Assert.Equal("DEVNET_KEY and DEVNET_MNEMONIC are both set: network 'devnet' signs with one of them; unset the other.", both.Message);
        Assert.DoesNotContain(Key1[2..], both.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_scripts_configuration_is_the_json_file_then_the_environment_with_double_underscores_as_separators()
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "networks.json");
        File.WriteAllText(file, """
            {
              // comments and trailing commas, as in appsettings.json
              "EthCx": { "Networks": { "devnet": { "RpcUrl": "http://devnet:8545", "ChainId": 1337, }, "staging": { "RpcUrl": "http://staging:8545" } } },
            }
            """);
        IDictionary environment = new Hashtable { ["EthCx__Networks__devnet__RpcUrl"] = "http://127.0.0.1:7545", ["ETHCX_PRIVATE_KEY"] = Key1 };

        IConfiguration configuration = EthCxNetworks.LoadConfiguration(file, environment);

        Assert.Equal(new EthCxNetwork("devnet", new Uri("http://127.0.0.1:7545"), 1337), EthCxNetworks.Select(configuration, "devnet"));
        Assert.Equal(new Uri("http://staging:8545"), EthCxNetworks.Select(configuration, "staging").RpcUrl);
        Assert.Equal(Key1, configuration["ETHCX_PRIVATE_KEY"]);

        File.WriteAllText(file, "{ \"EthCx\": ");
        Assert.StartsWith(file + " is not valid JSON (", Assert.Throws<EthCxConfigurationException>(() => EthCxNetworks.LoadConfiguration(file, environment)).Message, StringComparison.Ordinal);
        string missing = Path.Combine(directory.Path, "absent.json");
        Assert.StartsWith(missing + " cannot be read (", Assert.Throws<EthCxConfigurationException>(() => EthCxNetworks.LoadConfiguration(missing, environment)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_networks_file_defines_sepolia_with_its_chain_id_and_a_key_variable()
    {
        IConfiguration configuration = EthCxNetworks.LoadConfiguration(RepoPaths.Combine("ethcx.networks.json"), new Hashtable());

        EthCxNetwork sepolia = EthCxNetworks.Select(configuration, "sepolia");

        Assert.Equal(11155111UL, sepolia.ChainId);
        Assert.Equal("SEPOLIA_PRIVATE_KEY", sepolia.PrivateKeyVariable);
        Assert.Equal(EthCxNetworks.Local, EthCxNetworks.Select(configuration, "local"));
    }

    [Fact]
    public async Task Connecting_checks_the_chain_id_and_refuses_a_node_on_another_chain()
    {
        EthCxOptions options = EthCxNetworks.Local.Bind(Configuration(("ETHCX_RPC_URL", Node.Url.ToString())), new EthCxOptions());

        using (EthCxConnector connector = await EthCxNetworks.Local.ConnectAsync(options))
        {
            Assert.Equal(DevAccounts.All[0].Address, (await connector.GetClientAsync()).Signer!.Address);
        }

        var mainnet = new EthCxNetwork("mainnet", new Uri("https://mainnet.example.com/v3/secret"), 1, "MAINNET_KEY");
        NetworkChainMismatchException error = await Assert.ThrowsAsync<NetworkChainMismatchException>(() => mainnet.ConnectAsync(mainnet.Bind(Configuration(("ETHCX_RPC_URL", Node.Url.ToString()), ("MAINNET_KEY", Key1)), new EthCxOptions())));
        Assert.Equal($"Network 'mainnet' is chain 1, but the node at http://127.0.0.1:{Node.Url.Port} reports chain 31337; refusing to use it.", error.Message);
        Assert.Equal((1UL, 31337UL), (error.ExpectedChainId, error.ActualChainId));
    }

    [Fact]
    public async Task A_node_that_is_down_is_named_by_its_url()
    {
        int port = ClosedPort();
        EthCxOptions options = EthCxNetworks.Local.Bind(Configuration(("ETHCX_RPC_URL", $"http://127.0.0.1:{port}")), new EthCxOptions());

        RpcTransportException error = await Assert.ThrowsAsync<RpcTransportException>(() => EthCxNetworks.Local.ConnectAsync(options));

        Assert.StartsWith($"Could not reach the node at http://127.0.0.1:{port}: ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
