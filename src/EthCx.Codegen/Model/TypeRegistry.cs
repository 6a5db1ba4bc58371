using EthCx.Chain.Abi;
using EthCx.Codegen.Artifacts;
using EthCx.Codegen.Generation;
using EthCx.Codegen.Naming;
using EthCx.Codegen.NatSpec;

namespace EthCx.Codegen.Model;

/// <summary>
/// Maps ABI types to C# types for every contract of a generation run, registering each Solidity struct and enum
/// once (by its qualified name) so that a type used by several contracts is generated once.
/// </summary>
internal sealed class TypeRegistry
{
    private readonly Dictionary<string, TypeBinding> _types = new(StringComparer.Ordinal);

    /// <summary>The registered structs and enums.</summary>
    public IEnumerable<TypeBinding> Types => _types.Values;

    /// <summary>Maps one ABI parameter's type.</summary>
    /// <param name="parameter">The parameter (its <c>internalType</c> names structs and enums).</param>
    /// <param name="contract">The contract's C# name, recorded as a user of any struct or enum.</param>
    /// <param name="where">The item and parameter, for error messages and for naming a tuple that has no struct name.</param>
    /// <param name="nameHint">A PascalCase name for a tuple that has no struct name.</param>
    /// <param name="definitions">The structs and enums of the contract's build info.</param>
    /// <returns>The C# type.</returns>
    /// <exception cref="CodegenException">The type cannot be mapped, or a struct name has two shapes.</exception>
    public ClrType Map(AbiParameter parameter, string contract, string where, string nameHint, IReadOnlyDictionary<string, SolidityTypeDefinition> definitions) =>
        Map(parameter.Type, parameter.InternalType, contract, where, nameHint, definitions);

    /// <summary>
    /// Assigns namespaces and C# names: a type used by one contract goes into that contract's namespace, one used by
    /// several into <c>&lt;root&gt;.Shared</c>. A type keeps its Solidity name unless it would clash (with a
    /// generated type, a type EthCx's bindings refer to, or another struct or enum of the namespace): then the
    /// qualified Solidity name (<c>IConsentRegistry.ConsentTerms</c> -> <c>IConsentRegistryConsentTerms</c>) is used,
    /// and failing that a <c>Struct</c>/<c>Enum</c> suffix.
    /// </summary>
    /// <param name="rootNamespace">The root namespace.</param>
    /// <param name="generatedNames">The names of the types generated for each contract (by contract C# name).</param>
    public void AssignNames(string rootNamespace, IReadOnlyDictionary<string, IReadOnlyCollection<string>> generatedNames)
    {
        var shared = _types.Values.Where(t => t.Users.Count > 1).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var allGenerated = generatedNames.Values.SelectMany(n => n).ToHashSet(StringComparer.Ordinal);
        Name(shared, rootNamespace + "." + SharedNamespace, allGenerated);
        var sharedNames = shared.Select(t => t.CSharpName).ToList();
        foreach (IGrouping<string, TypeBinding> group in _types.Values.Where(t => t.Users.Count == 1).GroupBy(t => t.Users.First(), StringComparer.Ordinal))
        {
            Name(
                group.OrderBy(t => t.Key, StringComparer.Ordinal).ToList(),
                rootNamespace + "." + group.Key,
                generatedNames.GetValueOrDefault(group.Key, []).Concat(sharedNames));
        }
    }

    /// <summary>The last part of the namespace of the types several contracts share.</summary>
    public const string SharedNamespace = "Shared";

