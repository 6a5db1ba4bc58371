using System.Globalization;
using EthCx.Chain.Abi;
using EthCx.Codegen.Artifacts;
using EthCx.Codegen.Generation;
using EthCx.Codegen.Naming;
using EthCx.Codegen.NatSpec;

namespace EthCx.Codegen.Model;

/// <summary>One contract to generate: its artifact, parsed ABI, NatSpec and the structs and enums of its build.</summary>
/// <param name="Artifact">The Hardhat artifact.</param>
/// <param name="Abi">The parsed ABI.</param>
/// <param name="NatSpec">The contract's NatSpec.</param>
/// <param name="Definitions">The structs and enums declared in the build, by qualified name.</param>
internal sealed record ContractSource(HardhatArtifact Artifact, ContractAbi Abi, ContractNatSpec NatSpec, IReadOnlyDictionary<string, SolidityTypeDefinition> Definitions);

/// <summary>The bindings of a generation run: the contracts and the structs and enums they share.</summary>
/// <param name="RootNamespace">The root namespace.</param>
/// <param name="Contracts">The contracts, in the order given.</param>
/// <param name="SharedTypes">The structs and enums used by more than one contract, sorted by name.</param>
internal sealed record BindingModel(string RootNamespace, IReadOnlyList<ContractBinding> Contracts, IReadOnlyList<TypeBinding> SharedTypes)
{
    /// <summary>The namespace of the shared types.</summary>
    public string SharedNamespace => RootNamespace + "." + TypeRegistry.SharedNamespace;
}

