using System.Text;

namespace EthCx.Chain.Abi;

/// <summary>
/// A contract function: name, inputs, outputs and state mutability, with its canonical
/// <see cref="Signature"/> and <see cref="Selector"/>. Encodes calls and decodes return data.
/// Immutable and safe to share; build it once and reuse it for fast encoding.
/// </summary>
public sealed class AbiFunction
{
    private readonly IReadOnlyList<AbiType> _inputTypes;
    private readonly IReadOnlyList<AbiType> _outputTypes;

    /// <summary>Creates a function description.</summary>
    /// <param name="name">The function name.</param>
    /// <param name="inputs">The parameters.</param>
    /// <param name="outputs">The return values.</param>
    /// <param name="stateMutability">How it treats state and ether.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter>? outputs = null, StateMutability stateMutability = StateMutability.NonPayable)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = [.. inputs];
        Outputs = outputs is null ? [] : [.. outputs];
        StateMutability = stateMutability;
        _inputTypes = AbiParameter.TypesOf(Inputs);
        _outputTypes = AbiParameter.TypesOf(Outputs);
        Signature = AbiSignatures.Canonical(name, Inputs);
        Selector = Selector.FromSignature(Signature);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The return values.</summary>
    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<AbiType> InputTypes => _inputTypes;

    /// <summary>The return types.</summary>
    public IReadOnlyList<AbiType> OutputTypes => _outputTypes;

    /// <summary>How the function treats state and ether.</summary>
    public StateMutability StateMutability { get; }

    /// <summary>Whether the function is <c>view</c> or <c>pure</c>, i.e. is called rather than sent.</summary>
    public bool IsReadOnly => StateMutability is StateMutability.View or StateMutability.Pure;

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector, e.g. <c>0xa9059cbb</c>.</summary>
    public Selector Selector { get; }

    /// <summary>
    /// Parses a human-readable signature: <c>transfer(address,uint256)</c>,
    /// <c>function transfer(address to, uint256 amount) external returns (bool)</c>, or
    /// <c>function balanceOf(address) view returns (uint256)</c>.
    /// </summary>
    /// <param name="signature">The signature.</param>
    /// <returns>The function.</returns>
    /// <exception cref="FormatException">The signature is not valid; the message names the text and the position.</exception>
    public static AbiFunction Parse(string signature)
    {
        ParsedSignature parsed = AbiSignatures.Parse(signature, "function", allowIndexed: false);
        var mutability = StateMutability.NonPayable;
        foreach (string modifier in parsed.Modifiers)
        {
            mutability = modifier switch
            {
                "view" => StateMutability.View,
                "pure" => StateMutability.Pure,
                "payable" => StateMutability.Payable,
                "nonpayable" => StateMutability.NonPayable,
                _ => mutability,
            };
        }

        return new AbiFunction(parsed.Name, parsed.Inputs, parsed.Outputs, mutability);
    }

    /// <summary>Encodes a call: the selector followed by the encoded arguments, in one allocation.</summary>
    /// <param name="arguments">One value per input, e.g. <c>[to, amount]</c>.</param>
    /// <returns>The calldata.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    public byte[] EncodeCall(IReadOnlyList<object?> arguments)
    {
        Span<byte> selector = stackalloc byte[Selector.Length];
        Selector.WriteTo(selector);
        return AbiEncoder.EncodeWithPrefix(selector, _inputTypes, arguments);
    }

    /// <summary>Decodes calldata produced by <see cref="EncodeCall"/>, checking the selector.</summary>
    /// <param name="calldata">The selector and the encoded arguments.</param>
    /// <returns>One value per input.</returns>
    /// <exception cref="AbiDecodingException">The selector differs, or the arguments are malformed.</exception>
    public object?[] DecodeCall(ReadOnlySpan<byte> calldata)
    {
        AbiSignatures.CheckSelector(Selector, Signature, calldata);
        return AbiDecoder.Decode(_inputTypes, calldata[Selector.Length..]);
    }

    /// <summary>Encodes return values (as the function would return them).</summary>
    /// <param name="values">One value per output.</param>
    /// <returns>The return data.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit its type, or the count is wrong.</exception>
    public byte[] EncodeOutput(IReadOnlyList<object?> values) => AbiEncoder.Encode(_outputTypes, values);

    /// <summary>Decodes the return data of a call.</summary>
    /// <param name="returnData">The data returned by <c>eth_call</c>.</param>
    /// <returns>One value per output.</returns>
    /// <exception cref="AbiDecodingException">The data is malformed.</exception>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(_outputTypes, returnData);

    /// <summary>The human-readable form, e.g. <c>function balanceOf(address owner) view returns (uint256)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder("function ").Append(Name);
        AbiSignatures.AppendParameters(builder, Inputs);
        if (StateMutability != StateMutability.NonPayable)
        {
            builder.Append(' ').Append(StateMutability.ToString().ToLowerInvariant());
        }

        if (Outputs.Count > 0)
        {
            builder.Append(" returns ");
            AbiSignatures.AppendParameters(builder, Outputs);
        }

        return builder.ToString();
    }
}
