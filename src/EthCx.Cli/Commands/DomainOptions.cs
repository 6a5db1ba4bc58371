using System.CommandLine;
using EthCx.Chain.Primitives;
using EthCx.Cli.Input;

namespace EthCx.Cli.Commands;

/// <summary>Building and reading the options the EthCx commands share.</summary>
internal static class DomainOptions
{
    /// <summary>A text option that must be given.</summary>
    public static Option<string> Required(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Required = true,
    };

    /// <summary>A text option that may be left out.</summary>
    public static Option<string?> Optional(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
    };

    /// <summary>The value of a required option.</summary>
    public static string Value(ParseResult parse, Option<string> option) => parse.GetValue(option)!;

    /// <summary>An address option (mixed case must be a correct EIP-55 checksum).</summary>
    public static Address Address(ParseResult parse, Option<string> option) => CliParse.Address(Value(parse, option), option.Name);

    /// <summary>An optional address option.</summary>
    public static Address? OptionalAddress(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is string text ? CliParse.Address(text, option.Name) : null;
}
