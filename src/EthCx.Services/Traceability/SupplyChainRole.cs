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
