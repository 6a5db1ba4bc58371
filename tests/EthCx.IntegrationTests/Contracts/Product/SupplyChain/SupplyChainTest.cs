using System.Security.Cryptography;
using System.Text;
using EthCx.Chain.Eip712;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.SupplyChainTracker;

namespace EthCx.IntegrationTests.Contracts.Product.SupplyChain;

/// <summary>Codes and helpers of the supply-chain tests (CBV code tables in contracts/README.md).</summary>
public abstract class SupplyChainTest(ProductFixture fixture) : ProductTest(fixture)
{
    protected const byte Commissioning = 1;
    protected const byte Shipping = 3;
    protected const byte Receiving = 6;
    protected const byte Active = 1;
    protected const byte InTransit = 3;
    protected const byte DidNotOccur = 1;
    protected const byte IncorrectData = 2;

    /// <summary>A vaccine cold chain: 2 to 8 °C, no single excursion over 10 minutes, 30 minutes out of range in all.</summary>
    protected static ConditionProfile ColdChain { get; } = new(200, 800, 600, 1800);

    protected static Bytes32 ShipmentId { get; } = Id("SSCC 003512345000000017");

    /// <summary>An EPCIS event: its hash id is the SHA-256 of <paramref name="label"/> (standing in for the canonical event).</summary>
    protected static EpcisEvent Event(string label, byte bizStep = Commissioning, byte disposition = Active, EpcisEventType type = EpcisEventType.Object) =>
        new(Bytes32.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(label))), type, bizStep, disposition, 1_767_225_600_000, Id("urn:epc:id:sgtin:0614141.107346.2017"), Id("geohash u0yj"));

    /// <summary>A sensor summary of [<paramref name="start"/>, <paramref name="end"/>) within the cold-chain range unless said otherwise.</summary>
    protected static SensorSummary Summary(ulong start, ulong end, uint secondsOutOfRange = 0, uint longestExcursion = 0, short min = 300, short max = 700, short mean = 500) =>
        new(start, end, min, max, mean, secondsOutOfRange, longestExcursion, Id($"raw readings {start}-{end}"));

    /// <summary>Creates <see cref="ShipmentId"/> from the manufacturer to the retailer with the cold-chain profile.</summary>
    protected Task<TransactionReceipt> CreateShipmentAsync(Party sender = Party.Manufacturer, Party receiver = Party.Retailer) =>
        Tracker(sender).CreateShipmentRequestAndWaitForReceiptAsync(ShipmentId, receiver.Address(), ColdChain);

    /// <summary>Moves custody of <see cref="ShipmentId"/> from <paramref name="from"/> to <paramref name="to"/>: offer, then acceptance.</summary>
    protected async Task<TransactionReceipt> HandOverAsync(Party from, Party to, bool asConformant = true)
    {
        await Tracker(from).OfferCustodyRequestAndWaitForReceiptAsync(ShipmentId, to.Address());
        return await Tracker(to).AcceptCustodyRequestAndWaitForReceiptAsync(ShipmentId, asConformant);
    }

    /// <summary>The tracker's EIP-712 domain on this chain.</summary>
    protected Eip712Domain Domain => TypedSignatures.Domain(TypedSignatures.TrackerDomainName, Client(Party.Admin).ChainId, Deployment.Tracker);

    /// <summary><paramref name="party"/>'s signed acceptance of <see cref="ShipmentId"/> with the party's current nonce.</summary>
    protected async Task<byte[]> SignAcceptanceAsync(Party party, bool asConformant, ulong deadline, Eip712Domain? domain = null) =>
        TypedSignatures.Sign(party, domain ?? Domain, TypedSignatures.AcceptCustody,
            ShipmentId, party.Address(), asConformant, await Tracker(party).NoncesQueryAsync(party.Address()), deadline).ToBytes();
}
