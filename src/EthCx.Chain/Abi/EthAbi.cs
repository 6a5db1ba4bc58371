using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>
/// One-line helpers over signatures, like <c>cast sig</c>, <c>cast sig-event</c> and <c>cast calldata</c>.
/// Each call parses its signature; to encode many calls, parse an <see cref="AbiFunction"/> once and reuse it.
/// </summary>
public static class EthAbi
{
    /// <summary>The selector of a function: <c>transfer(address,uint256)</c> or <c>function transfer(address to, uint256 amount)</c> -> <c>0xa9059cbb</c>.</summary>
    /// <param name="signature">A canonical or human-readable function signature.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="FormatException">The signature is not valid.</exception>
    public static Selector FunctionSelector(string signature) => AbiFunction.Parse(signature).Selector;

    /// <summary>The selector of a custom error: <c>InsufficientBalance(address,uint256)</c> or <c>error InsufficientBalance(address account, uint256 needed)</c>.</summary>
    /// <param name="signature">A canonical or human-readable error signature.</param>
    /// <returns>The selector.</returns>
    /// <exception cref="FormatException">The signature is not valid.</exception>
    public static Selector ErrorSelector(string signature) => AbiError.Parse(signature).Selector;

    /// <summary>Topic 0 of an event: <c>Transfer(address,address,uint256)</c> or <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    /// <param name="signature">A canonical or human-readable event signature.</param>
    /// <returns>The Keccak-256 of the canonical signature.</returns>
    /// <exception cref="FormatException">The signature is not valid.</exception>
    public static Bytes32 EventTopic(string signature) => AbiEvent.Parse(signature).Topic0;

    /// <summary>Encodes a call from a signature: <c>EncodeCall("transfer(address,uint256)", [to, amount])</c>.</summary>
    /// <param name="signature">A canonical or human-readable function signature.</param>
    /// <param name="arguments">One value per parameter.</param>
    /// <returns>The selector followed by the encoded arguments.</returns>
    /// <exception cref="FormatException">The signature is not valid.</exception>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    public static byte[] EncodeCall(string signature, IReadOnlyList<object?> arguments) => AbiFunction.Parse(signature).EncodeCall(arguments);

    /// <summary>Encodes a call of <paramref name="function"/>; the same as <see cref="AbiFunction.EncodeCall"/>.</summary>
    /// <param name="function">The function.</param>
    /// <param name="arguments">One value per parameter.</param>
    /// <returns>The selector followed by the encoded arguments.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    public static byte[] EncodeCall(AbiFunction function, IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function.EncodeCall(arguments);
    }
}
