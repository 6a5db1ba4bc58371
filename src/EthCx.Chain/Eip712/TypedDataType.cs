namespace EthCx.Chain.Eip712;

/// <summary>
/// An EIP-712 struct type: a name and its members in declaration order, e.g.
/// <c>Person(string name,address wallet)</c>. The constructor checks what can be checked
/// locally (identifiers, unique member names, member types that parse); whether the struct types
/// a member names exist is checked by <see cref="TypedDataTypeSet"/>.
/// </summary>
public sealed class TypedDataType
{
    private readonly TypedDataField[] _fields;

    /// <summary>Creates a struct type.</summary>
    /// <param name="name">The type name, an identifier such as <c>Mail</c>.</param>
    /// <param name="fields">The members in declaration order (that order is hashed).</param>
    /// <exception cref="TypedDataException">
    /// The name is not an identifier or is reserved (an atomic type or <c>EIP712Domain</c>), a
    /// member name is not an identifier or is repeated, or a member type is malformed.
    /// </exception>
    public TypedDataType(string name, params IEnumerable<TypedDataField> fields)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(fields);
        FieldType.CheckStructName(name);
        _fields = [.. fields];
        var parsed = new FieldType[_fields.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _fields.Length; i++)
        {
            TypedDataField field = _fields[i] ?? throw new ArgumentException($"Type '{name}' has a null member at index {i}.", nameof(fields));
            string path = $"{name}.{field.Name}";
            if (!FieldType.IsIdentifier(field.Name))
            {
                throw new TypedDataException(path, $"member name '{field.Name}' is not an identifier.");
            }

            if (!seen.Add(field.Name))
            {
                throw new TypedDataException(path, $"type '{name}' has two members named '{field.Name}'.");
            }

            parsed[i] = FieldType.Parse(field.Type, path);
        }

        Name = name;
        ParsedFields = parsed;
    }

    /// <summary>The type name.</summary>
    public string Name { get; }

    /// <summary>The members in declaration order.</summary>
    public IReadOnlyList<TypedDataField> Fields => _fields;

    /// <summary>The parsed member types, parallel to <see cref="Fields"/>.</summary>
    internal IReadOnlyList<FieldType> ParsedFields { get; }

    /// <summary>This type alone as <c>encodeType</c> writes it, without the types it references.</summary>
    /// <returns>For example <c>Person(string name,address wallet)</c>.</returns>
    public override string ToString() => Format(Name, _fields);

    /// <summary>Writes <c>Name(type1 name1,type2 name2)</c>.</summary>
    internal static string Format(string name, IEnumerable<TypedDataField> fields) => $"{name}({string.Join(',', fields)})";
}
