namespace EthCx.Cli.Tests.Offline;

/// <summary><c>keccak</c>, <c>sig</c>, <c>sig-event</c> and <c>to-checksum-address</c> print exactly what cast prints.</summary>
public sealed class UtilityCommandTests
{
    private const string Lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";

    public static TheoryData<string> KeccakInputs() => new()
    {
        "hello",
        "",
        "0x",
        "0x1234",
        "0xDEADbeef",
        "0X12",
        " 0x12",
        "0x12 ",
        "0x12\n",
        "hello ",
        "héllo wörld € 😀",
        "line\nbreak\ttab",
        new string('a', 135),
        new string('a', 136),
        new string('a', 137),
        "0x" + string.Concat(Enumerable.Repeat("00ff", 300)),
        "-leading-dash",
    };

    [Theory]
    [MemberData(nameof(KeccakInputs))]
    public Task Keccak_matches_cast(string data) => Cast.AssertSameOutputAsync("keccak", "--", data);

    [Theory]
    [InlineData("transfer(address,uint256)")]
    [InlineData("function transfer(address to, uint256 amount) external returns (bool)")]
    [InlineData("function balanceOf(address owner) view returns (uint256)")]
    [InlineData("balanceOf(address)(uint256)")]
    [InlineData("f(uint,int)")]
    [InlineData("f()")]
    [InlineData("f((uint256,string)[] x, bytes)")]
    [InlineData("submit((uint256,address[])[] batch, bytes data) payable")]
    [InlineData("f(bytes32[3][],(bool,address)[2],function)")]
    [InlineData("deep(((((uint8)))))")]
    public Task Sig_matches_cast(string signature) => Cast.AssertSameOutputAsync("sig", signature);

    [Theory]
    [InlineData("Transfer(address indexed,address,uint256)")]
    [InlineData("Transfer(address,address,uint256)")]
    [InlineData("event Approval(address indexed owner, address indexed spender, uint256 value)")]
    [InlineData("event E(uint indexed a, string b) anonymous")]
    [InlineData("event Recorded((uint64,bytes32[])[] indexed entries, string note)")]
    [InlineData("Empty()")]
    public Task Sig_event_matches_cast(string signature) => Cast.AssertSameOutputAsync("sig-event", signature);

    [Theory]
    [InlineData(Lower)]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")]
    [InlineData("0x0000000000000000000000000000000000000000")]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")]
    public Task To_checksum_address_matches_cast(string address) =>
        Cast.AssertSameOutputAsync(["to-checksum", address], ["to-checksum-address", address]);

    [Theory]
    [InlineData("1")]
    [InlineData("30")]
    [InlineData("31337")]
    [InlineData("18446744073709551615")]
    public Task To_checksum_address_with_a_chain_id_matches_cast_eip1191(string chainId) =>
        Cast.AssertSameOutputAsync(["to-checksum", Lower, chainId], ["to-checksum-address", Lower, chainId]);

    [Fact]
    public async Task Known_values()
    {
        Assert.Equal("0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8", await Cli.OutputOfAsync("keccak", "hello"));
        Assert.Equal("0xa9059cbb", await Cli.OutputOfAsync("sig", "transfer(address,uint256)"));
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", await Cli.OutputOfAsync("sig-event", "Transfer(address indexed,address indexed,uint256)"));
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", await Cli.OutputOfAsync("to-checksum", Lower));
    }

    [Theory]
    [InlineData(new[] { "keccak", "0xZZ" }, "<DATA>")]
    [InlineData(new[] { "keccak", "0x1 2" }, "<DATA>")]
    [InlineData(new[] { "keccak", "0x123" }, "<DATA>")]
    [InlineData(new[] { "sig", "transfer" }, "<SIG>")]
    [InlineData(new[] { "sig", "f(uint256" }, "<SIG>")]
    [InlineData(new[] { "sig", "" }, "<SIG>")]
    [InlineData(new[] { "sig-event", "E(uint256" }, "<EVENT_STRING>")]
    [InlineData(new[] { "to-checksum-address", "0x5aaeb60" }, "<ADDRESS>")]
    [InlineData(new[] { "to-checksum-address", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaedaa" }, "<ADDRESS>")]
    [InlineData(new[] { "to-checksum-address", "0xgaaeb6053f3e94c9b9a09f33669435e7ef1beaed" }, "<ADDRESS>")]
    [InlineData(new[] { "to-checksum-address", Lower, "x" }, "<CHAIN_ID>")]
    public async Task Bad_input_is_one_line_naming_the_argument_and_cast_refuses_it_too(string[] args, string argument)
    {
        Cli.AssertOneLineError(await Cli.RunAsync(args), argument);
        string[] castArgs = args[0] == "to-checksum-address" ? ["to-checksum", .. args[1..]] : args;
        Assert.NotEqual(0, Cast.Run(castArgs).ExitCode);
    }
}
