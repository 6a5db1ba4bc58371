namespace EthCx.Chain.Abi;

/// <summary>The kind of an <see cref="AbiType"/>, for switching without type tests.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint8</c> .. <c>uint256</c>: <see cref="AbiUInt"/>.</summary>
    UnsignedInteger,

    /// <summary><c>int8</c> .. <c>int256</c>: <see cref="AbiInt"/>.</summary>
    SignedInteger,

    /// <summary><c>address</c>: <see cref="AbiAddress"/>.</summary>
    Address,

    /// <summary><c>bool</c>: <see cref="AbiBool"/>.</summary>
    Bool,

    /// <summary><c>bytes1</c> .. <c>bytes32</c>: <see cref="AbiFixedBytes"/>.</summary>
    FixedBytes,

    /// <summary><c>function</c> (an address and a selector, 24 bytes): <see cref="AbiFunctionType"/>.</summary>
    Function,

    /// <summary><c>bytes</c>: <see cref="AbiBytes"/>.</summary>
    Bytes,

    /// <summary><c>string</c>: <see cref="AbiString"/>.</summary>
    Text,

    /// <summary><c>T[k]</c> or <c>T[]</c>: <see cref="AbiArray"/>.</summary>
    Array,

    /// <summary><c>(T1,T2,...)</c>: <see cref="AbiTuple"/>.</summary>
    Tuple,
}

/// <summary>
/// An immutable Solidity ABI type. Two types are equal when their <see cref="CanonicalName"/>s
/// are equal (tuple component names do not count). Parse one with <see cref="Parse(string)"/>.
/// </summary>
/// <remarks>
/// The .NET values the encoder takes and the decoder returns are, per kind:
/// <c>uintN</c>/<c>intN</c> - <see cref="System.Numerics.BigInteger"/> (encoding also takes the built-in integer types);
/// <c>address</c> - <see cref="Primitives.Address"/>; <c>bool</c> - <see cref="bool"/>;
/// <c>bytesM</c> and <c>function</c> - <see cref="byte"/>[] of exactly M (24) bytes (encoding also takes
/// <see cref="ReadOnlyMemory{T}"/> of <see cref="byte"/>, and <see cref="Primitives.Bytes32"/> for <c>bytes32</c>);
/// <c>bytes</c> - <see cref="byte"/>[] (encoding also takes <see cref="ReadOnlyMemory{T}"/> of <see cref="byte"/>);
/// <c>string</c> - <see cref="string"/>; arrays and tuples - <see cref="object"/>?[]. Encoding takes a tuple as any
/// <see cref="IReadOnlyList{T}"/> of <see cref="object"/>, and an array as that or any <see cref="System.Collections.IList"/>
/// (e.g. <c>BigInteger[]</c>, <c>List&lt;Address&gt;</c>); arrays of integers given as <c>BigInteger[]</c> or
/// <c>List&lt;BigInteger&gt;</c> and arrays of addresses given as <c>Address[]</c> are written without boxing.
/// </remarks>
public abstract class AbiType : IEquatable<AbiType>
{
    /// <summary>The size of one ABI word in bytes.</summary>
    public const int WordSize = 32;

    private protected AbiType(AbiTypeKind kind, string canonicalName, bool isDynamic, int headSize)
    {
        Kind = kind;
        CanonicalName = canonicalName;
        IsDynamic = isDynamic;
        HeadSize = headSize;
    }

    /// <summary>What kind of type this is.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>The canonical name used in signatures, e.g. <c>uint256</c>, <c>(address,bytes32)[]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>Whether the encoding lives in the tail behind an offset (<c>bytes</c>, <c>string</c>, <c>T[]</c>, or anything containing one).</summary>
    public bool IsDynamic { get; }

    /// <summary>The bytes the type takes in the head of an enclosing tuple: 32 for a dynamic type (its offset), else its whole static encoding.</summary>
    public int HeadSize { get; }

