using System.CommandLine;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Cli.Input;
using EthCx.Cli.Output;

namespace EthCx.Cli.Commands;

/// <summary>ABI encoding and decoding: <c>calldata</c>, <c>abi-encode</c>, <c>abi-decode</c>, as in cast.</summary>
internal static class AbiCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Calldata());
        root.Subcommands.Add(AbiEncode());
        root.Subcommands.Add(AbiDecode());
    }

    private static Command Calldata()
    {
        var signature = new Argument<string>("SIG") { Description = "The function signature, e.g. transfer(address,uint256)." };
        var arguments = Arguments("The arguments to encode.");
        var command = new Command("calldata", "ABI-encode a function call with its selector.") { signature, arguments };
        command.Aliases.Add("cd");
        CliCommand.SetAction(command, parse =>
        {
            AbiFunction function = CliParse.Function(parse.GetValue(signature)!, "<SIG>");
            return Hex.Encode(AbiArguments.Encode(function, parse.GetValue(arguments)!, withSelector: true));
        });
        return command;
    }

    private static Command AbiEncode()
    {
        var signature = new Argument<string>("SIG") { Description = "The function signature whose inputs give the types, e.g. f(uint256,string)." };
        var arguments = Arguments("The values to encode.");
        var command = new Command("abi-encode", "ABI-encode the arguments of a function, without the selector.") { signature, arguments };
        command.Aliases.Add("ae");
        CliCommand.SetAction(command, parse =>
        {
            AbiFunction function = CliParse.Function(parse.GetValue(signature)!, "<SIG>");
            return Hex.Encode(AbiArguments.Encode(function, parse.GetValue(arguments)!, withSelector: false));
        });
        return command;
    }

    private static Command AbiDecode()
    {
        var signature = new Argument<string>("SIG") { Description = "The signature in the format name(in-types)(out-types)." };
        var data = new Argument<string>("CALLDATA") { Description = "The ABI-encoded data (without the selector when --input is given)." };
        var input = new Option<bool>("--input", "-i") { Description = "Decode the data as the function's inputs instead of its outputs." };
        var command = new Command("abi-decode", "Decode ABI-encoded input or output data.") { signature, data, input };
        command.Aliases.Add("ad");
        command.Aliases.Add("decode-abi");
        CliCommand.SetAction(command, parse =>
        {
            AbiFunction function = CliParse.Function(parse.GetValue(signature)!, "<SIG>");
            byte[] bytes = CliParse.Hex(parse.GetValue(data)!, "<CALLDATA>");
            IReadOnlyList<AbiType> types = parse.GetValue(input) ? function.InputTypes : function.OutputTypes;
            return CastValueFormatter.FormatLines(types, AbiArguments.Decode(types, bytes, "<CALLDATA>"));
        });
        return command;
    }

    private static Argument<string[]> Arguments(string description) =>
        new("ARGS") { Description = description, Arity = ArgumentArity.ZeroOrMore };
}
