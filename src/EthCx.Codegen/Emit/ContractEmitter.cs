using System.Globalization;
using EthCx.Chain.Primitives;
using EthCx.Codegen.Model;

namespace EthCx.Codegen.Emit;

/// <summary>Writes the files of one contract: messages and outputs, events, errors, deployment, service, types.</summary>
internal sealed class ContractEmitter
{
    private const int BytecodeCharsPerLine = 120;

    private readonly ContractBinding _contract;
    private readonly string _origin;
    private readonly string[] _extraUsings;

    /// <summary>Creates the emitter.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="sharedNamespace">The shared types' namespace, imported when the contract uses them.</param>
    public ContractEmitter(ContractBinding contract, string sharedNamespace)
    {
        _contract = contract;
        _origin = contract.SourceName + ":" + contract.SolidityName;
        _extraUsings = contract.UsesSharedTypes ? [sharedNamespace] : [];
    }

    /// <summary>The generated files: file name (within the contract's folder) and content.</summary>
    public IEnumerable<(string FileName, string Content)> Files()
    {
        string name = _contract.Name;
        yield return (name + "Service.g.cs", new ServiceEmitter(_contract, Start()).Write());
        if (_contract.IsDeployable)
        {
            yield return (name + "Deployment.g.cs", Deployment());
        }

        if (_contract.Functions.Count > 0)
        {
            yield return (name + "Functions.g.cs", Functions());
        }

        if (_contract.Events.Count > 0)
        {
            yield return (name + "Events.g.cs", Events());
        }

        yield return (name + "Errors.g.cs", Errors());
        if (_contract.Types.Count > 0)
        {
            yield return (name + "Types.g.cs", TypeEmitter.File(_origin, _contract.Namespace, _contract.Types, _extraUsings));
        }
    }

    private CodeWriter Start() => SourceFile.Start(_origin, _contract.Namespace, _extraUsings);

    private string Deployment()
    {
        CodeWriter writer = Start();
        ConstructorBinding constructor = _contract.Constructor;
        writer.Blank();
        Docs.Summary(writer, constructor.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"Deploys {Docs.Code(_contract.SolidityName)}: its creation code and constructor arguments.");
        Docs.Remarks(
            writer,
            constructor.Doc.Details is string details ? Docs.FromNatSpec(details) : null,
            $"Solidity: {Docs.Code($"constructor({string.Join(", ", constructor.Inputs.Select(p => Signatures.Type(p.Abi.Type) + " " + p.Abi.Name))})" + (constructor.IsPayable ? " payable" : string.Empty))}. Deploy it with {See(_contract.ServiceName)}.");
        foreach (ParameterBinding input in constructor.Inputs)
        {
            Docs.Param(writer, input.Property, ParameterDocs.Describe(input, "argument"));
        }

        writer.Line($"public sealed partial record {_contract.DeploymentName}{PositionalList(constructor.Inputs)}");
        writer.Open();
        Docs.Summary(writer, "The constructor's ABI description.");
        string inputs = string.Join(", ", constructor.Inputs.Select(p => $"new(\"{p.Abi.Name}\", AbiType.Parse(\"{Signatures.Type(p.Abi.Type)}\"))"));
        writer.Line($"public static AbiConstructor Abi {{ get; }} = new([{inputs}], StateMutability.{constructor.Abi.StateMutability});");
        writer.Blank();
        Docs.Summary(writer, $"The creation code ({_contract.Bytecode.Length.ToString(CultureInfo.InvariantCulture)} bytes), without constructor arguments.");
        writer.Line("public static ReadOnlyMemory<byte> Bytecode => BytecodeBytes;");
        if (constructor.IsPayable)
        {
            writer.Blank();
            Docs.Summary(writer, "The wei sent to the constructor.");
            writer.Line("public BigInteger AmountToSend { get; init; }");
        }

        writer.Blank();
        writer.Line("private static readonly byte[] BytecodeBytes = Hex.Decode(");
        string hex = Hex.Encode(_contract.Bytecode);
        for (int i = 0; i < hex.Length; i += BytecodeCharsPerLine)
        {
            bool last = i + BytecodeCharsPerLine >= hex.Length;
            writer.Line($"    \"{hex[i..Math.Min(hex.Length, i + BytecodeCharsPerLine)]}\"{(last ? ");" : " +")}");
        }