    /// <summary>Whether this is a value type in the sense of event topics (an integer, address, bool, <c>bytesM</c> or function), stored directly in a topic.</summary>
    public bool IsValueType => Kind <= AbiTypeKind.Function;

    /// <summary>Parses a type such as <c>uint256</c>, <c>bytes32[2]</c>, <c>(address,(uint8,string)[])[]</c> or <c>tuple(uint256 a, bool b)</c>.</summary>
    /// <param name="text">The type text; whitespace and component names inside tuples are allowed.</param>
    /// <returns>The type.</returns>
    /// <exception cref="FormatException">The text is not a valid type; the message names the text and the position.</exception>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbiTypeParser.ParseType(text);
    }

    /// <summary>Tries to parse a type; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The type text.</param>
    /// <param name="type">The type on success.</param>
    /// <returns>Whether the text was a valid type.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AbiType? type)
    {
        type = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            type = AbiTypeParser.ParseType(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Parses a comma-separated list of types such as <c>address,uint256[]</c> (without parentheses).</summary>
    /// <param name="text">The list; may be empty.</param>
    /// <returns>The types.</returns>
    /// <exception cref="FormatException">The text is not a valid list of types.</exception>
    public static IReadOnlyList<AbiType> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AbiTypeParser.ParseTypeList(text);
    }

    /// <inheritdoc/>
    public bool Equals(AbiType? other) => other is not null && string.Equals(CanonicalName, other.CanonicalName, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    /// <summary>The canonical name.</summary>
    /// <returns><see cref="CanonicalName"/>.</returns>
    public override string ToString() => CanonicalName;

    /// <summary>Compares two types by canonical name.</summary>
    public static bool operator ==(AbiType? left, AbiType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two types by canonical name.</summary>
    public static bool operator !=(AbiType? left, AbiType? right) => !(left == right);
}

/// <summary><c>uintN</c>, an unsigned integer of N bits (8 to 256 in steps of 8); .NET value <see cref="System.Numerics.BigInteger"/>.</summary>
public sealed class AbiUInt : AbiType
{
    /// <summary><c>uint256</c>.</summary>
    public static AbiUInt UInt256 { get; } = new(256);

    /// <summary>Creates <c>uint&lt;bits&gt;</c>.</summary>
    /// <param name="bits">8 to 256 in steps of 8.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not a multiple of 8 from 8 to 256.</exception>
    public AbiUInt(int bits)
        : base(AbiTypeKind.UnsignedInteger, "uint" + CheckBits(bits), false, WordSize) => Bits = bits;

    /// <summary>The number of bits.</summary>
    public int Bits { get; }

    internal static int CheckBits(int bits)
    {
        if (bits < 8 || bits > 256 || bits % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "An ABI integer has 8 to 256 bits in steps of 8.");
        }

        return bits;
    }
}

/// <summary><c>intN</c>, a two's complement signed integer of N bits (8 to 256 in steps of 8); .NET value <see cref="System.Numerics.BigInteger"/>.</summary>
public sealed class AbiInt : AbiType
{
    /// <summary><c>int256</c>.</summary>
    public static AbiInt Int256 { get; } = new(256);

    /// <summary>Creates <c>int&lt;bits&gt;</c>.</summary>
    /// <param name="bits">8 to 256 in steps of 8.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is not a multiple of 8 from 8 to 256.</exception>
    public AbiInt(int bits)
        : base(AbiTypeKind.SignedInteger, "int" + AbiUInt.CheckBits(bits), false, WordSize) => Bits = bits;

    /// <summary>The number of bits.</summary>
    public int Bits { get; }
}

/// <summary><c>address</c>; .NET value <see cref="Primitives.Address"/>.</summary>
public sealed class AbiAddress : AbiType
{
    private AbiAddress()
        : base(AbiTypeKind.Address, "address", false, WordSize)
    {
    }

    /// <summary>The <c>address</c> type.</summary>
    public static AbiAddress Instance { get; } = new();
}

/// <summary><c>bool</c>; .NET value <see cref="bool"/>.</summary>
public sealed class AbiBool : AbiType
{
    private AbiBool()
        : base(AbiTypeKind.Bool, "bool", false, WordSize)
    {
    }

    /// <summary>The <c>bool</c> type.</summary>
    public static AbiBool Instance { get; } = new();
}

/// <summary><c>bytesM</c>, M fixed bytes (1 to 32), left-aligned in its word; .NET value <see cref="byte"/>[] of length M.</summary>
public sealed class AbiFixedBytes : AbiType
{
    /// <summary><c>bytes32</c>.</summary>
    public static AbiFixedBytes Bytes32 { get; } = new(32);

    /// <summary>Creates <c>bytes&lt;size&gt;</c>.</summary>
    /// <param name="size">1 to 32.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not from 1 to 32.</exception>
    public AbiFixedBytes(int size)
        : base(AbiTypeKind.FixedBytes, "bytes" + CheckSize(size), false, WordSize) => Size = size;

    /// <summary>The number of bytes, M.</summary>
    public int Size { get; }

    private static int CheckSize(int size)
    {
        if (size < 1 || size > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A fixed-size byte array has 1 to 32 bytes.");
        }

        return size;
    }
}

/// <summary><c>function</c>: a 20-byte address followed by a 4-byte selector, left-aligned like <c>bytes24</c>; .NET value <see cref="byte"/>[24].</summary>
public sealed class AbiFunctionType : AbiType
{
    /// <summary>The encoded size of a function reference in bytes.</summary>
    public const int Size = 24;

    private AbiFunctionType()
        : base(AbiTypeKind.Function, "function", false, WordSize)
    {
    }

    /// <summary>The <c>function</c> type.</summary>
    public static AbiFunctionType Instance { get; } = new();
}

/// <summary><c>bytes</c>, a dynamic byte string; .NET value <see cref="byte"/>[].</summary>
public sealed class AbiBytes : AbiType
{
    private AbiBytes()
        : base(AbiTypeKind.Bytes, "bytes", true, WordSize)
    {
    }

    /// <summary>The <c>bytes</c> type.</summary>
    public static AbiBytes Instance { get; } = new();
}

/// <summary><c>string</c>, UTF-8 text; .NET value <see cref="string"/>.</summary>
public sealed class AbiString : AbiType
{
    private AbiString()
        : base(AbiTypeKind.Text, "string", true, WordSize)
    {
    }

    /// <summary>The <c>string</c> type.</summary>
    public static AbiString Instance { get; } = new();
}

/// <summary><c>T[k]</c> (fixed length) or <c>T[]</c> (dynamic length); .NET value <see cref="object"/>?[].</summary>
public sealed class AbiArray : AbiType
{
    /// <summary>Creates <c>element[length]</c>, or <c>element[]</c> when <paramref name="length"/> is null.</summary>
    /// <param name="element">The element type.</param>
    /// <param name="length">The fixed length (at least 1), or null for a dynamic array.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is below 1, or the static encoding would exceed 2 GiB.</exception>
    public AbiArray(AbiType element, int? length = null)
        : base(
            AbiTypeKind.Array,
            NotNull(element).CanonicalName + (length is int k ? "[" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : "[]"),
            length is null || element.IsDynamic,
            ComputeHeadSize(element, length))
    {
        Element = element;
        Length = length;
    }

    /// <summary>The element type.</summary>
    public AbiType Element { get; }

    /// <summary>The fixed length, or null for a dynamic-length array <c>T[]</c>.</summary>
    public int? Length { get; }

    private static AbiType NotNull(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element;
    }

    private static int ComputeHeadSize(AbiType element, int? length)
    {
        if (length is not int k)
        {
            return WordSize;
        }

        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), k, "A fixed-size array has at least one element.");
        }

        long size = AbiLimits.StaticArraySize(element, k);
        if (size < 0)
        {
            return WordSize;
        }

        if (size > AbiLimits.MaxStaticSize)
        {
            throw new ArgumentOutOfRangeException(nameof(length), k, AbiLimits.TooLarge(element.CanonicalName + "[" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", size));
        }

        return (int)size;
    }
}

