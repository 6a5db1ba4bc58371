using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using EthCx.Chain.Primitives;
using EthCx.Cli.Output;
using EthCx.Services.Configuration;

namespace EthCx.Cli.Domain;

/// <summary>
/// What an EthCx command's body works with: its parse result, the services' options, the <c>--json</c> choice, the
/// progress writer, the session (opened on first use, after the arguments are read, so that a bad argument is named
/// even when the node is down), and the inputs whose hashes a revert should show as the user gave them.
/// </summary>
internal sealed class DomainContext(ParseResult parse, EthCxOptions options, bool json, TextWriter? progress) : IDisposable
{
    private readonly Dictionary<Bytes32, string> _inputs = [];
    private DomainSession? _session;

    /// <summary>The parse result.</summary>
    public ParseResult Parse { get; } = parse;

    /// <summary>The services' options.</summary>
    public EthCxOptions Options { get; } = options;

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json { get; } = json;

    /// <summary>Where progress lines go (stderr), or null.</summary>
    public TextWriter? Progress { get; } = progress;

    /// <summary>Hashes of the command's inputs and how the user gave them.</summary>
    public IReadOnlyDictionary<Bytes32, string> Inputs => _inputs;

    /// <summary>Records that <paramref name="hash"/> is the hash of an input, shown in revert messages as <paramref name="label"/>.</summary>
    public void Name(Bytes32 hash, string label) => _inputs[hash] = label;

    /// <summary>The session, connected on the first call.</summary>
    public async Task<DomainSession> SessionAsync(CancellationToken cancellationToken) =>
        _session ??= await DomainSession.OpenAsync(Options, Progress, cancellationToken).ConfigureAwait(false);

    /// <summary>The result as JSON with <c>--json</c>, else as the readable text.</summary>
    public string Render<T>(T value, JsonTypeInfo<T> typeInfo, Func<T, string> text) => Json ? DomainJson.Serialize(value, typeInfo) : text(value);

    /// <inheritdoc/>
    public void Dispose() => _session?.Dispose();
}
