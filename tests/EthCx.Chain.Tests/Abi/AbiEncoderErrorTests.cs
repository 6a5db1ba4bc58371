using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Abi;

public class AbiEncoderErrorTests
{
    private static string EncodeFails(string types, params object?[] values) =>
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(AbiType.ParseList(types), values)).Message;

    [Fact]
    public void Range_errors_name_the_type_the_value_and_where_it_is()
    {
        Assert.Equal("Cannot encode argument 1 as uint8: 256 is out of range for uint8 (0 to 2^8-1)", EncodeFails("bool,uint8", true, 256));
        Assert.Equal("Cannot encode argument 0 as uint256: -1 is out of range for uint256 (0 to 2^256-1)", EncodeFails("uint256", BigInteger.MinusOne));
        Assert.Equal("Cannot encode argument 0 as int8: -129 is out of range for int8 (-2^7 to 2^7-1)", EncodeFails("int8", -129));
        Assert.Equal("Cannot encode argument 0 as int8: 128 is out of range for int8 (-2^7 to 2^7-1)", EncodeFails("int8", 128));
        Assert.Equal(
            "Cannot encode argument 0[1].amount as uint16: 70000 is out of range for uint16 (0 to 2^16-1)",
            Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(
                [AbiType.Parse("(address who, uint16 amount)[]")],
                [new object?[] { new object?[] { Address.Zero, 1 }, new object?[] { Address.Zero, 70000 } }])).Message);
        Assert.Equal(
            "Cannot encode argument 0[2] as uint8: 300 is out of range for uint8 (0 to 2^8-1)",
            EncodeFails("uint8[]", new BigInteger[] { 1, 2, 300 }));
    }

    [Fact]
    public void Signed_range_check_agrees_with_EvmInteger_at_every_boundary()
    {
        for (int bits = 8; bits <= 256; bits += 8)
        {
            var type = new AbiInt(bits);
            foreach (BigInteger value in new[] { EvmInteger.MinSigned(bits), EvmInteger.MaxSigned(bits), EvmInteger.MinSigned(bits) - 1, EvmInteger.MaxSigned(bits) + 1 })
            {
                bool fits = EvmInteger.FitsSigned(value, bits);
                Exception? error = Record.Exception(() => AbiEncoder.Encode(type, value));
                Assert.True(fits == (error is null), $"int{bits} {value}");
            }
        }
    }

    [Fact]
    public void Shape_errors_say_what_was_expected()
    {
        Assert.Equal("Cannot encode argument 0 as address: expected an Address, got String", EncodeFails("address", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        Assert.Equal("Cannot encode argument 0 as bytes4: expected 4 bytes, got 3", EncodeFails("bytes4", new byte[3]));
        Assert.Equal("Cannot encode argument 0 as bytes4: expected a byte[] or ReadOnlyMemory<byte>, got Bytes32", EncodeFails("bytes4", Bytes32.Zero));
        Assert.Equal("Cannot encode argument 0 as uint256[2]: expected 2 items, got 3", EncodeFails("uint256[2]", [new object?[] { 1, 2, 3 }]));
        Assert.Equal("Cannot encode argument 0 as bool: expected a bool, got null", EncodeFails("bool", [null]));
        Assert.Equal("Cannot encode value as (uint256,bool): expected 2 values, got 1", EncodeFails("uint256,bool", 1));
        Assert.Equal(
            "Cannot encode argument 0.1 as (uint256,bool): expected 2 values, got 1",
            EncodeFails("((uint256,bool),(uint256,bool))", [new object?[] { new object?[] { 1, true }, new object?[] { 1 } }]));
        Assert.Equal("Cannot encode argument 0 as string: the string is not valid UTF-16 (a lone surrogate)", EncodeFails("string", "a\ud800b"));
    }

    [Fact]
    public void Accepts_the_documented_alternative_value_types()
    {
        byte[] expected = AbiEncoder.Encode(AbiType.ParseList("uint64,bytes32,bytes,bytes2,address[],uint256[]"),
            [(BigInteger)7, new byte[32], new byte[] { 1 }, new byte[] { 1, 2 }, new object?[] { Address.Zero }, new object?[] { BigInteger.One }]);
        byte[] actual = AbiEncoder.Encode(AbiType.ParseList("uint64,bytes32,bytes,bytes2,address[],uint256[]"),
            [7UL, Bytes32.Zero, new ReadOnlyMemory<byte>([1]), new ReadOnlyMemory<byte>([1, 2]), new[] { Address.Zero }, new List<BigInteger> { 1 }]);
        Assert.Equal(expected, actual);
    }
}
