using EthCx.Testing;

namespace EthCx.Cli.Tests.Offline;

/// <summary><c>wallet address</c> and <c>wallet sign</c> print exactly what cast prints; <c>wallet verify</c> agrees with cast.</summary>
public sealed class WalletCommandTests
{
    private static readonly string Key0 = DevAccounts.All[0].PrivateKey.ToString();
    private static readonly string Key5 = DevAccounts.All[5].PrivateKey.ToString();

    public static TheoryData<string[]> AddressSources()
    {
        var sources = new TheoryData<string[]>();
        sources.Add(["--private-key", Key0]);
        sources.Add(["--private-key", Key5[2..]]);
        sources.Add([Key5]);
        sources.Add(["--private-key", "0x0000000000000000000000000000000000000000000000000000000000000001"]);
        sources.Add(["--private-key", "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"]);
        sources.Add(["--mnemonic", DevAccounts.Mnemonic]);
        sources.Add(["--mnemonic", DevAccounts.Mnemonic, "--mnemonic-index", "3"]);
        sources.Add(["--mnemonic", DevAccounts.Mnemonic, "--mnemonic-index", "19"]);
        sources.Add(["--mnemonic", DevAccounts.Mnemonic, "--mnemonic-passphrase", "foo"]);
        sources.Add(["--mnemonic", DevAccounts.Mnemonic, "--mnemonic-derivation-path", "m/44'/60'/0'/0/5"]);
        sources.Add(["--mnemonic", DevAccounts.Mnemonic, "--mnemonic-derivation-path", "m/44'/60'/1'/0/0"]);
        sources.Add(["--mnemonic", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"]);
        return sources;
    }

    [Theory]
    [MemberData(nameof(AddressSources))]
    public Task Wallet_address_matches_cast(string[] source) => Cast.AssertSameOutputAsync(["wallet", "address", .. source]);

    [Fact]
    public async Task Wallet_address_of_the_dev_mnemonic_is_the_dev_accounts()
    {
        foreach (DevAccount account in DevAccounts.All)
        {
            Assert.Equal(
                account.Address.ToString(),
                await Cli.OutputOfAsync("wallet", "address", "--mnemonic", DevAccounts.Mnemonic, "--mnemonic-index", account.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task Wallet_address_reads_a_mnemonic_file_as_cast_does()
    {
        string path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, DevAccounts.Mnemonic + "\n");
            await Cast.AssertSameOutputAsync("wallet", "address", "--mnemonic", path, "--mnemonic-index", "2");
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> Messages() => new()
    {
        "hello",
        "",
        "0xdeadbeef",
        "0x",
        "0XDEADBEEF",
        "h\u00e9llo w\u00f6rld \u20ac \ud83d\ude00",
        "line one\nline two",
        new string('x', 1000),
        "0x" + new string('7', 64),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Wallet_sign_matches_cast(string message)
    {
        await Cast.AssertSameOutputAsync("wallet", "sign", "--private-key", Key0, "--", message);
        await Cast.AssertSameOutputAsync("wallet", "sign", "--mnemonic", DevAccounts.Mnemonic, "--mnemonic-index", "7", "--", message);
    }

    [Fact]
    public Task Wallet_sign_of_a_raw_hash_matches_cast() =>
        Cast.AssertSameOutputAsync("wallet", "sign", "--no-hash", "--private-key", Key5, "0x" + string.Concat(Enumerable.Repeat("ab", 32)));

    [Fact]
    public async Task Wallet_sign_of_typed_data_matches_cast()
    {
        const string json = """
            {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
             "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
             "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
             "primaryType":"Mail",
             "domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
             "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},"to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}
            """;
        await Cast.AssertSameOutputAsync("wallet", "sign", "--data", "--private-key", Key0, json);

        string path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, json);
            await Cast.AssertSameOutputAsync("wallet", "sign", "--data", "--from-file", "--private-key", Key0, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Wallet_verify_accepts_the_signer_and_refuses_another_address_as_cast_does(string message)
    {
        string signature = await Cli.OutputOfAsync("wallet", "sign", "--private-key", Key0, "--", message);
        string signer = DevAccounts.All[0].Address.ToString();
        string other = DevAccounts.All[1].Address.ToString();

        await Cast.AssertSameOutputAsync("wallet", "verify", "--address", signer, "--", message, signature);

        Cli.AssertOneLineError(await Cli.RunAsync("wallet", "verify", "--address", other, "--", message, signature), $"Validation failed. Address {other} did not sign this message.");
        Assert.NotEqual(0, Cast.Run("wallet", "verify", "--address", other, "--", message, signature).ExitCode);
    }

    [Fact]
    public async Task The_environment_supplies_the_key_or_mnemonic_when_no_option_does()
    {
        var withKey = new Dictionary<string, string> { [CliEnvironment.PrivateKeyVariable] = Key5 };
        var withMnemonic = new Dictionary<string, string> { [CliEnvironment.MnemonicVariable] = DevAccounts.Mnemonic };
        var withBoth = new Dictionary<string, string>(withKey) { [CliEnvironment.MnemonicVariable] = DevAccounts.Mnemonic };

        Assert.Equal(DevAccounts.All[5].Address.ToString(), (await Cli.RunAsync(withKey, "wallet", "address")).Text);
        Assert.Equal(DevAccounts.All[2].Address.ToString(), (await Cli.RunAsync(withMnemonic, "wallet", "address", "--mnemonic-index", "2")).Text);
        Assert.Equal(DevAccounts.All[5].Address.ToString(), (await Cli.RunAsync(withBoth, "wallet", "address")).Text);
        Assert.Equal(DevAccounts.All[0].Address.ToString(), (await Cli.RunAsync(withKey, "wallet", "address", "--private-key", Key0)).Text);
        Assert.Equal(
            Cast.OutputOf("wallet", "sign", "--private-key", Key5, "hello"),
            (await Cli.RunAsync(withKey, "wallet", "sign", "hello")).Text);
    }
}
