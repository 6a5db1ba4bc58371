using System.Text;
using EthCx.Chain.Primitives;
using EthCx.Services.Traceability;

namespace EthCx.Services;

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
