using System.CommandLine;
using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Cli.Input;

/// <summary>
/// What <c>call</c>, <c>estimate</c> and <c>send</c> share with cast: <c>TO [SIG] [ARGS]...</c> and
/// <c>--value</c>. <c>SIG</c> is a function signature whose arguments follow, or raw <c>0x</c> calldata;
/// without it the call has no data.
/// </summary>
internal sealed class CallArguments
{
    private readonly Argument<string> _to = new("TO") { Description = "The address of the contract or account." };

    private readonly Argument<string?> _signature = new("SIG")
    {
        Description = "The function signature, e.g. balanceOf(address)(uint256) (outputs in a second pair of parentheses), or raw 0x calldata.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Argument<string[]> _arguments = new("ARGS") { Description = "The arguments of the function.", Arity = ArgumentArity.ZeroOrMore };

    private readonly Option<string?> _value = new("--value")
    {
        Description = "Ether to send with the call: wei, or with a unit (1ether, 10gwei).",
        HelpName = "VALUE",
    };

    /// <summary>Adds the arguments and <c>--value</c> to a command.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_to);
        command.Arguments.Add(_signature);
        command.Arguments.Add(_arguments);
        command.Options.Add(_value);
    }

    /// <summary>Reads the target, the function (when a signature was given), the calldata and the value.</summary>
    /// <exception cref="CliInputException">An argument is malformed or does not fit its type.</exception>
    public CallInput Read(ParseResult parse)
    {
        Address to = CliParse.Address(parse.GetValue(_to)!, "<TO>");
        string? signature = parse.GetValue(_signature);
        string[] texts = parse.GetValue(_arguments) ?? [];
        BigInteger value = parse.GetValue(_value) is string amount ? CliParse.Amount(amount, "--value") : BigInteger.Zero;
        if (signature is null)
        {
            return new CallInput(to, null, [], value);
        }

        if (signature.StartsWith("0x", StringComparison.Ordinal))
        {
            return texts.Length == 0
                ? new CallInput(to, null, CliParse.Hex(signature, "<SIG>"), value)
                : throw new CliInputException("[args]", "raw calldata takes no arguments");
        }

        AbiFunction function = CliParse.Function(signature, "<SIG>");
        return new CallInput(to, function, AbiArguments.Encode(function, texts, withSelector: true), value);
    }
}
