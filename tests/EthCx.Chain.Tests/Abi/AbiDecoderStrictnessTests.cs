using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Abi;

public class AbiDecoderStrictnessTests
{
    private static string Word(string hexDigits) => hexDigits.PadLeft(64, '0');

    private static AbiDecodingException DecodeFails(string types, string hex) =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.ParseList(types), Hex.Decode(hex)));

    [Theory]
    [InlineData("uint8", "0x" + "0000000000000000000000000000000000000000000000000000000000000100", "Cannot decode uint8 at byte offset 0: the high-order padding is not zero: 0x0000000000000000000000000000000000000000000000000000000000000100")]
    [InlineData("address", "0x" + "0000000000000000000000015aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "Cannot decode address at byte offset 0: the high-order padding is not zero: 0x0000000000000000000000015aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("bool", "0x" + "0000000000000000000000000000000000000000000000000000000000000002", "Cannot decode bool at byte offset 0: a bool must be 0 or 1, not 0x02")]
    [InlineData("bool", "0x" + "0100000000000000000000000000000000000000000000000000000000000001", "Cannot decode bool at byte offset 0: the high-order padding is not zero: 0x0100000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("bytes2", "0x" + "abcd000000000000000000000000000000000000000000000000000000000001", "Cannot decode bytes2 at byte offset 0: the low-order padding is not zero: 0xabcd000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("int8", "0x" + "0000000000000000000000000000000000000000000000000000000000000080", "Cannot decode int8 at byte offset 0: the value is not sign-extended to 32 bytes: 0x0000000000000000000000000000000000000000000000000000000000000080")]
    [InlineData("int8", "0x" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "Cannot decode int8 at byte offset 0: the value is not sign-extended to 32 bytes: 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    public void Rejects_dirty_padding(string type, string hex, string message)
    {
        Assert.Equal(message, DecodeFails(type, hex).Message);
    }

    [Fact]
    public void Accepts_clean_extremes()
    {
        object?[] values = AbiDecoder.Decode(
            AbiType.ParseList("int8,int8,uint8,bool"),
            Hex.Decode("0x" + new string('f', 62) + "80" + Word("7f") + Word("ff") + Word("1")));
        AbiTestValues.AssertDeepEqual(new object?[] { (BigInteger)(-128), (BigInteger)127, (BigInteger)255, true }, values);
    }

    [Fact]
    public void Rejects_short_data_with_offset()
    {
        AbiDecodingException e = DecodeFails("uint256,uint256", "0x" + Word("1"));
        Assert.Equal("Cannot decode (uint256,uint256) at byte offset 0: the head needs 64 bytes but 32 are left", e.Message);
        Assert.Equal("(uint256,uint256)", e.TypeName);
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void Rejects_a_forged_huge_length_without_allocating()
    {
        // offset 0x20, then a length of 2^255 for bytes.
        long before = GC.GetAllocatedBytesForCurrentThread();
        AbiDecodingException e = DecodeFails("bytes", "0x" + Word("20") + "8" + new string('0', 63));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
        Assert.Equal("Cannot decode bytes at byte offset 32: length 0x8000000000000000000000000000000000000000000000000000000000000000 exceeds the 0 bytes left", e.Message);
    }

    [Fact]
    public void Bounds_array_counts_by_the_bytes_left()
    {
        // uint256[] claiming 1,000,000 items with room for 2.
        AbiDecodingException e = DecodeFails("uint256[]", "0x" + Word("20") + Word("f4240") + Word("1") + Word("2"));
        Assert.Equal("Cannot decode uint256[] at byte offset 32: array length 1000000 exceeds the 64 bytes left", e.Message);
    }

    [Fact]
    public void Rejects_offsets_outside_the_data()
    {
        Assert.Equal(
            "Cannot decode string at byte offset 0: offset 4096 points beyond the 64 bytes of data",
            DecodeFails("string", "0x" + Word("1000") + Word("0")).Message);
        Assert.Equal(
            "Cannot decode string at byte offset 0: offset 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0 points beyond the 64 bytes of data",
            DecodeFails("string", "0x" + new string('f', 62) + "e0" + Word("0")).Message);
        Assert.Equal(
            "Cannot decode string at byte offset 64: needs 32 bytes but the data is 64 bytes long",
            DecodeFails("string", "0x" + Word("40") + Word("0")).Message);
    }

    [Fact]
    public void Rejects_payload_running_past_the_data()
    {
        Assert.Equal(
            "Cannot decode bytes at byte offset 32: length 33 exceeds the 32 bytes left",
            DecodeFails("bytes", "0x" + Word("20") + Word("21") + new string('a', 64)).Message);
    }

    [Fact]
    public void Accepts_a_final_payload_without_padding_like_solidity()
    {
        object? value = AbiDecoder.Decode(AbiBytes.Instance, Hex.Decode("0x" + Word("20") + Word("3") + "010203"));
        Assert.Equal(new byte[] { 1, 2, 3 }, value);
    }

    [Fact]
    public void Rejects_invalid_utf8()
    {
        Assert.Equal(
            "Cannot decode string at byte offset 32: the string is not valid UTF-8",
            DecodeFails("string", "0x" + Word("20") + Word("2") + "c328" + new string('0', 60)).Message);
    }

    [Fact]
    public void Rejects_aliased_offsets_that_would_multiply_the_output()
    {
        // bytes[] with 100 items that all point at one 1,000-byte payload: 3.3 KB of input, 100 KB of output.
        const int count = 100;
        var hex = new System.Text.StringBuilder("0x" + Word("20") + Word(count.ToString("x")));
        for (int i = 0; i < count; i++)
        {
            hex.Append(Word((count * 32).ToString("x")));
        }

        hex.Append(Word(1000.ToString("x"))).Append(new string('a', 2000)).Append(new string('0', 48));
        AbiDecodingException e = DecodeFails("bytes[]", hex.ToString());
        Assert.EndsWith("offsets alias the same data, which would decode to more than the input holds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_trailing_bytes()
    {
        Assert.Equal((BigInteger)5, AbiDecoder.Decode(AbiUInt.UInt256, Hex.Decode("0x" + Word("5") + "ffff")));
    }

    [Fact]
    public void Decodes_values_to_the_documented_dotnet_types()
    {
        var types = AbiType.ParseList("uint256,int8,address,bool,bytes3,bytes32,bytes,string,uint8[2],(bool,string)");
        object?[] input =
        [
            BigInteger.Parse("123456789012345678901234567890"), (BigInteger)(-3), Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            true, new byte[] { 1, 2, 3 }, Bytes32.Keccak([1]), new byte[] { 9 }, "hi", new object?[] { 1, 2 }, new object?[] { false, "x" },
        ];
        object?[] output = AbiDecoder.Decode(types, AbiEncoder.Encode(types, input));
        Assert.IsType<BigInteger>(output[0]);
        Assert.IsType<BigInteger>(output[1]);
        Assert.IsType<Address>(output[2]);
        Assert.IsType<bool>(output[3]);
        Assert.IsType<byte[]>(output[4]);
        Assert.Equal(Bytes32.Keccak([1]).ToArray(), Assert.IsType<byte[]>(output[5]));
        Assert.IsType<byte[]>(output[6]);
        Assert.IsType<string>(output[7]);
        AbiTestValues.AssertDeepEqual(new object?[] { BigInteger.One, (BigInteger)2 }, output[8]);
        AbiTestValues.AssertDeepEqual(new object?[] { false, "x" }, output[9]);
    }
}
