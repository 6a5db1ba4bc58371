using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Abi;

public class JsonAbiTests
{
    /// <summary>A hand-written Hardhat artifact of a loyalty ledger: overloads, structs, an anonymous event, errors, receive and fallback.</summary>
    public const string ArtifactJson = """
        {
          "_format": "hh-sol-artifact-1",
          "contractName": "Ledger",
          "sourceName": "contracts/Ledger.sol",
          "abi": [
            { "type": "constructor", "stateMutability": "nonpayable", "inputs": [
              { "name": "initialOwner", "type": "address", "internalType": "address" },
              { "name": "name_", "type": "string", "internalType": "string" } ] },
            { "type": "error", "name": "OwnableUnauthorizedAccount", "inputs": [
              { "name": "account", "type": "address", "internalType": "address" } ] },
            { "type": "error", "name": "LedgerInsufficientPoints", "inputs": [
              { "name": "customer", "type": "address", "internalType": "address" },
              { "name": "balance", "type": "uint256", "internalType": "uint256" },
              { "name": "needed", "type": "uint256", "internalType": "uint256" } ] },
            { "type": "error", "name": "LedgerPaused", "inputs": [] },
            { "type": "event", "name": "PointsIssued", "anonymous": false, "inputs": [
              { "name": "customer", "type": "address", "indexed": true, "internalType": "address" },
              { "name": "amount", "type": "uint256", "indexed": false, "internalType": "uint256" },
              { "name": "reason", "type": "string", "indexed": false, "internalType": "string" } ] },
            { "type": "event", "name": "EntryRecorded", "anonymous": false, "inputs": [
              { "name": "id", "type": "bytes32", "indexed": true, "internalType": "bytes32" },
              { "name": "kind", "type": "string", "indexed": true, "internalType": "string" },
              { "name": "entry", "type": "tuple", "indexed": false, "internalType": "struct Ledger.Entry", "components": [
                { "name": "timestamp", "type": "uint64", "internalType": "uint64" },
                { "name": "location", "type": "string", "internalType": "string" },
                { "name": "handlers", "type": "address[]", "internalType": "address[]" } ] } ] },
            { "type": "event", "name": "Debug", "anonymous": true, "inputs": [
              { "name": "tag", "type": "bytes32", "indexed": true, "internalType": "bytes32" },
              { "name": "values", "type": "int256[]", "indexed": false, "internalType": "int256[]" } ] },
            { "type": "function", "name": "balanceOf", "stateMutability": "view", "inputs": [
              { "name": "customer", "type": "address", "internalType": "address" } ], "outputs": [
              { "name": "", "type": "uint256", "internalType": "uint256" } ] },
            { "type": "function", "name": "issue", "stateMutability": "nonpayable", "inputs": [
              { "name": "customer", "type": "address", "internalType": "address" },
              { "name": "amount", "type": "uint256", "internalType": "uint256" } ], "outputs": [] },
            { "type": "function", "name": "issue", "stateMutability": "nonpayable", "inputs": [
              { "name": "customer", "type": "address", "internalType": "address" },
              { "name": "amount", "type": "uint256", "internalType": "uint256" },
              { "name": "reason", "type": "string", "internalType": "string" } ], "outputs": [] },
            { "type": "function", "name": "record", "stateMutability": "nonpayable", "inputs": [
              { "name": "batch", "type": "tuple[2][]", "internalType": "struct Ledger.Entry[2][]", "components": [
                { "name": "timestamp", "type": "uint64", "internalType": "uint64" },
                { "name": "location", "type": "string", "internalType": "string" },
                { "name": "handlers", "type": "address[]", "internalType": "address[]" } ] } ], "outputs": [
              { "name": "ids", "type": "bytes32[]", "internalType": "bytes32[]" } ] },
            { "type": "function", "name": "deposit", "stateMutability": "payable", "inputs": [], "outputs": [] },
            { "type": "function", "name": "version", "stateMutability": "pure", "inputs": [], "outputs": [
              { "name": "", "type": "string", "internalType": "string" } ] },
            { "type": "receive", "stateMutability": "payable" },
            { "type": "fallback", "stateMutability": "payable" }
          ],
          "bytecode": "0x6080",
          "deployedBytecode": "0x6080",
          "linkReferences": {},
          "deployedLinkReferences": {}
        }
        """;

