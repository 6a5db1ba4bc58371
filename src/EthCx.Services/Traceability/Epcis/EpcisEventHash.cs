using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Services.Traceability.Epcis;

/// <summary>
/// The EPCIS Event Hash ID of GS1 CBV 2.0 (section 8.9): a canonical pre-hash string of the event's fields in a fixed
/// order, hashed with SHA-256 and written as <c>ni:///sha-256;&lt;hex&gt;?ver=CBV2.0</c> (RFC 6920). The same event
/// gives the same id in any serialisation (property order, list order, time zone, bare CBV names or URNs, EPC URNs or
/// Digital Links); any change of a value gives another id.
/// </summary>
/// <remarks>
/// <para>Canonicalisation, as implemented here for EPCIS 2.0 JSON-LD events:</para>
/// <list type="number">
/// <item>Fields are taken in the canonical order: eventType, eventTime, eventTimeZoneOffset, errorDeclaration
/// (declarationTime, reason, correctiveEventIDs), epcList, parentID, inputEPCList, childEPCs, quantityList,
/// childQuantityList, inputQuantityList, outputEPCList, outputQuantityList (each element epcClass, quantity, uom),
/// action, transformationID, bizStep, disposition, persistentDisposition (set, unset), readPoint, bizLocation,
/// bizTransactionList, sourceList, destinationList (value, then type), sensorElementList (sensorMetadata, then
/// sensorReport, each in the CBV field order), ilmd, then user extensions. eventID and recordTime are left out.</item>
/// <item>A value is written <c>key=value</c>, a container as its key followed by its children, all without
/// separators; the children of a list, and extension entries, are sorted by ordinal (code-point) order.</item>
/// <item>Values are trimmed; times are UTC with milliseconds and <c>Z</c> (rounded half up to the millisecond);
/// numbers lose trailing zeros; bare CBV names and <c>urn:epcglobal:cbv:</c> URNs become CBV web URIs
/// (<c>https://ref.gs1.org/cbv/BizStep-shipping</c>); CURIEs (<c>gs1:</c>, <c>cbv:</c>, <c>epcis:</c> and the
/// event's <c>@context</c> prefixes) are expanded; identifiers become constrained canonical GS1 Digital Links
/// (<see cref="Gs1DigitalLink"/>); an extension key is written <c>{namespace}localName</c>.</item>
/// </list>
/// <para>Checked against the reference implementation's published vectors (github.com/RalphTro/epcis-event-hash-generator).
/// XML events are not read here, and the EPC schemes <see cref="Gs1DigitalLink"/> does not convert are hashed as given.</para>
/// </remarks>
public static class EpcisEventHash
{
    /// <summary>The algorithm version written in the <c>ni</c> URI.</summary>
    public const string Version = "CBV2.0";

    private static readonly string[] QuantityFields = ["epcClass", "quantity", "uom"];
    private static readonly string[] SensorMetadataFields = ["time", "startTime", "endTime", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules"];
    private static readonly string[] SensorReportFields =
    [
        "type", "exception", "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "time", "microorganism", "chemicalSubstance", "value",
        "component", "stringValue", "booleanValue", "hexBinaryValue", "uriValue", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue",
        "uom", "coordinateReferenceSystem",
    ];

    private static readonly HashSet<string> Ignored = ["@context", "type", "eventID", "recordTime"];
    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789.");

    /// <summary>The prefixes every EPCIS 2.0 document may use without declaring them (the standard context's).</summary>
    public static IReadOnlyDictionary<string, string> StandardPrefixes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gs1"] = "https://gs1.org/voc/",
        ["cbv"] = "https://ref.gs1.org/cbv/",
        ["epcis"] = "https://ref.gs1.org/epcis/",
        ["cbvmda"] = "urn:epcglobal:cbv:mda:",
    };

