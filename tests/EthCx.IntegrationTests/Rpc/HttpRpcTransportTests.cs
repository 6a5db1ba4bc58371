using System.Net;
using System.Net.Sockets;
using System.Text;
using EthCx.Chain.Rpc;

namespace EthCx.IntegrationTests.Rpc;

/// <summary>Transport failures against real sockets on the loopback interface; no node needed.</summary>
public sealed class HttpRpcTransportTests
{
    [Fact]
    public async Task A_port_nobody_listens_on_gives_a_one_line_transport_error_naming_the_url()
    {
        int port = UnusedPort();
        using var transport = new HttpRpcTransport(new Uri($"http://127.0.0.1:{port}"));
        var client = new EthRpcClient(transport);

        RpcTransportException error = await Assert.ThrowsAsync<RpcTransportException>(() => client.ChainIdAsync());

        Assert.Equal($"Could not reach the node at http://127.0.0.1:{port}: Connection refused", error.Message);
        Assert.Equal($"http://127.0.0.1:{port}", error.Endpoint);
        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task A_node_that_never_answers_times_out_naming_method_and_limit()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var transport = new HttpRpcTransport(new Uri($"http://127.0.0.1:{port}/")) { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new EthRpcClient(transport);

        Task<ulong> pending = client.BlockNumberAsync();
        using TcpClient accepted = await listener.AcceptTcpClientAsync();
        RpcTimeoutException error = await Assert.ThrowsAsync<RpcTimeoutException>(() => pending);

        Assert.Equal($"The node at http://127.0.0.1:{port} did not answer eth_blockNumber within 0.3 s.", error.Message);
        Assert.Equal("eth_blockNumber", error.Request);
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var transport = new HttpRpcTransport(new Uri($"http://127.0.0.1:{port}"));
        var client = new EthRpcClient(transport);
        using var cancellation = new CancellationTokenSource();

        Task<ulong> pending = client.BlockNumberAsync(cancellation.Token);
        using TcpClient accepted = await listener.AcceptTcpClientAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task An_http_error_status_is_a_transport_error_with_the_status_and_body()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var transport = new HttpRpcTransport(new Uri($"http://127.0.0.1:{port}/v3/secret-api-key"));
        var client = new EthRpcClient(transport);

        Task<ulong> pending = client.ChainIdAsync();
        await AnswerOnceAsync(listener, "HTTP/1.1 429 Too Many Requests", "rate limited");
        RpcTransportException error = await Assert.ThrowsAsync<RpcTransportException>(() => pending);

        Assert.Equal($"The node at http://127.0.0.1:{port}/... answered eth_chainId with HTTP 429 (Too Many Requests): rate limited", error.Message);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Equal(429, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task An_answer_larger_than_the_limit_is_refused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var transport = new HttpRpcTransport(new Uri($"http://127.0.0.1:{port}")) { MaxResponseBytes = 10 };
        var client = new EthRpcClient(transport);

        Task<ulong> pending = client.ChainIdAsync();
        await AnswerOnceAsync(listener, "HTTP/1.1 200 OK", """{"jsonrpc":"2.0","id":1,"result":"0x7a69"}""");
        RpcTransportException error = await Assert.ThrowsAsync<RpcTransportException>(() => pending);

        Assert.Equal($"The node at http://127.0.0.1:{port} sent more than 10 bytes in answer to eth_chainId; raise HttpRpcTransport.MaxResponseBytes to accept it.", error.Message);
        Assert.False(error.IsTransient);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Accepts one connection, reads the request headers and body, and writes a canned HTTP answer.</summary>
    private static async Task AnswerOnceAsync(TcpListener listener, string statusLine, string body)
    {
        using TcpClient connection = await listener.AcceptTcpClientAsync();
        NetworkStream stream = connection.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer);
            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        byte[] bodyBytes = Encoding.UTF8.GetBytes(body);
        string head = $"{statusLine}\r\nContent-Type: application/json\r\nContent-Length: {bodyBytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bodyBytes);
        await stream.FlushAsync();
    }
}
