using EthCx.Chain.Primitives;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>
/// The parts the development accounts play in the product-contract tests. Each contract's tests use the parts that
/// contract knows; one account may play a part in each contract (account 1 is the business: manufacturer, merchant
/// and controller; account 6 the customer and data subject).
/// </summary>
public enum Party
{
    /// <summary>Account 0: deployer and DEFAULT_ADMIN_ROLE of the tracker and the points token.</summary>
    Admin,

    /// <summary>Account 1: MANUFACTURER_ROLE of the tracker.</summary>
    Manufacturer,

    /// <summary>Account 2: CARRIER_ROLE of the tracker.</summary>
    Carrier,

    /// <summary>Account 3: DISTRIBUTOR_ROLE of the tracker.</summary>
    Distributor,

    /// <summary>Account 4: RETAILER_ROLE of the tracker.</summary>
    Retailer,

    /// <summary>Account 5: SENSOR_ROLE of the tracker.</summary>
    Sensor,

    /// <summary>Account 1: MERCHANT_ROLE of the points token.</summary>
    Merchant,

    /// <summary>Account 2: MERCHANT_ROLE of the points token (a second coalition member).</summary>
    OtherMerchant,

    /// <summary>Account 6: a loyalty customer.</summary>
    Customer,

    /// <summary>Account 7: another loyalty customer.</summary>
    OtherCustomer,

    /// <summary>Account 1: the business that asks for consent.</summary>
    Controller,

    /// <summary>Account 2: another business.</summary>
    OtherController,

    /// <summary>Account 6: the data subject (the customer's own wallet).</summary>
    Subject,

    /// <summary>Account 9: holds no role and takes no part.</summary>
    Stranger,
}

/// <summary>The development account behind each <see cref="Party"/>.</summary>
internal static class Parties
{
    public static DevAccount Account(this Party party) => DevAccounts.All[party switch
    {
        Party.Admin => 0,
        Party.Manufacturer or Party.Merchant or Party.Controller => 1,
        Party.Carrier or Party.OtherMerchant or Party.OtherController => 2,
        Party.Distributor => 3,
        Party.Retailer => 4,
        Party.Sensor => 5,
        Party.Customer or Party.Subject => 6,
        Party.OtherCustomer => 7,
        Party.Stranger => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "No account plays this part."),
    }];

    public static Address Address(this Party party) => party.Account().Address;

    /// <summary>The distinct accounts behind all parties.</summary>
    public static IReadOnlyList<DevAccount> Accounts { get; } = [.. Enum.GetValues<Party>().Select(Account).Distinct()];
}
