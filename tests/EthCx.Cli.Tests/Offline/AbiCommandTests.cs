namespace EthCx.Cli.Tests.Offline;

/// <summary><c>calldata</c> and <c>abi-encode</c> print exactly what cast prints; <c>abi-decode</c> reads it back.</summary>
public sealed class AbiCommandTests
{
    private const string Alice = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    private const string Bob = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    private const string MaxUInt256 = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string MinInt256 = "-57896044618658097711785492504343953926634992332820282019728792003956564819968";

    /// <summary>A signature and its arguments, as they would be typed after <c>cast calldata</c>.</summary>
    public static TheoryData<string, string[]> Calls() => new()
    {
        { "transfer(address,uint256)", [Alice, "1000000000000000000"] },
        { "f(uint256,int8,string,bytes,address,bool,bytes4)", ["12", "-3", "hi there", "0xdead", Bob, "true", "0x12345678"] },
        { "negatives(int8,int16,int64,int256,int256)", ["-1", "-32768", "-9223372036854775808", MinInt256, "-0"] },
        { "limits(uint8,uint256,int8,int256)", ["255", MaxUInt256, "127", "57896044618658097711785492504343953926634992332820282019728792003956564819967"] },
        { "radix(uint256,uint256,uint256,uint256,int256)", ["0x10", "0X1f", "0b101", "0o17", "-0xff"] },
        { "units(uint256,uint256,uint256,uint256,uint256,uint256)", ["1ether", "1.5 ether", "10 gwei", "0.1gwei", "1e18", "2.5e3"] },
        { "moreUnits(uint256,uint256,uint256,int256)", ["1 wei", "3nano", "7 nanoether", "-2 ether"] },
        { "strings(string,string,string,string,string)", ["  padded  ", "\"quoted, with comma\"", "'single'", "a\"b", ""] },
        { "unicode(string)", ["h\u00e9llo w\u00f6rld \u20ac \ud83d\ude00"] },
        { "bytes(bytes,bytes,bytes1,bytes32)", ["0x", "deadBEEF", "0xff", "0x" + new string('a', 64)] },
        { "tuple((uint256,address,bool))", [$"(7, {Alice}, true)"] },
        { "dynTuple((string,uint256[],bytes))", ["(name, [1, 2], 0xdeadbeef)"] },
        { "tupleArray((uint256,string)[],uint8[2])", ["[(1,a),(2,\"b c\")]", "[3,4]"] },
        { "nested((uint8,(address,(string,int32)[])[2])[])", [$"[(1, [({Alice}, [(a, -5), (b, 6)]), ({Bob}, [])]), (2, [({Bob}, [(c, -2147483648)]), ({Alice}, [])])]"] },
        { "arrays(uint256[2][],string[][2],bool[3])", ["[[1, 2], [3, 4]]", "[[x, yy], []]", "[true, false, true]"] },
        { "spacing(uint256[],string[],(uint8,uint8))", ["[ 1 , 2 , ]", "[a, b ,c]", " ( 1 , 2 )"] },
        { "empty(uint256[],bytes[],string)", ["[]", "[]", ""] },
        { "deep(((((uint256)))))", ["((((9))))"] },
        { "callback(function,uint8)", [Alice + "a9059cbb", "1"] },
        { "addresses(address[],address)", [$"[{Alice},{Bob}]", "5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"] },
        { "noArgs()", [] },
        { "withOutputs(uint256)(bool)", ["1"] },
        { "function named(uint256 amount, string memo) external returns (bool)", ["5", "memo"] },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public Task Calldata_matches_cast(string signature, string[] args) =>
        Cast.AssertSameOutputAsync(["calldata", signature, "--", .. args]);

    [Theory]
    [MemberData(nameof(Calls))]
    public Task Abi_encode_matches_cast(string signature, string[] args) =>
        Cast.AssertSameOutputAsync(["abi-encode", signature, "--", .. args]);

    [Fact]
    public async Task Negative_numbers_need_no_double_dash()
    {
        Assert.Equal(
            Cast.OutputOf("abi-encode", "f(int256,int8)", "--", "-5", "-1"),
            await Cli.OutputOfAsync("abi-encode", "f(int256,int8)", "-5", "-1"));
    }

    public static TheoryData<string, string[]> Decodable() => new()
    {
        { "f(uint256,uint256,uint256,uint256,int256,int256,uint8)", ["9999", "10000", "123456789", MaxUInt256, "-12345", "-9999", "255"] },
        { "f(uint256,uint256,uint256)", ["1230000", "99999", "1000000000000000001"] },
        { "f(address,bool,bytes,bytes3,string)", [Alice, "false", "0xdead", "0x010203", "a'b\\c \"q\" \u00e9\ud83d\ude00\ttab\nnl"] },
        { "f((uint256,string)[],uint8[2])", ["[(100000,a),(2,\"b c\")]", "[3,4]"] },
        { "f(uint256[],(int256,address),string[])", ["[100000,2]", $"(-100000,{Alice})", "[x, y]"] },
        { "f(bytes32,function,bytes)", ["0x" + new string('1', 64), Alice + "a9059cbb", "0x"] },
    };

    [Theory]
    [MemberData(nameof(Decodable))]
    public async Task Abi_decode_prints_what_cast_prints(string signature, string[] args)
    {
        string encoded = Cast.OutputOf(["abi-encode", signature, "--", .. args]);
        string types = signature[signature.IndexOf('(', StringComparison.Ordinal)..];
        await Cast.AssertSameOutputAsync("abi-decode", "f()" + types, encoded);

        string calldata = Cast.OutputOf(["calldata", signature, "--", .. args]);
        await Cast.AssertSameOutputAsync("abi-decode", "--input", signature, "0x" + calldata[10..]);
    }

    [Fact]
    public async Task Abi_decode_reads_back_what_abi_encode_wrote()
    {
        string encoded = await Cli.OutputOfAsync("abi-encode", "f(int16,string,(bool,bytes2)[])", "-300", "text", "[(true,0xabcd)]");

        Assert.Equal("-300\n\"text\"\n[(true, 0xabcd)]", await Cli.OutputOfAsync("abi-decode", "f()(int16,string,(bool,bytes2)[])", encoded));
    }

    [Theory]
    [InlineData(new[] { "calldata", "f(uint8)", "256" }, "argument 1 (uint8)")]
    [InlineData(new[] { "calldata", "f(uint8)", "-1" }, "argument 1 (uint8)")]
    [InlineData(new[] { "calldata", "f(int8)", "128" }, "argument 1 (int8)")]
    [InlineData(new[] { "calldata", "f(uint256)", "1.5" }, "argument 1 (uint256)")]
    [InlineData(new[] { "calldata", "f(uint256)", "0.1 wei" }, "argument 1 (uint256)")]
    [InlineData(new[] { "calldata", "f(uint256)", "1 lightyear" }, "argument 1 (uint256)")]
    [InlineData(new[] { "calldata", "f(uint256)", "1 gwei " }, "argument 1 (uint256)")]
    [InlineData(new[] { "calldata", "f(uint256)", "1e78" }, "argument 1 (uint256)")]
    [InlineData(new[] { "calldata", "f(uint256)", "0b102" }, "argument 1 (uint256)")]
    [InlineData(new[] { "calldata", "f(uint256)", "abc" }, "argument 1 (uint256)")]
    [InlineData(new[] { "calldata", "f(bool)", "1" }, "argument 1 (bool)")]
    [InlineData(new[] { "calldata", "f(bool)", "true " }, "argument 1 (bool)")]
    [InlineData(new[] { "calldata", "f(address)", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea" }, "argument 1 (address)")]
    [InlineData(new[] { "calldata", "f(bytes32)", "0x12" }, "argument 1 (bytes32)")]
    [InlineData(new[] { "calldata", "f(bytes)", "0x123" }, "argument 1 (bytes)")]
    [InlineData(new[] { "calldata", "f(bytes)", "hello" }, "argument 1 (bytes)")]
    [InlineData(new[] { "calldata", "f(string)", "\"unterminated" }, "argument 1 (string)")]
    [InlineData(new[] { "calldata", "f(uint8[2])", "[1,2,3]" }, "argument 1 (uint8[2])")]
    [InlineData(new[] { "calldata", "f(uint8[])", "[1,2" }, "argument 1 (uint8[])")]
    [InlineData(new[] { "calldata", "f(bool[])", "[true , false]" }, "argument 1 (bool[])")]
    [InlineData(new[] { "calldata", "f((uint8,uint8))", "(1,2) " }, "argument 1 ((uint8,uint8))")]
    [InlineData(new[] { "calldata", "f((uint8,uint8))", "(1)" }, "argument 1 ((uint8,uint8))")]
    [InlineData(new[] { "calldata", "f(uint8,uint8)", "1" }, "[args]")]
    [InlineData(new[] { "calldata", "f(uint8)", "1", "2" }, "[args]")]
    [InlineData(new[] { "calldata", "f(uint8" }, "<SIG>")]
    [InlineData(new[] { "abi-encode", "f(string,uint8)", "x", "1000" }, "argument 2 (uint8)")]
    [InlineData(new[] { "abi-decode", "f()(uint256)", "0x12" }, "<CALLDATA>")]
    [InlineData(new[] { "abi-decode", "f()(uint256)", "0xzz" }, "<CALLDATA>")]
    [InlineData(new[] { "abi-decode", "f()(string)", "0x0000000000000000000000000000000000000000000000000000000000000020ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" }, "<CALLDATA>")]
    public async Task Bad_input_is_one_line_naming_the_argument_and_cast_refuses_it_too(string[] args, string argument)
    {
        Cli.AssertOneLineError(await Cli.RunAsync(args), argument);
        Assert.NotEqual(0, Cast.Run([args[0], args[1], "--", .. args[2..]]).ExitCode);
    }

    [Fact]
    public async Task A_narrow_negative_out_of_range_is_refused_where_cast_silently_widens_it()
    {
        // cast encodes int8 -200 as the int256 word of -200, which no Solidity int8 can hold.
        Assert.Equal("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff38", Cast.OutputOf("abi-encode", "f(int8)", "--", "-200"));

        Cli.AssertOneLineError(await Cli.RunAsync("abi-encode", "f(int8)", "-200"), "argument 1 (int8)");
    }
}
