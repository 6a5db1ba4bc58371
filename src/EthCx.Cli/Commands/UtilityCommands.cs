using System.CommandLine;
using System.Globalization;
using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Cli.Input;

namespace EthCx.Cli.Commands;

/// <summary>Hashing, selectors and addresses: <c>keccak</c>, <c>sig</c>, <c>sig-event</c>, <c>to-checksum-address</c>, as in cast.</summary>
internal static class UtilityCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Keccak());
        root.Subcommands.Add(Sig());
        root.Subcommands.Add(SigEvent());
        root.Subcommands.Add(ToChecksumAddress());
    }

    private static Command Keccak()
    {
        var data = new Argument<string>("DATA") { Description = "The data to hash: text starting with 0x is hashed as hex bytes (trailing white space ignored), anything else as UTF-8." };
        var command = new Command("keccak", "Hash arbitrary data using Keccak-256.") { data };
        command.Aliases.Add("k");
        command.Aliases.Add("keccak256");
        CliCommand.SetAction(command, parse =>
        {
            string text = parse.GetValue(data)!;
            byte[] bytes = text.StartsWith("0x", StringComparison.Ordinal) ? CliParse.Hex(text.TrimEnd(), "<DATA>") : Encoding.UTF8.GetBytes(text);
            return Hex.Encode(Keccak256.HashData(bytes));
        });
        return command;
    }

    private static Command Sig()
    {
        var signature = new Argument<string>("SIG") { Description = "The function signature, e.g. transfer(address,uint256)." };
        var command = new Command("sig", "Get the selector for a function.") { signature };
        command.Aliases.Add("si");
        CliCommand.SetAction(command, parse => CliParse.Function(parse.GetValue(signature)!, "<SIG>").Selector.ToString());
        return command;
    }

    private static Command SigEvent()
    {
        var signature = new Argument<string>("EVENT_STRING") { Description = "The event signature, e.g. Transfer(address indexed,address,uint256)." };
        var command = new Command("sig-event", "Generate the event topic (topic 0) of an event signature.") { signature };
        command.Aliases.Add("se");
        CliCommand.SetAction(command, parse => CliParse.Event(parse.GetValue(signature)!, "<EVENT_STRING>").Topic0.ToString());
        return command;
    }

    private static Command ToChecksumAddress()
    {
        var address = new Argument<string>("ADDRESS") { Description = "The address to convert, in any letter case." };
        var chainId = new Argument<ulong?>("CHAIN_ID") { Description = "An EIP-155 chain id, to checksum with EIP-1191 instead of EIP-55.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("to-checksum-address", "Convert an address to a checksummed format (EIP-55, or EIP-1191 with a chain id).") { address, chainId };
        command.Aliases.Add("to-checksum");
        command.Aliases.Add("to-check-sum-address");
        command.Aliases.Add("ta");
        CliCommand.SetAction(command, parse =>
        {
            Address parsed = CliParse.AnyCaseAddress(parse.GetValue(address)!, "<ADDRESS>");
            return parse.GetValue(chainId) is ulong id ? Eip1191Checksum(parsed, id) : parsed.ToString();
        });
        return command;
    }

    /// <summary>EIP-1191: the EIP-55 scheme with the chain id in decimal put before the hashed lower-case address.</summary>
    private static string Eip1191Checksum(Address address, ulong chainId)
    {
        string lower = address.ToLowerHex();
        byte[] hash = Keccak256.HashData(Encoding.ASCII.GetBytes(chainId.ToString(CultureInfo.InvariantCulture) + lower));
        var builder = new StringBuilder("0x", lower.Length);
        for (int i = 2; i < lower.Length; i++)
        {
            int nibble = (hash[(i - 2) / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            builder.Append(nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }

        return builder.ToString();
    }
}
