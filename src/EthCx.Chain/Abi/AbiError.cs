using System.Text;

namespace EthCx.Chain.Abi;

/// <summary>
/// A custom error (<c>error InsufficientBalance(address account, uint256 needed)</c>): name and
/// inputs, with its canonical <see cref="Signature"/> and <see cref="Selector"/>. Revert data is the
/// selector followed by the encoded arguments. To decode any revert, use <see cref="RevertDecoder"/>.
/// </summary>
public sealed class AbiError
{
    private readonly IReadOnlyList<AbiType> _inputTypes;

    /// <summary>Creates an error description.</summary>
    /// <param name="name">The error name.</param>
    /// <param name="inputs">The error's fields.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = [.. inputs];
        _inputTypes = AbiParameter.TypesOf(Inputs);
        Signature = AbiSignatures.Canonical(name, Inputs);
        Selector = Selector.FromSignature(Signature);
    }

    /// <summary>The built-in <c>Error(string)</c> raised by <c>require(cond, "message")</c> and <c>revert("message")</c>.</summary>
    public static AbiError Error { get; } = new("Error", [new AbiParameter("message", AbiString.Instance)]);

    /// <summary>The built-in <c>Panic(uint256)</c> raised by failed asserts, arithmetic overflow, division by zero and the like.</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiUInt.UInt256)]);

    /// <summary>The error name.</summary>
    public string Name { get; }

    /// <summary>The error's fields.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The field types.</summary>
    public IReadOnlyList<AbiType> InputTypes => _inputTypes;

    /// <summary>The canonical signature, e.g. <c>InsufficientBalance(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector.</summary>
    public Selector Selector { get; }

    /// <summary>Parses <c>error Name(type name, ...)</c> or <c>Name(type,...)</c>.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns>The error.</returns>
    /// <exception cref="FormatException">The signature is not valid.</exception>
    public static AbiError Parse(string signature)
    {
        ParsedSignature parsed = AbiSignatures.Parse(signature, "error", allowIndexed: false);
        return new AbiError(parsed.Name, parsed.Inputs);
    }

    /// <summary>Encodes revert data: the selector followed by the encoded arguments.</summary>
    /// <param name="arguments">One value per field.</param>
    /// <returns>The revert data.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    public byte[] Encode(IReadOnlyList<object?> arguments)
    {
        Span<byte> selector = stackalloc byte[Selector.Length];
        Selector.WriteTo(selector);
        return AbiEncoder.EncodeWithPrefix(selector, _inputTypes, arguments);
    }

    /// <summary>Decodes revert data of this error, checking the selector.</summary>
    /// <param name="revertData">The selector and the encoded arguments.</param>
    /// <returns>One value per field.</returns>
    /// <exception cref="AbiDecodingException">The selector differs, or the arguments are malformed.</exception>
    public object?[] Decode(ReadOnlySpan<byte> revertData)
    {
        AbiSignatures.CheckSelector(Selector, Signature, revertData);
        return AbiDecoder.Decode(_inputTypes, revertData[Selector.Length..]);
    }

    /// <summary>The human-readable form, e.g. <c>error InsufficientBalance(address account, uint256 needed)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder("error ").Append(Name);
        AbiSignatures.AppendParameters(builder, Inputs);
        return builder.ToString();
    }
}
