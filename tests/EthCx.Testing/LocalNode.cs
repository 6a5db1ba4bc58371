using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EthCx.Chain.Rpc;

namespace EthCx.Testing;

/// <summary>Which development node <see cref="LocalNode"/> starts.</summary>
public enum LocalNodeKind
{
    /// <summary><c>node_modules/.bin/hardhat node</c>, configured by the repository's hardhat.config.js (the default).</summary>
    Hardhat,

    /// <summary><c>node_modules/.bin/anvil</c> (Foundry), pinned to the same hardfork.</summary>
    Anvil,
}

/// <summary>
/// A development node for tests: starts Hardhat (or anvil) on a free loopback port from the
/// repository root, waits until <c>eth_chainId</c> answers, and kills the node's process tree
/// on dispose. Nodes are also killed when the test process exits (a ProcessExit handler) and,
/// should the test process die without running it, by a watchdog that outlives it by at most a
/// second. When <see cref="RpcUrlVariable"/> is set, a Hardhat-kind node is not started: the
/// endpoint it names is used instead.
/// </summary>
public sealed class LocalNode : IAsyncDisposable
{
    /// <summary>The environment variable naming an external endpoint to use instead of starting Hardhat.</summary>
    public const string RpcUrlVariable = "ETHCX_RPC_URL";

    private const int OutputLinesKept = 40;
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly HttpRpcTransport _transport;
    private readonly Process? _process;
    private readonly Process? _watchdog;
    private readonly ConcurrentQueue<string> _output;
    private int _disposed;

    static LocalNode() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private LocalNode(LocalNodeKind kind, Uri url, Process? process, Process? watchdog, ConcurrentQueue<string> output)
    {
        Kind = kind;
        Url = url;
        _process = process;
        _watchdog = watchdog;
        _output = output;
        _transport = new HttpRpcTransport(url);
        Client = new EthRpcClient(_transport);
    }

    /// <summary>The kind of node.</summary>
    public LocalNodeKind Kind { get; }

    /// <summary>The node's JSON-RPC URL.</summary>
    public Uri Url { get; }

    /// <summary>Whether the node is an external endpoint from <see cref="RpcUrlVariable"/> (not started, not stopped by this object).</summary>
    public bool IsExternal => _process is null;

    /// <summary>A client for the node.</summary>
    public EthRpcClient Client { get; }

    /// <summary>The last lines the node printed (empty for an external node), for diagnosing failures.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts a node of the given kind (or, for <see cref="LocalNodeKind.Hardhat"/> with
    /// <see cref="RpcUrlVariable"/> set, connects to that endpoint) and waits until it answers.
    /// </summary>
    /// <param name="kind">The node to start.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running node.</returns>
    /// <exception cref="InvalidOperationException">The node exited or did not answer within 30 s; the message holds its last output.</exception>
    public static async Task<LocalNode> StartAsync(LocalNodeKind kind = LocalNodeKind.Hardhat, CancellationToken cancellationToken = default)
    {
        string? external = Environment.GetEnvironmentVariable(RpcUrlVariable);
        if (kind == LocalNodeKind.Hardhat && !string.IsNullOrWhiteSpace(external))
        {
            var node = new LocalNode(kind, new Uri(external), null, null, new ConcurrentQueue<string>());
            await node.WaitUntilReadyAsync(cancellationToken);
            return node;
        }

        for (int attempt = 1; ; attempt++)
        {
            LocalNode node = Launch(kind, FreeLoopbackPort());
            try
            {
                await node.WaitUntilReadyAsync(cancellationToken);
                return node;
            }
            catch (NodeExitedException) when (attempt < StartAttempts)
            {
                // Most likely another process took the port between probing and binding; try another.
                await node.DisposeAsync();
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Takes an <c>evm_snapshot</c> that is reverted when the returned object is disposed.</summary>
    /// <param name="cancellationToken">Cancels the snapshot request.</param>
    /// <returns>The snapshot; <c>await using var _ = await node.SnapshotAsync();</c> isolates a test.</returns>
    public async Task<NodeSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        string id = await Client.EvmSnapshotAsync(cancellationToken);
        return new NodeSnapshot(Client, id);
    }

    /// <summary>Kills the node's process tree (nothing for an external node) and its watchdog.</summary>
    /// <returns>A task that completes when the node has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _transport.Dispose();
        if (_process is not null)
        {
            Running.TryRemove(_process.Id, out _);
            Kill(_process);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        if (_watchdog is not null)
        {
            Kill(_watchdog);
            await _watchdog.WaitForExitAsync();
            _watchdog.Dispose();
        }
    }

    private static LocalNode Launch(LocalNodeKind kind, int port)
    {
        string host = IPAddress.Loopback.ToString();
        var info = new ProcessStartInfo
        {
            WorkingDirectory = RepoPaths.RepositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        string portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (kind == LocalNodeKind.Hardhat)
        {
            info.FileName = RepoPaths.NodeBin("hardhat");
            info.ArgumentList.Add("node");
            info.ArgumentList.Add("--hostname");
            info.ArgumentList.Add(host);
            info.ArgumentList.Add("--port");
            info.ArgumentList.Add(portText);
        }
        else
        {
            info.FileName = RepoPaths.NodeBin("anvil");
            foreach (string argument in (string[])["--host", host, "--port", portText, "--hardfork", "osaka"])
            {
                info.ArgumentList.Add(argument);
            }
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {info.FileName}.");
        }

        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LocalNode(kind, new Uri($"http://{host}:{portText}"), process, StartWatchdog(process.Id), output);
    }

    /// <summary>
    /// Starts <c>sh</c> polling this test process once a second and killing the node once it is gone,
    /// for the case where the test process dies without running its ProcessExit handlers.
    /// </summary>
    private static Process? StartWatchdog(int nodeId)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; kill -KILL {nodeId} 2>/dev/null");
        return Process.Start(info);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var probeTransport = new HttpRpcTransport(Url) { Timeout = TimeSpan.FromSeconds(2) };
        var probe = new EthRpcClient(probeTransport);
        var deadline = Stopwatch.StartNew();
        Exception? lastError = null;
        while (deadline.Elapsed < StartDeadline)
        {
            if (_process is { HasExited: true })
            {
                throw new NodeExitedException($"The {Kind} node on {Url} exited with code {_process.ExitCode} before answering. Its output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                await probe.ChainIdAsync(cancellationToken);
                return;
            }
            catch (RpcTransportException e)
            {
                lastError = e;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new InvalidOperationException($"The {Kind} node on {Url} did not answer eth_chainId within {StartDeadline.TotalSeconds} s ({lastError?.Message}). Its output:{Environment.NewLine}{RecentOutput}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > OutputLinesKept && output.TryDequeue(out _))
        {
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void KillAll()
    {
        foreach (Process process in Running.Values)
        {
            Kill(process);
        }
    }

    private sealed class NodeExitedException(string message) : InvalidOperationException(message);
}
