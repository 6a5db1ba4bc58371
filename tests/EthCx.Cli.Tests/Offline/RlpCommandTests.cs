namespace EthCx.Cli.Tests.Offline;

/// <summary><c>to-rlp</c> prints exactly what cast prints; <c>from-rlp</c> too, for canonical input, and refuses what is not.</summary>
public sealed class RlpCommandTests
{
    private static readonly string Long = "0x" + string.Concat(Enumerable.Repeat("ab", 60));

    public static TheoryData<string> Values() => new()
    {
        "[\"0x01\",[\"0x02\"],\"0x\",\"0x80\",[]]",
        "0xdead",
        "\"0xdead\"",
        "0x",
        "0x00",
        "0x7f",
        "0x80",
        "ab",
        "[\"ab\",\"0xAB\"]",
        "[]",
        "[[],[[]],[[],[[]]]]",
        "[1,2,127,128,256,0]",
        "18446744073709551616",
        "null",
        $"[\"{Long}\",[\"0x01\"]]",
        "[" + string.Join(",", Enumerable.Repeat("\"0x0102030405\"", 20)) + "]",
        "[ \"0x01\" , [ ] ]",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public Task To_rlp_matches_cast(string value) => Cast.AssertSameOutputAsync("to-rlp", value);

    [Theory]
    [MemberData(nameof(Values))]
    public async Task From_rlp_matches_cast_on_what_to_rlp_wrote(string value)
    {
        string encoded = await Cli.OutputOfAsync("to-rlp", value);
        await Cast.AssertSameOutputAsync("from-rlp", encoded);
    }

    [Theory]
    [InlineData("0x80")]
    [InlineData("0x05")]
    [InlineData("0x820400")]
    [InlineData("0x88ffffffffffffffff")]
    public Task From_rlp_as_int_matches_cast(string encoded) => Cast.AssertSameOutputAsync("from-rlp", "--as-int", encoded);

    [Fact]
    public async Task From_rlp_takes_hex_without_prefix() =>
        Assert.Equal("[\"0x01\",\"0x02\"]", await Cli.OutputOfAsync("from-rlp", "c20102"));

    [Theory]
    [InlineData(new[] { "to-rlp", "hello" }, "<VALUE>", true)]
    [InlineData(new[] { "to-rlp", "[\"0x1\"]" }, "<VALUE>", true)]
    [InlineData(new[] { "to-rlp", "\"0XAB\"" }, "<VALUE>", true)]
    [InlineData(new[] { "to-rlp", "[true]" }, "<VALUE>", true)]
    [InlineData(new[] { "to-rlp", "{}" }, "<VALUE>", true)]
    [InlineData(new[] { "to-rlp", "1.5" }, "<VALUE>", true)]
    [InlineData(new[] { "from-rlp", "0x" }, "<VALUE>", true)]
    [InlineData(new[] { "from-rlp", "0x8100" }, "<VALUE>", true)]
    [InlineData(new[] { "from-rlp", "0xb8020102" }, "<VALUE>", true)]
    [InlineData(new[] { "from-rlp", "0xzz" }, "<VALUE>", true)]
    [InlineData(new[] { "from-rlp", "--as-int", "0x00" }, "<VALUE>", true)]
    [InlineData(new[] { "from-rlp", "0xc2010200" }, "<VALUE>", false)]
    public async Task Bad_input_is_one_line_naming_the_argument(string[] args, string argument, bool castRefusesToo)
    {
        Cli.AssertOneLineError(await Cli.RunAsync(args), argument);
        Assert.Equal(castRefusesToo, Cast.Run(args).ExitCode != 0);
    }
}
