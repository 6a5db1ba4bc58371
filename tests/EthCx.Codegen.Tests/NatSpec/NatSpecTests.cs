using EthCx.Codegen.Emit;
using EthCx.Codegen.Generation;
using EthCx.Codegen.NatSpec;
using EthCx.Testing;

namespace EthCx.Codegen.Tests.NatSpec;

/// <summary>NatSpec becomes XML documentation: notice, dev, params, returns, on functions, events, errors, structs, enums and the constructor.</summary>
public sealed class NatSpecTests
{
    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Tally = new(() =>
        BindingGenerator.Generate(RepoPaths.Combine("artifacts"), "Docs", ["tests/contracts/Tally.sol:Tally"]));

    [Fact]
    public void A_raw_comment_splits_into_notice_dev_params_and_returns()
    {
        NatSpecDoc doc = NatSpecDoc.ParseComment("Untagged first line\n continued.\n@dev Detail one\n\n second paragraph.\n@param x The x.\n@param y The y\n on two lines.\n@return total The sum.\n@custom:security none");

        Assert.Equal("Untagged first line\ncontinued.", doc.Notice);
        Assert.Equal("Detail one\n\nsecond paragraph.", doc.Details);
        Assert.Equal("The x.", doc.Param("x"));
        Assert.Equal("The y\non two lines.", doc.Param("y"));
        Assert.Equal("The sum.", doc.Return("total", 0));
        Assert.Null(doc.Param("z"));
    }

    [Theory]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("see `x < y` and {balanceOf}", "see <c>x &lt; y</c> and <c>balanceOf</c>")]
    [InlineData("one\ntwo", "one two")]
    [InlineData("one\n\ntwo", "<para>one</para><para>two</para>")]
    [InlineData("{ not a reference }", "{ not a reference }")]
    public void NatSpec_text_becomes_escaped_xml(string natSpec, string xml)
    {
        Assert.Equal(xml, Docs.FromNatSpec(natSpec));
    }

    [Theory]
    [InlineData("TallyFunctions", "/// <summary>Adds a mark.</summary>")]
    [InlineData("TallyFunctions", "/// <para>Reverts with <c>TallyWeightOutOfRange</c> when the weight is 0 or above <c>limit</c>.</para>")]
    [InlineData("TallyFunctions", "/// <param name=\"Label\">A label for the mark (<c>string</c>).</param>")]
    [InlineData("TallyFunctions", "/// <param name=\"Total\">The total weight (<c>uint256</c>).</param>")]
    [InlineData("TallyFunctions", "/// <summary>The largest weight one mark may have.</summary>")]
    [InlineData("TallyService", "/// <returns>The total weight after the mark (<c>uint256</c>).</returns>")]
    [InlineData("TallyService", "/// <summary>A small contract with one of each kind of ABI item. Its generated bindings are the code generator's snapshot (tests/EthCx.Codegen.Tests/Generated/Tally), so that reviewers see every change to the output.</summary>")]
    [InlineData("TallyEvents", "/// <summary>A mark was added.</summary>")]
    [InlineData("TallyEvents", "/// <param name=\"Label\">The label; indexed, so the log holds its hash (<c>string</c>). Indexed: the log holds only the Keccak-256 hash of the value, which this is.</param>")]
    [InlineData("TallyErrors", "/// <summary>The weight is zero or above the limit.</summary>")]
    [InlineData("TallyErrors", "/// <summary>The largest weight allowed (<c>uint32</c>).</summary>")]
    [InlineData("TallyTypes", "/// <summary>One mark on the tally.</summary>")]
    [InlineData("TallyTypes", "/// <param name=\"Weight\">How much the mark counts (<c>uint32</c>).</param>")]
    [InlineData("TallyTypes", "/// <summary>How a mark was made.</summary>")]
    [InlineData("TallyDeployment", "/// <summary>Deploys a tally that accepts weights from 1 to <c>limit_</c>.</summary>")]
    [InlineData("TallyDeployment", "/// <param name=\"Limit\">The largest weight one mark may have (<c>uint32</c>).</param>")]
    public void The_generated_code_carries_the_natspec(string file, string line)
    {
        string content = Tally.Value.Single(f => f.RelativePath == $"Tally/{file}.g.cs").Content;

        Assert.Contains(line, content.Split('\n').Select(l => l.Trim()));
    }
}
