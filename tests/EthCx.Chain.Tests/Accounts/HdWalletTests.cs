using System.Text.Json;
using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Accounts;

public class HdWalletTests
{
    private const string HardhatMnemonic = "test test test test test test test test test test test junk";

    public static TheoryData<string, string, string, string> Bip32Vectors()
    {
        var data = new TheoryData<string, string, string, string>();
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("tests", "EthCx.Chain.Tests", "Vectors", "bip32-vectors.json")));
        foreach (JsonElement vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            foreach (JsonElement chain in vector.GetProperty("chains").EnumerateArray())
            {
                data.Add(vector.GetProperty("seed").GetString()!, chain[0].GetString()!, chain[1].GetString()!, chain[2].GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bip32Vectors))]
    public void Matches_the_bip32_test_vectors(string seed, string path, string xpub, string xprv)
    {
        using HdWallet wallet = HdWallet.FromSeed(Convert.FromHexString(seed));
        using HdKey key = wallet.Derive(path);
        ExtendedKey expectedPrivate = ExtendedKey.Decode(xprv);
        ExtendedKey expectedPublic = ExtendedKey.Decode(xpub);

        Assert.Equal(expectedPrivate.Key, key.ExportPrivateKey());
        Assert.Equal(expectedPrivate.ChainCode, key.ChainCode.ToArray());
        Assert.Equal(expectedPublic.Key, Secp256k1.CompressPublicKey(key.PublicKey));
        Assert.Equal(expectedPrivate.Depth, key.Depth);
        Assert.Equal(expectedPrivate.ChildNumber, key.ChildNumber);
        Assert.Equal(path, key.Path);
    }

    [Fact]
    public void The_hardhat_mnemonic_gives_hardhats_20_accounts()
    {
        using HdWallet wallet = HdWallet.FromMnemonic(HardhatMnemonic);
        string[] expected = Oracle.Ethers(
            $$"""
            const m = ethers.Mnemonic.fromPhrase("{{HardhatMnemonic}}");
            for (let i = 0; i < 20; i++) { const w = ethers.HDNodeWallet.fromMnemonic(m, "m/44'/60'/0'/0/" + i); console.log(w.address, w.privateKey); }
            """).Split('\n');
        Assert.Equal(20, expected.Length);
        for (int i = 0; i < 20; i++)
        {
            using PrivateKeySigner signer = wallet.DeriveSigner(i);
            Assert.Equal(expected[i], $"{signer.Address} {Hex.Encode(signer.ExportPrivateKey())}");
        }

        using PrivateKeySigner first = wallet.DeriveSigner(0);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", first.Address.ToString());
        Assert.Equal("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", Hex.Encode(first.ExportPrivateKey()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(19)]
    public void Accounts_match_cast_wallet_address_with_a_mnemonic(int index)
    {
        using HdWallet wallet = HdWallet.FromMnemonic(HardhatMnemonic);
        using PrivateKeySigner signer = wallet.DeriveSigner(index);
        string expected = Oracle.Cast("wallet", "address", "--mnemonic", HardhatMnemonic, "--mnemonic-index", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, signer.Address.ToString());
    }

    [Fact]
    public void Passphrase_and_custom_paths_match_ethers()
    {
        using HdWallet wallet = HdWallet.FromMnemonic(Mnemonic.Parse(HardhatMnemonic), "secret");
        using PrivateKeySigner signer = wallet.DeriveSigner("m/44'/60'/7'/1/3");
        string expected = Oracle.Ethers(
            $"console.log(ethers.HDNodeWallet.fromPhrase(\"{HardhatMnemonic}\", \"secret\", \"m/44'/60'/7'/1/3\").address);");
        Assert.Equal(expected, signer.Address.ToString());
    }

    [Fact]
    public void Hardened_notations_and_relative_paths_agree()
    {
        using HdWallet wallet = HdWallet.FromMnemonic(HardhatMnemonic);
        using HdKey apostrophe = wallet.Derive("m/44'/60'/0'/0/5");
        using HdKey letter = wallet.Derive("m/44h/60H/0h/0/5");
        using HdKey account = wallet.Derive("m/44'/60'/0'");
        using HdKey relative = account.Derive("0/5");
        using HdKey stepwise = wallet.Root.DeriveChild(44 + HdKey.HardenedOffset).DeriveChild(60 + HdKey.HardenedOffset)
            .DeriveChild(HdKey.HardenedOffset).DeriveChild(0).DeriveChild(5);
        Assert.Equal(apostrophe.ExportPrivateKey(), letter.ExportPrivateKey());
        Assert.Equal(apostrophe.ExportPrivateKey(), relative.ExportPrivateKey());
        Assert.Equal(apostrophe.ExportPrivateKey(), stepwise.ExportPrivateKey());
        Assert.Equal("m/44'/60'/0'/0/5", relative.Path);
        Assert.Equal(5, relative.Depth);
        Assert.Equal("HdKey(m/44'/60'/0'/0/5)", relative.ToString());
    }

    [Theory]
    [InlineData("m/44'/x/0", "HD path 'm/44'/x/0' has an invalid segment 'x' at position 2: expected an index below 2^31, optionally followed by ' or h for hardened.")]
    [InlineData("m/2147483648", "HD path 'm/2147483648' has an invalid segment '2147483648' at position 1: expected an index below 2^31, optionally followed by ' or h for hardened.")]
    [InlineData("m//1", "HD path 'm//1' has an invalid segment '' at position 1: expected an index below 2^31, optionally followed by ' or h for hardened.")]
    [InlineData("m/-1", "HD path 'm/-1' has an invalid segment '-1' at position 1: expected an index below 2^31, optionally followed by ' or h for hardened.")]
    [InlineData("m/1''", "HD path 'm/1''' has an invalid segment '1''' at position 1: expected an index below 2^31, optionally followed by ' or h for hardened.")]
    [InlineData("44'/60'", "HD path '44'/60'' must start with m/.")]
    [InlineData("M/44'", "HD path 'M/44'' must start with m/.")]
    public void Malformed_paths_name_the_bad_segment(string path, string message)
    {
        using HdWallet wallet = HdWallet.FromMnemonic(HardhatMnemonic);
        Assert.Equal(message, Assert.Throws<FormatException>(() => wallet.Derive(path)).Message);
    }

    [Fact]
    public void An_absolute_path_cannot_start_below_the_master_key()
    {
        using HdWallet wallet = HdWallet.FromMnemonic(HardhatMnemonic);
        using HdKey account = wallet.Derive("m/44'");
        Assert.Equal(
            "HD path 'm/0' is absolute (starts with m) but this key is m/44', not the master key.",
            Assert.Throws<FormatException>(() => account.Derive("m/0")).Message);
    }

    [Fact]
    public void Seed_length_is_checked()
    {
        Assert.Equal("A BIP-32 seed is 16 to 64 bytes, not 15. (Parameter 'seed')", Assert.Throws<ArgumentException>(() => HdWallet.FromSeed(new byte[15])).Message);
        Assert.Equal("A BIP-32 seed is 16 to 64 bytes, not 65. (Parameter 'seed')", Assert.Throws<ArgumentException>(() => HdWallet.FromSeed(new byte[65])).Message);
    }

    [Fact]
    public void Disposed_keys_refuse_to_derive()
    {
        HdWallet wallet = HdWallet.FromMnemonic(HardhatMnemonic);
        HdKey root = wallet.Root;
        wallet.Dispose();
        Assert.Throws<ObjectDisposedException>(() => root.DeriveChild(0));
        Assert.Throws<ObjectDisposedException>(() => root.ExportPrivateKey());
    }
}