        writer.Blank();
        Docs.Summary(writer, "The constructor arguments in order, as the ABI encoder takes them.");
        Docs.Returns(writer, "One value per argument.");
        writer.Line($"public object?[] ToAbiValues() => [{string.Join(", ", constructor.Inputs.Select(p => p.Type.ToAbi(p.Property)))}];");
        writer.Blank();
        Docs.Summary(writer, "The deployment data: the creation code followed by the encoded constructor arguments.");
        Docs.Returns(writer, "The data of the contract-creation transaction.");
        Docs.Exception(writer, "AbiEncodingException", "An argument does not fit its Solidity type; the message names it.");
        writer.Line("public byte[] Encode() => Abi.EncodeDeployment(Bytecode.Span, ToAbiValues());");
        writer.Close();
        return writer.ToString();
    }

    private string Functions()
    {
        CodeWriter writer = Start();
        foreach (FunctionBinding function in _contract.Functions)
        {
            writer.Blank();
            Message(writer, function);
            if (function.Outputs.Count > 1)
            {
                writer.Blank();
                Output(writer, function);
            }
        }

        return writer.ToString();
    }

    private static void Message(CodeWriter writer, FunctionBinding function)
    {
        Docs.Summary(writer, function.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"The arguments of {Docs.Code(function.Abi.Name)}.");
        Docs.Remarks(writer, function.Doc.Details is string details ? Docs.FromNatSpec(details) : null, $"Solidity: {Docs.Code(function.HumanReadable)}.");
        foreach (ParameterBinding input in function.Inputs)
        {
            Docs.Param(writer, input.Property, ParameterDocs.Describe(input, "argument"));
        }

        writer.Line($"public sealed partial record {function.MessageName}{PositionalList(function.Inputs)}");
        writer.Open();
        Identity(writer, function.Abi.Signature, function.Abi.Selector.Value, "AbiFunction", function.HumanReadable, "calldata");
        if (function.IsPayable)
        {
            writer.Blank();
            Docs.Summary(writer, "The wei sent with the call.");
            writer.Line("public BigInteger AmountToSend { get; init; }");
        }

        if (function.IsTransaction)
        {
            writer.Blank();
            Docs.Summary(writer, "The transaction's gas limit, or null to estimate it.");
            writer.Line("public ulong? Gas { get; init; }");
        }

        writer.Blank();
        Docs.Summary(writer, "The arguments in order, as the ABI encoder takes them.");
        Docs.Returns(writer, "One value per argument.");
        writer.Line($"public object?[] ToAbiValues() => [{string.Join(", ", function.Inputs.Select(p => p.Type.ToAbi(p.Property)))}];");
        writer.Blank();
        Docs.Summary(writer, "The calldata: the selector followed by the encoded arguments.");
        Docs.Returns(writer, "The calldata.");
        Docs.Exception(writer, "AbiEncodingException", "An argument does not fit its Solidity type (e.g. a fixed-size array of another length); the message names it.");
        writer.Line("public byte[] Encode() => Abi.EncodeCall(ToAbiValues());");
        writer.Close();
    }

    private static void Output(CodeWriter writer, FunctionBinding function)
    {
        Docs.Summary(writer, $"The return values of {Docs.Code(function.Abi.Name)}.");
        Docs.Remarks(writer, $"Solidity: {Docs.Code(function.HumanReadable)}.");
        foreach (ParameterBinding output in function.Outputs)
        {
            Docs.Param(writer, output.Property, ParameterDocs.Describe(output, "return value"));
        }

        writer.Line($"public sealed partial record {function.OutputName}{PositionalList(function.Outputs)}");
        writer.Open();
        Docs.Summary(writer, "Reads the ABI decoder's values of the outputs.");
        Docs.Param(writer, "values", "One value per output, in order.");
        Docs.Returns(writer, "The return values.");
        writer.Line($"public static {function.OutputName} FromAbiValues(IReadOnlyList<object?> values)");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(values);");
        TypeEmitter.WriteNew(writer, function.Outputs, "values");
        writer.Close();
        writer.Close();
    }

    private string Events()
    {
        CodeWriter writer = Start();
        foreach (EventBinding @event in _contract.Events)
        {
            writer.Blank();
            EventDto(writer, @event);
            if (@event.FilterTypes.Count > 0)
            {
                writer.Blank();
                Filter(writer, @event);
            }
        }

        return writer.ToString();
    }

    private static void EventDto(CodeWriter writer, EventBinding @event)
    {
        Docs.Summary(writer, @event.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"The event {Docs.Code(@event.Abi.Name)}.");
        string anonymous = @event.Abi.Anonymous ? " The event is anonymous: its logs have no topic 0, so they are told apart only by their number of topics and whether their data decodes." : string.Empty;
        Docs.Remarks(writer, @event.Doc.Details is string details ? Docs.FromNatSpec(details) : null, $"Solidity: {Docs.Code(@event.HumanReadable)}.{anonymous}");
        foreach (ParameterBinding field in @event.Fields)
        {
            string hashed = field.Type is TopicHashClrType ? " Indexed: the log holds only the Keccak-256 hash of the value, which this is." : field.Abi.Indexed ? " Indexed." : string.Empty;
            Docs.Param(writer, field.Property, ParameterDocs.Describe(field, "field") + hashed);
        }

        writer.Line($"public sealed partial record {@event.DtoName}{PositionalList(@event.Fields)}");
        writer.Open();
        Docs.Summary(writer, "The canonical signature.");
        writer.Line($"public const string Signature = \"{@event.Abi.Signature}\";");
        if (!@event.Abi.Anonymous)
        {
            writer.Blank();
            Docs.Summary(writer, $"Topic 0 of the event's logs, the Keccak-256 of the signature: {Docs.Code(@event.Abi.Topic0.ToString())}.");
            writer.Line($"public static Bytes32 Topic0 {{ get; }} = Bytes32.Parse(\"{@event.Abi.Topic0}\");");
        }

        writer.Blank();
        Docs.Summary(writer, "The event's ABI description, parsed once from its Solidity signature.");
        writer.Line($"public static AbiEvent Abi {{ get; }} = AbiEvent.Parse(\"{@event.HumanReadable}\");");
        writer.Blank();
        Docs.Summary(writer, "Reads the values of a decoded log.");
        Docs.Param(writer, "values", "One value per field, in order (an indexed string, bytes, array or struct as its <c>Bytes32</c> hash).");
        Docs.Returns(writer, "The event.");
        writer.Line($"public static {@event.DtoName} FromAbiValues(IReadOnlyList<object?> values)");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(values);");
        TypeEmitter.WriteNew(writer, @event.Fields, "values");
        writer.Close();
        writer.Blank();
        Docs.Summary(writer, "Decodes one log of this event.");
        Docs.Param(writer, "log", "The log.");
        Docs.Returns(writer, "The event.");
        Docs.Exception(writer, "AbiDecodingException", "The log is not one of this event, or is malformed.");
        writer.Line($"public static {@event.DtoName} DecodeLog(Log log)");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(log);");
        writer.Line("return FromAbiValues(Abi.DecodeLog(log.Topics, log.Data.Span));");
        writer.Close();
        writer.Blank();
        Docs.Summary(writer, "Decodes the logs of this event among <paramref name=\"logs\"/> (e.g. a receipt's), skipping other logs.");
        Docs.Param(writer, "logs", "The logs.");
        Docs.Param(writer, "emitter", "Only logs of this contract, or null for any contract.");
        Docs.Returns(writer, "The matching logs, decoded, in order.");
        writer.Line($"public static IReadOnlyList<EventLog<{@event.DtoName}>> DecodeAll(IEnumerable<Log> logs, Address? emitter = null) =>");
        writer.Line("    EventLogs.DecodeAll(logs, Abi, FromAbiValues, emitter);");
        writer.Close();
    }

    private static void Filter(CodeWriter writer, EventBinding @event)
    {
        Docs.Summary(writer, $"Selects {See(@event.DtoName)} logs by their indexed fields: a log matches when each field is one of the values listed for it; a null or empty list accepts any value.");
        writer.Line($"public sealed partial record {@event.FilterName}");
        writer.Open();
        foreach (ParameterBinding field in @event.FilterTypes)
        {
            string hashed = field.Abi.Type.IsValueType ? string.Empty : " Matched by the Keccak-256 hash of each value, which is what the log holds.";
            Docs.Summary(writer, $"The accepted values of {Docs.Code(field.Abi.Name.Length > 0 ? field.Abi.Name : field.Property)}: {ParameterDocs.Describe(field, "field")}{hashed}");
            writer.Line($"public IReadOnlyList<{field.Type.Name}>? {field.Property} {{ get; init; }}");
            writer.Blank();
        }

        Docs.Summary(writer, "The topic filter: for each indexed field in order, the accepted topics, or null for any.");
        Docs.Returns(writer, "One entry per indexed field.");
        Docs.Exception(writer, "AbiEncodingException", "A value does not fit its Solidity type.");
        writer.Line("public IReadOnlyList<IReadOnlyList<Bytes32>?> ToTopicFilter() =>");
        writer.Line("[");
        foreach (ParameterBinding field in @event.FilterTypes)
        {
            int index = IndexOf(@event.Abi.Parameters, field.Abi);
            string convert = field.Type.ToAbi("item", 1);
            writer.Line($"    AbiValues.Topics({field.Property}, {@event.DtoName}.Abi.Parameters[{index.ToString(CultureInfo.InvariantCulture)}].Type, static item => {convert}),");
        }

        writer.Line("];");
        writer.Close();
    }

    private string Errors()
    {
        CodeWriter writer = Start();
        foreach (ErrorBinding error in _contract.Errors)
        {
            writer.Blank();
            TypedException(writer, error);
        }

        writer.Blank();
        Docs.Summary(writer, $"The custom errors of {Docs.Code(_contract.SolidityName)}, and the conversion of a revert into its typed exception.");
        writer.Line($"public static partial class {_contract.ErrorsName}");
        writer.Open();
        Docs.Summary(writer, "Every custom error in the contract's ABI, to decode its reverts.");
        writer.Line($"public static IReadOnlyList<AbiError> All {{ get; }} = [{string.Join(", ", _contract.Errors.Select(e => e.ExceptionName + ".Abi"))}];");
        writer.Blank();
        Docs.Summary(writer, "The typed exception of a revert with one of the contract's custom errors, or the revert itself.");
        Docs.Param(writer, "revert", "The revert.");
        Docs.Returns(writer, "The typed exception, or <paramref name=\"revert\"/>.");
        writer.Line("public static ContractRevertException ToTyped(ContractRevertException revert)");
        writer.Open();
        writer.Line("ArgumentNullException.ThrowIfNull(revert);");
        if (_contract.Errors.Count == 0)
        {
            writer.Line("return revert;");
        }
        else
        {
            writer.Line("if (revert.Error.Kind != RevertKind.Custom || revert.Error.Selector is not Selector selector)");
            writer.Open();
            writer.Line("return revert;");
            writer.Close();
            writer.Blank();
            writer.Line("return selector.Value switch");
            writer.Open();
            foreach (ErrorBinding error in _contract.Errors.OrderBy(e => e.Abi.Selector.Value))
            {
                writer.Line($"{Hex8(error.Abi.Selector.Value)} => new {error.ExceptionName}(revert),");
            }

            writer.Line("_ => revert,");
            writer.Close("};");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private void TypedException(CodeWriter writer, ErrorBinding error)
    {
        Docs.Summary(writer, error.Doc.Notice is string notice ? Docs.FromNatSpec(notice) : $"The custom error {Docs.Code(error.Abi.Name)}.");
        Docs.Remarks(
            writer,
            error.Doc.Details is string details ? Docs.FromNatSpec(details) : null,
            $"Solidity: {Docs.Code(error.HumanReadable)}. {See(_contract.ServiceName)} throws it in place of the {See("ContractRevertException")} whose decoded error it is.");
        writer.Line($"public sealed partial class {error.ExceptionName} : ContractRevertException");
        writer.Open();
        Identity(writer, error.Abi.Signature, error.Abi.Selector.Value, "AbiError", error.HumanReadable, "revert data");
        writer.Blank();
        Docs.Summary(writer, $"Wraps a revert whose decoded error is {Docs.Code(error.Abi.Signature)}, reading its arguments.");
        Docs.Param(writer, "revert", "The revert.");
        Docs.Exception(writer, "ArgumentException", $"The revert's decoded error is not {Docs.Code(error.Abi.Signature)}.");
        writer.Line($"public {error.ExceptionName}(ContractRevertException revert)");
        writer.Line("    : base(revert)");
        writer.Open();
        if (error.Fields.Count > 0)
        {
            writer.Line("IReadOnlyList<object?> values = TypedReverts.Arguments(revert, Abi);");
        }
        else
        {
            writer.Line("TypedReverts.Arguments(revert, Abi);");
        }

        for (int i = 0; i < error.Fields.Count; i++)
        {
            ParameterBinding field = error.Fields[i];
            writer.Line($"{field.Property} = {field.Type.FromAbi($"values[{i.ToString(CultureInfo.InvariantCulture)}]")};");
        }

        writer.Close();
        foreach (ParameterBinding field in error.Fields)
        {
            writer.Blank();
            Docs.Summary(writer, ParameterDocs.Describe(field, "argument"));
            writer.Line($"public {field.Type.Name} {field.Property} {{ get; }}");
        }

        writer.Close();
    }

    /// <summary>Writes <c>Signature</c>, <c>Selector</c> and <c>Abi</c>.</summary>
    private static void Identity(CodeWriter writer, string signature, uint selector, string abiType, string humanReadable, string dataName)
    {
        Docs.Summary(writer, "The canonical signature.");
        writer.Line($"public const string Signature = \"{signature}\";");
        writer.Blank();
        Docs.Summary(writer, $"The 4-byte selector that starts the {dataName}: <c>0x{selector.ToString("x8", CultureInfo.InvariantCulture)}</c>.");
        writer.Line($"public static Selector Selector => new({Hex8(selector)});");
        writer.Blank();
        Docs.Summary(writer, "The ABI description, parsed once from the Solidity signature.");
        writer.Line($"public static {abiType} Abi {{ get; }} = {abiType}.Parse(\"{humanReadable}\");");
    }

    private static string PositionalList(IReadOnlyList<ParameterBinding> parameters) =>
        parameters.Count == 0 ? string.Empty : "(" + string.Join(", ", parameters.Select(p => $"{p.Type.Name} {p.Property}")) + ")";

    private static int IndexOf(IReadOnlyList<Chain.Abi.AbiParameter> parameters, Chain.Abi.AbiParameter parameter)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (ReferenceEquals(parameters[i], parameter))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{parameter} is not a parameter of the event.");
    }

    private static string Hex8(uint value) => "0x" + value.ToString("x8", CultureInfo.InvariantCulture) + "u";

    private static string See(string cref) => $"<see cref=\"{cref}\"/>";
}
