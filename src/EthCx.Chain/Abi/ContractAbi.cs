using System.Text;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Abi;

/// <summary>
/// A contract's JSON ABI (the <c>abi</c> array of a Hardhat or Foundry artifact): functions (overloads
/// kept), events, errors, constructor, receive and fallback, with lookups by name, selector and topic 0.
/// Parsed with <see cref="JsonDocument"/>, no reflection. Immutable and safe to share.
/// </summary>
public sealed class ContractAbi
{
    private readonly Dictionary<Selector, AbiFunction> _functionsBySelector = [];
    private readonly Dictionary<Selector, AbiError> _errorsBySelector = [];
    private readonly Dictionary<Bytes32, AbiEvent> _eventsByTopic = [];

    /// <summary>Creates an ABI from its parts.</summary>
    /// <param name="functions">The functions.</param>
    /// <param name="events">The events.</param>
    /// <param name="errors">The custom errors.</param>
    /// <param name="constructor">The constructor, or null for the default one.</param>
    /// <param name="fallback">The fallback function, or null.</param>
    /// <param name="hasReceive">Whether there is a <c>receive</c> function.</param>
    public ContractAbi(
        IEnumerable<AbiFunction> functions,
        IEnumerable<AbiEvent> events,
        IEnumerable<AbiError> errors,
        AbiConstructor? constructor = null,
        AbiFallback? fallback = null,
        bool hasReceive = false)
    {
        Functions = [.. functions];
        Events = [.. events];
        Errors = [.. errors];
        Constructor = constructor;
        Fallback = fallback;
        HasReceive = hasReceive;
        foreach (AbiFunction function in Functions)
        {
            _functionsBySelector.TryAdd(function.Selector, function);
        }

        foreach (AbiError error in Errors)
        {
            _errorsBySelector.TryAdd(error.Selector, error);
        }

        foreach (AbiEvent @event in Events)
        {
            if (!@event.Anonymous)
            {
                _eventsByTopic.TryAdd(@event.Topic0, @event);
            }
        }
    }

    /// <summary>The functions, overloads included, in ABI order.</summary>
    public IReadOnlyList<AbiFunction> Functions { get; }

    /// <summary>The events in ABI order.</summary>
    public IReadOnlyList<AbiEvent> Events { get; }

    /// <summary>The custom errors in ABI order.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>The constructor, or null when the ABI does not list one (a constructor without parameters).</summary>
    public AbiConstructor? Constructor { get; }

    /// <summary>The fallback function, or null.</summary>
    public AbiFallback? Fallback { get; }

    /// <summary>Whether the contract has a <c>receive</c> function (plain ether transfers).</summary>
    public bool HasReceive { get; }

