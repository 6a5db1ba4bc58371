using System.CommandLine;
using System.Text;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Cli.Commands;

/// <summary>Offline utilities with the same argument syntax and output as Foundry's <c>cast</c>.</summary>
internal static class UtilityCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Keccak());
        root.Subcommands.Add(ToChecksumAddress());
    }

    private static Command Keccak()
    {
        var data = new Argument<string>("data") { Description = "The data to hash: 0x-hex is hashed as bytes, anything else as UTF-8 text." };
        var command = new Command("keccak", "Hash arbitrary data using Keccak-256.") { data };
        command.Aliases.Add("k");
        CliCommand.SetAction(command, parse =>
        {
            string text = parse.GetValue(data)!;
            byte[] bytes = Hex.HasPrefix(text) ? DecodeArgument(text, "data") : Encoding.UTF8.GetBytes(text);
            return Hex.Encode(Keccak256.HashData(bytes));
        });
        return command;
    }

    private static Command ToChecksumAddress()
    {
        var address = new Argument<string>("address") { Description = "The address to convert." };
        var command = new Command("to-checksum-address", "Convert an address to its EIP-55 checksummed form.") { address };
        command.Aliases.Add("to-checksum");
        CliCommand.SetAction(command, parse => ParseAddress(parse.GetValue(address)!, "address").ToString());
        return command;
    }

    private static byte[] DecodeArgument(string text, string name)
    {
        try
        {
            return Hex.Decode(text);
        }
        catch (FormatException error)
        {
            throw new ArgumentException($"invalid {name} '{text}': {error.Message}", error);
        }
    }

    private static Address ParseAddress(string text, string name)
    {
        try
        {
            return Address.Parse(text.Length == 40 ? "0x" + text : text);
        }
        catch (FormatException error)
        {
            throw new ArgumentException($"invalid {name}: {error.Message}", error);
        }
    }
}
