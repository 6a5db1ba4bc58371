using System.Text;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Services.Traceability.Epcis;

/// <summary>
/// An EPCIS 2.0 event read from JSON-LD, with what the tracker anchors of it: its event hash id
/// (<see cref="EpcisEventHash"/>), its type, business step and disposition codes, its time, and the hashes of its
/// "what" and "where". The event itself stays off chain.
/// </summary>
public sealed class EpcisEvent
{
    private EpcisEvent(string json, JsonElement element, IReadOnlyDictionary<string, string>? prefixes)
    {
        Json = json;
        PreHash = EpcisEventHash.PreHash(element, prefixes);
        HashId = EpcisEventHash.Digest(PreHash);
        string type = element.GetProperty("type").GetString()!;
        Type = type switch
        {
            "ObjectEvent" => EpcisEventType.Object,
            "AggregationEvent" => EpcisEventType.Aggregation,
            "TransactionEvent" => EpcisEventType.Transaction,
            "TransformationEvent" => EpcisEventType.Transformation,
            "AssociationEvent" => EpcisEventType.Association,
            _ => throw new FormatException($"\"{type}\" is not an EPCIS 2.0 event type (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent)."),
        };
        EventTime = DateTimeOffset.Parse(element.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Action = Text(element, "action");
        BusinessStep = Cbv.StepOf(Text(element, "bizStep"));
        Disposition = Cbv.DispositionOf(Text(element, "disposition"));
        ReadPoint = Identifier(element, "readPoint");
        BusinessLocation = Identifier(element, "bizLocation");
        ParentId = Text(element, "parentID") is { } parent ? Gs1DigitalLink.Canonicalise(parent) : null;
        Children = [.. Identifiers(element, "childEPCs"), .. Quantities(element, "childQuantityList")];
        string[] what =
        [
            .. Identifiers(element, "epcList"), .. Identifiers(element, "inputEPCList"), .. Identifiers(element, "outputEPCList"),
            .. Quantities(element, "quantityList"), .. Quantities(element, "inputQuantityList"), .. Quantities(element, "outputQuantityList"),
            .. Children, .. (ParentId is null ? [] : new[] { ParentId }),
        ];
        What = [.. what.Distinct().Order(StringComparer.Ordinal)];
        WhatHash = Bytes32.Keccak(Encoding.UTF8.GetBytes(string.Join('\n', What)));
        string? where = BusinessLocation ?? ReadPoint;
        LocationHash = where is null ? Bytes32.Zero : Bytes32.Keccak(Encoding.UTF8.GetBytes(where));
    }

    /// <summary>The event's JSON text, as given.</summary>
    public string Json { get; }

    /// <summary>The canonical pre-hash string (see <see cref="EpcisEventHash"/>).</summary>
    public string PreHash { get; }

    /// <summary>The EPCIS event hash id: SHA-256 of <see cref="PreHash"/>; the id the tracker anchors.</summary>
    public Bytes32 HashId { get; }

    /// <summary>The event hash id as an <c>ni:///sha-256;...?ver=CBV2.0</c> URI.</summary>
    public string HashUri => EpcisEventHash.ToUri(HashId);

    /// <summary>The event type.</summary>
    public EpcisEventType Type { get; }

    /// <summary>When the event happened.</summary>
    public DateTimeOffset EventTime { get; }

    /// <summary>ADD, OBSERVE or DELETE; null for a transformation event.</summary>
    public string? Action { get; }

    /// <summary>The business step code.</summary>
    public BusinessStep BusinessStep { get; }

    /// <summary>The disposition code.</summary>
    public Disposition Disposition { get; }

    /// <summary>The read point, as a canonical identifier; null when absent.</summary>
    public string? ReadPoint { get; }

    /// <summary>The business location, as a canonical identifier; null when absent.</summary>
    public string? BusinessLocation { get; }

    /// <summary>The parent (e.g. the SSCC of a pallet) of an aggregation or transaction, canonical; null when absent.</summary>
    public string? ParentId { get; }

    /// <summary>The children of an aggregation or association (EPCs and classes), canonical.</summary>
    public IReadOnlyList<string> Children { get; }

    /// <summary>Every identifier of the event's "what" (EPCs, classes, parent, children), canonical, sorted, distinct.</summary>
    public IReadOnlyList<string> What { get; }

    /// <summary>
    /// keccak256 of the UTF-8 <see cref="What"/> joined by line feeds: for an event about one identifier, the hash of
    /// that identifier, so a product's anchored events can be found by log filter.
    /// </summary>
    public Bytes32 WhatHash { get; }

    /// <summary>keccak256 of the business location (or else the read point) identifier; zero when the event has neither.</summary>
    public Bytes32 LocationHash { get; }

    /// <summary>The hash under which the tracker indexes events about one identifier.</summary>
    /// <param name="identifier">An EPC URN or Digital Link.</param>
    /// <returns>keccak256 of the canonical identifier.</returns>
    public static Bytes32 WhatHashOf(string identifier) => Bytes32.Keccak(Encoding.UTF8.GetBytes(Gs1DigitalLink.Canonicalise(identifier)));

    /// <summary>Reads one event from its JSON-LD text.</summary>
    /// <param name="json">The event object.</param>
    /// <param name="prefixes">The JSON-LD prefixes of the enclosing document's <c>@context</c>, if any.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FormatException">The text is not an EPCIS 2.0 event (the message says what is missing).</exception>
    public static EpcisEvent Parse(string json, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return new EpcisEvent(json, document.RootElement.Clone(), prefixes);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The EPCIS event is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads every event of an EPCIS 2.0 document (<c>epcisBody.eventList</c>, or a query document's results).</summary>
    /// <param name="json">The EPCISDocument or EPCISQueryDocument.</param>
    /// <returns>The events, in document order.</returns>
    /// <exception cref="FormatException">The text is not an EPCIS document.</exception>
    public static IReadOnlyList<EpcisEvent> ParseDocument(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("@context", out JsonElement context))
        {
            EpcisEventHash.ReadPrefixes(context, prefixes);
        }

        if (!root.TryGetProperty("epcisBody", out JsonElement body))
        {
            throw new FormatException("The EPCIS document has no \"epcisBody\".");
        }

        JsonElement list = body.TryGetProperty("eventList", out JsonElement events) ? events
            : body.TryGetProperty("queryResults", out JsonElement results) && results.TryGetProperty("resultsBody", out JsonElement resultsBody) && resultsBody.TryGetProperty("eventList", out events) ? events
            : throw new FormatException("The EPCIS document has no \"epcisBody.eventList\".");
        return [.. list.EnumerateArray().Select(item => new EpcisEvent(item.GetRawText(), item.Clone(), prefixes))];
    }

    /// <summary>Whether the event is about the identifier (in its "what").</summary>
    /// <param name="identifier">An EPC URN or Digital Link.</param>
    /// <returns>True when the canonical identifier is among <see cref="What"/>.</returns>
    public bool Mentions(string identifier) => What.Contains(Gs1DigitalLink.Canonicalise(identifier), StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {Cbv.NameOf(BusinessStep)} at {EventTime:O} ({HashUri})";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Identifier(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement location) && location.ValueKind == JsonValueKind.Object && Text(location, "id") is { } id ? Gs1DigitalLink.Canonicalise(id) : null;

    private static IEnumerable<string> Identifiers(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => Gs1DigitalLink.Canonicalise(item.GetString()!))
            : [];

    private static IEnumerable<string> Quantities(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item => Text(item, "epcClass")).OfType<string>().Select(Gs1DigitalLink.Canonicalise)
            : [];
}
