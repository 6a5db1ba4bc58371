using EthCx.Chain.Abi;
using EthCx.Codegen.NatSpec;

namespace EthCx.Codegen.Model;

/// <summary>
/// A generated struct record or enum, shared by every contract of a generation run that uses the same Solidity
/// type (same qualified name, e.g. <c>IConsentRegistry.ConsentTerms</c>). Its C# name and namespace are assigned
/// once all contracts are known: a type used by one contract lives in that contract's namespace, a type used by
/// several lives in the <c>Shared</c> namespace.
/// </summary>
internal sealed class TypeBinding
{
    private readonly SortedSet<string> _users = new(StringComparer.Ordinal);

    /// <summary>Creates a binding; see the properties.</summary>
    public TypeBinding(string key, string solidityName, bool isEnum, AbiTuple? tuple, NatSpecDoc doc, IReadOnlyList<string> enumMembers)
    {
        Key = key;
        SolidityName = solidityName;
        IsEnum = isEnum;
        Tuple = tuple;
        Doc = doc;
        EnumMembers = enumMembers;
    }

    /// <summary>The Solidity type's qualified name (from the ABI's <c>internalType</c>), or a name made from where an unnamed tuple appears.</summary>
    public string Key { get; }

    /// <summary>The Solidity type's own name, without its contract, e.g. <c>ConsentTerms</c>.</summary>
    public string SolidityName { get; }

    /// <summary>Whether this is an enum (else a struct).</summary>
    public bool IsEnum { get; }

    /// <summary>For a struct, the ABI tuple (with component names).</summary>
    public AbiTuple? Tuple { get; }

    /// <summary>The NatSpec of the Solidity declaration (<c>@param</c> documents struct fields).</summary>
    public NatSpecDoc Doc { get; }

    /// <summary>For an enum, its value names in order.</summary>
    public IReadOnlyList<string> EnumMembers { get; }

    /// <summary>For a struct, the C# types of its fields (set once the components are mapped).</summary>
    public IReadOnlyList<ClrType> FieldTypes { get; set; } = [];

    /// <summary>For a struct, its fields with their C# names (set once the type names are assigned).</summary>
    public IReadOnlyList<ParameterBinding> Fields { get; set; } = [];

    /// <summary>The contracts (by C# name) whose bindings use this type.</summary>
    public IReadOnlyCollection<string> Users => _users;

    /// <summary>The generated C# name (assigned after all contracts are mapped).</summary>
    public string CSharpName { get; set; } = string.Empty;

    /// <summary>The C# namespace it is generated into (assigned after all contracts are mapped).</summary>
    public string Namespace { get; set; } = string.Empty;

    /// <summary>Notes that a contract's bindings use this type.</summary>
    public void AddUser(string contract) => _users.Add(contract);
}
