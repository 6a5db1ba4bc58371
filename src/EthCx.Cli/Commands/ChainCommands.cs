using System.CommandLine;
using System.Globalization;
using System.Numerics;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Cli.Input;
using EthCx.Cli.Output;

namespace EthCx.Cli.Commands;

/// <summary>Reading a chain: <c>chain-id</c>, <c>block-number</c>, <c>balance</c>, <c>nonce</c>, <c>code</c>, <c>receipt</c>, as in cast.</summary>
internal static class ChainCommands
{
    private static readonly BigInteger WeiPerEther = BigInteger.Pow(10, 18);

    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        root.Subcommands.Add(ChainId(environment));
        root.Subcommands.Add(BlockNumber(environment));
        root.Subcommands.Add(Balance(environment));
        root.Subcommands.Add(Nonce(environment));
        root.Subcommands.Add(Code(environment));
        root.Subcommands.Add(Receipt(environment));
    }

    private static Command ChainId(CliEnvironment environment)
    {
        var command = new Command("chain-id", "Get the chain id of the node.");
        command.Aliases.Add("ci");
        command.Aliases.Add("cid");
        CliCommand.SetRpcAction(command, environment, async (_, rpc, cancellationToken) =>
            Text(await rpc.Client.ChainIdAsync(cancellationToken).ConfigureAwait(false)));
        return command;
    }

    private static Command BlockNumber(CliEnvironment environment)
    {
        var block = new Argument<string?>("BLOCK") { Description = "A block tag (latest, earliest, pending, safe, finalized) or number; latest by default.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("block-number", "Get the number of the latest block, or of a tagged block.") { block };
        command.Aliases.Add("bn");
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            if (parse.GetValue(block) is not string text)
            {
                return Text(await rpc.Client.BlockNumberAsync(cancellationToken).ConfigureAwait(false));
            }

            BlockParameter parameter = CliParse.Block(text, "<BLOCK>");
            Block? found = await rpc.Client.GetBlockByNumberAsync(parameter, cancellationToken).ConfigureAwait(false);
            return found is not null ? Text(found.Number) : throw new CliInputException("<BLOCK>", $"the node has no block {text}");
        });
        return command;
    }

    private static Command Balance(CliEnvironment environment)
    {
        var who = WhoArgument();
        var block = CliCommand.BlockOption();
        var ether = new Option<bool>("--ether", "-e") { Description = "Print the balance in ether rather than wei." };
        var command = new Command("balance", "Get the balance of an account in wei.") { who, block, ether };
        command.Aliases.Add("b");
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            BigInteger wei = await rpc.Client.GetBalanceAsync(Who(parse, who), CliParse.Block(parse.GetValue(block), "--block"), cancellationToken).ConfigureAwait(false);
            return parse.GetValue(ether) ? FormatEther(wei) : wei.ToString(CultureInfo.InvariantCulture);
        });
        return command;
    }

    private static Command Nonce(CliEnvironment environment)
    {
        var who = WhoArgument();
        var block = CliCommand.BlockOption();
        var command = new Command("nonce", "Get the nonce (transaction count) of an account.") { who, block };
        command.Aliases.Add("n");
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
            Text(await rpc.Client.GetTransactionCountAsync(Who(parse, who), CliParse.Block(parse.GetValue(block), "--block"), cancellationToken).ConfigureAwait(false)));
        return command;
    }

    private static Command Code(CliEnvironment environment)
    {
        var who = WhoArgument();
        var block = CliCommand.BlockOption();
        var command = new Command("code", "Get the runtime bytecode of a contract.") { who, block };
        command.Aliases.Add("co");
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
            Hex.Encode(await rpc.Client.GetCodeAsync(Who(parse, who), CliParse.Block(parse.GetValue(block), "--block"), cancellationToken).ConfigureAwait(false)));
        return command;
    }

    private static Command Receipt(CliEnvironment environment)
    {
        var hash = new Argument<string>("TX_HASH") { Description = "The transaction hash." };
        var field = new Argument<string?>("FIELD") { Description = "Print only this field: " + string.Join(", ", ReceiptFormatter.FieldNames) + ".", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("receipt", "Get the receipt of a mined transaction.") { hash, field };
        command.Aliases.Add("re");
        CliCommand.SetRpcAction(command, environment, async (parse, rpc, cancellationToken) =>
        {
            string? name = parse.GetValue(field);
            if (name is not null && !ReceiptFormatter.FieldNames.Contains(name))
            {
                throw new CliInputException("<FIELD>", $"'{name}' is not a receipt field ({string.Join(", ", ReceiptFormatter.FieldNames)})");
            }

            Bytes32 transaction = CliParse.Hash(parse.GetValue(hash)!, "<TX_HASH>");
            TransactionReceipt receipt = await rpc.Client.GetTransactionReceiptAsync(transaction, cancellationToken).ConfigureAwait(false)
                ?? throw new CliInputException("<TX_HASH>", $"no receipt for {transaction}: the transaction is unknown or not mined yet");
            return name is null ? ReceiptFormatter.Format(receipt) : ReceiptFormatter.Field(receipt, name)!;
        });
        return command;
    }

    private static Argument<string> WhoArgument() => new("WHO") { Description = "The account's address." };

    private static Address Who(ParseResult parse, Argument<string> who) => CliParse.Address(parse.GetValue(who)!, "<WHO>");

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Wei as ether with all 18 decimals, as <c>cast balance --ether</c> prints it.</summary>
    private static string FormatEther(BigInteger wei)
    {
        BigInteger whole = BigInteger.DivRem(wei, WeiPerEther, out BigInteger fraction);
        return $"{whole.ToString(CultureInfo.InvariantCulture)}.{fraction.ToString("D18", CultureInfo.InvariantCulture)}";
    }
}
