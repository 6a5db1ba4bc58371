using System.Net;
using System.Net.Http.Headers;

namespace EthCx.Chain.Rpc;

/// <summary>
/// JSON-RPC over HTTP POST. Uses an injected <see cref="HttpClient"/> (for pooling through
/// <c>IHttpClientFactory</c>) or owns one, applies a per-request <see cref="Timeout"/>, and maps
/// failures to <see cref="RpcTransportException"/> and <see cref="RpcTimeoutException"/>. Messages
/// show the endpoint as scheme, host and port only, since RPC URLs often carry an API key in
/// their path or credentials in their user-info.
/// </summary>
public sealed class HttpRpcTransport : IRpcTransport, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly bool _ownsClient;
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private readonly long _maxResponseBytes = 64L * 1024 * 1024;

    /// <summary>Creates a transport that owns its own <see cref="HttpClient"/>, disposed with the transport.</summary>
    /// <param name="endpoint">The node's JSON-RPC URL (http or https).</param>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http(s) URL.</exception>
    public HttpRpcTransport(Uri endpoint)
        : this(endpoint, new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, ownsClient: true)
    {
    }

    /// <summary>Creates a transport over a borrowed <see cref="HttpClient"/>, which the transport never disposes.</summary>
    /// <param name="endpoint">The node's JSON-RPC URL (http or https).</param>
    /// <param name="httpClient">The client; its own <see cref="HttpClient.Timeout"/> also applies, so leave it longer than <see cref="Timeout"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http(s) URL.</exception>
    public HttpRpcTransport(Uri endpoint, HttpClient httpClient)
        : this(endpoint, httpClient, ownsClient: false)
    {
    }

    private HttpRpcTransport(Uri endpoint, HttpClient httpClient, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(httpClient);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            if (ownsClient)
            {
                httpClient.Dispose();
            }

            throw new ArgumentException($"The JSON-RPC endpoint must be an absolute http or https URL, not '{endpoint.Scheme}'.", nameof(endpoint));
        }

        Endpoint = endpoint;
        DisplayEndpoint = Redact(endpoint);
        _httpClient = httpClient;
        _ownsClient = ownsClient;
    }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri Endpoint { get; }

    /// <summary>The endpoint as error messages show it: scheme, host and port, with <c>/...</c> standing for a hidden path.</summary>
    public string DisplayEndpoint { get; }

    /// <summary>
    /// The longest a request may take, from sending to the last byte of the answer; 30 s by
    /// default. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables the limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than infinite).</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The request timeout must be positive or infinite.");
            }

            _timeout = value;
        }
    }

    /// <summary>The largest answer accepted, in bytes; 64 MiB by default. Guards against an endpoint that streams without end.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxResponseBytes = value;
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> request, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeoutSource.CancelAfter(_timeout);
        }

        try
        {
            using var content = new ReadOnlyMemoryContent(request);
            content.Headers.ContentType = JsonContentType;
            using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
            using HttpResponseMessage response = await _httpClient
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token)
                .ConfigureAwait(false);
            byte[] body = await ReadBodyAsync(response.Content, description, timeoutSource.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw StatusError(response, body, description);
            }

            return body;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timer fired, or a borrowed HttpClient's own Timeout did (it throws TaskCanceledException too).
            TimeSpan limit = timeoutSource.IsCancellationRequested ? _timeout : _httpClient.Timeout;
            throw new RpcTimeoutException(DisplayEndpoint, description, limit, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RpcTransportException(DisplayEndpoint, $"Could not reach the node at {DisplayEndpoint}: {Innermost(e).Message}", isTransient: true, e);
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this transport created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _httpClient.Dispose();
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpContent content, string description, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is long declared && declared > _maxResponseBytes)
        {
            throw TooLarge(description);
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxResponseBytes)
                {
                    throw TooLarge(description);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private RpcTransportException TooLarge(string description) =>
        new(DisplayEndpoint, $"The node at {DisplayEndpoint} sent more than {_maxResponseBytes} bytes in answer to {description}; raise {nameof(HttpRpcTransport)}.{nameof(MaxResponseBytes)} to accept it.", isTransient: false);

    private RpcTransportException StatusError(HttpResponseMessage response, byte[] body, string description)
    {
        int status = (int)response.StatusCode;
        string excerpt = body.Length == 0 ? "(empty body)" : RpcJson.Truncate(System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" "));
        bool transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        return new RpcTransportException(
            DisplayEndpoint,
            $"The node at {DisplayEndpoint} answered {description} with HTTP {status} ({response.ReasonPhrase}): {excerpt}",
            transient)
        {
            StatusCode = status,
        };
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private static string Redact(Uri endpoint)
    {
        string authority = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        bool hasPath = endpoint.AbsolutePath.Length > 1 || endpoint.Query.Length > 0;
        return $"{endpoint.Scheme}://{authority}{(hasPath ? "/..." : "")}";
    }
}