    private static readonly ContractAbi Abi = ContractAbi.Parse(ArtifactJson);

    [Fact]
    public void Reads_every_kind_of_item()
    {
        Assert.Equal(
            ["balanceOf(address)", "issue(address,uint256)", "issue(address,uint256,string)", "record((uint64,string,address[])[2][])", "deposit()", "version()"],
            Abi.Functions.Select(f => f.Signature));
        Assert.Equal(["PointsIssued(address,uint256,string)", "EntryRecorded(bytes32,string,(uint64,string,address[]))", "Debug(bytes32,int256[])"], Abi.Events.Select(e => e.Signature));
        Assert.Equal(["OwnableUnauthorizedAccount", "LedgerInsufficientPoints", "LedgerPaused"], Abi.Errors.Select(e => e.Name));
        Assert.Equal(["initialOwner", "name_"], Abi.Constructor!.Inputs.Select(p => p.Name));
        Assert.Equal(StateMutability.NonPayable, Abi.Constructor.StateMutability);
        Assert.True(Abi.HasReceive);
        Assert.Equal(new AbiFallback(StateMutability.Payable), Abi.Fallback);
    }

    [Fact]
    public void Keeps_state_mutability_indexed_anonymous_and_internal_types()
    {
        Assert.Equal(StateMutability.View, Abi.GetFunction("balanceOf").StateMutability);
        Assert.True(Abi.GetFunction("balanceOf").IsReadOnly);
        Assert.Equal(StateMutability.Payable, Abi.GetFunction("deposit").StateMutability);
        Assert.Equal(StateMutability.Pure, Abi.GetFunction("version").StateMutability);

        AbiEvent recorded = Abi.GetEvent("EntryRecorded");
        Assert.Equal([true, true, false], recorded.Parameters.Select(p => p.Indexed));
        Assert.False(recorded.Anonymous);
        Assert.True(Abi.GetEvent("Debug").Anonymous);

        AbiParameter batch = Abi.GetFunction("record").Inputs[0];
        Assert.Equal("struct Ledger.Entry[2][]", batch.InternalType);
        var outer = Assert.IsType<AbiArray>(batch.Type);
        var inner = Assert.IsType<AbiArray>(outer.Element);
        Assert.Null(outer.Length);
        Assert.Equal(2, inner.Length);
        var entry = Assert.IsType<AbiTuple>(inner.Element);
        Assert.Equal(["timestamp", "location", "handlers"], entry.Components.Select(c => c.Name));
        Assert.Equal("uint64", entry.Components[0].InternalType);
        Assert.Equal("struct Ledger.Entry", recorded.Parameters[2].InternalType);
    }

    [Fact]
    public void Looks_up_by_name_signature_selector_and_topic()
    {
        Assert.Equal(2, Abi.GetFunctions("issue").Count);
        Assert.Equal("issue(address,uint256,string)", Abi.GetFunction("issue(address,uint256,string)").Signature);
        Assert.Equal("issue(address,uint256)", Abi.GetFunction("function issue(address customer, uint256 amount)").Signature);
        Assert.Same(Abi.GetFunction("balanceOf"), Abi.FindFunction(Selector.Parse("0x70a08231")));
        Assert.Null(Abi.FindFunction(Selector.Parse("0xa9059cbb")));
        AbiError insufficient = Abi.GetError("LedgerInsufficientPoints");
        Assert.Same(insufficient, Abi.FindError(insufficient.Selector));
        AbiEvent issued = Abi.GetEvent("PointsIssued");
        Assert.Same(issued, Abi.FindEvent(issued.Topic0));
        Assert.Null(Abi.FindEvent(Abi.GetEvent("Debug").Topic0));
    }

