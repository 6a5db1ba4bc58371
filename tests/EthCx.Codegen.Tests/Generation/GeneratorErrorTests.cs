using EthCx.Codegen.Generation;

namespace EthCx.Codegen.Tests.Generation;

/// <summary>What the generator cannot do, it says: the message names the contract, the item and the type.</summary>
public sealed class GeneratorErrorTests : IDisposable
{
    private readonly string _artifacts = Directory.CreateTempSubdirectory("ethcx-codegen-errors").FullName;

    public void Dispose() => Directory.Delete(_artifacts, recursive: true);

    [Fact]
    public void An_abi_type_that_cannot_be_mapped_names_the_contract_the_item_and_the_type()
    {
        Artifact("src/Bad.sol", "Bad", """[{"type":"function","name":"price","inputs":[{"name":"x","type":"fixed128x18"}],"outputs":[],"stateMutability":"view"}]""");

        var error = Assert.Throws<CodegenException>(() => Generate("src/Bad.sol:Bad"));

        Assert.StartsWith("src/Bad.sol:Bad: Invalid JSON ABI: item 0 (function price): inputs[0]: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("fixed128x18", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tuple_without_components_names_the_contract_the_item_and_the_type()
    {
        Artifact("src/Bad.sol", "Bad", """[{"type":"event","name":"Moved","inputs":[{"name":"to","type":"tuple[]","indexed":false}]}]""");

        var error = Assert.Throws<CodegenException>(() => Generate("src/Bad.sol:Bad"));

        Assert.Equal("src/Bad.sol:Bad: Invalid JSON ABI: item 0 (event Moved): inputs[0]: type 'tuple[]' needs a non-empty 'components' array", error.Message);
    }

    [Fact]
    public void A_missing_artifact_says_where_it_was_looked_for()
    {
        var error = Assert.Throws<CodegenException>(() => Generate("src/Nope.sol:Nope"));

        Assert.Equal($"src/Nope.sol:Nope: no artifact at {Path.Combine(_artifacts, "src", "Nope.sol", "Nope.json")}: check the name, and compile the contracts first (npx hardhat compile).", error.Message);
    }

    [Fact]
    public void A_malformed_artifact_names_the_file_and_the_field()
    {
        Artifact("src/Bad.sol", "Bad", "[]", bytecode: "0xzz");

        var error = Assert.Throws<CodegenException>(() => Generate("src/Bad.sol:Bad"));

        Assert.Equal($"src/Bad.sol:Bad: {Path.Combine(_artifacts, "src", "Bad.sol", "Bad.json")}: field 'bytecode' is not hex (Invalid hex character 'z' at position 2.).", error.Message);
    }

    [Fact]
    public void A_struct_name_with_two_shapes_names_the_struct_both_shapes_and_the_contracts()
    {
        Artifact("src/A.sol", "A", Function("f", """{"name":"p","type":"tuple","internalType":"struct Lib.P","components":[{"name":"x","type":"uint256","internalType":"uint256"}]}"""));
        Artifact("src/B.sol", "B", Function("g", """{"name":"p","type":"tuple","internalType":"struct Lib.P","components":[{"name":"x","type":"bool","internalType":"bool"}]}"""));

        var error = Assert.Throws<CodegenException>(() => Generate("src/A.sol:A", "src/B.sol:B"));

        Assert.Equal("src/B.sol:B: function g((bool)), input p ((bool)): struct Lib.P is (bool x) here but (uint256 x) elsewhere (used by A); generate the contracts separately.", error.Message);
    }

    [Fact]
    public void Two_contracts_with_one_name_would_clash_and_are_refused()
    {
        Artifact("src/a/Token.sol", "Token", "[]");
        Artifact("src/b/Token.sol", "Token", "[]");

        var error = Assert.Throws<CodegenException>(() => Generate("src/a/Token.sol:Token", "src/b/Token.sol:Token"));

        Assert.Equal("Two contracts would both generate namespace Test.Token: src/a/Token.sol:Token and src/b/Token.sol:Token; generate them in separate runs.", error.Message);
    }

    [Fact]
    public void A_contract_named_after_its_file_needs_no_name()
    {
        Artifact("src/Plain.sol", "Plain", "[]");

        IReadOnlyList<GeneratedFile> files = Generate("src/Plain.sol");

        Assert.Equal(["Plain/PlainErrors.g.cs", "Plain/PlainService.g.cs"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Names_that_would_clash_with_generated_members_keywords_or_referenced_types_are_renamed()
    {
        string address = """{"name":"where","type":"tuple","internalType":"struct Address","components":[{"name":"line","type":"string","internalType":"string"}]}""";
        string signature = """{"name":"signature","type":"bytes","internalType":"bytes"}""";
        string keyword = """{"name":"class","type":"uint8","internalType":"uint8"}""";
        string block = """{"name":"block","type":"uint64","internalType":"uint64"}""";
        Artifact("src/Names.sol", "Names", Function("send", $"{address},{signature},{keyword},{block}"));

        string functions = Generate("src/Names.sol").Single(f => f.RelativePath == "Names/NamesFunctions.g.cs").Content;
        string service = Generate("src/Names.sol").Single(f => f.RelativePath == "Names/NamesService.g.cs").Content;
        string types = Generate("src/Names.sol").Single(f => f.RelativePath == "Names/NamesTypes.g.cs").Content;

        Assert.Contains("public sealed partial record SendFunction(AddressType Where, byte[] SignatureValue, byte Class, ulong Block)", functions, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record AddressType(string Line)", types, StringComparison.Ordinal);
        Assert.Contains("SendRequestAsync(AddressType where, byte[] signature, byte @class, ulong blockValue, CancellationToken cancellationToken = default)", service, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_named_like_a_type_the_record_uses_and_a_contract_named_like_one_are_renamed()
    {
        Artifact("src/Log.sol", "Log", """[{"type":"event","name":"Logged","anonymous":false,"inputs":[{"name":"log","type":"bytes32","indexed":true,"internalType":"bytes32"}]}]""");

        IReadOnlyList<GeneratedFile> files = Generate("src/Log.sol:Log");

        Assert.Contains("LogContract/LogContractService.g.cs", files.Select(f => f.RelativePath));
        string events = files.Single(f => f.RelativePath == "LogContract/LogContractEvents.g.cs").Content;
        Assert.Contains("namespace Test.LogContract;", events, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record LoggedEventDto(Bytes32 LogValue)", events, StringComparison.Ordinal);
        Assert.Contains("public static LoggedEventDto DecodeLog(Log log)", events, StringComparison.Ordinal);
    }

    private IReadOnlyList<GeneratedFile> Generate(params string[] contracts) => BindingGenerator.Generate(_artifacts, "Test", contracts);

    private static string Function(string name, string inputs) =>
        $$"""[{"type":"function","name":"{{name}}","inputs":[{{inputs}}],"outputs":[],"stateMutability":"nonpayable"}]""";

    private void Artifact(string source, string name, string abi, string bytecode = "0x")
    {
        string directory = Path.Combine([_artifacts, .. source.Split('/')]);
        Directory.CreateDirectory(directory);
        File.WriteAllText(
            Path.Combine(directory, name + ".json"),
            $$"""{"_format":"hh-sol-artifact-1","contractName":"{{name}}","sourceName":"{{source}}","abi":{{abi}},"bytecode":"{{bytecode}}","deployedBytecode":"0x"}""");
    }
}
