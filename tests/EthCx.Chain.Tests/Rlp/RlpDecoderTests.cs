using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;

namespace EthCx.Chain.Tests.Rlp;

public class RlpDecoderTests
{
    [Theory]
    [InlineData("0x8100", RlpErrorKind.NonCanonicalSingleByte, "Non-canonical RLP at offset 0: the single byte 0x00 must be encoded as itself, not with the header 0x81.")]
    [InlineData("0xb838" + "61", RlpErrorKind.Truncated, "RLP string at offset 0 declares 56 bytes but only 1 remain.")]
    [InlineData("0xb80161", RlpErrorKind.NonCanonicalLength, "Non-canonical RLP at offset 0: the string length 1 is below 56 but uses the long form (0xb8).")]
    [InlineData("0xf90038", RlpErrorKind.LeadingZeroInLength, "Non-canonical RLP at offset 0: the list length 0x0038 has a leading zero byte.")]
    [InlineData("0xbf", RlpErrorKind.Truncated, "RLP string at offset 0 has a 8-byte length but only 0 bytes follow the header byte.")]
    [InlineData("0xbfffffffffffffffff", RlpErrorKind.Truncated, "RLP string at offset 0 declares 18446744073709551615 bytes but only 0 remain.")]
    [InlineData("0xff7fffffffffffffff00", RlpErrorKind.Truncated, "RLP list at offset 0 declares 9223372036854775807 bytes but only 1 remain.")]
    [InlineData("0x8080", RlpErrorKind.TrailingBytes, "RLP item ends at offset 1 but the input has 1 more bytes.")]
    [InlineData("0xc4826162", RlpErrorKind.Truncated, "RLP list at offset 0 declares 4 bytes but only 3 remain.")]
    [InlineData("0xc2836162", RlpErrorKind.Truncated, "RLP string at offset 1 declares 3 bytes but only 1 remain.")]
    [InlineData("0xc3c2c18000", RlpErrorKind.TrailingBytes, "RLP item ends at offset 4 but the input has 1 more bytes.")]
    [InlineData("0xc4c28100", RlpErrorKind.Truncated, "RLP list at offset 0 declares 4 bytes but only 3 remain.")]
    [InlineData("0xc3c28101", RlpErrorKind.NonCanonicalSingleByte, "Non-canonical RLP at offset 2: the single byte 0x01 must be encoded as itself, not with the header 0x81.")]
    [InlineData("0x", RlpErrorKind.EmptyInput, "RLP input is empty.")]
    public void Rejects_bad_input_with_exact_message(string hex, RlpErrorKind kind, string message)
    {
        RlpException error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode(hex)));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_item_must_fit_inside_its_enclosing_list()
    {
        // c2 holds 2 bytes, but the string inside claims 2 bytes after its header: it would read past the list.
        RlpException error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0xc2826162")));

        Assert.Equal(RlpErrorKind.Truncated, error.Kind);
        Assert.Equal(1, error.Offset);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit_but_accepts_the_limit()
    {
        RlpItem atLimit = Nest(RlpDecoder.MaxDepth + 1);
        Assert.Equal(atLimit, RlpDecoder.Decode(atLimit.Encode()));

        byte[] tooDeep = Nest(RlpDecoder.MaxDepth + 2).Encode();
        RlpException error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(tooDeep));
        Assert.Equal(RlpErrorKind.TooDeep, error.Kind);
        Assert.Equal($"RLP list at offset {error.Offset} is nested deeper than 1024 levels.", error.Message);
    }

    [Fact]
    public void Reports_offsets_of_decoded_items()
    {
        RlpItem item = RlpDecoder.Decode(Hex.Decode("0xc883636174c3820102"));

        Assert.Equal(0, item.Offset);
        Assert.Equal(1, item.Items[0].Offset);
        Assert.Equal(5, item.Items[1].Offset);
        Assert.Equal(6, item.Items[1].Items[0].Offset);
    }

    [Fact]
    public void Shape_accessors_throw_typed_errors_with_offsets()
    {
        RlpItem item = RlpDecoder.Decode(Hex.Decode("0xc483636174"));

        RlpException notString = Assert.Throws<RlpException>(() => item.Bytes);
        Assert.Equal((RlpErrorKind.UnexpectedList, "Expected an RLP byte string at offset 0 but found a list of 1 items."), (notString.Kind, notString.Message));
        RlpException notList = Assert.Throws<RlpException>(() => item.Items[0].Items);
        Assert.Equal((RlpErrorKind.UnexpectedString, "Expected an RLP list at offset 1 but found a byte string of 3 bytes."), (notList.Kind, notList.Message));
    }

    [Theory]
    [InlineData("0x80", "0")]
    [InlineData("0x01", "1")]
    [InlineData("0x7f", "127")]
    [InlineData("0x8180", "128")]
    [InlineData("0x820100", "256")]
    [InlineData("0x820400", "1024")]
    [InlineData("0x83ffffff", "16777215")]
    [InlineData("0x88ffffffffffffffff", "18446744073709551615")]
    public void Decodes_integers(string hex, string value)
    {
        RlpItem item = RlpDecoder.Decode(Hex.Decode(hex));

        Assert.Equal(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture), item.ToBigInteger());
        Assert.Equal(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture), item.ToUInt256());
        Assert.Equal(ulong.Parse(value, System.Globalization.CultureInfo.InvariantCulture), item.ToUInt64());
    }

    [Theory]
    [InlineData("0x00")]
    [InlineData("0x820001")]
    [InlineData("0x8200ff")]
    public void Integer_with_leading_zero_is_rejected(string hex)
    {
        RlpItem item = RlpDecoder.Decode(Hex.Decode(hex));

        foreach (Action read in new Action[] { () => item.ToUInt64(), () => item.ToBigInteger(), () => item.ToUInt256() })
        {
            RlpException error = Assert.Throws<RlpException>(read);
            Assert.Equal(RlpErrorKind.LeadingZeroInInteger, error.Kind);
            Assert.Equal("RLP integer at offset 0 has a leading zero byte; integers are minimal big-endian and zero is 0x80.", error.Message);
        }
    }

    [Fact]
    public void Integer_too_large_for_the_target_is_rejected()
    {
        RlpItem nineBytes = RlpDecoder.Decode(Hex.Decode("0x89010000000000000000"));
        RlpException error = Assert.Throws<RlpException>(() => nineBytes.ToUInt64());
        Assert.Equal((RlpErrorKind.IntegerTooLarge, "RLP integer at offset 0 has 9 bytes, too many for a 64-bit integer (8 at most)."), (error.Kind, error.Message));
        Assert.Equal(BigInteger.One << 64, nineBytes.ToBigInteger());

        RlpItem twoPow256 = RlpItem.FromInteger(BigInteger.One << 256);
        Assert.Equal("RLP integer at offset 0 has 33 bytes, too many for a uint256 (32 at most).", Assert.Throws<RlpException>(() => twoPow256.ToUInt256()).Message);
        Assert.Equal(BigInteger.One << 256, twoPow256.ToBigInteger());
    }

    [Fact]
    public void Random_bytes_raise_only_RlpException_and_whatever_decodes_is_canonical()
    {
        var random = new Random(20240611);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] input = new byte[random.Next(0, 48)];
            random.NextBytes(input);
            if (input.Length > 0 && random.Next(2) == 0)
            {
                // Bias towards list and long-form headers, where the interesting paths are.
                input[0] = (byte)random.Next(0xb6, 0x100);
            }

            if (TryDecode(input, out RlpItem? item))
            {
                // Strictness means exactly one encoding per item: re-encoding gives back the input.
                Assert.Equal(Hex.Encode(input), Hex.Encode(item.Encode()));
                decoded++;
            }
        }

        Assert.InRange(decoded, 100, 20_000);
    }

    [Fact]
    public void Mutated_valid_encodings_raise_only_RlpException()
    {
        var random = new Random(7);
        for (int i = 0; i < 2_000; i++)
        {
            byte[] input = RandomItem(random, 3).Encode();
            int changes = random.Next(1, 4);
            for (int c = 0; c < changes; c++)
            {
                input[random.Next(input.Length)] = (byte)random.Next(256);
            }

            if (TryDecode(input, out RlpItem? item))
            {
                Assert.Equal(Hex.Encode(input), Hex.Encode(item.Encode()));
            }

            // Truncations of a valid encoding never decode (the header promises more bytes).
            byte[] valid = RandomItem(random, 3).Encode();
            Assert.Throws<RlpException>(() => RlpDecoder.Decode(valid.AsSpan(0, random.Next(valid.Length))));
        }
    }

    [Fact]
    public void Random_trees_round_trip()
    {
        var random = new Random(42);
        for (int i = 0; i < 1_000; i++)
        {
            RlpItem item = RandomItem(random, 4);
            byte[] encoded = item.Encode();

            Assert.Equal(item.EncodedLength, encoded.Length);
            Assert.Equal(item, RlpDecoder.Decode(encoded));
        }
    }

    [Fact]
    public void Integers_round_trip_through_both_integer_types()
    {
        var random = new Random(3);
        for (int i = 0; i < 1_000; i++)
        {
            byte[] raw = new byte[random.Next(0, 33)];
            random.NextBytes(raw);
            BigInteger value = EvmInteger.FromBigEndian(raw);

            Assert.Equal(value, RlpDecoder.Decode(RlpEncoder.EncodeInteger(value)).ToUInt256());
            ulong small = (ulong)(value & ulong.MaxValue);
            Assert.Equal(small, RlpDecoder.Decode(RlpEncoder.EncodeInteger(small)).ToUInt64());
        }
    }

    internal static RlpItem RandomItem(Random random, int depth)
    {
        if (depth == 0 || random.Next(3) == 0)
        {
            int length = random.Next(5) switch
            {
                0 => 0,
                1 => 1,
                2 => random.Next(2, 56),
                3 => random.Next(56, 300),
                _ => random.Next(0, 4),
            };
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            return RlpItem.FromBytes(bytes);
        }

        int count = random.Next(0, random.Next(2) == 0 ? 4 : 12);
        return RlpItem.List(Enumerable.Range(0, count).Select(_ => RandomItem(random, depth - 1)));
    }

    private static RlpItem Nest(int levels)
    {
        RlpItem item = RlpItem.EmptyList;
        for (int i = 1; i < levels; i++)
        {
            item = RlpItem.List(item);
        }

        return item;
    }

    private static bool TryDecode(byte[] input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RlpItem? item)
    {
        try
        {
            item = RlpDecoder.Decode(input);
            return true;
        }
        catch (RlpException)
        {
            item = null;
            return false;
        }
    }
}
