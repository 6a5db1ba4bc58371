using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace EthCx.Services.Configuration;

/// <summary>
/// The named networks of a project, as Hardhat's <c>networks</c> and Foundry's <c>[rpc_endpoints]</c> name them: the
/// built-in <c>local</c> and <c>anvil</c>, and any network in configuration section <c>EthCx:Networks</c>, e.g.
/// <code>
/// { "EthCx": { "Networks": { "sepolia": { "RpcUrl": "https://...", "ChainId": 11155111, "PrivateKeyVariable": "SEPOLIA_PRIVATE_KEY" } } } }
/// </code>
/// Keys per network: <c>RpcUrl</c> (required for a new network), <c>ChainId</c> (the chain the node must report),
/// <c>PrivateKeyVariable</c> and <c>MnemonicVariable</c> (the environment variables holding the key). A configured
/// <c>local</c> or <c>anvil</c> entry changes the built-in one key by key. Names are case-insensitive.
/// </summary>
public static class EthCxNetworks
{
    /// <summary>The configuration section holding one subsection per network.</summary>
    public const string SectionName = "EthCx:Networks";

    /// <summary>A Hardhat node (<c>npx hardhat node</c>, <c>scripts/node --port 8545</c>) at its default address: chain 31337, the Hardhat test mnemonic.</summary>
    public static EthCxNetwork Local { get; } = new("local", new Uri("http://127.0.0.1:8545"), EthCxSigners.LocalChainId);

    /// <summary>A Foundry anvil node (<c>anvil</c>) at its default address, which is Hardhat's too: chain 31337, the same test mnemonic.</summary>
    public static EthCxNetwork Anvil { get; } = new("anvil", new Uri("http://127.0.0.1:8545"), EthCxSigners.LocalChainId);

    /// <summary>Every network: the built-in ones, changed and completed by the <c>EthCx:Networks</c> section.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The networks by name (case-insensitive).</returns>
    /// <exception cref="EthCxConfigurationException">A network's setting is missing or malformed; the message names it.</exception>
    public static IReadOnlyDictionary<string, EthCxNetwork> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var networks = new Dictionary<string, EthCxNetwork>(StringComparer.OrdinalIgnoreCase)
        {
            [Local.Name] = Local,
            [Anvil.Name] = Anvil,
        };
        foreach (IConfigurationSection section in configuration.GetSection(SectionName).GetChildren())
        {
            networks[section.Key] = Read(section, networks.GetValueOrDefault(section.Key));
        }

        return networks;
    }

    /// <summary>The network of the given name.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="name">The name, e.g. from <c>--network</c>.</param>
    /// <returns>The network.</returns>
    /// <exception cref="UnknownNetworkException">No network has that name; the message lists the known ones.</exception>
    /// <exception cref="EthCxConfigurationException">A network's setting is missing or malformed.</exception>
    public static EthCxNetwork Select(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        IReadOnlyDictionary<string, EthCxNetwork> networks = Read(configuration);
        return networks.TryGetValue(name, out EthCxNetwork? network)
            ? network
            : throw new UnknownNetworkException(name, [.. networks.Values.Select(n => n.Name).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The configuration of a script without a host: an appsettings-style JSON file (comments allowed) and then the
    /// process's environment variables, which win (<c>EthCx__Networks__sepolia__RpcUrl</c> is the key
    /// <c>EthCx:Networks:sepolia:RpcUrl</c>, as with .NET's environment variables provider).
    /// </summary>
    /// <param name="jsonFile">The file, e.g. <c>ethcx.networks.json</c>; null: the environment only.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="EthCxConfigurationException">The file is missing or is not a JSON object.</exception>
    public static IConfiguration LoadConfiguration(string? jsonFile) => LoadConfiguration(jsonFile, Environment.GetEnvironmentVariables());

    /// <summary>As <see cref="LoadConfiguration(string?)"/>, with the given environment instead of the process's.</summary>
    /// <param name="jsonFile">The file; null: the environment only.</param>
    /// <param name="environment">The environment variables (name to value).</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="EthCxConfigurationException">The file is missing or is not a JSON object.</exception>
    public static IConfiguration LoadConfiguration(string? jsonFile, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (jsonFile is not null)
        {
            ReadJsonFile(jsonFile, values);
        }

        foreach (DictionaryEntry variable in environment)
        {
            values[((string)variable.Key).Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = (string?)variable.Value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static EthCxNetwork Read(IConfigurationSection section, EthCxNetwork? builtIn)
    {
        string setting = section.Path;
        Uri url = section["RpcUrl"] is { Length: > 0 } text
            ? Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new EthCxConfigurationException($"{setting}:RpcUrl", "is not an http(s) URL")
            : builtIn?.RpcUrl ?? throw new EthCxConfigurationException($"{setting}:RpcUrl", "is missing: a network needs its node's URL");
        ulong? chainId = section["ChainId"] is { Length: > 0 } chain
            ? ulong.TryParse(chain, NumberStyles.None, CultureInfo.InvariantCulture, out ulong id) && id > 0
                ? id
                : throw new EthCxConfigurationException($"{setting}:ChainId", $"is '{chain}', not a positive integer")
            : builtIn?.ChainId;
        return new EthCxNetwork(
            builtIn?.Name ?? section.Key,
            url,
            chainId,
            Variable(section, "PrivateKeyVariable") ?? builtIn?.PrivateKeyVariable,
            Variable(section, "MnemonicVariable") ?? builtIn?.MnemonicVariable);
    }

    private static string? Variable(IConfigurationSection section, string key) => section[key] is { Length: > 0 } name ? name : null;

    private static void ReadJsonFile(string path, Dictionary<string, string?> values)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new EthCxConfigurationException(path, $"cannot be read ({e.Message})");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EthCxConfigurationException(path, "is not a JSON object");
            }

            Flatten(document.RootElement, null, values);
        }
        catch (JsonException e)
        {
            throw new EthCxConfigurationException(path, $"is not valid JSON ({e.Message})");
        }
    }

    /// <summary>Configuration keys of a JSON value, as .NET's JSON configuration provider makes them (objects and arrays joined by ':').</summary>
    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : ConfigurationPath.Combine(prefix, property.Name), values);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Flatten(item, ConfigurationPath.Combine(prefix!, index++.ToString(CultureInfo.InvariantCulture)), values);
                }

                break;
            case JsonValueKind.Null:
                values[prefix!] = null;
                break;
            default:
                values[prefix!] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}

/// <summary>No network of the given name is configured; the message lists the known ones.</summary>
public sealed class UnknownNetworkException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="name">The name asked for.</param>
    /// <param name="known">The names of the configured networks.</param>
    public UnknownNetworkException(string name, IReadOnlyList<string> known)
        : base($"Unknown network '{name}'; the configured networks are: {string.Join(", ", known)} (add one under EthCx:Networks).")
    {
        Name = name;
        Known = known;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }

    /// <summary>The names of the configured networks.</summary>
    public IReadOnlyList<string> Known { get; }
}
