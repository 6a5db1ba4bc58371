using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Crypto;

public class Keccak256Tests
{
    // Published Keccak-256 vectors (the original Keccak submission as Ethereum uses it; not SHA3-256).
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    [InlineData("testing", "0x5f16f4c7f149ac4f9510d9cf8cf384038ad348b3bcdc01915f95de12df9d1b02")]
    public void Hashes_published_vectors(string input, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Keccak256.HashData(Encoding.UTF8.GetBytes(input))));
    }

    [Fact]
    public void Is_not_sha3_256()
    {
        // SHA3-256("") = a7ffc6f8bf1ed766...; Keccak-256 differs only in padding.
        Assert.NotEqual("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Hex.Encode(Keccak256.HashData([])));
    }

    // Block-boundary lengths around the 136-byte rate, and long inputs, against cast.
    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(271)]
    [InlineData(272)]
    [InlineData(273)]
    [InlineData(1024)]
    [InlineData(100_000)]
    public void Matches_cast_at_block_boundaries(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        string file = Path.GetTempFileName();
        try
        {
            // The data goes through a file: 100 kB of hex is too long for a command line.
            File.WriteAllBytes(file, data);
            string expected = length <= 4096
                ? Oracle.Cast("keccak", Hex.Encode(data))
                : Oracle.Ethers($"console.log(ethers.keccak256(require('fs').readFileSync({System.Text.Json.JsonSerializer.Serialize(file)})))");
            Assert.Equal(expected, Hex.Encode(Keccak256.HashData(data)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Span_overload_writes_32_bytes_and_rejects_short_destination()
    {
        Span<byte> destination = stackalloc byte[40];
        destination.Fill(0xEE);
        Assert.Equal(32, Keccak256.HashData("abc"u8, destination));
        Assert.Equal(0xEE, destination[32]);
        Assert.False(Keccak256.TryHashData("abc"u8, new byte[31], out int written));
        Assert.Equal(0, written);
        Assert.Throws<ArgumentException>(() => Keccak256.HashData("abc"u8, new byte[31]));
    }
}
