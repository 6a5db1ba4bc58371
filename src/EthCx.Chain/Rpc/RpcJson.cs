using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>
/// Reads and writes the JSON-RPC encodings of Ethereum values (quantities, data, addresses,
/// hashes) strictly, naming the offending field in every <see cref="FormatException"/>.
/// </summary>
internal static class RpcJson
{
    public static BigInteger ReadQuantity(JsonElement element, string path) =>
        Read(element, path, static text => RpcQuantity.Parse(text));

    public static ulong ReadUInt64(JsonElement element, string path) =>
        Read(element, path, static text => RpcQuantity.ParseUInt64(text));

    public static byte ReadByte(JsonElement element, string path)
    {
        ulong value = ReadUInt64(element, path);
        return value <= byte.MaxValue
            ? (byte)value
            : throw new FormatException($"Field '{path}': {RpcQuantity.Format(value)} does not fit in a byte.");
    }

    public static Address ReadAddress(JsonElement element, string path) => Read(element, path, static text => Address.Parse(text));

    public static Bytes32 ReadBytes32(JsonElement element, string path) =>
        Read(element, path, static text =>
        {
            RequirePrefix(text);
            return Bytes32.Parse(text);
        });

    public static byte[] ReadData(JsonElement element, string path) =>
        Read(element, path, static text =>
        {
            RequirePrefix(text);
            return Hex.Decode(text);
        });

    public static bool ReadBoolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"Field '{path}': expected true or false, found {Describe(element)}."),
    };

    public static string ReadString(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new FormatException($"Field '{path}': expected a string, found {Describe(element)}.");

    public static List<T> ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T> read)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Field '{path}': expected an array, found {Describe(element)}.");
        }

        var list = new List<T>(element.GetArrayLength());
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            list.Add(read(item, $"{path}[{index}]"));
            index++;
        }

        return list;
    }

    public static void WriteQuantity(Utf8JsonWriter writer, BigInteger value) => writer.WriteStringValue(RpcQuantity.Format(value));

    public static void WriteQuantity(Utf8JsonWriter writer, ulong value) => writer.WriteStringValue(RpcQuantity.Format(value));

    public static void WriteData(Utf8JsonWriter writer, ReadOnlySpan<byte> data) => writer.WriteStringValue(Hex.Encode(data));

    public static void WriteAddress(Utf8JsonWriter writer, Address address) => writer.WriteStringValue(address.ToLowerHex());

    public static void WriteBytes32(Utf8JsonWriter writer, Bytes32 value) => writer.WriteStringValue(value.ToString());

    /// <summary>Describes a JSON value for an error message without quoting an unbounded amount of it.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"\"{Truncate(element.GetString()!)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
        _ => Truncate(element.GetRawText()),
    };

    public static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    private static T Read<T>(JsonElement element, string path, Func<string, T> parse)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"Field '{path}': expected a hex string, found {Describe(element)}.");
        }

        try
        {
            return parse(element.GetString()!);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Field '{path}': {e.Message}", e);
        }
    }

    private static void RequirePrefix(string text)
    {
        if (!text.StartsWith("0x", StringComparison.Ordinal))
        {
            throw new FormatException($"'{Truncate(text)}' must start with 0x.");
        }
    }
}

/// <summary>Reads the fields of one JSON object, tracking its path for error messages.</summary>
internal readonly struct RpcObjectReader
{
    private readonly JsonElement _element;
    private readonly string _path;

    public RpcObjectReader(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Field '{path}': expected an object, found {RpcJson.Describe(element)}.");
        }

        _element = element;
        _path = path;
    }

    public BigInteger Quantity(string name) => RpcJson.ReadQuantity(Required(name), PathOf(name));

    public BigInteger? OptionalQuantity(string name) => TryGet(name, out JsonElement value) ? RpcJson.ReadQuantity(value, PathOf(name)) : null;

    public ulong UInt64(string name) => RpcJson.ReadUInt64(Required(name), PathOf(name));

    public ulong? OptionalUInt64(string name) => TryGet(name, out JsonElement value) ? RpcJson.ReadUInt64(value, PathOf(name)) : null;

    public byte? OptionalByte(string name) => TryGet(name, out JsonElement value) ? RpcJson.ReadByte(value, PathOf(name)) : null;

    public Address Address(string name) => RpcJson.ReadAddress(Required(name), PathOf(name));

    public Address? OptionalAddress(string name) => TryGet(name, out JsonElement value) ? RpcJson.ReadAddress(value, PathOf(name)) : null;

    public Bytes32 Bytes32(string name) => RpcJson.ReadBytes32(Required(name), PathOf(name));

    public Bytes32? OptionalBytes32(string name) => TryGet(name, out JsonElement value) ? RpcJson.ReadBytes32(value, PathOf(name)) : null;

    public byte[] Data(string name) => RpcJson.ReadData(Required(name), PathOf(name));

    public bool Boolean(string name) => RpcJson.ReadBoolean(Required(name), PathOf(name));

    public bool OptionalBoolean(string name) => TryGet(name, out JsonElement value) && RpcJson.ReadBoolean(value, PathOf(name));

    public List<T> Array<T>(string name, Func<JsonElement, string, T> read) => RpcJson.ReadArray(Required(name), PathOf(name), read);

    public List<T> OptionalArray<T>(string name, Func<JsonElement, string, T> read) =>
        TryGet(name, out JsonElement value) ? RpcJson.ReadArray(value, PathOf(name), read) : [];

    public string PathOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    private JsonElement Required(string name) =>
        _element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"Field '{PathOf(name)}' is missing.");

    private bool TryGet(string name, out JsonElement value) =>
        _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
