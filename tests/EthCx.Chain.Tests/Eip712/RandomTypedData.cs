using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Tests.Eip712;

/// <summary>
/// Generates random typed-data documents (nested structs, arrays of structs, fixed and nested
/// arrays, every atomic type with edge values, partial domains) as C# values and as the
/// eth_signTypedData_v4 JSON that ethers reads, with integers written in varied forms.
/// </summary>
public sealed class RandomTypedData(int seed)
{
    // Mixed case, '_' and '$' so that the by-name sort in encodeType is exercised (ordinal, as JavaScript sorts).
    private static readonly string[] NamePool = ["Mail", "Person", "Asset", "order", "Item", "Zeta", "alpha", "Beta", "_Hidden", "Group", "Leaf2", "$Dollar", "item"];
    private static readonly string[] Strings = ["", "Hello, Bob!", "é日本🦊", "quote \" backslash \\ tab \t", new string('x', 100), "0x1234"];
    private static readonly string[] AtomicTypes = ["address", "bool", "bytes", "string", "bytes1", "bytes4", "bytes20", "bytes32", "uint8", "uint16", "uint64", "uint256", "int8", "int32", "int128", "int256"];

    private readonly Random _random = new(seed);

    public Document Next(int index)
    {
        int count = _random.Next(1, 5);
        string[] names = [.. NamePool.OrderBy(_ => _random.Next()).Take(count)];
        var fields = names.Select(_ => new List<TypedDataField>()).ToArray();
        for (int i = 0; i < count; i++)
        {
            int memberCount = _random.Next(1, 5);
            for (int m = 0; m < memberCount; m++)
            {
                string baseType = i < count - 1 && _random.Next(3) == 0 ? names[_random.Next(i + 1, count)] : AtomicTypes[_random.Next(AtomicTypes.Length)];
                fields[i].Add(new TypedDataField($"f{m}", WithDimensions(baseType)));
            }
        }

        // ethers wants every type reachable from the primary one (names[0]).
        for (int j = 1; j < count; j++)
        {
            if (!fields.Take(j).SelectMany(list => list).Any(field => BaseOf(field.Type) == names[j]))
            {
                List<TypedDataField> parent = fields[_random.Next(j)];
                parent.Add(new TypedDataField($"f{parent.Count}", WithDimensions(names[j])));
            }
        }

        var types = new TypedDataTypeSet(names.Select((name, i) => new TypedDataType(name, fields[i])));
        Eip712Domain domain = NextDomain();
        var message = (Dictionary<string, object?>)NextValue(types, names[0]);
        return new Document(index, new TypedData(domain, types, names[0], message), ToJson(domain, types, names[0], message));
    }

    private string WithDimensions(string baseType)
    {
        int dimensions = _random.Next(4) switch { 0 => 1, 1 => 2, _ => 0 };
        var type = new StringBuilder(baseType);
        for (int d = 0; d < dimensions; d++)
        {
            type.Append(_random.Next(2) == 0 ? "[]" : $"[{_random.Next(1, 4)}]");
        }

        return type.ToString();
    }

    private static string BaseOf(string type) => type.Split('[')[0];

    private Eip712Domain NextDomain()
    {
        var domain = new Eip712Domain();
        if (_random.Next(2) == 0)
        {
            domain = domain with { Name = Strings[_random.Next(Strings.Length)] };
        }

        if (_random.Next(2) == 0)
        {
            domain = domain with { Version = _random.Next(10).ToString(CultureInfo.InvariantCulture) };
        }

        if (_random.Next(2) == 0)
        {
            domain = domain with { ChainId = _random.Next(3) == 0 ? RandomUnsigned(256) : _random.Next(1, 100_000) };
        }

        if (_random.Next(2) == 0)
        {
            domain = domain with { VerifyingContract = Address.FromBytes(RandomBytes(20)) };
        }

        if (_random.Next(2) == 0)
        {
            domain = domain with { Salt = Bytes32.FromBytes(RandomBytes(32)) };
        }

        return domain;
    }

    private object NextValue(TypedDataTypeSet types, string type)
    {
        if (type.EndsWith(']'))
        {
            int open = type.LastIndexOf('[');
            string length = type[(open + 1)..^1];
            int count = length.Length == 0 ? _random.Next(0, 4) : int.Parse(length, CultureInfo.InvariantCulture);
            return Enumerable.Range(0, count).Select(_ => NextValue(types, type[..open])).ToList();
        }