    [Fact]
    public void Lookup_failures_explain_themselves()
    {
        Assert.Equal(
            "The function name 'issue' is overloaded; pass one of the signatures: issue(address,uint256), issue(address,uint256,string). (Parameter 'nameOrSignature')",
            Assert.Throws<ArgumentException>(() => Abi.GetFunction("issue")).Message);
        Assert.Equal(
            "The ABI has no error 'Nope'; it has: OwnableUnauthorizedAccount(address), LedgerInsufficientPoints(address,uint256,uint256), LedgerPaused(). (Parameter 'nameOrSignature')",
            Assert.Throws<ArgumentException>(() => Abi.GetError("Nope")).Message);
    }

    [Fact]
    public void Encodes_a_call_with_a_struct_array_and_decodes_it_back()
    {
        AbiFunction record = Abi.GetFunction("record");
        object?[] entry = [(BigInteger)1_700_000_000, "Rotterdam", new object?[] { Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") }];
        object?[] arguments = [new object?[] { new object?[] { entry, entry } }];
        byte[] calldata = record.EncodeCall(arguments);
        Assert.Equal(record.Selector, Selector.FromBytes(calldata));
        AbiTestValues.AssertDeepEqual(arguments, record.DecodeCall(calldata));
    }

    [Fact]
    public void Constructor_appends_arguments_to_the_bytecode()
    {
        byte[] deployment = Abi.Constructor!.EncodeDeployment([0x60, 0x80], [Address.Zero, "Ledger"]);
        Assert.Equal([0x60, 0x80], deployment[..2]);
        Assert.Equal(AbiEncoder.Encode(Abi.Constructor.InputTypes, [Address.Zero, "Ledger"]), deployment[2..]);
    }

    [Fact]
    public void Accepts_a_bare_array_and_legacy_constant_payable_flags()
    {
        ContractAbi legacy = ContractAbi.Parse("""
            [ { "constant": true, "inputs": [], "name": "totalSupply", "outputs": [ { "name": "", "type": "uint256" } ], "payable": false, "type": "function" },
              { "constant": false, "inputs": [], "name": "buy", "outputs": [], "payable": true, "type": "function" },
              { "inputs": [], "name": "noType", "outputs": [] } ]
            """);
        Assert.Equal([StateMutability.View, StateMutability.Payable, StateMutability.NonPayable], legacy.Functions.Select(f => f.StateMutability));
    }

    [Theory]
    [InlineData("{", "Invalid JSON ABI: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 1.")]
    [InlineData("{\"bytecode\":\"0x\"}", "Invalid JSON ABI: an object must have an 'abi' property (a Hardhat or Foundry artifact).")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint7\"}]}]", "Invalid JSON ABI: item 0 (function f): inputs[0]: Invalid ABI type 'uint7': unknown type 'uint7' at position 0.")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\",\"type\":\"tuple\"}]}]", "Invalid JSON ABI: item 0 (function f): inputs[0]: type 'tuple' needs a non-empty 'components' array")]
    [InlineData("[{\"type\":\"event\",\"inputs\":[]}]", "Invalid JSON ABI: item 0: missing 'name'")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"stateMutability\":\"cheap\"}]", "Invalid JSON ABI: item 0 (function f): unknown stateMutability 'cheap'")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint8\",\"indexed\":\"yes\"}]}]", "Invalid JSON ABI: item 0 (function f): inputs[0]: 'indexed' must be true or false")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"b\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"c\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"d\",\"type\":\"uint8\",\"indexed\":true}]}]", "Invalid JSON ABI: item 0 (event E): Event E has 4 indexed fields; at most 3 are allowed. (Parameter 'parameters')")]
    [InlineData("[{\"type\":\"modifier\",\"name\":\"m\"}]", "Invalid JSON ABI: item 0 (modifier m): unknown item type 'modifier'")]
    [InlineData("[1]", "Invalid JSON ABI: item 0: expected an object, found Number")]
    public void Rejects_malformed_abis_naming_the_item(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => ContractAbi.Parse(json)).Message);
    }
}