/// <summary><c>(T1,T2,...)</c>, a struct; .NET value <see cref="object"/>?[] in component order.</summary>
public sealed class AbiTuple : AbiType
{
    private readonly IReadOnlyList<AbiType> _types;

    /// <summary>Creates a tuple of named (or unnamed) components.</summary>
    /// <param name="components">At least one component.</param>
    /// <exception cref="ArgumentException">There are no components, or the static encoding would exceed 2 GiB.</exception>
    public AbiTuple(IReadOnlyList<AbiParameter> components)
        : this(CopyComponents(components))
    {
    }

    /// <summary>Creates a tuple of unnamed components.</summary>
    /// <param name="types">At least one component type.</param>
    /// <exception cref="ArgumentException">There are no components, or the static encoding would exceed 2 GiB.</exception>
    public AbiTuple(params AbiType[] types)
        : this(Unnamed(types))
    {
    }

    private AbiTuple(AbiParameter[] components)
        : base(AbiTypeKind.Tuple, BuildName(components), AnyDynamic(components), ComputeHeadSize(components))
    {
        Components = Array.AsReadOnly(components);
        _types = AbiParameter.TypesOf(components);
    }

    /// <summary>The components in order, with their names (empty when unnamed).</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>The component types in order.</summary>
    public IReadOnlyList<AbiType> Types => _types;

