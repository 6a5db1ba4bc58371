namespace EthCx.Chain.Abi;

/// <summary>A contract's constructor: its parameters and whether it accepts ether.</summary>
public sealed class AbiConstructor
{
    private readonly IReadOnlyList<AbiType> _inputTypes;

    /// <summary>Creates a constructor description.</summary>
    /// <param name="inputs">The parameters.</param>
    /// <param name="stateMutability"><see cref="StateMutability.Payable"/> or <see cref="StateMutability.NonPayable"/>.</param>
    public AbiConstructor(IReadOnlyList<AbiParameter> inputs, StateMutability stateMutability = StateMutability.NonPayable)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Inputs = [.. inputs];
        StateMutability = stateMutability;
        _inputTypes = AbiParameter.TypesOf(Inputs);
    }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<AbiType> InputTypes => _inputTypes;

    /// <summary>Whether the constructor accepts ether.</summary>
    public StateMutability StateMutability { get; }

    /// <summary>Builds deployment data: the creation bytecode followed by the encoded constructor arguments, in one allocation.</summary>
    /// <param name="bytecode">The contract's creation bytecode.</param>
    /// <param name="arguments">One value per parameter.</param>
    /// <returns>The transaction data that deploys the contract.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    public byte[] EncodeDeployment(ReadOnlySpan<byte> bytecode, IReadOnlyList<object?> arguments) =>
        AbiEncoder.EncodeWithPrefix(bytecode, _inputTypes, arguments);
}

/// <summary>A contract's <c>fallback</c> function (called when no selector matches).</summary>
/// <param name="StateMutability">Whether it accepts ether.</param>
public sealed record AbiFallback(StateMutability StateMutability);
