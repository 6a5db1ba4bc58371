using System.Text;
using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Crypto;

public class EthereumMessageTests
{
    private const string HardhatKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string HardhatAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    // Lengths 0, 9/10 and 99/100/1000 change the number of decimal digits in the prefix.
    private static readonly int[] MessageLengths = [0, 1, 9, 10, 99, 100, 1000];

    [Fact]
    public void Hashes_the_ethers_documentation_example()
    {
        // ethers v6 docs, hashMessage("Hello World").
        Assert.Equal("0xa1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2", EthereumMessage.Hash("Hello World").ToString());
    }

    [Fact]
    public void Hashes_match_ethers_hashMessage_across_length_digits()
    {
        byte[][] messages = [.. MessageLengths.Select(Bytes), Encoding.UTF8.GetBytes("héllo wörld 🚀")];
        string expected = Oracle.Ethers(
            $"for (const m of {Secp256k1Tests.Json(messages.Select(m => Hex.Encode(m)))}) console.log(ethers.hashMessage(ethers.getBytes(m)));");
        Assert.Equal(expected, string.Join('\n', messages.Select(m => EthereumMessage.Hash(m).ToString())));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("Sign in to EthCx: nonce 42")]
    public async Task Text_signatures_match_cast_wallet_sign_and_cast_verifies_them(string message)
    {
        using var signer = PrivateKeySigner.FromHex(HardhatKey);
        Signature signature = signer.SignMessage(message);
        if (message.Length > 0)
        {
            // cast cannot take an empty message argument; the empty case is covered by ethers below.
            Assert.Equal(Oracle.Cast("wallet", "sign", "--private-key", HardhatKey, message), signature.ToString());
            Assert.Contains("Validation succeeded", Oracle.Cast("wallet", "verify", "--address", HardhatAddress, message, signature.ToString()), StringComparison.Ordinal);
        }

        Assert.Equal(signature, await signer.SignMessageAsync(message));
        Assert.Equal(signer.Address, EthereumMessage.RecoverAddress(message, signature));
        Assert.Equal(
            Oracle.Ethers($"const w = new ethers.Wallet('{HardhatKey}'); const m = {Secp256k1Tests.Json(message)}; const s = w.signMessageSync(m); console.log(s); console.log(ethers.verifyMessage(m, s));"),
            signature + "\n" + HardhatAddress);
    }

    [Fact]
    public async Task Byte_messages_sign_as_cast_does_for_0x_input()
    {
        using var signer = PrivateKeySigner.FromHex(HardhatKey);
        byte[] message = [0xde, 0xad, 0xbe, 0xef, 0x00, 0xff];
        Signature signature = signer.SignMessage(message);
        Assert.Equal(Oracle.Cast("wallet", "sign", "--private-key", HardhatKey, Hex.Encode(message)), signature.ToString());
        Assert.Equal(signature, await signer.SignMessageAsync(message.AsSpan()));
        Assert.True(EthereumMessage.Verify(signer.Address, message, signature));
        Assert.False(EthereumMessage.Verify(signer.Address, message.AsSpan(1), signature));
    }

    [Fact]
    public void A_signature_of_the_raw_hash_is_not_a_message_signature()
    {
        byte[] key = Hex.Decode(HardhatKey);
        byte[] message = Encoding.UTF8.GetBytes("hello");
        Signature raw = Secp256k1.Sign(key, Bytes32.Keccak(message));
        Assert.NotEqual(Address.Parse(HardhatAddress), EthereumMessage.RecoverAddress(message, raw));
    }

    private static byte[] Bytes(int length)
    {
        byte[] bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