    private static AbiParameter[] CopyComponents(IReadOnlyList<AbiParameter> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var copy = new AbiParameter[components.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = components[i] ?? throw new ArgumentException($"Tuple component {i} is null.", nameof(components));
        }

        return copy;
    }

    private static AbiParameter[] Unnamed(AbiType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var components = new AbiParameter[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            components[i] = new AbiParameter(string.Empty, types[i] ?? throw new ArgumentException($"Tuple component {i} is null.", nameof(types)));
        }

        return components;
    }

    private static string BuildName(AbiParameter[] components)
    {
        if (components.Length == 0)
        {
            throw new ArgumentException("A tuple has at least one component.", nameof(components));
        }

        return "(" + AbiParameter.JoinTypes(components) + ")";
    }

    private static bool AnyDynamic(AbiParameter[] components)
    {
        foreach (AbiParameter component in components)
        {
            if (component.Type.IsDynamic)
            {
                return true;
            }
        }

        return false;
    }

    private static int ComputeHeadSize(AbiParameter[] components)
    {
        long size = AbiLimits.StaticTupleSize(components);
        if (size > AbiLimits.MaxStaticSize)
        {
            throw new ArgumentException(AbiLimits.TooLarge("the tuple", size), nameof(components));
        }

        return size < 0 ? WordSize : (int)size;
    }
}

/// <summary>Limits that keep encodings and decodings bounded.</summary>
internal static class AbiLimits
{
    /// <summary>The largest static encoding a type may have.</summary>
    public const int MaxStaticSize = int.MaxValue / 2;

    /// <summary>The deepest nesting of tuples and arrays the parser accepts.</summary>
    public const int MaxDepth = 128;

    /// <summary>The static size of <c>element[length]</c>, or -1 when the array is dynamic.</summary>
    public static long StaticArraySize(AbiType element, int length) => element.IsDynamic ? -1 : (long)element.HeadSize * length;

    /// <summary>The static size of a tuple of <paramref name="components"/>, or -1 when the tuple is dynamic.</summary>
    public static long StaticTupleSize(IReadOnlyList<AbiParameter> components)
    {
        long size = 0;
        foreach (AbiParameter component in components)
        {
            if (component.Type.IsDynamic)
            {
                return -1;
            }

            size += component.Type.HeadSize;
        }

        return size;
    }

    /// <summary>The reason a static type of <paramref name="size"/> bytes is refused.</summary>
    public static string TooLarge(string what, long size) => $"{what} would take {size} bytes; the limit is {MaxStaticSize}";
}
