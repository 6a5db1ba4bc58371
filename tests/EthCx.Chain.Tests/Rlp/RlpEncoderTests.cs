using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;

namespace EthCx.Chain.Tests.Rlp;

public class RlpEncoderTests
{
    [Theory]
    [InlineData(0UL, "0x80")]
    [InlineData(1UL, "0x01")]
    [InlineData(127UL, "0x7f")]
    [InlineData(128UL, "0x8180")]
    [InlineData(256UL, "0x820100")]
    [InlineData(1024UL, "0x820400")]
    [InlineData(0xFFFFFFUL, "0x83ffffff")]
    [InlineData(ulong.MaxValue, "0x88ffffffffffffffff")]
    public void Encodes_integers_as_minimal_big_endian(ulong value, string expected)
    {
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeInteger(value)));
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeInteger(new BigInteger(value))));
        Assert.Equal(expected, Hex.Encode(RlpItem.FromInteger(value).Encode()));
        Assert.Equal(expected, Hex.Encode(RlpItem.FromInteger(new BigInteger(value)).Encode()));
        Assert.Equal((expected.Length - 2) / 2, RlpEncoder.GetIntegerLength(value));
    }

    [Fact]
    public void Encodes_uint256_max_and_2_pow_256()
    {
        Assert.Equal("0xa0" + new string('f', 64), Hex.Encode(RlpEncoder.EncodeInteger(EvmInteger.MaxUInt256)));
        Assert.Equal("0xa101" + new string('0', 64), Hex.Encode(RlpEncoder.EncodeInteger(BigInteger.One << 256)));
    }

    [Fact]
    public void Rejects_negative_integers()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RlpEncoder.EncodeInteger(BigInteger.MinusOne));
        Assert.Equal("value", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpItem.FromInteger(BigInteger.MinusOne));
    }

    [Theory]
    [InlineData(0, "0x80")]
    [InlineData(55, "0xb7")]
    [InlineData(56, "0xb838")]
    [InlineData(255, "0xb8ff")]
    [InlineData(256, "0xb90100")]
    [InlineData(65536, "0xba010000")]
    public void Chooses_short_or_long_string_header_by_length(int length, string header)
    {
        byte[] value = new byte[length];
        Array.Fill(value, (byte)0xaa);

        byte[] encoded = RlpEncoder.EncodeString(value);

        Assert.Equal(header, Hex.Encode(encoded.AsSpan(0, (header.Length - 2) / 2)));
        Assert.Equal(encoded.Length, RlpEncoder.GetStringLength(value));
        Assert.True(encoded.AsSpan((header.Length - 2) / 2).SequenceEqual(value));
    }

    [Theory]
    [InlineData(0, "0xc0")]
    [InlineData(55, "0xf7")]
    [InlineData(56, "0xf838")]
    [InlineData(1024, "0xf90400")]
    public void Writes_list_headers(int payloadLength, string expected)
    {
        Span<byte> header = stackalloc byte[9];

        int written = RlpEncoder.EncodeListHeader(payloadLength, header);

        Assert.Equal(expected, Hex.Encode(header[..written]));
        Assert.Equal(written, RlpEncoder.GetHeaderLength(payloadLength));
    }

    [Fact]
    public void A_list_assembled_from_header_and_parts_matches_the_item_encoder()
    {
        // The "compute lengths first, write into one span" path a caller takes without building items.
        byte[] dog = "dog"u8.ToArray();
        int payload = RlpEncoder.GetStringLength(dog) + RlpEncoder.GetIntegerLength(1024UL) + RlpEncoder.GetIntegerLength(EvmInteger.MaxUInt256);
        byte[] buffer = new byte[RlpEncoder.GetHeaderLength(payload) + payload];
        int position = RlpEncoder.EncodeListHeader(payload, buffer);
        position += RlpEncoder.EncodeString(dog, buffer.AsSpan(position));
        position += RlpEncoder.EncodeInteger(1024UL, buffer.AsSpan(position));
        position += RlpEncoder.EncodeInteger(EvmInteger.MaxUInt256, buffer.AsSpan(position));

        Assert.Equal(buffer.Length, position);
        RlpItem expected = RlpItem.List(RlpItem.FromUtf8("dog"), RlpItem.FromInteger(1024UL), RlpItem.FromInteger(EvmInteger.MaxUInt256));
        Assert.Equal(Hex.Encode(expected.Encode()), Hex.Encode(buffer));
    }

    [Fact]
    public void Short_destination_throws_or_returns_false()
    {
        RlpItem item = RlpItem.List(RlpItem.FromUtf8("dog"), RlpItem.FromUtf8("cat"));
        byte[] small = new byte[item.EncodedLength - 1];

        Assert.False(RlpEncoder.TryEncode(item, small, out int written));
        Assert.Equal(0, written);
        var error = Assert.Throws<ArgumentException>(() => RlpEncoder.Encode(item, small));
        Assert.Equal("Destination is too short: 8 bytes, 9 needed. (Parameter 'destination')", error.Message);
        Assert.Throws<ArgumentException>(() => RlpEncoder.EncodeString("dog"u8, new byte[3]));
        Assert.Throws<ArgumentException>(() => RlpEncoder.EncodeInteger(1024UL, new byte[2]));
    }

    [Fact]
    public void Encode_into_a_larger_span_writes_only_the_item()
    {
        RlpItem item = RlpItem.List(RlpItem.FromUtf8("dog"));
        byte[] buffer = new byte[16];
        Array.Fill(buffer, (byte)0xee);

        Assert.True(RlpEncoder.TryEncode(item, buffer, out int written));

        Assert.Equal(5, written);
        Assert.Equal("0xc483646f67eeeeeeeeeeeeeeeeeeeeee", Hex.Encode(buffer));
    }

    [Fact]
    public void Items_copy_their_input_bytes()
    {
        byte[] bytes = [1, 2, 3];
        RlpItem item = RlpItem.FromBytes(bytes);

        bytes[0] = 9;

        Assert.Equal("0x010203", item.ToString());
    }

    [Fact]
    public void Equality_is_structural()
    {
        RlpItem a = RlpItem.List(RlpItem.FromUtf8("dog"), RlpItem.List(RlpItem.FromInteger(1UL)));
        RlpItem b = RlpItem.List(RlpItem.FromBytes("dog"u8), RlpItem.List(RlpItem.FromBytes([1])));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(RlpItem.EmptyList, RlpItem.EmptyString);
        Assert.NotEqual(RlpItem.List(RlpItem.EmptyString), RlpItem.List(RlpItem.EmptyList));
        Assert.Equal("[0x646f67, [0x01]]", a.ToString());
    }
}
