using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EthCx.Services.Traceability.Epcis;

/// <summary>An EPCIS event's action.</summary>
public enum EpcisAction
{
    /// <summary>ADD: the objects came into being or were added.</summary>
    Add,

    /// <summary>OBSERVE: the objects were observed.</summary>
    Observe,

    /// <summary>DELETE: the objects ceased to exist or were removed.</summary>
    Delete,
}

/// <summary>
/// The fields of a new EPCIS 2.0 event (object or aggregation), written as JSON-LD by <see cref="Build"/>: what a
/// capturing application fills in before anchoring.
/// </summary>
/// <param name="Type">The event type: <see cref="EpcisEventType.Object"/> or <see cref="EpcisEventType.Aggregation"/>.</param>
/// <param name="EventTime">When it happened (its offset becomes eventTimeZoneOffset).</param>
/// <param name="Action">The action.</param>
/// <param name="BusinessStep">The CBV business step.</param>
public sealed record EpcisEventDraft(EpcisEventType Type, DateTimeOffset EventTime, EpcisAction Action, BusinessStep BusinessStep)
{
    /// <summary>The EPCIS 2.0 JSON-LD context.</summary>
    public const string Context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /// <summary>The objects of an object event (EPC URNs or Digital Links).</summary>
    public IReadOnlyList<string> Epcs { get; init; } = [];

    /// <summary>The parent of an aggregation (e.g. an SSCC).</summary>
    public string? ParentId { get; init; }

    /// <summary>The children of an aggregation.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>The CBV disposition.</summary>
    public Disposition Disposition { get; init; }

    /// <summary>The read point (e.g. an SGLN).</summary>
    public string? ReadPoint { get; init; }

    /// <summary>The business location (e.g. an SGLN).</summary>
    public string? BusinessLocation { get; init; }

    /// <summary>Business transactions: (CBV type such as <c>po</c> or <c>desadv</c>, identifier).</summary>
    public IReadOnlyList<(string Type, string Id)> BusinessTransactions { get; init; } = [];

    /// <summary>Writes the event as EPCIS 2.0 JSON-LD and reads it back.</summary>
    /// <returns>The event, with its hash id.</returns>
    /// <exception cref="InvalidOperationException">The draft is not an object or aggregation event, or misses its objects.</exception>
    public EpcisEvent Build()
    {
        if (Type is not (EpcisEventType.Object or EpcisEventType.Aggregation))
        {
            throw new InvalidOperationException($"A draft builds object and aggregation events, not {Type} events.");
        }

        if (Type == EpcisEventType.Object ? Epcs.Count == 0 : ParentId is null)
        {
            throw new InvalidOperationException(Type == EpcisEventType.Object ? "An object event needs at least one EPC." : "An aggregation event needs a parent id.");
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("@context", Context);
            json.WriteString("type", Type == EpcisEventType.Object ? "ObjectEvent" : "AggregationEvent");
            json.WriteString("eventTime", EventTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            json.WriteString("eventTimeZoneOffset", EventTime.ToString("zzz", CultureInfo.InvariantCulture));
            if (Type == EpcisEventType.Object)
            {
                WriteList(json, "epcList", Epcs);
            }
            else
            {
                json.WriteString("parentID", ParentId);
                WriteList(json, "childEPCs", Children);
            }

            json.WriteString("action", Action.ToString().ToUpperInvariant());
            if (BusinessStep != BusinessStep.Unspecified)
            {
                json.WriteString("bizStep", Cbv.NameOf(BusinessStep));
            }

            if (Disposition != Disposition.Unspecified)
            {
                json.WriteString("disposition", Cbv.NameOf(Disposition));
            }

            WriteLocation(json, "readPoint", ReadPoint);
            WriteLocation(json, "bizLocation", BusinessLocation);
            if (BusinessTransactions.Count > 0)
            {
                json.WriteStartArray("bizTransactionList");
                foreach ((string type, string id) in BusinessTransactions)
                {
                    json.WriteStartObject();
                    json.WriteString("type", type);
                    json.WriteString("bizTransaction", id);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return EpcisEvent.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (string item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter json, string name, string? id)
    {
        if (id is not null)
        {
            json.WriteStartObject(name);
            json.WriteString("id", id);
            json.WriteEndObject();
        }
    }
}