    /// <summary>Parses a JSON ABI: the array itself, or an artifact object with an <c>abi</c> property.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The ABI.</returns>
    /// <exception cref="FormatException">The JSON is malformed or not an ABI; the message names the item and field.</exception>
    public static ContractAbi Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses a UTF-8 JSON ABI; see <see cref="Parse(string)"/>.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The ABI.</returns>
    /// <exception cref="FormatException">The JSON is malformed or not an ABI.</exception>
    public static ContractAbi Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Invalid JSON ABI: {e.Message}", e);
        }

        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    /// <summary>Reads a JSON ABI from a parsed element: the array, or an artifact object with an <c>abi</c> property.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The ABI.</returns>
    /// <exception cref="FormatException">The element is not an ABI; the message names the item and field.</exception>
    public static ContractAbi FromJson(JsonElement element) => JsonAbiReader.Read(element);

    /// <summary>The functions called <paramref name="name"/> (several when overloaded).</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The matching functions, possibly none.</returns>
    public IReadOnlyList<AbiFunction> GetFunctions(string name)
    {
        var matches = new List<AbiFunction>();
        foreach (AbiFunction function in Functions)
        {
            if (function.Name == name)
            {
                matches.Add(function);
            }
        }

        return matches;
    }

    /// <summary>
    /// The function with this name (which must not be overloaded) or signature (canonical, e.g.
    /// <c>transfer(address,uint256)</c>, or human-readable).
    /// </summary>
    /// <param name="nameOrSignature">A name, or a signature for an overloaded function.</param>
    /// <returns>The function.</returns>
    /// <exception cref="ArgumentException">No function matches, or the name is overloaded.</exception>
    public AbiFunction GetFunction(string nameOrSignature) =>
        Lookup(nameOrSignature, "function", Functions, static f => f.Name, static f => f.Signature, static s => AbiFunction.Parse(s).Signature);

    /// <summary>The function with this selector, or null.</summary>
    /// <param name="selector">The selector.</param>
    /// <returns>The function, or null.</returns>
    public AbiFunction? FindFunction(Selector selector) => _functionsBySelector.GetValueOrDefault(selector);

    /// <summary>The event with this name (which must not be overloaded) or signature.</summary>
    /// <param name="nameOrSignature">A name or signature.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">No event matches, or the name is overloaded.</exception>
    public AbiEvent GetEvent(string nameOrSignature) =>
        Lookup(nameOrSignature, "event", Events, static e => e.Name, static e => e.Signature, static s => AbiEvent.Parse(s).Signature);

    /// <summary>The non-anonymous event whose topic 0 is <paramref name="topic0"/>, or null.</summary>
    /// <param name="topic0">The first topic of a log.</param>
    /// <returns>The event, or null.</returns>
    public AbiEvent? FindEvent(Bytes32 topic0) => _eventsByTopic.GetValueOrDefault(topic0);

    /// <summary>The custom error with this name (which must not be overloaded) or signature.</summary>
    /// <param name="nameOrSignature">A name or signature.</param>
    /// <returns>The error.</returns>
    /// <exception cref="ArgumentException">No error matches, or the name is overloaded.</exception>
    public AbiError GetError(string nameOrSignature) =>
        Lookup(nameOrSignature, "error", Errors, static e => e.Name, static e => e.Signature, static s => AbiError.Parse(s).Signature);

    /// <summary>The custom error with this selector, or null.</summary>
    /// <param name="selector">The selector.</param>
    /// <returns>The error, or null.</returns>
    public AbiError? FindError(Selector selector) => _errorsBySelector.GetValueOrDefault(selector);

    /// <summary>Decodes a log by its topic 0, or returns null when no (non-anonymous) event of this ABI matches.</summary>
    /// <param name="topics">The log's topics.</param>
    /// <param name="data">The log's data.</param>
    /// <returns>The decoded event, or null.</returns>
    /// <exception cref="AbiDecodingException">An event matches topic 0 but the log is malformed.</exception>
    public DecodedEvent? DecodeLog(IReadOnlyList<Bytes32> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count == 0 || FindEvent(topics[0]) is not AbiEvent @event)
        {
            return null;
        }

        return new DecodedEvent(@event, @event.DecodeLog(topics, data));
    }

    /// <summary>Decodes revert data as <c>Error(string)</c>, <c>Panic(uint256)</c> or one of this ABI's errors; see <see cref="RevertDecoder"/>.</summary>
    /// <param name="revertData">The revert data.</param>
    /// <returns>The decoded error (never throws for bad data).</returns>
    public DecodedError DecodeRevert(ReadOnlySpan<byte> revertData) => RevertDecoder.Decode(revertData, this);

    private static T Lookup<T>(string nameOrSignature, string kind, IReadOnlyList<T> items, Func<T, string> name, Func<T, string> signature, Func<string, string> canonicalize)
    {
        ArgumentNullException.ThrowIfNull(nameOrSignature);
        bool bySignature = nameOrSignature.Contains('(', StringComparison.Ordinal);
        string key = nameOrSignature;
        if (bySignature)
        {
            try
            {
                key = canonicalize(nameOrSignature);
            }
            catch (FormatException e)
            {
                throw new ArgumentException(e.Message, nameof(nameOrSignature), e);
            }
        }

        var matches = new List<T>();
        foreach (T item in items)
        {
            if ((bySignature ? signature(item) : name(item)) == key)
            {
                matches.Add(item);
            }
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        var known = new List<string>();
        foreach (T item in items)
        {
            known.Add(signature(item));
        }

        throw new ArgumentException(
            matches.Count == 0
                ? $"The ABI has no {kind} '{nameOrSignature}'; it has: {(known.Count == 0 ? "none" : string.Join(", ", known))}."
                : $"The {kind} name '{nameOrSignature}' is overloaded; pass one of the signatures: {string.Join(", ", matches.ConvertAll(m => signature(m)))}.",
            nameof(nameOrSignature));
    }
}
