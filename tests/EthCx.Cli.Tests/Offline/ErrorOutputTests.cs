using System.Net;
using System.Net.Sockets;
using EthCx.Testing;

namespace EthCx.Cli.Tests.Offline;

/// <summary>Bad input and unreachable nodes end as one line on stderr, exit code 1; secrets never appear in it.</summary>
public sealed class ErrorOutputTests
{
    private const string SecretLookingKey = "0x5ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2";

    [Theory]
    [InlineData(new[] { "keccak" }, "<DATA>")]
    [InlineData(new[] { "calldata" }, "<SIG>")]
    [InlineData(new[] { "nosuch" }, "'nosuch'")]
    [InlineData(new[] { "keccak", "a", "b" }, "'b'")]
    [InlineData(new[] { "keccak", "a", "--nosuch" }, "'--nosuch'")]
    [InlineData(new[] { "wallet", "address", "--mnemonic-index", "x" }, "--mnemonic-index")]
    [InlineData(new[] { "wallet", "verify", "m", "0x00" }, "--address")]
    [InlineData(new[] { "balance" }, "<WHO>")]
    [InlineData(new[] { "balance", "0xnothex", "--rpc-url", "http://127.0.0.1:1" }, "<WHO>")]
    [InlineData(new[] { "balance", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "--rpc-url", "http://127.0.0.1:1" }, "<WHO>")]
    [InlineData(new[] { "nonce", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "--block", "yesterday", "--rpc-url", "http://127.0.0.1:1" }, "--block")]
    [InlineData(new[] { "receipt", "0x1234", "--rpc-url", "http://127.0.0.1:1" }, "<TX_HASH>")]
    [InlineData(new[] { "chain-id", "--rpc-url", "not a url" }, "--rpc-url")]
    [InlineData(new[] { "chain-id", "--rpc-url", "ftp://127.0.0.1/" }, "--rpc-url")]
    [InlineData(new[] { "chain-id", "--rpc-timeout", "0", "--rpc-url", "http://127.0.0.1:1" }, "--rpc-timeout")]
    [InlineData(new[] { "call", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "f(uint8)", "300", "--rpc-url", "http://127.0.0.1:1" }, "argument 1 (uint8)")]
    [InlineData(new[] { "call", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x12", "3", "--rpc-url", "http://127.0.0.1:1" }, "[args]")]
    [InlineData(new[] { "estimate", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "--value", "1 lightyear", "--rpc-url", "http://127.0.0.1:1" }, "--value")]
    public async Task Bad_input_is_one_line_naming_the_argument(string[] args, string argument) =>
        Cli.AssertOneLineError(await Cli.RunAsync(args), argument);

    [Theory]
    [InlineData("--private-key", SecretLookingKey + "0")]
    [InlineData("--private-key", "0x5ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ecZ")]
    [InlineData("--private-key", "0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("--private-key", "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public async Task A_bad_private_key_is_named_but_not_repeated(string option, string key)
    {
        foreach (string[] args in (string[][])[["wallet", "address", option, key], ["wallet", "sign", option, key, "hello"], ["wallet", "address", key]])
        {
            CliResult result = await Cli.RunAsync(args);
            Cli.AssertOneLineError(result, args.Length == 3 ? "<PRIVATE_KEY>" : option);
            Assert.DoesNotContain(key[2..12], result.Error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_bad_key_in_the_environment_is_named_but_not_repeated()
    {
        var variables = new Dictionary<string, string> { [CliEnvironment.PrivateKeyVariable] = SecretLookingKey + "ff" };

        CliResult result = await Cli.RunAsync(variables, "wallet", "sign", "hello");

        Cli.AssertOneLineError(result, CliEnvironment.PrivateKeyVariable);
        Assert.DoesNotContain("5ec2e7", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("test test test test test test test test test test test zzsecretword")]
    [InlineData("test test test test test test test test test test test test")]
    [InlineData("test test test test test test test test test test junk")]
    public async Task A_bad_mnemonic_is_named_but_not_repeated(string mnemonic)
    {
        CliResult fromOption = await Cli.RunAsync("wallet", "address", "--mnemonic", mnemonic);
        CliResult fromVariable = await Cli.RunAsync(new Dictionary<string, string> { [CliEnvironment.MnemonicVariable] = mnemonic }, "wallet", "address");

        Cli.AssertOneLineError(fromOption, "--mnemonic");
        Cli.AssertOneLineError(fromVariable, CliEnvironment.MnemonicVariable);
        foreach (CliResult result in (CliResult[])[fromOption, fromVariable])
        {
            Assert.DoesNotContain("test", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("junk", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Key_material_in_the_wrong_place_is_not_repeated()
    {
        string key = DevAccounts.Deployer.PrivateKey.ToString();
        string[][] commandLines =
        [
            ["wallet", "sign", "hello", key],
            ["wallet", "sign", "--private-key", key, "hello", "extra"],
            ["wallet", "address", "--mnemonic-index", key[2..]],
            ["wallet", "address", "--mnemonic", "test", "test", "test", "test", "test", "test", "test", "test", "test", "test", "test", "junk"],
            ["wallet", "address", "--mnemonic", DevAccounts.Mnemonic, "--mnemonic-passphrase", "secret", "phrase"],
        ];
        foreach (string[] args in commandLines)
        {
            CliResult result = await Cli.RunAsync(args);

            Cli.AssertOneLineError(result, args[^1] == "phrase" ? "--private-key" : "<not shown>");
            Assert.DoesNotContain(key[2..], result.Error, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("test", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("phrase", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Missing_or_doubled_key_material_is_refused()
    {
        Cli.AssertOneLineError(await Cli.RunAsync("wallet", "sign", "hello"), CliEnvironment.PrivateKeyVariable);
        CliResult both = await Cli.RunAsync("wallet", "address", "--private-key", DevAccounts.Deployer.PrivateKey.ToString(), "--mnemonic", DevAccounts.Mnemonic);
        Cli.AssertOneLineError(both, "--private-key");
        Assert.DoesNotContain(DevAccounts.Deployer.PrivateKey.ToString()[2..], both.Error, StringComparison.OrdinalIgnoreCase);
        Cli.AssertOneLineError(await Cli.RunAsync("wallet", "address", "--mnemonic", DevAccounts.Mnemonic, "--mnemonic-index", "-1"), "--mnemonic-index");
        Cli.AssertOneLineError(await Cli.RunAsync("wallet", "address", "--mnemonic", DevAccounts.Mnemonic, "--mnemonic-derivation-path", "m/44'/x"), "--mnemonic-derivation-path");
    }

    [Fact]
    public async Task A_node_that_refuses_the_connection_is_one_line_naming_the_url()
    {
        int port = ClosedPort();
        foreach (string[] command in (string[][])[["chain-id"], ["block-number"], ["balance", DevAccounts.Deployer.Address.ToString()], ["call", DevAccounts.Deployer.Address.ToString(), "f()"]])
        {
            CliResult result = await Cli.RunAsync([.. command, "--rpc-url", $"http://127.0.0.1:{port}/secret-api-key"]);

            Cli.AssertOneLineError(result, $"http://127.0.0.1:{port}");
            Assert.DoesNotContain("secret-api-key", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_rpc_url_comes_from_the_environment_when_no_option_gives_it()
    {
        int port = ClosedPort();
        var variables = new Dictionary<string, string> { [CliEnvironment.RpcUrlVariable] = $"http://127.0.0.1:{port}" };

        Cli.AssertOneLineError(await Cli.RunAsync(variables, "chain-id"), $"http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task A_node_that_never_answers_is_one_line_naming_the_url()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;

        CliResult result = await Cli.RunAsync("chain-id", "--rpc-url", $"http://127.0.0.1:{port}", "--rpc-timeout", "0.5");

        Cli.AssertOneLineError(result, $"http://127.0.0.1:{port}");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
