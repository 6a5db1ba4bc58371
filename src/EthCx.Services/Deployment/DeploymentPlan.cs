using EthCx.Chain.Primitives;
using EthCx.Services.Traceability;

namespace EthCx.Services.Deployment;

/// <summary>A supply-chain role to grant to an account.</summary>
/// <param name="Account">The account.</param>
/// <param name="Role">The role.</param>
public sealed record PartyGrant(Address Account, SupplyChainRole Role);

/// <summary>
/// What <see cref="Deployer"/> makes true on a chain: the three contracts (with these constructor arguments), the
/// roles and the tier thresholds. The deploying account becomes the admin of both role-based contracts.
/// </summary>
public sealed record DeploymentPlan
{
    /// <summary>The points token's ERC-20 name, also its EIP-712 domain name. Default "EthCx Points".</summary>
    public string PointsName
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The points token needs a name.", nameof(PointsName)) : value;
    } = "EthCx Points";

    /// <summary>The points token's ERC-20 symbol. Default "ECXP".</summary>
    public string PointsSymbol
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("The points token needs a symbol.", nameof(PointsSymbol)) : value;
    } = "ECXP";

    /// <summary>The delay of a transfer of the admin role (OpenZeppelin's AccessControlDefaultAdminRules). Default 1 day.</summary>
    public TimeSpan AdminTransferDelay
    {
        get;
        init => field = value >= TimeSpan.Zero && value.TotalSeconds < (1UL << 48)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AdminTransferDelay), value, "The admin transfer delay is between 0 and 2^48 - 1 seconds.");
    } = TimeSpan.FromDays(1);

    /// <summary>Accounts to hold the loyalty merchant role (award, reverse, relay redemptions).</summary>
    public IReadOnlyList<Address> Merchants { get; init; } = [];

    /// <summary>Supply-chain roles to grant.</summary>
    public IReadOnlyList<PartyGrant> Parties { get; init; } = [];

    /// <summary>Lifetime earned points that reach tiers 1, 2, ...: at most eight, non-zero, strictly ascending. Default 100, 500, 2000.</summary>
    public IReadOnlyList<uint> TierThresholds
    {
        get;
        init => field = ValidThresholds(value, nameof(TierThresholds));
    } = [100, 500, 2000];

    /// <summary>
    /// The plan of a single business deploying for itself (what <c>ethcx deploy</c> does without options): the deployer
    /// is the loyalty merchant and a retailer party; default token and tiers. Add carriers and sensors with <c>with</c>.
    /// </summary>
    /// <param name="deployer">The deploying account.</param>
    /// <returns>The plan.</returns>
    public static DeploymentPlan ForBusiness(Address deployer) => new()
    {
        Merchants = [deployer],
        Parties = [new PartyGrant(deployer, SupplyChainRole.Retailer)],
    };

    private static IReadOnlyList<uint> ValidThresholds(IReadOnlyList<uint> thresholds, string paramName)
    {
        ArgumentNullException.ThrowIfNull(thresholds, paramName);
        if (thresholds.Count > 8)
        {
            throw new ArgumentException($"At most 8 tier thresholds; {thresholds.Count} were given.", paramName);
        }

        for (int i = 0; i < thresholds.Count; i++)
        {
            if (thresholds[i] == 0 || (i > 0 && thresholds[i] <= thresholds[i - 1]))
            {
                throw new ArgumentException($"Tier thresholds are non-zero and strictly ascending; threshold {i} is {thresholds[i]}.", paramName);
            }
        }

        return [.. thresholds];
    }
}
