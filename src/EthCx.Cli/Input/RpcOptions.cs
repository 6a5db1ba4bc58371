using System.CommandLine;
using System.Globalization;
using EthCx.Chain.Rpc;

namespace EthCx.Cli.Input;

/// <summary>
/// cast's connection options: <c>--rpc-url</c> (<c>-r</c>; default <c>ETHCX_RPC_URL</c>, then
/// <c>http://localhost:8545</c> as cast) and <c>--rpc-timeout</c> in seconds.
/// </summary>
internal sealed class RpcOptions
{
    /// <summary>The endpoint used when neither <c>--rpc-url</c> nor <c>ETHCX_RPC_URL</c> is given, as in cast.</summary>
    public const string DefaultUrl = "http://localhost:8545";

    private readonly Option<string?> _url = new("--rpc-url", "-r")
    {
        Description = $"The JSON-RPC endpoint. Default: ${CliEnvironment.RpcUrlVariable}, else {DefaultUrl}.",
        HelpName = "URL",
    };

    private readonly Option<double?> _timeout = new("--rpc-timeout")
    {
        Description = "How long to wait for each answer from the node, in seconds (default 45).",
        HelpName = "RPC_TIMEOUT",
    };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="withTimeout">Whether to add <c>--rpc-timeout</c> (not for commands whose connection the services open).</param>
    public void AddTo(Command command, bool withTimeout = true)
    {
        command.Options.Add(_url);
        if (withTimeout)
        {
            command.Options.Add(_timeout);
        }
    }

    /// <summary>The endpoint the options (or the environment) name.</summary>
    /// <exception cref="CliInputException">The URL is not an absolute http(s) URL.</exception>
    public Uri Url(ParseResult parse, CliEnvironment environment)
    {
        string? option = parse.GetValue(_url);
        string source = option is null && environment.Get(CliEnvironment.RpcUrlVariable) is not null ? CliEnvironment.RpcUrlVariable : "--rpc-url";
        string text = option ?? environment.Get(CliEnvironment.RpcUrlVariable) ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            // The URL may hold an API key: say what is wrong without repeating it.
            throw new CliInputException(source, "not an absolute http or https URL");
        }

        return url;
    }

    /// <summary>Opens a client for the endpoint the options (or the environment) name.</summary>
    /// <exception cref="CliInputException">The URL is not an absolute http(s) URL, or the timeout is not positive.</exception>
    public RpcConnection Connect(ParseResult parse, CliEnvironment environment)
    {
        Uri url = Url(parse, environment);
        double seconds = parse.GetValue(_timeout) ?? 45;
        if (!(seconds > 0) || double.IsInfinity(seconds))
        {
            throw new CliInputException("--rpc-timeout", $"{seconds.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds");
        }

        var transport = new HttpRpcTransport(url) { Timeout = TimeSpan.FromSeconds(seconds) };
        return new RpcConnection(transport);
    }
}
