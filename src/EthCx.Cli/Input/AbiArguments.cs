using EthCx.Chain.Abi;

namespace EthCx.Cli.Input;

/// <summary>Encodes command-line arguments for a function and decodes data for types, naming the argument on failure.</summary>
internal static class AbiArguments
{
    /// <summary>Encodes arguments given as text (cast's syntax) for a function's inputs, with or without its selector.</summary>
    /// <exception cref="CliInputException">The count is wrong, or an argument is malformed or out of range.</exception>
    public static byte[] Encode(AbiFunction function, IReadOnlyList<string> texts, bool withSelector)
    {
        object?[] values = CliParse.Values(function.InputTypes, texts, function.Signature);
        try
        {
            return withSelector ? function.EncodeCall(values) : AbiEncoder.Encode(function.InputTypes, values);
        }
        catch (AbiEncodingException error)
        {
            throw new CliInputException("[args]", error.Message, error);
        }
    }

    /// <summary>Decodes data as the tuple of <paramref name="types"/>.</summary>
    /// <exception cref="CliInputException">The data does not decode; the message names <paramref name="argument"/>.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, string argument)
    {
        try
        {
            return AbiDecoder.Decode(types, data);
        }
        catch (AbiDecodingException error)
        {
            throw new CliInputException(argument, error.Message, error);
        }
    }
}
