using System.Collections;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Eip712;

/// <summary>
/// A checked set of EIP-712 struct types, and the encoder for values of those types:
/// <c>encodeType</c>, <c>typeHash</c>, <c>encodeData</c> and <c>hashStruct</c>.
/// </summary>
/// <remarks>
/// <para>
/// The constructor checks that type names are unique, every referenced struct type is defined,
/// and no type references itself, directly or through other types or arrays (ethers v6 rejects
/// such recursive types too, so they could not be signed by most wallets).
/// </para>
/// <para>
/// A struct value is an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of
/// <see cref="string"/> to <see cref="object"/> holding exactly the type's members (a missing,
/// <see langword="null"/> or undeclared member is an error). Member values:
/// <c>uintN</c>/<c>intN</c> take any CLR integer (<see cref="System.Numerics.BigInteger"/>,
/// <see cref="int"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="Int128"/>, ...) or a
/// decimal or <c>0x</c>-hex string; <c>address</c> takes an <see cref="Address"/> or its text;
/// <c>bool</c> a <see cref="bool"/>; <c>bytesN</c> and <c>bytes</c> a <see cref="byte"/> array,
/// <see cref="ReadOnlyMemory{T}"/>, <see cref="Bytes32"/> or <c>0x</c> hex; <c>string</c> a
/// <see cref="string"/>; arrays any <see cref="IEnumerable"/> of element values; struct members a
/// nested dictionary.
/// </para>
/// </remarks>
public sealed class TypedDataTypeSet : IReadOnlyCollection<TypedDataType>
{
    /// <summary>How deep struct types may nest; deeper definitions are refused so that encoding cannot exhaust the stack.</summary>
    public const int MaxNesting = 32;

    private readonly TypedDataType[] _types;
    private readonly Dictionary<string, StructInfo> _structs = new(StringComparer.Ordinal);

    /// <summary>Checks and indexes a set of struct types.</summary>
    /// <param name="types">The struct types, in any order.</param>
    /// <exception cref="TypedDataException">
    /// Two types share a name, a member names an undefined type, types reference themselves, or
    /// they nest deeper than <see cref="MaxNesting"/>.
    /// </exception>
    public TypedDataTypeSet(params IEnumerable<TypedDataType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = [.. types];
        var byName = new Dictionary<string, TypedDataType>(StringComparer.Ordinal);
        foreach (TypedDataType type in _types)
        {
            ArgumentNullException.ThrowIfNull(type, nameof(types));
            if (!byName.TryAdd(type.Name, type))
            {
                throw new TypedDataException(type.Name, $"type '{type.Name}' is defined twice.");
            }
        }

        var dependencies = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (TypedDataType type in _types)
        {
            CollectDependencies(type, byName, dependencies, []);
        }

        foreach (TypedDataType type in _types)
        {
            string encoded = type + string.Concat(dependencies[type.Name].Select(name => byName[name].ToString()));
            _structs.Add(type.Name, new StructInfo(type, encoded, Bytes32.Keccak(System.Text.Encoding.UTF8.GetBytes(encoded))));
        }
    }

    /// <summary>The number of struct types.</summary>
    public int Count => _types.Length;

    /// <summary>The struct type named <paramref name="name"/>.</summary>
    /// <param name="name">The type name.</param>
    /// <exception cref="TypedDataException">No type has that name.</exception>
    public TypedDataType this[string name] => Get(name).Type;

    /// <summary>Whether a struct type named <paramref name="name"/> is defined.</summary>
    /// <param name="name">The type name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Contains(string name) => _structs.ContainsKey(name);

    /// <summary>
    /// <c>encodeType</c>: the type's own signature followed by those of every struct type it
    /// references (directly, through members of members, or through arrays), sorted by name.
    /// </summary>
    /// <param name="typeName">The struct type.</param>
    /// <returns>For example <c>Mail(Person from,Person to,string contents)Person(string name,address wallet)</c>.</returns>
    /// <exception cref="TypedDataException">No type has that name.</exception>
    public string EncodeType(string typeName) => Get(typeName).EncodedType;

    /// <summary><c>typeHash</c>: the Keccak-256 of <see cref="EncodeType(string)"/>.</summary>
    /// <param name="typeName">The struct type.</param>
    /// <returns>The type hash.</returns>
    /// <exception cref="TypedDataException">No type has that name.</exception>
    public Bytes32 TypeHash(string typeName) => Get(typeName).TypeHash;

    /// <summary>
    /// <c>typeHash || encodeData(value)</c>: the type hash followed by one 32-byte word per member
    /// (atomic values padded, <c>bytes</c>/<c>string</c> hashed, arrays and structs hashed).
    /// </summary>
    /// <param name="typeName">The struct type.</param>
    /// <param name="value">The struct value (see the class remarks for accepted member values).</param>
    /// <returns>32 × (1 + member count) bytes, the preimage of <see cref="HashStruct(string, IReadOnlyDictionary{string, object?})"/>.</returns>
    /// <exception cref="TypedDataException">
    /// No type has that name, or the value does not fit it; <see cref="TypedDataException.Path"/>
    /// names the member, rooted at <paramref name="typeName"/> (e.g. <c>Mail.from.wallet</c>).
    /// </exception>
    public byte[] EncodeData(string typeName, IReadOnlyDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StructInfo info = Get(typeName);
        return EncodeStruct(info, value, typeName);
    }

