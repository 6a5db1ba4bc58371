using System.CommandLine;
using System.Globalization;
using EthCx.Chain.Accounts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Cli.Input;
using EthCx.Cli.Output;

namespace EthCx.Cli.Commands;

/// <summary>Calling contracts: <c>call</c> (eth_call, decoded output) and <c>estimate</c>, as in cast.</summary>
internal static class ContractCommands
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        root.Subcommands.Add(Call(environment));
        root.Subcommands.Add(Estimate(environment));
    }

    private static Command Call(CliEnvironment environment)
    {
        var call = new CallArguments();
        var block = CliCommand.BlockOption();
        var from = FromOption();
        var command = new Command("call", "Call a function without publishing a transaction; print its decoded output (raw hex without output types).") { block, from };
        command.Aliases.Add("c");
        call.AddTo(command);
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            CallInput input = call.Read(parse);
            var request = new CallRequest { From = From(parse, from), To = input.To, Data = input.Data, Value = input.Value };
            byte[] result = await rpc.Client.CallAsync(request, CliParse.Block(parse.GetValue(block), "--block"), cancellationToken).ConfigureAwait(false);
            return input.Function is { Outputs.Count: > 0 } function
                ? CastValueFormatter.FormatLines(function.OutputTypes, AbiArguments.Decode(function.OutputTypes, result, $"the output of {function.Signature}"))
                : Hex.Encode(result);
        });
        return command;
    }

    private static Command Estimate(CliEnvironment environment)
    {
        var call = new CallArguments();
        var from = FromOption();
        var signer = new SignerOptions();
        var command = new Command("estimate", "Estimate the gas a transaction would use.") { from };
        command.Aliases.Add("e");
        call.AddTo(command);
        signer.AddTo(command);
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            CallInput input = call.Read(parse);
            Address? sender = From(parse, from);
            if (sender is null && signer.IsGiven(parse, environment))
            {
                using PrivateKeySigner account = signer.Create(parse, environment);
                sender = account.Address;
            }

            var request = new CallRequest { From = sender, To = input.To, Data = input.Data, Value = input.Value };
            ulong gas = await rpc.Client.EstimateGasAsync(request, cancellationToken).ConfigureAwait(false);
            return gas.ToString(CultureInfo.InvariantCulture);
        });
        return command;
    }

    private static Option<string?> FromOption() => new("--from", "-f") { Description = "The sender of the call.", HelpName = "ADDRESS" };

    private static Address? From(ParseResult parse, Option<string?> from) =>
        parse.GetValue(from) is string text ? CliParse.Address(text, "--from") : null;
}
