using System.Globalization;

namespace EthCx.Chain.Eip712;

/// <summary>The kinds of EIP-712 member types that are not structs or arrays.</summary>
internal enum AtomicKind
{
    /// <summary><c>uintN</c>.</summary>
    UInt,

    /// <summary><c>intN</c>.</summary>
    Int,

    /// <summary><c>address</c>.</summary>
    Address,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>bytesN</c>, 1 to 32.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>, hashed.</summary>
    Bytes,

    /// <summary><c>string</c>, hashed.</summary>
    String,
}

/// <summary>A parsed EIP-712 member type: atomic, a struct reference, or an array of either.</summary>
/// <param name="Text">The type as written, e.g. <c>Person[2][]</c>.</param>
internal abstract record FieldType(string Text)
{
    /// <summary>The most array dimensions a member type may have (<c>uint8[][][]</c> has 3).</summary>
    public const int MaxArrayDimensions = 8;

    /// <summary>The struct type this type names, through any array dimensions, or <see langword="null"/>.</summary>
    public abstract string? StructName { get; }

    /// <summary>Parses a member type.</summary>
    /// <param name="text">The type text.</param>
    /// <param name="path">The member (<c>Type.member</c>) for error messages.</param>
    /// <returns>The parsed type; struct names are not yet checked to exist.</returns>
    /// <exception cref="TypedDataException">The text is not a valid member type.</exception>
    public static FieldType Parse(string? text, string path)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new TypedDataException(path, "member type is empty.");
        }

        int baseEnd = text.IndexOf('[', StringComparison.Ordinal);
        if (baseEnd == 0)
        {
            throw new TypedDataException(path, $"invalid array type '{text}'.");
        }

        if (baseEnd > 0)
        {
            FieldType array = ParseBase(text[..baseEnd], path);
            int dimensions = 0;
            for (int open = baseEnd; open < text.Length; dimensions++)
            {
                int close = text.IndexOf(']', open);
                if (text[open] != '[' || close < 0 || !TryParseLength(text.AsSpan(open + 1, close - open - 1), out int? count))
                {
                    throw new TypedDataException(path, $"invalid array type '{text}'.");
                }

                if (dimensions == MaxArrayDimensions)
                {
                    throw new TypedDataException(path, $"array type '{text}' has more than {MaxArrayDimensions} dimensions.");
                }

                array = new ArrayFieldType(text[..(close + 1)], array, count);
                open = close + 1;
            }

            return array;
        }

        return ParseBase(text, path);
    }

    private static FieldType ParseBase(string text, string path)
    {
        if (TryParseAtomic(text, out AtomicFieldType? atomic))
        {
            return atomic;
        }

        if (!IsIdentifier(text) || LooksAtomic(text))
        {
            throw new TypedDataException(path, $"invalid type '{text}'.");
        }

        return new StructFieldType(text);
    }

    /// <summary>Whether <paramref name="text"/> is an identifier: a letter, <c>_</c> or <c>$</c>, then letters, digits, <c>_</c> or <c>$</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> for an identifier.</returns>
    public static bool IsIdentifier(string? text)
    {
        if (string.IsNullOrEmpty(text) || char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks that a struct type name is an identifier and not reserved.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="TypedDataException">The name is not usable for a struct type.</exception>
    public static void CheckStructName(string name)
    {
        if (!IsIdentifier(name))
        {
            throw new TypedDataException(name, $"type name '{name}' is not an identifier.");
        }

        if (LooksAtomic(name) || name == Eip712Domain.TypeName)
        {
            throw new TypedDataException(name, $"type name '{name}' is reserved.");
        }
    }

    private static bool TryParseAtomic(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AtomicFieldType? atomic)
    {
        atomic = text switch
        {
            "address" => new AtomicFieldType(text, AtomicKind.Address, 20),
            "bool" => new AtomicFieldType(text, AtomicKind.Bool, 1),
            "bytes" => new AtomicFieldType(text, AtomicKind.Bytes, 0),
            "string" => new AtomicFieldType(text, AtomicKind.String, 0),
            _ when text.StartsWith("uint", StringComparison.Ordinal) && TryParseSize(text.AsSpan(4), 8, 256, 8, out int bits) => new AtomicFieldType(text, AtomicKind.UInt, bits),
            _ when text.StartsWith("int", StringComparison.Ordinal) && TryParseSize(text.AsSpan(3), 8, 256, 8, out int bits) => new AtomicFieldType(text, AtomicKind.Int, bits),
            _ when text.StartsWith("bytes", StringComparison.Ordinal) && TryParseSize(text.AsSpan(5), 1, 32, 1, out int size) => new AtomicFieldType(text, AtomicKind.FixedBytes, size),
            _ => null,
        };
        return atomic is not null;
    }

    /// <summary>Atomic names and names shaped like a sized atomic type (<c>uint7</c>, <c>bytes33</c>): never struct names.</summary>
    private static bool LooksAtomic(string text)
    {
        if (text is "address" or "bool" or "string" or "bytes" or "uint" or "int")
        {
            return true;
        }

        int prefix = text.StartsWith("uint", StringComparison.Ordinal) ? 4
            : text.StartsWith("int", StringComparison.Ordinal) ? 3
            : text.StartsWith("bytes", StringComparison.Ordinal) ? 5
            : 0;
        return prefix > 0 && text.Length > prefix && !text.AsSpan(prefix).ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Parses a canonical decimal (no sign, no leading zero) within [min, max] and a multiple of <paramref name="step"/>.</summary>
    private static bool TryParseSize(ReadOnlySpan<char> digits, int min, int max, int step, out int value)
    {
        value = 0;
        return digits.Length is > 0 and <= 3
            && digits[0] != '0'
            && !digits.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max && value % step == 0;
    }

    /// <summary>Parses an array dimension: empty for a dynamic array, else a canonical positive length.</summary>
    private static bool TryParseLength(ReadOnlySpan<char> digits, out int? count)
    {
        count = null;
        if (digits.IsEmpty)
        {
            return true;
        }

        if (digits[0] == '0' || digits.ContainsAnyExceptInRange('0', '9') || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return false;
        }

        count = value;
        return true;
    }
}

/// <summary>An atomic, <c>bytes</c> or <c>string</c> member type.</summary>
/// <param name="Text">The type as written.</param>
/// <param name="Kind">Which kind.</param>
/// <param name="Size">Bits for integers, bytes for <c>bytesN</c> and addresses, else unused.</param>
internal sealed record AtomicFieldType(string Text, AtomicKind Kind, int Size) : FieldType(Text)
{
    /// <inheritdoc/>
    public override string? StructName => null;
}

/// <summary>A reference to a struct type by name.</summary>
/// <param name="Name">The struct type's name.</param>
internal sealed record StructFieldType(string Name) : FieldType(Name)
{
    /// <inheritdoc/>
    public override string? StructName => Name;
}

/// <summary>An array type: <c>T[]</c> (dynamic) or <c>T[n]</c> (fixed).</summary>
/// <param name="Text">The type as written.</param>
/// <param name="Element">The element type.</param>
/// <param name="Length">The fixed length, or <see langword="null"/> for a dynamic array.</param>
internal sealed record ArrayFieldType(string Text, FieldType Element, int? Length) : FieldType(Text)
{
    /// <inheritdoc/>
    public override string? StructName => Element.StructName;
}