/// <summary>
/// Builds the <see cref="BindingModel"/> in three passes: map every ABI type (registering structs and enums) and
/// apply the overload rule; name the structs and enums, now that it is known which contracts share them; then
/// name every parameter and property.
/// </summary>
internal static class BindingModelBuilder
{
    /// <summary>Builds the model.</summary>
    /// <param name="sources">The contracts.</param>
    /// <param name="rootNamespace">The root namespace, e.g. <c>EthCx.Contracts</c>.</param>
    /// <returns>The model.</returns>
    /// <exception cref="CodegenException">A type cannot be mapped or names clash; the message names the contract, item and type.</exception>
    public static BindingModel Build(IReadOnlyList<ContractSource> sources, string rootNamespace)
    {
        var registry = new TypeRegistry();
        var drafts = new List<Draft>();
        foreach (IGrouping<string, ContractSource> sameName in sources.GroupBy(ContractName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new CodegenException($"Two contracts would both generate namespace {rootNamespace}.{sameName.Key}: {string.Join(" and ", sameName.Select(s => s.Artifact.SourceName + ":" + s.Artifact.ContractName))}; generate them in separate runs.");
        }

        foreach (ContractSource source in sources)
        {
            drafts.Add(Draft.Create(source, registry));
        }

        registry.AssignNames(rootNamespace, drafts.ToDictionary(d => d.Name, d => (IReadOnlyCollection<string>)d.GeneratedTypeNames(), StringComparer.Ordinal));
        foreach (TypeBinding type in registry.Types.Where(t => !t.IsEnum))
        {
            type.Fields = Parameters(
                type.Tuple!.Components,
                type.FieldTypes,
                (p, _) => type.Doc.Param(p.Name),
                "Field",
                0,
                [.. ReservedNames.StructMembers, type.CSharpName]);
        }

        string sharedNamespace = rootNamespace + "." + TypeRegistry.SharedNamespace;
        var contracts = drafts.Select(d => d.Finish(rootNamespace, registry, sharedNamespace)).ToList();
        var shared = registry.Types.Where(t => t.Namespace == sharedNamespace).OrderBy(t => t.CSharpName, StringComparer.Ordinal).ToList();
        return new BindingModel(rootNamespace, contracts, shared);
    }

    /// <summary>
    /// The contract's C# name: its PascalCase name, with <c>Contract</c> appended when that would be a namespace
    /// hiding a type the bindings refer to (a contract called <c>Address</c> gets <c>AddressContract</c>).
    /// </summary>
    private static string ContractName(ContractSource source)
    {
        string name = Identifiers.Pascal(source.Artifact.ContractName);
        return ReservedNames.Types.Contains(name) ? name + "Contract" : name;
    }

    /// <summary>Names a list of parameters: PascalCase properties and camelCase arguments, unique, clear of reserved names.</summary>
    internal static IReadOnlyList<ParameterBinding> Parameters(
        IReadOnlyList<AbiParameter> parameters,
        IReadOnlyList<ClrType> types,
        Func<AbiParameter, int, string?> doc,
        string unnamedPrefix,
        int unnamedStart,
        IReadOnlyList<string> reservedProperties)
    {
        var properties = new List<string>();
        var arguments = new List<string>();
        for (int i = 0; i < parameters.Count; i++)
        {
            string property = Identifiers.Pascal(parameters[i].Name);
            if (property.Length == 0)
            {
                property = unnamedPrefix + (i + unnamedStart).ToString(CultureInfo.InvariantCulture);
            }

            properties.Add(property);
            arguments.Add(Identifiers.Escape(char.ToLowerInvariant(property[0]) + property[1..]));
        }

        IReadOnlyList<string> uniqueProperties = Identifiers.Unique(properties, reservedProperties.Concat(ReservedNames.Types), "Value");
        IReadOnlyList<string> uniqueArguments = Identifiers.Unique(arguments, ReservedNames.ServiceArguments, "Value");
        var result = new List<ParameterBinding>(parameters.Count);
        for (int i = 0; i < parameters.Count; i++)
        {
            result.Add(new ParameterBinding(parameters[i], uniqueProperties[i], uniqueArguments[i], types[i], doc(parameters[i], i)));
        }

        return result;
    }

    /// <summary>The first pass over one contract: types mapped, overload names assigned.</summary>
    private sealed class Draft
    {
        private readonly List<(AbiFunction Abi, string Name, IReadOnlyList<ClrType> Inputs, IReadOnlyList<ClrType> Outputs)> _functions = [];
        private readonly List<(AbiEvent Abi, string Name, IReadOnlyList<ClrType> Fields, IReadOnlyList<ClrType> Filters)> _events = [];
        private readonly List<(AbiError Abi, string Name, IReadOnlyList<ClrType> Fields)> _errors = [];
        private readonly ContractSource _source;
        private IReadOnlyList<ClrType> _constructorInputs = [];

        private Draft(ContractSource source)
        {
            _source = source;
            Name = ContractName(source);
        }

        public string Name { get; }

        private string Where => $"{_source.Artifact.SourceName}:{_source.Artifact.ContractName}";

        public static Draft Create(ContractSource source, TypeRegistry registry)
        {
            var draft = new Draft(source);
            ContractAbi abi = source.Abi;
            var functions = abi.Functions.DistinctBy(f => f.Signature, StringComparer.Ordinal).ToList();
            IReadOnlyList<string> functionNames = OverloadNames.Assign(functions.Select(f => (f.Name, f.Inputs, Hex8(f.Selector.Value))).ToList());
            for (int i = 0; i < functions.Count; i++)
            {
                AbiFunction function = functions[i];
                string where = $"{draft.Where}: function {function.Signature}";
                draft._functions.Add((function, functionNames[i], draft.MapAll(function.Inputs, where, "input", functionNames[i], registry), draft.MapAll(function.Outputs, where, "output", functionNames[i], registry)));
            }

            var events = abi.Events.DistinctBy(e => (e.Signature, e.Anonymous)).ToList();
            IReadOnlyList<string> eventNames = OverloadNames.Assign(events.Select(e => (e.Name, e.Parameters, Convert.ToHexStringLower(e.Topic0.Bytes[..4]))).ToList());
            for (int i = 0; i < events.Count; i++)
            {
                AbiEvent @event = events[i];
                string where = $"{draft.Where}: event {@event.Signature}";
                IReadOnlyList<ClrType> types = draft.MapAll(@event.Parameters, where, "field", eventNames[i], registry);
                var fields = types.Select((t, j) => @event.Parameters[j].Indexed && !@event.Parameters[j].Type.IsValueType ? TopicHashClrType.Instance : t).ToList();
                var filters = types.Where((_, j) => @event.Parameters[j].Indexed).ToList();
                draft._events.Add((@event, eventNames[i], fields, filters));
            }

            var errors = abi.Errors.DistinctBy(e => e.Signature, StringComparer.Ordinal).ToList();
            IReadOnlyList<string> errorNames = OverloadNames.Assign(errors.Select(e => (e.Name, e.Inputs, Hex8(e.Selector.Value))).ToList());
            for (int i = 0; i < errors.Count; i++)
            {
                draft._errors.Add((errors[i], errorNames[i], draft.MapAll(errors[i].Inputs, $"{draft.Where}: error {errors[i].Signature}", "field", errorNames[i], registry)));
            }

            if (abi.Constructor is AbiConstructor constructor)
            {
                draft._constructorInputs = draft.MapAll(constructor.Inputs, $"{draft.Where}: constructor", "input", "Constructor", registry);
            }

            return draft;
        }

        /// <summary>The names of the types generated for this contract (besides its structs and enums).</summary>
        public List<string> GeneratedTypeNames()
        {
            var names = new List<string> { Name + "Service", Name + "Deployment", Name + "Errors" };
            names.AddRange(_functions.SelectMany(f => new[] { f.Name + "Function", f.Name + "OutputDto" }));
            names.AddRange(_events.SelectMany(e => new[] { e.Name + "EventDto", e.Name + "EventFilter" }));
            names.AddRange(_errors.Select(e => e.Name + "Exception"));
            return names;
        }

        public ContractBinding Finish(string rootNamespace, TypeRegistry registry, string sharedNamespace)
        {
            ContractNatSpec natSpec = _source.NatSpec;
            var functions = _functions.Select(f =>
            {
                NatSpecDoc doc = natSpec.Method(f.Abi.Signature, f.Abi.Name);
                string messageName = f.Name + "Function";
                return new FunctionBinding(
                    f.Abi,
                    f.Name,
                    Parameters(f.Abi.Inputs, f.Inputs, (p, _) => doc.Param(p.Name), "Argument", 0, [.. ReservedNames.MessageMembers, messageName]),
                    Parameters(f.Abi.Outputs, f.Outputs, (p, i) => doc.Return(p.Name, i), "ReturnValue", 1, [.. ReservedNames.OutputMembers, f.Name + "OutputDto"]),
                    doc,
                    Signatures.Function(f.Abi, Where));
            }).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

            var events = _events.Select(e =>
            {
                NatSpecDoc doc = natSpec.Event(e.Abi.Signature);
                IReadOnlyList<ParameterBinding> fields = Parameters(e.Abi.Parameters, e.Fields, (p, _) => doc.Param(p.Name), "Argument", 0, [.. ReservedNames.EventMembers, e.Name + "EventDto"]);
                var indexed = e.Abi.Parameters.Where(p => p.Indexed).ToList();
                IReadOnlyList<ParameterBinding> filters = Parameters(indexed, e.Filters, (p, _) => doc.Param(p.Name), "Argument", 0, [.. ReservedNames.FilterMembers, e.Name + "EventFilter"]);

                // Filter properties take the event field's property name where possible, so both read alike.
                filters = filters.Select((f, i) => f with { Property = fields.First(x => ReferenceEquals(x.Abi, indexed[i])).Property }).ToList();
                return new EventBinding(e.Abi, e.Name, fields, filters, doc, Signatures.Event(e.Abi, Where));
            }).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

            var errors = _errors.Select(e =>
            {
                NatSpecDoc doc = natSpec.Error(e.Abi.Signature);
                return new ErrorBinding(
                    e.Abi,
                    e.Name,
                    Parameters(e.Abi.Inputs, e.Fields, (p, _) => doc.Param(p.Name), "Argument", 0, [.. ReservedNames.ExceptionMembers, e.Name + "Exception"]),
                    doc,
                    Signatures.Error(e.Abi, Where));
            }).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

            AbiConstructor constructorAbi = _source.Abi.Constructor ?? new AbiConstructor([]);
            NatSpecDoc constructorDoc = natSpec.Constructor();
            var constructor = new ConstructorBinding(
                constructorAbi,
                Parameters(constructorAbi.Inputs, _constructorInputs, (p, _) => constructorDoc.Param(p.Name), "Argument", 0, [.. ReservedNames.DeploymentMembers, Name + "Deployment"]),
                constructorDoc);

            string @namespace = rootNamespace + "." + Name;
            var types = registry.Types.Where(t => t.Namespace == @namespace).OrderBy(t => t.CSharpName, StringComparer.Ordinal).ToList();
            bool usesShared = registry.Types.Any(t => t.Namespace == sharedNamespace && t.Users.Contains(Name));
            return new ContractBinding(
                Name,
                _source.Artifact.ContractName,
                _source.Artifact.SourceName,
                @namespace,
                natSpec.Contract(),
                _source.Artifact.Bytecode,
                constructor,
                functions,
                events,
                errors,
                types,
                usesShared,
                _source.Abi.HasReceive,
                _source.Abi.Fallback);
        }

        private static string Hex8(uint value) => value.ToString("x8", CultureInfo.InvariantCulture);

        private List<ClrType> MapAll(IReadOnlyList<AbiParameter> parameters, string where, string role, string itemName, TypeRegistry registry)
        {
            var types = new List<ClrType>(parameters.Count);
            for (int i = 0; i < parameters.Count; i++)
            {
                AbiParameter parameter = parameters[i];
                string name = parameter.Name.Length > 0 ? parameter.Name : "#" + i.ToString(CultureInfo.InvariantCulture);
                string hint = itemName + (parameter.Name.Length > 0 ? Identifiers.Pascal(parameter.Name) : role + i.ToString(CultureInfo.InvariantCulture));
                types.Add(registry.Map(parameter, Name, $"{where}, {role} {name} ({parameter.Type})", hint, _source.Definitions));
            }

            return types;
        }
    }
}
