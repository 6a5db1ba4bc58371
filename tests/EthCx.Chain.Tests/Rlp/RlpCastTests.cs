using System.Text;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rlp;
using EthCx.Testing;

namespace EthCx.Chain.Tests.Rlp;

/// <summary>Foundry's cast as an independent RLP implementation.</summary>
public class RlpCastTests
{
    [Fact]
    public void Sample_matches_cast_to_rlp_and_from_rlp()
    {
        RlpItem item = RlpItem.List(RlpItem.FromBytes([0x01]), RlpItem.List(RlpItem.FromBytes([0x02])), RlpItem.EmptyString, RlpItem.FromBytes([0x80]), RlpItem.EmptyList);

        Assert.Equal("0xc701c102808180c0", Oracle.Cast("to-rlp", "[\"0x01\",[\"0x02\"],\"0x\",\"0x80\",[]]"));
        Assert.Equal("0xc701c102808180c0", Hex.Encode(item.Encode()));
        Assert.Equal("[\"0x01\",[\"0x02\"],\"0x\",\"0x80\",[]]", Oracle.Cast("from-rlp", Hex.Encode(item.Encode())));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_trees_match_cast(int seed)
    {
        RlpItem item = RlpDecoderTests.RandomItem(new Random(seed), 3);
        string json = ToCastJson(item);

        Assert.Equal(Oracle.Cast("to-rlp", json), Hex.Encode(item.Encode()));
        Assert.Equal(json, Oracle.Cast("from-rlp", Hex.Encode(item.Encode())));
        Assert.Equal(item, RlpDecoder.Decode(Hex.Decode(Oracle.Cast("to-rlp", json))));
    }

    private static string ToCastJson(RlpItem item)
    {
        if (!item.IsList)
        {
            return "\"" + Hex.Encode(item.Bytes.Span) + "\"";
        }

        var builder = new StringBuilder("[");
        builder.AppendJoin(',', item.Items.Select(ToCastJson));
        return builder.Append(']').ToString();
    }
}
