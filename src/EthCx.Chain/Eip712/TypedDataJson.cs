using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Eip712;

/// <summary>Reads and writes the <c>eth_signTypedData_v4</c> JSON form through the JSON DOM and writer (no reflection).</summary>
internal static class TypedDataJson
{
    /// <summary>2^53 - 1: larger chain ids are written as strings so JavaScript readers keep them exact.</summary>
    private const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>Reads <c>{"types", "primaryType", "domain", "message"}</c>.</summary>
    public static TypedData Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "$");
        _ = UniqueProperties(root, null).Count(); // a repeated top-level key could show one message and sign another

        JsonElement typesJson = Required(root, "types");
        Expect(typesJson, JsonValueKind.Object, "types");
        JsonElement primaryType = Required(root, "primaryType");
        Expect(primaryType, JsonValueKind.String, "primaryType");
        JsonElement domainJson = Required(root, "domain");
        JsonElement messageJson = Required(root, "message");
        Expect(messageJson, JsonValueKind.Object, "message");

        Eip712Domain domain = ReadDomain(domainJson);
        var types = new List<TypedDataType>();
        foreach (JsonProperty type in UniqueProperties(typesJson, "types"))
        {
            List<TypedDataField> fields = ReadFields(type.Value, $"types.{type.Name}");
            if (type.Name == Eip712Domain.TypeName)
            {
                CheckDomainType(fields, domain);
            }
            else
            {
                types.Add(new TypedDataType(type.Name, fields));
            }
        }

        var message = (IReadOnlyDictionary<string, object?>)ToValue(messageJson, "message")!;
        return new TypedData(domain, new TypedDataTypeSet(types), primaryType.GetString()!, message);
    }

    /// <summary>
    /// Writes <c>{"types", "primaryType", "domain", "message"}</c> with <c>types.EIP712Domain</c>
    /// included; integers as decimal strings (a chain id up to 2^53 - 1 as a JSON number),
    /// addresses checksummed, bytes as <c>0x</c> hex.
    /// </summary>
    public static void Write(TypedData typedData, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartObject("types");
        WriteFields(json, Eip712Domain.TypeName, typedData.Domain.Fields);
        foreach (TypedDataType type in typedData.Types)
        {
            WriteFields(json, type.Name, type.Fields);
        }

        json.WriteEndObject();
        json.WriteString("primaryType", typedData.PrimaryType);
        WriteDomain(json, typedData.Domain);
        json.WritePropertyName("message");
        WriteValue(json, typedData.Types, new StructFieldType(typedData.PrimaryType), typedData.Message, typedData.PrimaryType);
        json.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter json, string typeName, IEnumerable<TypedDataField> fields)
    {
        json.WriteStartArray(typeName);
        foreach (TypedDataField field in fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteString("type", field.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteDomain(Utf8JsonWriter json, Eip712Domain domain)
    {
        json.WriteStartObject("domain");
        if (domain.Name is not null)
        {
            json.WriteString("name", domain.Name);
        }

        if (domain.Version is not null)
        {
            json.WriteString("version", domain.Version);
        }

        if (domain.ChainId is BigInteger chainId)
        {
            if (chainId <= MaxSafeInteger)
            {
                json.WriteNumber("chainId", (long)chainId);
            }
            else
            {
                json.WriteString("chainId", chainId.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (domain.VerifyingContract is Address verifyingContract)
        {
            json.WriteString("verifyingContract", verifyingContract.ToString());
        }

        if (domain.Salt is Bytes32 salt)
        {
            json.WriteString("salt", salt.ToString());
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, TypedDataTypeSet types, FieldType type, object? value, string path)
    {
        switch (type)
        {
            case StructFieldType reference:
                TypedDataType structType = types[reference.Name];
                var members = (IReadOnlyDictionary<string, object?>)value!;
                json.WriteStartObject();
                for (int i = 0; i < structType.Fields.Count; i++)
                {
                    string name = structType.Fields[i].Name;
                    json.WritePropertyName(name);
                    WriteValue(json, types, structType.ParsedFields[i], members[name], $"{path}.{name}");
                }

                json.WriteEndObject();
                break;
            case ArrayFieldType array:
                json.WriteStartArray();
                int index = 0;
                foreach (object? element in (System.Collections.IEnumerable)value!)
                {
                    WriteValue(json, types, array.Element, element, $"{path}[{index++}]");
                }

                json.WriteEndArray();
                break;
            case AtomicFieldType atomic:
                WriteAtomic(json, atomic, value!, path);
                break;
        }
    }

    private static void WriteAtomic(Utf8JsonWriter json, AtomicFieldType type, object value, string path)
    {
        switch (type.Kind)
        {
            case AtomicKind.UInt:
            case AtomicKind.Int:
                json.WriteStringValue(AtomicEncoder.ReadInteger(value, type.Text, path).ToString(CultureInfo.InvariantCulture));
                break;
            case AtomicKind.Address:
                json.WriteStringValue(AtomicEncoder.ReadAddress(value, path).ToString());
                break;
            case AtomicKind.Bool:
                json.WriteBooleanValue((bool)value);
                break;
            case AtomicKind.FixedBytes:
            case AtomicKind.Bytes:
                json.WriteStringValue(Hex.Encode(AtomicEncoder.ReadBytes(value, type.Text, path)));
                break;
            default:
                json.WriteStringValue((string)value);
                break;
        }
    }

    private static Eip712Domain ReadDomain(JsonElement json)
    {
        Expect(json, JsonValueKind.Object, "domain");
        var domain = new Eip712Domain();
        foreach (JsonProperty member in UniqueProperties(json, "domain"))
        {
            string path = $"domain.{member.Name}";
            JsonElement value = member.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            domain = member.Name switch
            {
                "name" => domain with { Name = ReadString(value, path) },
                "version" => domain with { Version = ReadString(value, path) },
                "chainId" => domain with { ChainId = ReadChainId(value, path) },
                "verifyingContract" => domain with { VerifyingContract = AtomicEncoder.ReadAddress(ReadString(value, path), path) },
                "salt" => domain with { Salt = ReadSalt(value, path) },
                _ => throw new TypedDataException(path, "not an EIP712Domain member (name, version, chainId, verifyingContract, salt)."),
            };
        }

        return domain;
    }

    private static BigInteger ReadChainId(JsonElement value, string path)
    {
        object number = value.ValueKind switch
        {
            JsonValueKind.Number => ReadNumber(value, path),
            JsonValueKind.String => ReadString(value, path),
            _ => throw new TypedDataException(path, $"expected a JSON number or string, got {Describe(value.ValueKind)}."),
        };
        BigInteger chainId = AtomicEncoder.ReadInteger(number, "uint256", path);
        return EvmInteger.FitsUnsigned(chainId, 256)
            ? chainId
            : throw new TypedDataException(path, $"value {chainId} is out of range for uint256.");
    }

    private static Bytes32 ReadSalt(JsonElement value, string path)
    {
        byte[] salt = AtomicEncoder.ParseHex(ReadString(value, path), path);
        return salt.Length == Bytes32.Length
            ? Bytes32.Wrap(salt)
            : throw new TypedDataException(path, $"bytes32 needs 32 bytes, got {salt.Length}.");
    }

    /// <summary>Checks that a declared <c>EIP712Domain</c> type is the one the domain's members imply.</summary>
    private static void CheckDomainType(List<TypedDataField> declared, Eip712Domain domain)
    {
        string declaredType = TypedDataType.Format(Eip712Domain.TypeName, declared);
        string domainType = domain.EncodeType();
        if (declaredType != domainType)
        {
            throw new TypedDataException($"types.{Eip712Domain.TypeName}", $"declares {declaredType} but the domain's members give {domainType}.");
        }
    }

    private static List<TypedDataField> ReadFields(JsonElement json, string path)
    {
        Expect(json, JsonValueKind.Array, path);
        var fields = new List<TypedDataField>(json.GetArrayLength());
        int index = 0;
        foreach (JsonElement field in json.EnumerateArray())
        {
            string fieldPath = $"{path}[{index++}]";
            Expect(field, JsonValueKind.Object, fieldPath);
            fields.Add(new TypedDataField(
                ReadString(Required(field, "name", fieldPath), $"{fieldPath}.name"),
                ReadString(Required(field, "type", fieldPath), $"{fieldPath}.type")));
        }

        return fields;
    }

    /// <summary>Converts a JSON value into the CLR value forms <see cref="TypedDataTypeSet"/> accepts.</summary>
    private static object? ToValue(JsonElement json, string path) => json.ValueKind switch
    {
        JsonValueKind.Object => UniqueProperties(json, path).ToDictionary(member => member.Name, member => ToValue(member.Value, $"{path}.{member.Name}"), StringComparer.Ordinal),
        JsonValueKind.Array => json.EnumerateArray().Select((element, index) => ToValue(element, $"{path}[{index}]")).ToList(),
        JsonValueKind.String => ReadString(json, path),
        JsonValueKind.Number => ReadNumber(json, path),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>A JSON number as an exact integer: <c>1.0</c>, <c>1e3</c> and fractions are refused.</summary>
    private static BigInteger ReadNumber(JsonElement json, string path)
    {
        string raw = json.GetRawText();
        return !Hex.HasPrefix(raw.AsSpan().TrimStart('-')) && AtomicEncoder.TryParseInteger(raw, out BigInteger value)
            ? value
            : throw new TypedDataException(path, $"JSON number {AtomicEncoder.Quote(raw)} is not an integer of at most 78 digits; write it as a decimal string.");
    }

    private static string ReadString(JsonElement json, string path)
    {
        Expect(json, JsonValueKind.String, path);
        try
        {
            return json.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new TypedDataException(path, "string is not valid UTF-16.", error);
        }
    }

    /// <summary>The properties of an object, refusing a repeated key (which readers resolve differently).</summary>
    private static IEnumerable<JsonProperty> UniqueProperties(JsonElement json, string? path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty member in json.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                throw new TypedDataException(path is null ? member.Name : $"{path}.{member.Name}", "duplicate key.");
            }

            yield return member;
        }
    }

    private static JsonElement Required(JsonElement json, string name, string? parent = null)
    {
        string path = parent is null ? name : $"{parent}.{name}";
        return json.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new TypedDataException(path, "required member is missing.");
    }

    private static void Expect(JsonElement json, JsonValueKind kind, string path)
    {
        if (json.ValueKind != kind)
        {
            throw new TypedDataException(path, $"expected a JSON {Describe(kind)}, got {Describe(json.ValueKind)}.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