        if (types.Contains(type))
        {
            return types[type].Fields.ToDictionary(field => field.Name, field => (object?)NextValue(types, field.Type));
        }

        return type switch
        {
            "address" => Address.FromBytes(RandomBytes(20)),
            "bool" => _random.Next(2) == 0,
            "bytes" => RandomBytes(_random.Next(0, 70)),
            "string" => Strings[_random.Next(Strings.Length)],
            _ when type.StartsWith("bytes", StringComparison.Ordinal) => RandomBytes(int.Parse(type.AsSpan(5), CultureInfo.InvariantCulture)),
            _ when type.StartsWith("uint", StringComparison.Ordinal) => RandomUnsigned(int.Parse(type.AsSpan(4), CultureInfo.InvariantCulture)),
            _ => RandomSigned(int.Parse(type.AsSpan(3), CultureInfo.InvariantCulture)),
        };
    }

    private BigInteger RandomUnsigned(int bits) => _random.Next(5) switch
    {
        0 => BigInteger.Zero,
        1 => EvmInteger.MaxUnsigned(bits),
        _ => new BigInteger(RandomBytes((bits / 8) + 1), isUnsigned: true) % (BigInteger.One << _random.Next(1, bits + 1)),
    };

    private BigInteger RandomSigned(int bits) => _random.Next(6) switch
    {
        0 => EvmInteger.MinSigned(bits),
        1 => EvmInteger.MaxSigned(bits),
        2 => BigInteger.MinusOne,
        _ => (_random.Next(2) == 0 ? -1 : 1) * (new BigInteger(RandomBytes(bits / 8), isUnsigned: true) % (BigInteger.One << _random.Next(1, bits))),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string ToJson(Eip712Domain domain, TypedDataTypeSet types, string primaryType, Dictionary<string, object?> message)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("types");
            WriteFields(json, Eip712Domain.TypeName, domain.Fields);
            foreach (TypedDataType type in types)
            {
                WriteFields(json, type.Name, type.Fields);
            }

            json.WriteEndObject();
            json.WriteString("primaryType", primaryType);
            json.WriteStartObject("domain");
            WriteMember(json, "name", domain.Name);
            WriteMember(json, "version", domain.Version);
            WriteMember(json, "chainId", domain.ChainId);
            WriteMember(json, "verifyingContract", domain.VerifyingContract);
            WriteMember(json, "salt", domain.Salt?.ToString());
            json.WriteEndObject();
            json.WritePropertyName("message");
            WriteValue(json, message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFields(Utf8JsonWriter json, string name, IEnumerable<TypedDataField> fields)
    {
        json.WriteStartArray(name);
        foreach (TypedDataField field in fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteString("type", field.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteMember(Utf8JsonWriter json, string name, object? value)
    {
        if (value is not null)
        {
            json.WritePropertyName(name);
            WriteValue(json, value);
        }
    }

    private void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case Dictionary<string, object?> members:
                json.WriteStartObject();
                foreach ((string name, object? member) in members)
                {
                    WriteMember(json, name, member);
                }

                json.WriteEndObject();
                break;
            case List<object> elements:
                json.WriteStartArray();
                elements.ForEach(element => WriteValue(json, element));
                json.WriteEndArray();
                break;
            case BigInteger integer:
                WriteInteger(json, integer);
                break;
            case Address address:
                json.WriteStringValue(_random.Next(2) == 0 ? address.ToString() : address.ToLowerHex());
                break;
            case byte[] bytes:
                json.WriteStringValue(Hex.Encode(bytes));
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            default:
                json.WriteStringValue((string)value);
                break;
        }
    }

    /// <summary>Safe integers sometimes as JSON numbers; otherwise decimal or (signed) 0x-hex strings.</summary>
    private void WriteInteger(Utf8JsonWriter json, BigInteger value)
    {
        int form = _random.Next(3);
        if (form == 0 && BigInteger.Abs(value) < (BigInteger.One << 53))
        {
            json.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else if (form == 1)
        {
            string hex = "0x" + BigInteger.Abs(value).ToString("x", CultureInfo.InvariantCulture);
            json.WriteStringValue(value.Sign < 0 ? "-" + hex : hex);
        }
        else
        {
            json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>One generated document: the C#-built value and its JSON form.</summary>
    public sealed record Document(int Index, TypedData TypedData, string Json);
}
