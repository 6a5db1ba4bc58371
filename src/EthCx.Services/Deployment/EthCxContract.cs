namespace EthCx.Services.Deployment;

/// <summary>The three EthCx contracts, in the order the deployer deploys them.</summary>
public enum EthCxContract
{
    /// <summary><c>ConsentRegistry</c>: consent records and the purpose-gated interaction trail.</summary>
    ConsentRegistry,

    /// <summary><c>SupplyChainTracker</c>: EPCIS anchoring, shipments, custody and sensor reports.</summary>
    SupplyChainTracker,

    /// <summary><c>LoyaltyPoints</c>: points per purchase, reversals, redemptions and tiers.</summary>
    LoyaltyPoints,
}
