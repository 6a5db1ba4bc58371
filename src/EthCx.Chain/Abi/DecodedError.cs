using System.Globalization;
using System.Numerics;
using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>What kind of revert a <see cref="DecodedError"/> is.</summary>
public enum RevertKind
{
    /// <summary>No revert data at all (<c>revert()</c>, <c>require(cond)</c> without a message, out of gas, or an invalid opcode).</summary>
    Empty,

    /// <summary><c>Error(string)</c> from <c>require(cond, "message")</c> or <c>revert("message")</c>.</summary>
    Error,

    /// <summary><c>Panic(uint256)</c> from a failed assert, arithmetic overflow, division by zero and the like.</summary>
    Panic,

    /// <summary>A custom error found in the contract's ABI.</summary>
    Custom,

    /// <summary>Data whose selector is not known, or that does not decode as its error.</summary>
    Unknown,
}

/// <summary>One decoded argument of an error: the field name, its type and its value.</summary>
/// <param name="Name">The field name; empty when unnamed.</param>
/// <param name="Type">The ABI type.</param>
/// <param name="Value">The decoded value.</param>
public sealed record DecodedArgument(string Name, AbiType Type, object? Value)
{
    /// <summary>The argument as <c>name=value</c>, or just the value when unnamed.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string value = AbiFormatter.Format(Type, Value);
        return Name.Length == 0 ? value : Name + "=" + value;
    }
}

/// <summary>
/// Revert data decoded as <c>Error(string)</c>, <c>Panic(uint256)</c>, a custom error of a contract,
/// or recognised as empty or unknown. <see cref="Description"/> reads like
/// <c>InsufficientBalance(account=0x5aAe..., needed=10)</c>.
/// </summary>
public sealed class DecodedError
{
    private static readonly Dictionary<int, string> PanicReasons = new()
    {
        [0x00] = "generic compiler-inserted panic",
        [0x01] = "assertion failed",
        [0x11] = "arithmetic underflow or overflow",
        [0x12] = "division or modulo by zero",
        [0x21] = "conversion into an invalid enum value",
        [0x22] = "access to an incorrectly encoded storage byte array",
        [0x31] = "pop() on an empty array",
        [0x32] = "array index out of bounds",
        [0x41] = "out of memory (allocation too large)",
        [0x51] = "call to a zero-initialized internal function",
    };

    private readonly byte[] _rawData;

    internal DecodedError(RevertKind kind, AbiError? error, IReadOnlyList<DecodedArgument> arguments, byte[] rawData, string? problem = null)
    {
        Kind = kind;
        Error = error;
        Arguments = arguments;
        _rawData = rawData;
        Selector = EthCx.Chain.Abi.Selector.TryRead(rawData, out Selector selector) ? selector : null;
        Description = Describe(problem);
    }

    /// <summary>What kind of revert this is.</summary>
    public RevertKind Kind { get; }

    /// <summary>Whether the error was recognised and decoded (<see cref="RevertKind.Error"/>, <see cref="RevertKind.Panic"/> or <see cref="RevertKind.Custom"/>).</summary>
    public bool IsKnown => Kind is RevertKind.Error or RevertKind.Panic or RevertKind.Custom;

    /// <summary>The error description that decoded the data, or null when it is empty or unknown.</summary>
    public AbiError? Error { get; }

    /// <summary>The error name, e.g. <c>InsufficientBalance</c>, or null when empty or unknown.</summary>
    public string? Name => Error?.Name;

    /// <summary>The canonical signature, e.g. <c>InsufficientBalance(address,uint256)</c>, or null when empty or unknown.</summary>
    public string? Signature => Error?.Signature;

    /// <summary>The first four bytes of the data, or null when there are fewer.</summary>
    public Selector? Selector { get; }

    /// <summary>The decoded arguments with their names; empty when empty or unknown.</summary>
    public IReadOnlyList<DecodedArgument> Arguments { get; }

    /// <summary>The raw revert data.</summary>
    public ReadOnlyMemory<byte> RawData => _rawData;

    /// <summary>For <see cref="RevertKind.Error"/>, the message; otherwise null.</summary>
    public string? Message => Kind == RevertKind.Error ? Arguments[0].Value as string : null;

    /// <summary>For <see cref="RevertKind.Panic"/>, the panic code; otherwise null.</summary>
    public BigInteger? PanicCode => Kind == RevertKind.Panic ? (BigInteger?)Arguments[0].Value : null;

    /// <summary>A readable one-line description, e.g. <c>Panic(0x11: arithmetic underflow or overflow)</c>.</summary>
    public string Description { get; }

    /// <summary>The meaning of a Solidity panic code, e.g. <c>0x11</c> -> "arithmetic underflow or overflow".</summary>
    /// <param name="code">The panic code.</param>
    /// <returns>The meaning, or "unknown panic code" for codes Solidity does not define.</returns>
    public static string DescribePanic(BigInteger code) =>
        code >= 0 && code <= 0xFF && PanicReasons.TryGetValue((int)code, out string? reason) ? reason : "unknown panic code";

    /// <summary>The <see cref="Description"/>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;

    private string Describe(string? problem)
    {
        switch (Kind)
        {
            case RevertKind.Empty:
                return "empty revert data (no reason given)";
            case RevertKind.Panic:
                var code = (BigInteger)Arguments[0].Value!;
                return $"Panic(0x{code.ToString("x2", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0')}: {DescribePanic(code)})";
            case RevertKind.Unknown:
                string what = problem ?? $"unknown error {Selector?.ToString() ?? "(no selector)"}";
                return $"{what} ({_rawData.Length} bytes: {Hex.Encode(_rawData)})";
            default:
                var builder = new StringBuilder(Error!.Name).Append('(');
                for (int i = 0; i < Arguments.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty).Append(Arguments[i]);
                }

                return builder.Append(')').ToString();
        }
    }
}
