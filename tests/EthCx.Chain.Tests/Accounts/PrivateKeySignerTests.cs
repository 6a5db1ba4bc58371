using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Accounts;

public class PrivateKeySignerTests
{
    private const string HardhatKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    [Theory]
    [InlineData("0x" + HardhatKey)]
    [InlineData(HardhatKey)]
    [InlineData("0xAC0974BEC39A17E36BA4A6B4D238FF944BACB478CBED5EFCAE784D7BF4F2FF80")]
    public void FromHex_derives_the_hardhat_account_0(string keyHex)
    {
        using var signer = PrivateKeySigner.FromHex(keyHex);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", signer.Address.ToString());
        Assert.Equal(Secp256k1.GetPublicKey(Hex.Decode(HardhatKey)), signer.PublicKey.ToArray());
        Assert.Equal(Hex.Decode(HardhatKey), signer.ExportPrivateKey());
    }

    [Fact]
    public void Address_matches_cast_wallet_address()
    {
        using var signer = PrivateKeySigner.FromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        Assert.Equal(Oracle.Cast("wallet", "address", "--private-key", "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"), signer.Address.ToString());
    }

    [Fact]
    public void ToString_and_debugger_display_show_the_address_but_never_the_key()
    {
        using var signer = PrivateKeySigner.FromHex(HardhatKey);
        Assert.Equal("PrivateKeySigner(0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)", signer.ToString());
        var display = (System.Diagnostics.DebuggerDisplayAttribute)Attribute.GetCustomAttribute(typeof(PrivateKeySigner), typeof(System.Diagnostics.DebuggerDisplayAttribute))!;
        Assert.Equal("{ToString(),nq}", display.Value);
        var keyField = typeof(PrivateKeySigner).GetField("_privateKey", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var browsable = (System.Diagnostics.DebuggerBrowsableAttribute)Attribute.GetCustomAttribute(keyField, typeof(System.Diagnostics.DebuggerBrowsableAttribute))!;
        Assert.Equal(System.Diagnostics.DebuggerBrowsableState.Never, browsable.State);
    }

    [Fact]
    public async Task SignHashAsync_and_SignHash_give_the_deterministic_Secp256k1_signature()
    {
        using var signer = PrivateKeySigner.FromHex(HardhatKey);
        Bytes32 hash = Bytes32.Keccak("hello"u8);
        Signature expected = Secp256k1.Sign(Hex.Decode(HardhatKey), hash);
        Assert.Equal(expected, await signer.SignHashAsync(hash));
        Assert.Equal(expected, signer.SignHash(hash));
        Assert.Equal(signer.Address, Secp256k1.RecoverAddress(hash, expected));
        Assert.Equal(
            Oracle.Cast("wallet", "sign", "--no-hash", "--private-key", HardhatKey, hash.ToString()),
            expected.ToString());
    }

    [Fact]
    public async Task SignHashAsync_honours_a_cancelled_token()
    {
        using var signer = PrivateKeySigner.FromHex(HardhatKey);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await signer.SignHashAsync(Bytes32.Zero, cancelled.Token));
    }

    [Fact]
    public void Generate_creates_distinct_valid_keys()
    {
        using var first = PrivateKeySigner.Generate();
        using var second = PrivateKeySigner.Generate();
        Assert.NotEqual(first.Address, second.Address);
        Assert.True(Secp256k1.IsValidPrivateKey(first.ExportPrivateKey()));
        Assert.Equal(first.Address, Secp256k1.GetAddress(first.ExportPrivateKey()));
    }

    [Theory]
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff", "A private key is 64 hex digits, optionally 0x-prefixed, not 62.")]
    [InlineData("0xzc0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "A private key must contain only hex digits.")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "A secp256k1 private key must not be zero.")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "A secp256k1 private key must be below the curve order n.")]
    public void FromHex_rejects_bad_keys_without_echoing_them(string keyHex, string message)
    {
        var error = Assert.Throws<InvalidPrivateKeyException>(() => PrivateKeySigner.FromHex(keyHex));
        Assert.StartsWith(message + " (Parameter '", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(keyHex[^20..], error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Dispose_clears_the_key_and_stops_signing()
    {
        var signer = PrivateKeySigner.FromHex(HardhatKey);
        signer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => signer.SignHash(Bytes32.Zero));
        Assert.Throws<ObjectDisposedException>(() => signer.ExportPrivateKey());
        var keyField = typeof(PrivateKeySigner).GetField("_privateKey", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        Assert.All((byte[])keyField.GetValue(signer)!, b => Assert.Equal(0, b));
    }
}