    private static void Name(List<TypeBinding> types, string @namespace, IEnumerable<string> taken)
    {
        var reserved = new HashSet<string>(taken.Concat(ReservedNames.Types), StringComparer.Ordinal);
        var simpleCounts = types.GroupBy(t => Identifiers.Pascal(t.SolidityName), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var wanted = new List<string>();
        foreach (TypeBinding type in types)
        {
            string simple = Identifiers.Pascal(type.SolidityName);
            string name = simpleCounts[simple] > 1 || reserved.Contains(simple) ? Identifiers.Pascal(type.Key.Replace('.', '_')) : simple;
            wanted.Add(name);
        }

        IReadOnlyList<string> unique = Identifiers.Unique(wanted, reserved, "Type");
        for (int i = 0; i < types.Count; i++)
        {
            types[i].CSharpName = unique[i];
            types[i].Namespace = @namespace;
        }
    }

    private ClrType Map(AbiType type, string? internalType, string contract, string where, string nameHint, IReadOnlyDictionary<string, SolidityTypeDefinition> definitions)
    {
        switch (type)
        {
            case AbiUInt u when u.Bits == 8 && QualifiedName(internalType, "enum ") is string enumName:
                return MapEnum(enumName, contract, definitions) is TypeBinding enumBinding
                    ? new EnumClrType(enumBinding)
                    : PrimitiveClrType.Integer(8, signed: false);
            case AbiUInt u:
                return PrimitiveClrType.Integer(u.Bits, signed: false);
            case AbiInt i:
                return PrimitiveClrType.Integer(i.Bits, signed: true);
            case AbiAddress:
                return PrimitiveClrType.Address;
            case AbiBool:
                return PrimitiveClrType.Bool;
            case AbiFixedBytes { Size: 32 }:
                return Bytes32ClrType.Instance;
            case AbiFixedBytes or AbiFunctionType or AbiBytes:
                return PrimitiveClrType.ByteArray;
            case AbiString:
                return PrimitiveClrType.String;
            case AbiArray array:
                return new ListClrType(Map(array.Element, ElementInternalType(internalType), contract, where, nameHint, definitions), array.Length);
            case AbiTuple tuple:
                return new StructClrType(MapStruct(tuple, internalType, contract, where, nameHint, definitions));
            default:
                throw new CodegenException($"{where}: the ABI type '{type}' has no C# mapping.");
        }
    }

    private TypeBinding? MapEnum(string qualifiedName, string contract, IReadOnlyDictionary<string, SolidityTypeDefinition> definitions)
    {
        if (!_types.TryGetValue(qualifiedName, out TypeBinding? binding))
        {
            if (!definitions.TryGetValue(qualifiedName, out SolidityTypeDefinition? definition) || !definition.IsEnum || definition.Members.Count == 0)
            {
                // Without the AST the value names are unknown: the enum stays a byte.
                return null;
            }

            binding = new TypeBinding(qualifiedName, LastPart(qualifiedName), isEnum: true, tuple: null, definition.Doc, definition.Members);
            _types.Add(qualifiedName, binding);
        }

        binding.AddUser(contract);
        return binding;
    }

    private TypeBinding MapStruct(AbiTuple tuple, string? internalType, string contract, string where, string nameHint, IReadOnlyDictionary<string, SolidityTypeDefinition> definitions)
    {
        string? qualifiedName = QualifiedName(internalType, "struct ");
        string key = qualifiedName ?? contract + "." + nameHint;
        if (_types.TryGetValue(key, out TypeBinding? existing))
        {
            if (!SameShape(existing.Tuple!, tuple))
            {
                throw new CodegenException($"{where}: struct {key} is {Describe(tuple)} here but {Describe(existing.Tuple!)} elsewhere (used by {string.Join(", ", existing.Users)}); generate the contracts separately.");
            }

            AddUser(existing, contract);
            return existing;
        }

        SolidityTypeDefinition? definition = qualifiedName is null ? null : definitions.GetValueOrDefault(qualifiedName);
        var binding = new TypeBinding(key, qualifiedName is null ? nameHint : LastPart(qualifiedName), isEnum: false, tuple, definition?.Doc ?? NatSpecDoc.Empty, []);
        _types.Add(key, binding);
        binding.AddUser(contract);
        var fieldTypes = new List<ClrType>();
        for (int i = 0; i < tuple.Components.Count; i++)
        {
            AbiParameter component = tuple.Components[i];
            string componentName = component.Name.Length > 0 ? component.Name : "component" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fieldTypes.Add(Map(component, contract, $"{where}, struct {key} field {componentName}", nameHint + Identifiers.Pascal(componentName), definitions));
        }

        binding.FieldTypes = fieldTypes;
        return binding;
    }

    /// <summary>A struct's user also uses the structs and enums inside it.</summary>
    private static void AddUser(TypeBinding binding, string contract)
    {
        binding.AddUser(contract);
        foreach (ClrType field in binding.FieldTypes)
        {
            ClrType type = field;
            while (type is ListClrType list)
            {
                type = list.Element;
            }

            switch (type)
            {
                case StructClrType nested:
                    AddUser(nested.Binding, contract);
                    break;
                case EnumClrType nested:
                    nested.Binding.AddUser(contract);
                    break;
            }
        }
    }

    private static bool SameShape(AbiTuple a, AbiTuple b) =>
        a.CanonicalName == b.CanonicalName && a.Components.Select(c => c.Name).SequenceEqual(b.Components.Select(c => c.Name), StringComparer.Ordinal);

    private static string Describe(AbiTuple tuple) =>
        "(" + string.Join(", ", tuple.Components.Select(c => c.Type.CanonicalName + (c.Name.Length > 0 ? " " + c.Name : string.Empty))) + ")";

    /// <summary><c>struct A.B[]</c> with prefix <c>struct </c> gives <c>A.B</c>.</summary>
    private static string? QualifiedName(string? internalType, string prefix)
    {
        if (internalType is null || !internalType.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string name = internalType[prefix.Length..];
        int bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? name : name[..bracket];
    }

    /// <summary>The internal type of an array's element: <c>struct A.B[2][]</c> gives <c>struct A.B[2]</c>.</summary>
    private static string? ElementInternalType(string? internalType)
    {
        if (internalType is null || !internalType.EndsWith(']'))
        {
            return internalType;
        }

        return internalType[..internalType.LastIndexOf('[')];
    }

    private static string LastPart(string qualifiedName) => qualifiedName[(qualifiedName.LastIndexOf('.') + 1)..];
}
