using System.Globalization;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Cli.Input;

/// <summary>
/// Reads typed values from command-line text; a bad value becomes a <see cref="CliInputException"/>
/// naming the argument. None of these is used for a secret.
/// </summary>
internal static class CliParse
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// An address with or without <c>0x</c>. All-lower or all-upper case is taken as is; mixed case
    /// must be a correct EIP-55 checksum, so that a mistyped target is caught.
    /// </summary>
    public static Address Address(string text, string argument) =>
        Wrap(argument, text, () => Chain.Primitives.Address.Parse(text.Length == 40 ? "0x" + text : text));

    /// <summary>An address with or without <c>0x</c>, in any letter case (as <c>cast to-checksum</c> takes it).</summary>
    public static Address AnyCaseAddress(string text, string argument)
    {
        string digits = text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text;
        byte[] bytes = Bytes(digits, argument, text);
        return bytes.Length == Chain.Primitives.Address.Length
            ? Chain.Primitives.Address.FromBytes(bytes)
            : throw new CliInputException(argument, $"'{text}' is {bytes.Length} bytes, an address is {Chain.Primitives.Address.Length}");
    }

    /// <summary>Hex bytes, <c>0x</c> optional.</summary>
    public static byte[] Hex(string text, string argument) =>
        Bytes(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text, argument, text);

    /// <summary>A 32-byte hash in hex.</summary>
    public static Bytes32 Hash(string text, string argument)
    {
        byte[] bytes = Hex(text, argument);
        return bytes.Length == Bytes32.Length
            ? Bytes32.FromBytes(bytes)
            : throw new CliInputException(argument, $"'{text}' is {bytes.Length} bytes, a hash is {Bytes32.Length}");
    }

    /// <summary>A block: a number (decimal or <c>0x</c> hex) or a tag (<c>latest</c>, <c>earliest</c>, <c>pending</c>, <c>safe</c>, <c>finalized</c>); none means latest.</summary>
    public static BlockParameter Block(string? text, string argument) => text switch
    {
        null or "latest" => BlockParameter.Latest,
        "earliest" => BlockParameter.Earliest,
        "pending" => BlockParameter.Pending,
        "safe" => BlockParameter.Safe,
        "finalized" => BlockParameter.Finalized,
        _ when text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hex) => hex,
        _ when ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong number) => number,
        _ => throw new CliInputException(argument, $"'{text}' is not a block number or one of latest, earliest, pending, safe, finalized"),
    };

    /// <summary>
    /// A function signature in cast's forms: <c>transfer(address,uint256)</c>, <c>balanceOf(address)(uint256)</c>
    /// (outputs in a second pair of parentheses), or Solidity's <c>function f(uint256 x) view returns (uint256)</c>.
    /// </summary>
    public static AbiFunction Function(string text, string argument) =>
        Wrap(argument, null, () => AbiFunction.Parse(WithReturns(text)));

    /// <summary>An event signature: <c>Transfer(address indexed,address,uint256)</c> or <c>event Transfer(...)</c>.</summary>
    public static AbiEvent Event(string text, string argument) => Wrap(argument, null, () => AbiEvent.Parse(text));

    /// <summary>Reads one ABI value per type in cast's syntax (see <see cref="CastValueParser"/>).</summary>
    public static object?[] Values(IReadOnlyList<AbiType> types, IReadOnlyList<string> texts, string what)
    {
        if (texts.Count != types.Count)
        {
            throw new CliInputException("[args]", $"{what} takes {types.Count} argument{(types.Count == 1 ? string.Empty : "s")}, got {texts.Count}");
        }

        object?[] values = new object?[types.Count];
        for (int i = 0; i < values.Length; i++)
        {
            int index = i;
            values[i] = Wrap($"argument {i + 1} ({types[i]})", texts[i], () => CastValueParser.Parse(types[index], texts[index]));
        }

        return values;
    }

    /// <summary>An amount of wei in cast's syntax: <c>1000</c>, <c>1.5ether</c>, <c>10 gwei</c>, <c>1e18</c>.</summary>
    public static System.Numerics.BigInteger Amount(string text, string argument) =>
        Wrap(argument, text, () => CastValueParser.ParseAmount(text));

    /// <summary>Turns cast's <c>name(inputs)(outputs)</c> into <c>name(inputs) returns (outputs)</c>; other text is returned as is.</summary>
    private static string WithReturns(string text)
    {
        int open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            depth += text[i] switch
            {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            if (depth == 0)
            {
                string rest = text[(i + 1)..].TrimStart();
                return rest.StartsWith('(') ? $"{text[..(i + 1)]} returns {rest}" : text;
            }
        }

        return text;
    }

    private static byte[] Bytes(string digits, string argument, string text)
    {
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            int bad = digits.AsSpan().IndexOfAnyExcept(HexDigits);
            string problem = bad >= 0 ? $"invalid hex character '{digits[bad]}'" : "odd number of hex digits";
            throw new CliInputException(argument, $"'{text}': {problem}");
        }
    }

    /// <summary>Runs a parser, naming the argument (and quoting its text, unless the parser's message already does) on failure.</summary>
    private static T Wrap<T>(string argument, string? text, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception error) when (error is FormatException or ArgumentException or OverflowException)
        {
            throw new CliInputException(argument, text is null ? error.Message : $"'{text}': {error.Message}", error);
        }
    }
}
