using System.CommandLine;
using System.Globalization;
using EthCx.Chain.Accounts;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Cli.Input;
using EthCx.Cli.Output;

namespace EthCx.Cli.Commands;

/// <summary>
/// Calling contracts through <see cref="ChainClient"/>, as in cast: <c>call</c> (eth_call, decoded output),
/// <c>estimate</c>, and <c>send</c> (signed here, EIP-1559). A revert is printed decoded
/// (<c>Error(string)</c>, <c>Panic</c>, or the raw data) and exits 1.
/// </summary>
internal static class ContractCommands
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        root.Subcommands.Add(Call(environment));
        root.Subcommands.Add(Estimate(environment));
        root.Subcommands.Add(Send(environment));
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
            var request = new CallRequest { From = From(parse, from), To = input.To, Data = input.Data, Value = input.Value.IsZero ? null : input.Value };
            BlockParameter at = CliParse.Block(parse.GetValue(block), "--block");
            ChainClient client = await ChainClient.ConnectAsync(rpc.Client, null, cancellationToken: cancellationToken).ConfigureAwait(false);
            byte[] result = await client.CallAsync(request, null, at, cancellationToken).ConfigureAwait(false);
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
        var command = new Command("estimate", "Estimate the gas a transaction would use (from --from, or the signer's address).") { from };
        command.Aliases.Add("e");
        call.AddTo(command);
        signer.AddTo(command);
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            CallInput input = call.Read(parse);
            ulong gas;
            if (From(parse, from) is Address sender)
            {
                // A bare sender address: no signer to hand ChainClient; the node's revert is decoded by CliCommand.
                var request = new CallRequest { From = sender, To = input.To, Data = input.Data, Value = input.Value.IsZero ? null : input.Value };
                gas = await rpc.Client.EstimateGasAsync(request, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using PrivateKeySigner? account = signer.IsGiven(parse, environment) ? signer.Create(parse, environment) : null;
                ChainClient client = await ChainClient.ConnectAsync(rpc.Client, account, cancellationToken: cancellationToken).ConfigureAwait(false);
                gas = await client.EstimateGasAsync(Request(input), cancellationToken).ConfigureAwait(false);
            }

            return gas.ToString(CultureInfo.InvariantCulture);
        });
        return command;
    }

    private static Command Send(CliEnvironment environment)
    {
        var call = new CallArguments();
        var signer = new SignerOptions();
        var gasLimit = new Option<ulong?>("--gas-limit") { Description = "The gas limit; estimated (plus a margin) by default.", HelpName = "GAS_LIMIT" };
        var async = new Option<bool>("--async") { Description = "Print the transaction hash once the node has the transaction, without waiting for the receipt." };
        var timeout = new Option<double?>("--timeout") { Description = "How long to wait for the receipt, in seconds (default 120).", HelpName = "TIMEOUT" };
        var command = new Command("send", "Sign a transaction here and publish it; print its receipt (or its hash with --async).") { gasLimit, async, timeout };
        command.Aliases.Add("s");
        call.AddTo(command);
        signer.AddTo(command);
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            CallInput input = call.Read(parse);
            TransactionRequest request = Request(input) with { Gas = parse.GetValue(gasLimit) };
            var options = new ChainClientOptions { ReceiptTimeout = TimeSpan.FromSeconds(Seconds(parse.GetValue(timeout) ?? 120, "--timeout")) };
            using PrivateKeySigner account = signer.Create(parse, environment);
            ChainClient client = await ChainClient.ConnectAsync(rpc.Client, account, options, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(async))
            {
                return (await client.SendAsync(request, cancellationToken).ConfigureAwait(false)).ToString();
            }

            TransactionReceipt receipt = await client.SendAndWaitAsync(request, cancellationToken).ConfigureAwait(false);
            return ReceiptFormatter.Format(receipt);
        });
        return command;
    }

    private static TransactionRequest Request(CallInput input) => new() { To = input.To, Data = input.Data, Value = input.Value };

    private static Option<string?> FromOption() => new("--from", "-f") { Description = "The sender of the call.", HelpName = "ADDRESS" };

    private static Address? From(ParseResult parse, Option<string?> from) =>
        parse.GetValue(from) is string text ? CliParse.Address(text, "--from") : null;

    private static double Seconds(double value, string option) =>
        value > 0 && value <= TimeSpan.MaxValue.TotalSeconds ? value : throw new CliInputException(option, $"{value.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds");
}
