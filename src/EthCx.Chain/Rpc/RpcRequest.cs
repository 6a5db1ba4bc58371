using System.Text.Json;

namespace EthCx.Chain.Rpc;

/// <summary>
/// A typed JSON-RPC request: the method, a writer for its positional parameters and a reader for
/// its result. <see cref="EthRequests"/> builds the standard ones; build your own for other methods.
/// A request can be sent alone (<see cref="EthRpcClient.SendAsync{T}"/>) or in a <see cref="RpcBatch"/>.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class RpcRequest<T>
{
    private readonly Action<Utf8JsonWriter>? _writeParams;
    private readonly Func<JsonElement, T> _readResult;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The JSON-RPC method name, e.g. <c>eth_getBalance</c>.</param>
    /// <param name="writeParams">Writes the positional parameters as JSON values (the surrounding array is written for you); <see langword="null"/> for none.</param>
    /// <param name="readResult">Converts the <c>result</c> member to <typeparamref name="T"/>; throws <see cref="FormatException"/> when it is malformed.</param>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty.</exception>
    public RpcRequest(string method, Action<Utf8JsonWriter>? writeParams, Func<JsonElement, T> readResult)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(readResult);
        Method = method;
        _writeParams = writeParams;
        _readResult = readResult;
    }

    /// <summary>The JSON-RPC method name.</summary>
    public string Method { get; }

    /// <summary>Writes the request object <c>{"jsonrpc":"2.0","id":..,"method":..,"params":[..]}</c>.</summary>
    internal void Write(Utf8JsonWriter writer, long id)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writer.WriteString("method", Method);
        writer.WriteStartArray("params");
        _writeParams?.Invoke(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads the result, turning any shape error into an <see cref="RpcResponseException"/> naming the method.</summary>
    internal T ReadResult(JsonElement result)
    {
        try
        {
            return _readResult(result);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new RpcResponseException(Method, e.Message, e);
        }
    }
}
