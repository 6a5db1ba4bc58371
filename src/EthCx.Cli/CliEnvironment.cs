namespace EthCx.Cli;

/// <summary>
/// The environment variables the commands read (<c>ETHCX_RPC_URL</c>, <c>ETHCX_PRIVATE_KEY</c>,
/// <c>ETHCX_MNEMONIC</c>; the EthCx commands also <c>ETHCX_ACCOUNT_INDEX</c> and <c>ETHCX_DEPLOYMENTS</c>).
/// The process environment by default; tests pass their own so that they need not change the process's.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>The RPC URL used when <c>--rpc-url</c> is not given.</summary>
    public const string RpcUrlVariable = "ETHCX_RPC_URL";

    /// <summary>The private key used when no <c>--private-key</c> or <c>--mnemonic</c> is given.</summary>
    public const string PrivateKeyVariable = "ETHCX_PRIVATE_KEY";

    /// <summary>The mnemonic used when no <c>--private-key</c> or <c>--mnemonic</c> is given (and no private key variable is set).</summary>
    public const string MnemonicVariable = "ETHCX_MNEMONIC";

    /// <summary>The mnemonic account index of the EthCx commands when no <c>--mnemonic-index</c> is given.</summary>
    public const string AccountIndexVariable = "ETHCX_ACCOUNT_INDEX";

    /// <summary>The directory of the deployment manifests when no <c>--deployments</c> is given.</summary>
    public const string DeploymentsVariable = "ETHCX_DEPLOYMENTS";

    private readonly Func<string, string?> _getVariable;

    /// <summary>Creates an environment that reads variables through <paramref name="getVariable"/>.</summary>
    /// <param name="getVariable">Returns a variable's value, or <see langword="null"/> when it is not set.</param>
    public CliEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        _getVariable = getVariable;
    }

    /// <summary>The process's environment variables.</summary>
    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>Reads a variable; blank counts as not set.</summary>
    /// <param name="name">The variable's name.</param>
    /// <returns>The value, trimmed, or <see langword="null"/>.</returns>
    public string? Get(string name)
    {
        string? value = _getVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
