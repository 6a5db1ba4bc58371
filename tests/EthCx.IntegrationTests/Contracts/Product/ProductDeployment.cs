using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Contracts.LoyaltyPoints;
using EthCx.Contracts.SupplyChainTracker;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>The role ids of the tracker and the points token: keccak256 of the role's name (checked against the contracts' constants).</summary>
internal static class Roles
{
    public static Bytes32 DefaultAdmin { get; } = Bytes32.Zero;

    public static Bytes32 Manufacturer { get; } = Bytes32.Keccak("MANUFACTURER_ROLE"u8);

    public static Bytes32 Carrier { get; } = Bytes32.Keccak("CARRIER_ROLE"u8);

    public static Bytes32 Distributor { get; } = Bytes32.Keccak("DISTRIBUTOR_ROLE"u8);

    public static Bytes32 Retailer { get; } = Bytes32.Keccak("RETAILER_ROLE"u8);

    public static Bytes32 Sensor { get; } = Bytes32.Keccak("SENSOR_ROLE"u8);

    public static Bytes32 Merchant { get; } = Bytes32.Keccak("MERCHANT_ROLE"u8);

    /// <summary>The tracker role each party holds after deployment (none for the admin and the stranger).</summary>
    public static IReadOnlyDictionary<Party, Bytes32> TrackerRoles { get; } = new Dictionary<Party, Bytes32>
    {
        [Party.Manufacturer] = Manufacturer,
        [Party.Carrier] = Carrier,
        [Party.Distributor] = Distributor,
        [Party.Retailer] = Retailer,
        [Party.Sensor] = Sensor,
    };
}

/// <summary>
/// The three product contracts deployed through their generated services by <see cref="Party.Admin"/>: the consent
/// registry (permissionless), the tracker with one CBV party role per party and SENSOR_ROLE for the sensor, and the
/// points token with <see cref="Party.Merchant"/> and <see cref="Party.OtherMerchant"/> as merchants.
/// </summary>
/// <param name="Consent">The ConsentRegistry.</param>
/// <param name="Tracker">The SupplyChainTracker.</param>
/// <param name="Points">The LoyaltyPoints token.</param>
public sealed record ProductDeployment(Address Consent, Address Tracker, Address Points)
{
    /// <summary>The delay of a DEFAULT_ADMIN_ROLE transfer, in seconds (one day).</summary>
    public const ulong AdminDelay = 86_400;

    /// <summary>The points token's name, also its EIP-712 domain name.</summary>
    public const string TokenName = "EthCx Points";

    /// <summary>The points token's symbol.</summary>
    public const string TokenSymbol = "PTS";

    /// <summary>Deploys the three contracts and grants the roles.</summary>
    /// <param name="rpc">The node.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The addresses.</returns>
    public static async Task<ProductDeployment> DeployAsync(EthRpcClient rpc, CancellationToken cancellationToken = default)
    {
        ChainClient admin = await ChainClient.ConnectAsync(rpc, TestSigners.Of(Party.Admin.Account().Index), cancellationToken: cancellationToken);
        Address adminAddress = Party.Admin.Address();

        DeploymentResult consent = await ConsentRegistryService.DeployContractAndWaitForReceiptAsync(admin, cancellationToken);
        SupplyChainTrackerService tracker = await SupplyChainTrackerService.DeployContractAndGetServiceAsync(admin, AdminDelay, adminAddress, cancellationToken);
        LoyaltyPointsService points = await LoyaltyPointsService.DeployContractAndGetServiceAsync(admin, TokenName, TokenSymbol, AdminDelay, adminAddress, cancellationToken);

        // Sent back to back (the nonce manager orders them), then awaited.
        var grants = new List<Bytes32>();
        foreach ((Party party, Bytes32 role) in Roles.TrackerRoles)
        {
            grants.Add(await tracker.GrantRoleRequestAsync(role, party.Address(), cancellationToken));
        }

        grants.Add(await points.GrantRoleRequestAsync(Roles.Merchant, Party.Merchant.Address(), cancellationToken));
        grants.Add(await points.GrantRoleRequestAsync(Roles.Merchant, Party.OtherMerchant.Address(), cancellationToken));
        foreach (Bytes32 grant in grants)
        {
            await admin.WaitForReceiptAsync(grant, cancellationToken: cancellationToken);
        }

        return new ProductDeployment(consent.Address, tracker.ContractAddress, points.ContractAddress);
    }
}
