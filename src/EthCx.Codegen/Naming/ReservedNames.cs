namespace EthCx.Codegen.Naming;

/// <summary>Names the generated code uses itself, which Solidity names must not take.</summary>
internal static class ReservedNames
{
    /// <summary>
    /// Types the generated code refers to by simple name (from its <c>using</c> directives); a struct or enum with one
    /// of these names is renamed so that it does not hide them.
    /// </summary>
    /// <remarks>
    /// Also kept clear by properties, since a property named <c>Log</c> would hide the type <c>Log</c> inside its record,
    /// and by contracts, whose name becomes a namespace that would hide it everywhere below the root namespace.
    /// </remarks>
    public static IReadOnlyList<string> Types { get; } =
    [
        "AbiConstructor", "AbiDecodingException", "AbiEncodingException", "AbiError", "AbiEvent", "AbiFunction", "AbiParameter",
        "AbiType", "AbiValues", "Address", "ArgumentException", "ArgumentNullException", "BigInteger", "Bindings", "BlockParameter",
        "Bytes32", "CallRequest", "CancellationToken", "ChainClient", "ContractHandler", "ContractRevertException", "DeploymentResult",
        "EventLog", "EventLogs", "Exception", "Hex", "IEnumerable", "InvalidOperationException", "IReadOnlyList", "Log", "Math",
        "ReadOnlyMemory", "ReceiptTimeoutException", "RevertKind", "Selector", "Shared", "StateMutability", "System", "Task",
        "TransactionReceipt", "TransactionRequest", "TypedReverts",
    ];

    /// <summary>Members every record has (or that would hide <c>object</c>'s).</summary>
    public static IReadOnlyList<string> RecordMembers { get; } =
    [
        "Clone", "Deconstruct", "EqualityContract", "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone",
        "PrintMembers", "ToString",
    ];

    /// <summary>Static and instance members of a function message besides its parameters.</summary>
    public static IReadOnlyList<string> MessageMembers { get; } =
        [.. RecordMembers, "Abi", "AmountToSend", "Encode", "Gas", "Selector", "Signature", "ToAbiValues"];

    /// <summary>Members of a deployment message besides its parameters.</summary>
    public static IReadOnlyList<string> DeploymentMembers { get; } =
        [.. RecordMembers, "Abi", "AmountToSend", "Bytecode", "Encode", "ToAbiValues"];

    /// <summary>Members of a struct record besides its fields.</summary>
    public static IReadOnlyList<string> StructMembers { get; } = [.. RecordMembers, "FromAbiValues", "ToAbiValues"];

    /// <summary>Members of an output DTO besides its values.</summary>
    public static IReadOnlyList<string> OutputMembers { get; } = [.. RecordMembers, "FromAbiValues"];

    /// <summary>Members of an event DTO besides its fields.</summary>
    public static IReadOnlyList<string> EventMembers { get; } =
        [.. RecordMembers, "Abi", "DecodeAll", "DecodeLog", "FromAbiValues", "Signature", "Topic0"];

    /// <summary>Members of an event filter besides its indexed fields.</summary>
    public static IReadOnlyList<string> FilterMembers { get; } = [.. RecordMembers, "ToTopicFilter"];

    /// <summary>Members of a typed revert exception (its own and <see cref="Exception"/>'s) besides its fields.</summary>
    public static IReadOnlyList<string> ExceptionMembers { get; } =
    [
        .. RecordMembers, "Abi", "Data", "Error", "GetBaseException", "GetObjectData", "HelpLink", "HResult", "InnerException",
        "Message", "Operation", "Selector", "Signature", "Source", "StackTrace", "TargetSite", "TransactionHash",
    ];

    /// <summary>Parameter names of the generated service methods besides the function's own.</summary>
    public static IReadOnlyList<string> ServiceArguments { get; } =
        ["amountToSend", "block", "cancellationToken", "client", "deployment", "fromBlock", "message", "toBlock"];
}
