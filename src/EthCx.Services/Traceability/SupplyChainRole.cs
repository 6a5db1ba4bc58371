using System.Text;
using EthCx.Chain.Primitives;

namespace EthCx.Services.Traceability;

/// <summary>The supply-chain roles of <c>SupplyChainTracker</c>, one per CBV party type, and the sensor role.</summary>
public enum SupplyChainRole
{
    /// <summary>A manufacturer (<c>MANUFACTURER_ROLE</c>): anchors events and creates shipments.</summary>
    Manufacturer,

    /// <summary>A carrier (<c>CARRIER_ROLE</c>).</summary>
    Carrier,

    /// <summary>A distributor (<c>DISTRIBUTOR_ROLE</c>).</summary>
    Distributor,

    /// <summary>A retailer (<c>RETAILER_ROLE</c>).</summary>
    Retailer,

    /// <summary>A registered sensor or oracle (<c>SENSOR_ROLE</c>): sensor summaries and location updates.</summary>
    Sensor,
}

/// <summary>The role identifiers (<c>keccak256</c> of the role name) that the contracts check.</summary>
public static class ContractRoles
{
    /// <summary>The loyalty contract's merchant role, <c>keccak256("MERCHANT_ROLE")</c>.</summary>
    public static Bytes32 Merchant { get; } = Of("MERCHANT_ROLE");

    /// <summary>The Solidity name of a supply-chain role (e.g. <c>CARRIER_ROLE</c>).</summary>
    /// <param name="role">The role.</param>
    /// <returns>The name.</returns>
    public static string NameOf(SupplyChainRole role) => role switch
    {
        SupplyChainRole.Manufacturer => "MANUFACTURER_ROLE",
        SupplyChainRole.Carrier => "CARRIER_ROLE",
        SupplyChainRole.Distributor => "DISTRIBUTOR_ROLE",
        SupplyChainRole.Retailer => "RETAILER_ROLE",
        SupplyChainRole.Sensor => "SENSOR_ROLE",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a supply-chain role."),
    };

    /// <summary>The identifier of a supply-chain role.</summary>
    /// <param name="role">The role.</param>
    /// <returns><c>keccak256</c> of the role's name.</returns>
    public static Bytes32 IdOf(SupplyChainRole role) => Of(NameOf(role));

    private static Bytes32 Of(string name) => Bytes32.Keccak(Encoding.ASCII.GetBytes(name));
}