    /// <summary>The pre-hash string of an event.</summary>
    /// <param name="epcisEvent">The event object (EPCIS 2.0 JSON-LD).</param>
    /// <param name="prefixes">The JSON-LD prefixes in scope (the document's <c>@context</c>); the standard ones and the event's own are added.</param>
    /// <returns>The pre-hash string.</returns>
    /// <exception cref="FormatException">The event has no type or no valid eventTime.</exception>
    public static string PreHash(JsonElement epcisEvent, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        if (epcisEvent.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"An EPCIS event is a JSON object, not {epcisEvent.ValueKind}.");
        }

        var writer = new PreHashWriter(Prefixes(epcisEvent, prefixes));
        return writer.Event(epcisEvent);
    }

    /// <summary>The event hash id: SHA-256 of the UTF-8 pre-hash string.</summary>
    /// <param name="preHash">The pre-hash string.</param>
    /// <returns>The 32-byte digest, as anchored on chain.</returns>
    public static Bytes32 Digest(string preHash)
    {
        ArgumentNullException.ThrowIfNull(preHash);
        return Bytes32.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(preHash)));
    }

    /// <summary>The event hash id as an RFC 6920 <c>ni</c> URI, the form EPCIS uses as an eventID.</summary>
    /// <param name="digest">The SHA-256 digest.</param>
    /// <returns><c>ni:///sha-256;&lt;lowercase hex&gt;?ver=CBV2.0</c>.</returns>
    public static string ToUri(Bytes32 digest) => $"ni:///sha-256;{digest.ToString()[2..]}?ver={Version}";

    /// <summary>The JSON-LD prefixes of a <c>@context</c> value (a string, an object or an array of both).</summary>
    /// <param name="context">The <c>@context</c> value.</param>
    /// <param name="into">The map to add them to.</param>
    public static void ReadPrefixes(JsonElement context, IDictionary<string, string> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        switch (context.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (JsonElement item in context.EnumerateArray())
                {
                    ReadPrefixes(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in context.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && !property.Name.StartsWith('@'))
                    {
                        into[property.Name] = property.Value.GetString()!;
                    }
                }

                break;
        }
    }

    private static Dictionary<string, string> Prefixes(JsonElement epcisEvent, IReadOnlyDictionary<string, string>? prefixes)
    {
        var all = new Dictionary<string, string>(StandardPrefixes, StringComparer.Ordinal);
        foreach ((string prefix, string ns) in prefixes ?? new Dictionary<string, string>())
        {
            all[prefix] = ns;
        }

        if (epcisEvent.TryGetProperty("@context", out JsonElement context))
        {
            ReadPrefixes(context, all);
        }

        return all;
    }

    /// <summary>Writes one event's pre-hash string.</summary>
    private sealed class PreHashWriter(Dictionary<string, string> prefixes)
    {
        private enum Vocabulary
        {
            None,
            BizStep,
            Disposition,
            BusinessTransactionType,
            SourceDestinationType,
            ErrorReason,
            SensorType,
        }

        public string Event(JsonElement e)
        {
            var text = new StringBuilder();
            string type = e.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new FormatException("The EPCIS event has no \"type\".");
            if (!e.TryGetProperty("eventTime", out JsonElement time) || time.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"The {type} has no \"eventTime\".");
            }

            var consumed = new HashSet<string>(Ignored, StringComparer.Ordinal);
            text.Append("eventType=").Append(type);
            Field(text, e, "eventTime", Vocabulary.None, consumed);
            Field(text, e, "eventTimeZoneOffset", Vocabulary.None, consumed);
            ErrorDeclaration(text, e, consumed);
            Identifiers(text, e, "epcList", consumed);
            Field(text, e, "parentID", Vocabulary.None, consumed);
            Identifiers(text, e, "inputEPCList", consumed);
            Identifiers(text, e, "childEPCs", consumed);
            Quantities(text, e, "quantityList", consumed);
            Quantities(text, e, "childQuantityList", consumed);
            Quantities(text, e, "inputQuantityList", consumed);
            Identifiers(text, e, "outputEPCList", consumed);
            Quantities(text, e, "outputQuantityList", consumed);
            Field(text, e, "action", Vocabulary.None, consumed);
            Field(text, e, "transformationID", Vocabulary.None, consumed);
            Field(text, e, "bizStep", Vocabulary.BizStep, consumed);
            Field(text, e, "disposition", Vocabulary.Disposition, consumed);
            PersistentDisposition(text, e, consumed);
            Location(text, e, "readPoint", consumed);
            Location(text, e, "bizLocation", consumed);
            TypedList(text, e, "bizTransactionList", "bizTransaction", Vocabulary.BusinessTransactionType, consumed);
            TypedList(text, e, "sourceList", "source", Vocabulary.SourceDestinationType, consumed);
            TypedList(text, e, "destinationList", "destination", Vocabulary.SourceDestinationType, consumed);
            SensorElements(text, e, consumed);
            if (e.TryGetProperty("ilmd", out JsonElement ilmd) && consumed.Add("ilmd") && ilmd.ValueKind == JsonValueKind.Object)
            {
                string children = string.Concat(Sorted(Extensions(ilmd, new HashSet<string>(StringComparer.Ordinal))));
                if (children.Length > 0)
                {
                    text.Append("ilmd").Append(children);
                }
            }

            foreach (string extension in Sorted(Extensions(e, consumed)))
            {
                text.Append(extension);
            }

            return text.ToString();
        }

        private void Field(StringBuilder text, JsonElement parent, string name, Vocabulary vocabulary, HashSet<string> consumed)
        {
            if (parent.TryGetProperty(name, out JsonElement value) && consumed.Add(name) && Scalar(value, name, vocabulary) is { Length: > 0 } canonical)
            {
                text.Append(name).Append('=').Append(canonical);
            }
        }

        private void Identifiers(StringBuilder text, JsonElement e, string name, HashSet<string> consumed)
        {
            if (e.TryGetProperty(name, out JsonElement list) && consumed.Add(name) && list.ValueKind == JsonValueKind.Array)
            {
                AppendList(text, name, list.EnumerateArray().Select(item => "epc=" + Scalar(item, "epc", Vocabulary.None)));
            }
        }

        private void Quantities(StringBuilder text, JsonElement e, string name, HashSet<string> consumed)
        {
            if (e.TryGetProperty(name, out JsonElement list) && consumed.Add(name) && list.ValueKind == JsonValueKind.Array)
            {
                AppendList(text, name, list.EnumerateArray().Select(item => "quantityElement" + Ordered(item, QuantityFields, Vocabulary.None)));
            }
        }

        private void ErrorDeclaration(StringBuilder text, JsonElement e, HashSet<string> consumed)
        {
            if (!e.TryGetProperty("errorDeclaration", out JsonElement declaration) || !consumed.Add("errorDeclaration") || declaration.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var inner = new StringBuilder();
            var used = new HashSet<string>(StringComparer.Ordinal);
            Field(inner, declaration, "declarationTime", Vocabulary.None, used);
            Field(inner, declaration, "reason", Vocabulary.ErrorReason, used);
            if (declaration.TryGetProperty("correctiveEventIDs", out JsonElement corrective) && used.Add("correctiveEventIDs") && corrective.ValueKind == JsonValueKind.Array)
            {
                AppendList(inner, "correctiveEventIDs", corrective.EnumerateArray().Select(id => "correctiveEventID=" + Scalar(id, "correctiveEventID", Vocabulary.None)));
            }

            inner.AppendJoin(string.Empty, Sorted(Extensions(declaration, used)));
            if (inner.Length > 0)
            {
                text.Append("errorDeclaration").Append(inner);
            }
        }

        private void PersistentDisposition(StringBuilder text, JsonElement e, HashSet<string> consumed)
        {
            if (!e.TryGetProperty("persistentDisposition", out JsonElement persistent) || !consumed.Add("persistentDisposition") || persistent.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var inner = new StringBuilder();
            foreach (string part in new[] { "set", "unset" })
            {
                if (persistent.TryGetProperty(part, out JsonElement values) && values.ValueKind == JsonValueKind.Array)
                {
                    inner.AppendJoin(string.Empty, Sorted(values.EnumerateArray().Select(value => part + "=" + Scalar(value, part, Vocabulary.Disposition))));
                }
            }

            if (inner.Length > 0)
            {
                text.Append("persistentDisposition").Append(inner);
            }
        }

        private void Location(StringBuilder text, JsonElement e, string name, HashSet<string> consumed)
        {
            if (e.TryGetProperty(name, out JsonElement location) && consumed.Add(name) && location.ValueKind == JsonValueKind.Object)
            {
                string body = Ordered(location, ["id"], Vocabulary.None);
                if (body.Length > 0)
                {
                    text.Append(name).Append(body);
                }
            }
        }

        private void TypedList(StringBuilder text, JsonElement e, string name, string valueField, Vocabulary typeVocabulary, HashSet<string> consumed)
        {
            if (!e.TryGetProperty(name, out JsonElement list) || !consumed.Add(name) || list.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            AppendList(text, name, list.EnumerateArray().Select(item =>
            {
                string entry = item.TryGetProperty(valueField, out JsonElement value) ? valueField + "=" + Scalar(value, valueField, Vocabulary.None) : string.Empty;
                return item.TryGetProperty("type", out JsonElement type) ? entry + "type=" + Scalar(type, "type", typeVocabulary) : entry;
            }));
        }

        private void SensorElements(StringBuilder text, JsonElement e, HashSet<string> consumed)
        {
            if (!e.TryGetProperty("sensorElementList", out JsonElement list) || !consumed.Add("sensorElementList") || list.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            AppendList(text, "sensorElementList", list.EnumerateArray().Select(element =>
            {
                var inner = new StringBuilder("sensorElement");
                var used = new HashSet<string>(StringComparer.Ordinal);
                if (element.TryGetProperty("sensorMetadata", out JsonElement metadata) && used.Add("sensorMetadata"))
                {
                    string body = Ordered(metadata, SensorMetadataFields, Vocabulary.None);
                    inner.Append(body.Length > 0 ? "sensorMetadata" + body : string.Empty);
                }

                if (element.TryGetProperty("sensorReport", out JsonElement reports) && used.Add("sensorReport"))
                {
                    IEnumerable<JsonElement> items = reports.ValueKind == JsonValueKind.Array ? reports.EnumerateArray() : [reports];
                    inner.AppendJoin(string.Empty, Sorted(items.Select(report => "sensorReport" + Ordered(report, SensorReportFields, Vocabulary.SensorType))));
                }

                inner.AppendJoin(string.Empty, Sorted(Extensions(element, used)));
                return inner.ToString();
            }));
        }

        /// <summary>The given fields of an object in order, then its extension entries sorted.</summary>
        private string Ordered(JsonElement item, string[] fields, Vocabulary typeVocabulary)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (string field in fields)
            {
                Field(text, item, field, field == "type" ? typeVocabulary : Vocabulary.None, used);
            }

            return text.AppendJoin(string.Empty, Sorted(Extensions(item, used))).ToString();
        }

        /// <summary>The entries of the properties not yet consumed, as <c>{namespace}name=value</c> (nested objects and arrays expanded).</summary>
        private IEnumerable<string> Extensions(JsonElement parent, HashSet<string> consumed)
        {
            foreach (JsonProperty property in parent.EnumerateObject())
            {
                if (consumed.Add(property.Name))
                {
                    foreach (string entry in Entries(ExpandKey(property.Name), property.Value))
                    {
                        yield return entry;
                    }
                }
            }
        }

        private IEnumerable<string> Entries(string key, JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Object => [key + string.Concat(Sorted(Extensions(value, new HashSet<string>(StringComparer.Ordinal))))],
            JsonValueKind.Array => value.EnumerateArray().SelectMany(item => Entries(key, item)),
            JsonValueKind.Null => [key],
            _ => [key + "=" + Scalar(value, key, Vocabulary.None)],
        };

        private string ExpandKey(string key)
        {
            int colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && prefixes.TryGetValue(key[..colon], out string? ns))
            {
                return "{" + ns.TrimEnd('/', '#', ':') + "}" + key[(colon + 1)..];
            }

            return key;
        }

        private string Scalar(JsonElement value, string name, Vocabulary vocabulary)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    return Number(value.GetRawText());
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
                case JsonValueKind.String:
                    break;
                default:
                    return string.Empty;
            }

            string text = value.GetString()!.Trim();
            if (text.Length == 0)
            {
                return text;
            }

            if (name.Contains("time", StringComparison.OrdinalIgnoreCase) && !name.Contains("offset", StringComparison.OrdinalIgnoreCase))
            {
                return Time(text);
            }

            if (!text.Contains(':', StringComparison.Ordinal) && VocabularyPrefix(vocabulary) is { } bare)
            {
                return bare + text;
            }

            text = WebVocabulary(text);
            text = Curie(text);
            if (IsPlainNumber(text))
            {
                return Number(text);
            }

            return Gs1DigitalLink.Canonicalise(text);
        }

        private string Curie(string text)
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || text.StartsWith("urn:", StringComparison.Ordinal) || text.StartsWith("http", StringComparison.Ordinal))
            {
                return text;
            }

            return prefixes.TryGetValue(text[..colon], out string? ns) ? ns + text[(colon + 1)..] : text;
        }

        private static string? VocabularyPrefix(Vocabulary vocabulary) => vocabulary switch
        {
            Vocabulary.BizStep => Cbv.WebBase + "BizStep-",
            Vocabulary.Disposition => Cbv.WebBase + "Disp-",
            Vocabulary.BusinessTransactionType => Cbv.WebBase + "BTT-",
            Vocabulary.SourceDestinationType => Cbv.WebBase + "SDT-",
            Vocabulary.ErrorReason => Cbv.WebBase + "ER-",
            Vocabulary.SensorType => "https://gs1.org/voc/",
            _ => null,
        };

        private static string WebVocabulary(string text)
        {
            (string Urn, string Web)[] mappings =
            [
                ("urn:epcglobal:cbv:bizstep:", "BizStep-"),
                ("urn:epcglobal:cbv:disp:", "Disp-"),
                ("urn:epcglobal:cbv:btt:", "BTT-"),
                ("urn:epcglobal:cbv:sdt:", "SDT-"),
                ("urn:epcglobal:cbv:er:", "ER-"),
            ];
            foreach ((string urn, string web) in mappings)
            {
                if (text.StartsWith(urn, StringComparison.Ordinal))
                {
                    return Cbv.WebBase + web + text[urn.Length..];
                }
            }

            return text;
        }

        private static string Time(string text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
            {
                return text;
            }

            long ticks = time.UtcTicks;
            long rounded = (ticks + (TimeSpan.TicksPerMillisecond / 2)) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond;
            return new DateTime(rounded, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        private static bool IsPlainNumber(string text)
        {
            int start = text[0] is '+' or '-' ? 1 : 0;
            int dot = text.IndexOf('.', StringComparison.Ordinal);
            return text.Length > start
                && text.AsSpan(start).IndexOfAnyExcept(NumberCharacters) < 0
                && (dot < 0 || (dot > start && dot < text.Length - 1 && text.IndexOf('.', dot + 1) < 0));
        }

        private static string Number(string text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)
                ? number.ToString("0.############################", CultureInfo.InvariantCulture)
                : text;

        private static void AppendList(StringBuilder text, string name, IEnumerable<string> items)
        {
            List<string> sorted = Sorted(items.Where(item => item.Length > 0));
            if (sorted.Count > 0)
            {
                text.Append(name).AppendJoin(string.Empty, sorted);
            }
        }

        private static List<string> Sorted(IEnumerable<string> items)
        {
            List<string> list = [.. items];
            list.Sort(StringComparer.Ordinal);
            return list;
        }
    }
}
