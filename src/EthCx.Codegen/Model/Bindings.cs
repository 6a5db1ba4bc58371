using EthCx.Chain.Abi;
using EthCx.Codegen.NatSpec;

namespace EthCx.Codegen.Model;

/// <summary>One ABI parameter (an input, output, event or error field, or struct component) with its C# names and type.</summary>
/// <param name="Abi">The ABI parameter.</param>
/// <param name="Property">The PascalCase property name.</param>
/// <param name="Argument">The camelCase method parameter name (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="Type">The C# type.</param>
/// <param name="Doc">The NatSpec text, or null.</param>
internal sealed record ParameterBinding(AbiParameter Abi, string Property, string Argument, ClrType Type, string? Doc);

/// <summary>A function with its generated names.</summary>
/// <param name="Abi">The ABI function.</param>
/// <param name="Name">The member name, after the overload rule (e.g. <c>Transfer</c>, <c>DescribeUint256</c>).</param>
/// <param name="Inputs">The parameters.</param>
/// <param name="Outputs">The return values.</param>
/// <param name="Doc">The NatSpec.</param>
/// <param name="HumanReadable">The signature with parameter names, as the generated code parses it back.</param>
internal sealed record FunctionBinding(AbiFunction Abi, string Name, IReadOnlyList<ParameterBinding> Inputs, IReadOnlyList<ParameterBinding> Outputs, NatSpecDoc Doc, string HumanReadable)
{
    /// <summary>The message record's name.</summary>
    public string MessageName => Name + "Function";

    /// <summary>The output DTO's name (used when there are several outputs).</summary>
    public string OutputName => Name + "OutputDto";

    /// <summary>Whether the function is sent as a transaction (not <c>view</c> or <c>pure</c>).</summary>
    public bool IsTransaction => !Abi.IsReadOnly;

    /// <summary>Whether it accepts ether.</summary>
    public bool IsPayable => Abi.StateMutability == StateMutability.Payable;
}

/// <summary>An event with its generated names.</summary>
/// <param name="Abi">The ABI event.</param>
/// <param name="Name">The member name, after the overload rule.</param>
/// <param name="Fields">The fields (an indexed dynamic field has type <c>Bytes32</c>: its hash).</param>
/// <param name="FilterTypes">For each indexed field, in order, the type its filter values have (the field's own type, also for hashed ones).</param>
/// <param name="Doc">The NatSpec.</param>
/// <param name="HumanReadable">The signature with names and <c>indexed</c>, as the generated code parses it back.</param>
internal sealed record EventBinding(AbiEvent Abi, string Name, IReadOnlyList<ParameterBinding> Fields, IReadOnlyList<ParameterBinding> FilterTypes, NatSpecDoc Doc, string HumanReadable)
{
    /// <summary>The event DTO's name.</summary>
    public string DtoName => Name + "EventDto";

    /// <summary>The filter builder's name.</summary>
    public string FilterName => Name + "EventFilter";
}

/// <summary>A custom error with its generated names.</summary>
/// <param name="Abi">The ABI error.</param>
/// <param name="Name">The member name, after the overload rule.</param>
/// <param name="Fields">The fields.</param>
/// <param name="Doc">The NatSpec.</param>
/// <param name="HumanReadable">The signature with names, as the generated code parses it back.</param>
internal sealed record ErrorBinding(AbiError Abi, string Name, IReadOnlyList<ParameterBinding> Fields, NatSpecDoc Doc, string HumanReadable)
{
    /// <summary>The exception's name.</summary>
    public string ExceptionName => Name + "Exception";
}

/// <summary>A contract's constructor.</summary>
/// <param name="Abi">The ABI constructor (a default one when the ABI lists none).</param>
/// <param name="Inputs">The parameters.</param>
/// <param name="Doc">The NatSpec.</param>
internal sealed record ConstructorBinding(AbiConstructor Abi, IReadOnlyList<ParameterBinding> Inputs, NatSpecDoc Doc)
{
    /// <summary>Whether the constructor accepts ether.</summary>
    public bool IsPayable => Abi.StateMutability == StateMutability.Payable;
}

/// <summary>Everything generated for one contract.</summary>
/// <param name="Name">The C# name of the contract (its namespace's last part and the prefix of its types).</param>
/// <param name="SolidityName">The contract's Solidity name.</param>
/// <param name="SourceName">The source file.</param>
/// <param name="Namespace">The C# namespace.</param>
/// <param name="Doc">The contract's NatSpec.</param>
/// <param name="Bytecode">The creation code (empty for an abstract contract or interface: then nothing can be deployed).</param>
/// <param name="Constructor">The constructor.</param>
/// <param name="Functions">The functions, sorted by name.</param>
/// <param name="Events">The events, sorted by name.</param>
/// <param name="Errors">The custom errors, sorted by name.</param>
/// <param name="Types">The structs and enums generated in this contract's namespace, sorted by name.</param>
/// <param name="UsesSharedTypes">Whether the bindings use types of the shared namespace.</param>
/// <param name="HasReceive">Whether the contract has a <c>receive</c> function.</param>
/// <param name="Fallback">The fallback function, or null.</param>
internal sealed record ContractBinding(
    string Name,
    string SolidityName,
    string SourceName,
    string Namespace,
    NatSpecDoc Doc,
    byte[] Bytecode,
    ConstructorBinding Constructor,
    IReadOnlyList<FunctionBinding> Functions,
    IReadOnlyList<EventBinding> Events,
    IReadOnlyList<ErrorBinding> Errors,
    IReadOnlyList<TypeBinding> Types,
    bool UsesSharedTypes,
    bool HasReceive,
    AbiFallback? Fallback)
{
    /// <summary>The service class's name.</summary>
    public string ServiceName => Name + "Service";

    /// <summary>The deployment message's name.</summary>
    public string DeploymentName => Name + "Deployment";

    /// <summary>The error registry's name.</summary>
    public string ErrorsName => Name + "Errors";

    /// <summary>Whether the contract can be deployed (it has creation code).</summary>
    public bool IsDeployable => Bytecode.Length > 0;
}