    /// <summary><c>hashStruct</c>: the Keccak-256 of <see cref="EncodeData(string, IReadOnlyDictionary{string, object?})"/>.</summary>
    /// <param name="typeName">The struct type.</param>
    /// <param name="value">The struct value.</param>
    /// <returns>The struct hash.</returns>
    /// <exception cref="TypedDataException">No type has that name, or the value does not fit it.</exception>
    public Bytes32 HashStruct(string typeName, IReadOnlyDictionary<string, object?> value) =>
        Bytes32.Wrap(Keccak256.HashData(EncodeData(typeName, value)));

    /// <inheritdoc/>
    public IEnumerator<TypedDataType> GetEnumerator() => ((IEnumerable<TypedDataType>)_types).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static void CollectDependencies(
        TypedDataType type,
        Dictionary<string, TypedDataType> byName,
        Dictionary<string, SortedSet<string>> dependencies,
        List<string> chain)
    {
        if (dependencies.ContainsKey(type.Name))
        {
            return;
        }

        if (chain.Count == MaxNesting)
        {
            throw new TypedDataException(type.Name, $"types nest more than {MaxNesting} levels deep: {string.Join(" -> ", chain)} -> {type.Name}.");
        }

        chain.Add(type.Name);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < type.Fields.Count; i++)
        {
            if (type.ParsedFields[i].StructName is not string child)
            {
                continue;
            }

            string member = $"{type.Name}.{type.Fields[i].Name}";
            if (!byName.TryGetValue(child, out TypedDataType? childType))
            {
                throw new TypedDataException(member, $"unknown type '{child}'.");
            }

            int start = chain.IndexOf(child);
            if (start >= 0)
            {
                throw new TypedDataException(member, $"circular type reference: {string.Join(" -> ", chain.Skip(start))} -> {child}.");
            }

            CollectDependencies(childType, byName, dependencies, chain);
            found.Add(child);
            found.UnionWith(dependencies[child]);
        }

        chain.RemoveAt(chain.Count - 1);
        dependencies.Add(type.Name, found);
    }

    private StructInfo Get(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        return _structs.TryGetValue(typeName, out StructInfo? info)
            ? info
            : throw new TypedDataException(null, $"unknown type '{typeName}'.");
    }

    private byte[] EncodeStruct(StructInfo info, object value, string path)
    {
        if (value is not IReadOnlyDictionary<string, object?> members)
        {
            throw AtomicEncoder.WrongKind(path, $"a {info.Type.Name} struct (IReadOnlyDictionary<string, object?>)", value);
        }

        IReadOnlyList<TypedDataField> fields = info.Type.Fields;
        var encoded = new byte[32 * (1 + fields.Count)];
        info.TypeHash.Bytes.CopyTo(encoded);
        for (int i = 0; i < fields.Count; i++)
        {
            string memberPath = $"{path}.{fields[i].Name}";
            if (!members.TryGetValue(fields[i].Name, out object? member) || member is null)
            {
                throw Missing(memberPath, fields[i].Type);
            }

            EncodeMember(info.Type.ParsedFields[i], member, memberPath, encoded.AsSpan(32 * (i + 1), 32));
        }

        if (members.Count > fields.Count)
        {
            string extra = members.Keys.First(key => !fields.Any(field => field.Name == key));
            throw new TypedDataException($"{path}.{extra}", $"{info.Type.Name} has no member '{extra}'.");
        }

        return encoded;
    }

    private void EncodeMember(FieldType type, object value, string path, Span<byte> word)
    {
        switch (type)
        {
            case AtomicFieldType atomic:
                AtomicEncoder.Encode(atomic, value, path, word);
                break;
            case StructFieldType reference:
                Keccak256.HashData(EncodeStruct(_structs[reference.Name], value, path), word);
                break;
            case ArrayFieldType array:
                EncodeArray(array, value, path, word);
                break;
        }
    }

    private void EncodeArray(ArrayFieldType array, object value, string path, Span<byte> word)
    {
        if (value is string or IReadOnlyDictionary<string, object?> || value is not IEnumerable items)
        {
            throw AtomicEncoder.WrongKind(path, $"a list for {array.Text}", value);
        }

        List<object?> elements = [.. items.Cast<object?>()];
        if (array.Length is int length && elements.Count != length)
        {
            throw new TypedDataException(path, $"{array.Text} needs {length} elements, got {elements.Count}.");
        }

        var encoded = new byte[32 * elements.Count];
        for (int i = 0; i < elements.Count; i++)
        {
            string elementPath = $"{path}[{i}]";
            EncodeMember(array.Element, elements[i] ?? throw Missing(elementPath, array.Element.Text), elementPath, encoded.AsSpan(32 * i, 32));
        }

        Keccak256.HashData(encoded, word);
    }

    private static TypedDataException Missing(string path, string type) => new(path, $"missing value of type {type}.");

    /// <summary>A type with its precomputed <c>encodeType</c> and type hash.</summary>
    private sealed record StructInfo(TypedDataType Type, string EncodedType, Bytes32 TypeHash);
}
