using System.CommandLine;
using System.Text;
using EthCx.Chain.Accounts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;
using EthCx.Cli.Input;

namespace EthCx.Cli.Commands;

/// <summary><c>wallet address</c>, <c>wallet sign</c> and <c>wallet verify</c> (EIP-191 messages, raw hashes, EIP-712 typed data), as in cast.</summary>
internal static class WalletCommands
{
    public static void AddTo(RootCommand root, CliEnvironment environment)
    {
        var wallet = new Command("wallet", "Wallet management utilities.") { Address(environment), Sign(environment), Verify() };
        wallet.Aliases.Add("w");
        root.Subcommands.Add(wallet);
    }

    private static Command Address(CliEnvironment environment)
    {
        var key = new Argument<string?>("PRIVATE_KEY") { Description = "The private key; or use --private-key, --mnemonic or the environment.", Arity = ArgumentArity.ZeroOrOne };
        var signer = new SignerOptions();
        var command = new Command("address", "Print the address of a private key or mnemonic account.") { key };
        command.Aliases.Add("a");
        command.Aliases.Add("addr");
        signer.AddTo(command);
        CliCommand.SetAction(command, parse =>
        {
            using PrivateKeySigner account = signer.Create(parse, environment, parse.GetValue(key));
            return account.Address.ToString();
        });
        return command;
    }

    private static Command Sign(CliEnvironment environment)
    {
        var message = MessageArgument("The message, typed data or hash to sign: 0x-prefixed text is hex bytes, other text UTF-8.");
        var options = new MessageOptions();
        var signer = new SignerOptions();
        var command = new Command("sign", "Sign a message (EIP-191), a 32-byte hash (--no-hash) or typed data (--data, EIP-712).") { message };
        command.Aliases.Add("s");
        options.AddTo(command);
        signer.AddTo(command);
        CliCommand.SetAction(command, parse =>
        {
            Bytes32 hash = options.Hash(parse, parse.GetValue(message)!);
            using PrivateKeySigner account = signer.Create(parse, environment);
            return account.SignHash(hash).ToString();
        });
        return command;
    }

    private static Command Verify()
    {
        var message = MessageArgument("The message that was signed: 0x-prefixed text is hex bytes, other text UTF-8.");
        var signatureText = new Argument<string>("SIGNATURE") { Description = "The 65-byte signature (r, s, v) in hex." };
        var address = new Option<string>("--address", "-a") { Description = "The address of the claimed signer.", HelpName = "ADDRESS", Required = true };
        var options = new MessageOptions();
        var command = new Command("verify", "Verify that an address signed a message.") { message, signatureText, address };
        command.Aliases.Add("v");
        options.AddTo(command);
        CliCommand.SetAction(command, parse =>
        {
            Bytes32 hash = options.Hash(parse, parse.GetValue(message)!);
            Signature signature = ParseSignature(parse.GetValue(signatureText)!);
            Address claimed = CliParse.Address(parse.GetValue(address)!, "--address");
            Address recovered;
            try
            {
                recovered = Secp256k1.RecoverAddress(hash, signature);
            }
            catch (InvalidSignatureException error)
            {
                throw new CliInputException("<SIGNATURE>", error.Message, error);
            }

            return recovered == claimed
                ? $"Validation succeeded. Address {claimed} signed this message."
                : throw new CliInputException("--address", $"Validation failed. Address {claimed} did not sign this message.");
        });
        return command;
    }

    private static Argument<string> MessageArgument(string description) => new("MESSAGE") { Description = description };

    private static Signature ParseSignature(string text)
    {
        byte[] bytes = CliParse.Hex(text, "<SIGNATURE>");
        try
        {
            return Signature.FromBytes(bytes);
        }
        catch (ArgumentException error)
        {
            throw new CliInputException("<SIGNATURE>", error.Message, error);
        }
    }

    /// <summary>How <c>sign</c> and <c>verify</c> turn the message into the hash that is signed.</summary>
    private sealed class MessageOptions
    {
        private readonly Option<bool> _noHash = new("--no-hash") { Description = "The message is a 32-byte hash, signed as is." };
        private readonly Option<bool> _data = new("--data") { Description = "The message is EIP-712 typed data, as eth_signTypedData_v4 JSON." };
        private readonly Option<bool> _fromFile = new("--from-file") { Description = "With --data: the message is the path of a JSON file." };

        public void AddTo(Command command)
        {
            command.Options.Add(_data);
            command.Options.Add(_fromFile);
            command.Options.Add(_noHash);
        }

        public Bytes32 Hash(ParseResult parse, string message)
        {
            if (parse.GetValue(_fromFile) && !parse.GetValue(_data))
            {
                throw new CliInputException("--from-file", "requires --data");
            }

            if (parse.GetValue(_data))
            {
                return TypedDataHash(parse.GetValue(_fromFile) ? ReadFile(message) : message);
            }

            if (parse.GetValue(_noHash))
            {
                return CliParse.Hash(message, "<MESSAGE>");
            }

            byte[] bytes = message.StartsWith("0x", StringComparison.Ordinal) ? CliParse.Hex(message, "<MESSAGE>") : Encoding.UTF8.GetBytes(message);
            return EthereumMessage.Hash(bytes);
        }

        private static Bytes32 TypedDataHash(string json)
        {
            try
            {
                return TypedData.Parse(json).Hash;
            }
            catch (TypedDataException error)
            {
                throw new CliInputException("<MESSAGE>", error.Message, error);
            }
        }

        private static string ReadFile(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException("<MESSAGE>", error.Message, error);
            }
        }
    }
}
