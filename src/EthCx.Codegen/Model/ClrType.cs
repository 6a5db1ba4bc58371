using System.Globalization;

namespace EthCx.Codegen.Model;

/// <summary>
/// The C# type a Solidity ABI type maps to, and the generated expressions that convert a value of it to and from
/// the <c>object?</c> values of EthCx.Chain's ABI encoder and decoder (no reflection: plain casts and calls).
/// </summary>
internal abstract class ClrType
{
    /// <summary>The type as written in generated code, e.g. <c>ushort</c>, <c>IReadOnlyList&lt;Leaf&gt;</c>.</summary>
    public abstract string Name { get; }

    /// <summary>An expression giving the encoder's value for <paramref name="expression"/>.</summary>
    /// <param name="expression">An expression of this type.</param>
    /// <param name="depth">The nesting depth, to name lambda parameters uniquely.</param>
    public abstract string ToAbi(string expression, int depth = 0);

    /// <summary>An expression of this type from the decoder's value <paramref name="expression"/> (an <c>object?</c>).</summary>
    /// <param name="expression">An expression of type <c>object?</c>.</param>
    /// <param name="depth">The nesting depth, to name lambda parameters uniquely.</param>
    public abstract string FromAbi(string expression, int depth = 0);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A type the encoder takes as is and the decoder returns as <paramref name="decodedAs"/>, converted by a cast.</summary>
/// <param name="name">The C# type.</param>
/// <param name="decodedAs">What the decoder returns (<c>BigInteger</c> for every integer), or null when it returns <paramref name="name"/> itself.</param>
internal sealed class PrimitiveClrType(string name, string? decodedAs = null) : ClrType
{
    public static PrimitiveClrType BigInteger { get; } = new("BigInteger");

    public static PrimitiveClrType Address { get; } = new("Address");

    public static PrimitiveClrType Bool { get; } = new("bool");

    public static PrimitiveClrType String { get; } = new("string");

    public static PrimitiveClrType ByteArray { get; } = new("byte[]");

    /// <inheritdoc/>
    public override string Name => name;

    /// <summary>The smallest built-in integer type that holds every value of <c>uintN</c> or <c>intN</c>, or <c>BigInteger</c> above 64 bits.</summary>
    public static PrimitiveClrType Integer(int bits, bool signed) => bits switch
    {
        <= 8 => new(signed ? "sbyte" : "byte", "BigInteger"),
        <= 16 => new(signed ? "short" : "ushort", "BigInteger"),
        <= 32 => new(signed ? "int" : "uint", "BigInteger"),
        <= 64 => new(signed ? "long" : "ulong", "BigInteger"),
        _ => BigInteger,
    };

    /// <inheritdoc/>
    public override string ToAbi(string expression, int depth = 0) => expression;

    /// <inheritdoc/>
    public override string FromAbi(string expression, int depth = 0) =>
        decodedAs is null ? $"({name}){expression}!" : $"({name})({decodedAs}){expression}!";
}

/// <summary><c>bytes32</c> as <c>Bytes32</c>: the encoder takes it, the decoder returns 32 bytes.</summary>
internal sealed class Bytes32ClrType : ClrType
{
    public static Bytes32ClrType Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "Bytes32";

    /// <inheritdoc/>
    public override string ToAbi(string expression, int depth = 0) => expression;

    /// <inheritdoc/>
    public override string FromAbi(string expression, int depth = 0) => $"Bytes32.FromBytes((byte[]){expression}!)";
}

/// <summary>An indexed dynamic event field: the log holds only the Keccak-256 of the value, which the decoder returns as <c>Bytes32</c>.</summary>
internal sealed class TopicHashClrType : ClrType
{
    public static TopicHashClrType Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "Bytes32";

    /// <inheritdoc/>
    public override string ToAbi(string expression, int depth = 0) => expression;

    /// <inheritdoc/>
    public override string FromAbi(string expression, int depth = 0) => $"(Bytes32){expression}!";
}

/// <summary>A Solidity enum as a generated C# enum over <c>byte</c> (Solidity enums are <c>uint8</c> in the ABI).</summary>
internal sealed class EnumClrType(TypeBinding binding) : ClrType
{
    /// <summary>The generated enum.</summary>
    public TypeBinding Binding => binding;

    /// <inheritdoc/>
    public override string Name => binding.CSharpName;

    /// <inheritdoc/>
    public override string ToAbi(string expression, int depth = 0) => $"(byte){expression}";

    /// <inheritdoc/>
    public override string FromAbi(string expression, int depth = 0) => $"({Name})(byte)(BigInteger){expression}!";
}

/// <summary>A Solidity struct (an ABI tuple) as a generated record.</summary>
internal sealed class StructClrType(TypeBinding binding) : ClrType
{
    /// <summary>The generated record.</summary>
    public TypeBinding Binding => binding;

    /// <inheritdoc/>
    public override string Name => binding.CSharpName;

    /// <inheritdoc/>
    public override string ToAbi(string expression, int depth = 0) => $"{expression}?.ToAbiValues()";

    /// <inheritdoc/>
    public override string FromAbi(string expression, int depth = 0) => $"{Name}.FromAbiValues((object?[]){expression}!)";
}

/// <summary><c>T[]</c> and <c>T[k]</c> as <c>IReadOnlyList&lt;T&gt;</c> (the encoder checks a fixed length).</summary>
internal sealed class ListClrType(ClrType element, int? length) : ClrType
{
    /// <summary>The element type.</summary>
    public ClrType Element => element;

    /// <summary>The fixed length, or null for a dynamic array.</summary>
    public int? Length => length;

    /// <inheritdoc/>
    public override string Name => $"IReadOnlyList<{element.Name}>";

    /// <inheritdoc/>
    public override string ToAbi(string expression, int depth = 0)
    {
        string item = Item(depth);
        return $"AbiValues.ToAbi({expression}, static {item} => {element.ToAbi(item, depth + 1)})";
    }

    /// <inheritdoc/>
    public override string FromAbi(string expression, int depth = 0)
    {
        string item = Item(depth);
        return $"AbiValues.FromAbi({expression}, static {item} => {element.FromAbi(item, depth + 1)})";
    }

    private static string Item(int depth) => "item" + (depth == 0 ? string.Empty : depth.ToString(CultureInfo.InvariantCulture));
}
