using System.Security.Cryptography;
using System.Text;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.ConsentRegistry;
using EthCx.Contracts.SupplyChainTracker;
using EthCx.Testing;

namespace EthCx.IntegrationTests.Contracts.Product;

/// <summary>
/// No personal data on chain (DOMAIN.md): the contracts offer no place for free text, their events carry only
/// addresses, 32-byte ids and hashes, codes, amounts and times, and a whole customer journey can be recorded with
/// pseudonymous ids (the customer's wallet, keyed hashes of order ids) without the customer's e-mail, name or
/// address, or a plain hash of them, appearing in any transaction or log.
/// </summary>
[Collection(SharedLocalNode.Name)]
public sealed class PersonalDataTests(ProductFixture fixture) : ProductTest(fixture), IClassFixture<ProductFixture>
{
    private const string Email = "alice.example@example.com";
    private const string Name = "Alice Example";
    private const string PostalAddress = "12 Example Street, 1000 Brussels";

    /// <summary>The business's secret key for pseudonymous references (crypto-shredding destroys it).</summary>
    private static readonly byte[] ReferenceKey = SHA256.HashData("test key of the business, never on chain"u8);

    public static TheoryData<string> Contracts => ["contracts/consent/ConsentRegistry.sol", "contracts/supplychain/SupplyChainTracker.sol", "contracts/loyalty/LoyaltyPoints.sol"];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void No_event_can_carry_free_text_or_raw_bytes(string source)
    {
        ContractAbi abi = Artifact(source).Abi;

        Assert.NotEmpty(abi.Events);
        Assert.All(abi.Events.SelectMany(e => e.Parameters.Select(p => (Where: $"{e.Name}.{p.Name}", p.Type))), parameter =>
            Assert.True(IsIdCodeOrAmount(parameter.Type), $"{parameter.Where} is {parameter.Type}"));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void No_operation_takes_free_text_and_raw_bytes_are_only_signatures(string source)
    {
        ContractAbi abi = Artifact(source).Abi;

        Assert.All(abi.Functions.Where(f => f.StateMutability is StateMutability.NonPayable or StateMutability.Payable).SelectMany(f => f.Inputs.Select(p => (Where: $"{f.Name}.{p.Name}", p.Name, p.Type))), input =>
            Assert.True(IsIdCodeOrAmount(input.Type) || (input.Type.Kind == AbiTypeKind.Bytes && input.Name == "signature"), $"{input.Where} is {input.Type}"));
    }

    [Fact]
    public async Task A_whole_customer_journey_puts_no_personal_data_nor_its_plain_hash_on_chain()
    {
        ulong firstBlock = await Rpc.BlockNumberAsync() + 1;
        Address customer = Party.Customer.Address(), business = Party.Controller.Address();
        Bytes32 order = Keyed("order 1001"), shipment = Id("SSCC 003512345000000017");
        string receipt = $$"""{"piiPrincipalId":"{{Email}}","name":"{{Name}}","purpose":"DeliveryOfGoods"}""";
        ConsentRegistryService consent = Consent(Party.Controller);
        SupplyChainTrackerService tracker = Tracker(Party.Manufacturer);

        // Purchase: consent, interaction, points.
        await Consent(Party.Subject).GiveRequestAndWaitForReceiptAsync(business, 2, new ConsentTerms(0b11, 0, 3, Id("privacy notice v1"), Bytes32.Keccak(Encoding.UTF8.GetBytes(receipt))));
        Assert.True(await consent.IsPermittedQueryAsync(customer, business, 2, 0b10));
        await consent.RecordInteractionRequestAndWaitForReceiptAsync(customer, InteractionKind.Purchase, 2, order);
        await Points(Party.Merchant).AwardRequestAndWaitForReceiptAsync(customer, 120, order);

        // Shipment to the customer's wallet: EPCIS anchor, custody, sensor summary, coarse location, delivery.
        await tracker.AnchorEventRequestAndWaitForReceiptAsync(new EpcisEvent(Bytes32.FromBytes(SHA256.HashData("shipping event"u8)), EpcisEventType.Object, 3, 3, 1_767_225_600_000, Id("urn:epc:id:sgtin:0614141.107346.2017"), Id("geohash u0yj")));
        await tracker.CreateShipmentRequestAndWaitForReceiptAsync(shipment, customer, new ConditionProfile(200, 800, 600, 1800));
        await tracker.OfferCustodyRequestAndWaitForReceiptAsync(shipment, Party.Carrier.Address());
        await Tracker(Party.Carrier).AcceptCustodyRequestAndWaitForReceiptAsync(shipment, true);
        ulong now = await NowAsync();
        await Tracker(Party.Sensor).ReportSensorSummaryRequestAndWaitForReceiptAsync(shipment, new SensorSummary(now - 600, now, 400, 600, 500, 0, 0, Id("raw readings")));
        await Tracker(Party.Sensor).UpdateLocationRequestAndWaitForReceiptAsync(shipment, Id("geohash u151"));
        await Tracker(Party.Carrier).OfferCustodyRequestAndWaitForReceiptAsync(shipment, customer);
        await Tracker(Party.Customer).ConfirmDeliveryRequestAndWaitForReceiptAsync(shipment, true);

        // Return and withdrawal.
        await consent.RecordInteractionRequestAndWaitForReceiptAsync(customer, InteractionKind.Return, 2, Keyed("return 1001"));
        await Points(Party.Merchant).ReverseRequestAndWaitForReceiptAsync(order);
        await Consent(Party.Subject).WithdrawRequestAndWaitForReceiptAsync(business, 2);
        await Assert.ThrowsAsync<ConsentNotInForceException>(() => consent.RecordInteractionRequestAndWaitForReceiptAsync(customer, InteractionKind.ServiceContact, 2, Keyed("ticket 1")));

        IReadOnlyList<Log> logs = await Rpc.GetLogsAsync(new LogFilter { Addresses = [Deployment.Consent, Deployment.Tracker, Deployment.Points], FromBlock = firstBlock, ToBlock = BlockParameter.Latest });
        List<byte[]> onChain = [.. logs.SelectMany(log => log.Topics.Select(t => t.ToArray()).Append(log.Data.ToArray()))];
        foreach (ulong number in Enumerable.Range(0, (int)(await Rpc.BlockNumberAsync() - firstBlock + 1)).Select(i => firstBlock + (ulong)i))
        {
            foreach (Bytes32 hash in (await Rpc.GetBlockByNumberAsync(number))!.TransactionHashes)
            {
                onChain.Add((await Rpc.GetTransactionByHashAsync(hash))!.Input.ToArray());
            }
        }

        Assert.True(logs.Count >= 15, $"the journey logged {logs.Count} events");
        foreach ((string what, byte[] pattern) in PersonalData())
        {
            Assert.False(onChain.Any(bytes => bytes.AsSpan().IndexOf(pattern) >= 0), $"{what} is on chain.");
        }
    }

    /// <summary>The personal data and the plain hashes a linker could compute from it.</summary>
    private static IEnumerable<(string What, byte[] Pattern)> PersonalData()
    {
        foreach ((string what, string value) in ((string, string)[])[("the e-mail address", Email), ("the name", Name), ("the postal address", PostalAddress)])
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(value);
            yield return (what, utf8);
            yield return ($"the keccak256 of {what}", Bytes32.Keccak(utf8).ToArray());
            yield return ($"the SHA-256 of {what}", SHA256.HashData(utf8));
        }
    }

    /// <summary>A pseudonymous reference: HMAC-SHA256 under the business's key.</summary>
    private static Bytes32 Keyed(string reference) => Bytes32.FromBytes(HMACSHA256.HashData(ReferenceKey, Encoding.UTF8.GetBytes(reference)));

    /// <summary>Addresses, 32-byte ids or hashes, integer codes, amounts and times, flags, and arrays or tuples of those.</summary>
    private static bool IsIdCodeOrAmount(AbiType type) => type switch
    {
        AbiArray array => IsIdCodeOrAmount(array.Element),
        AbiTuple tuple => tuple.Components.All(c => IsIdCodeOrAmount(c.Type)),
        _ => type.Kind is AbiTypeKind.Address or AbiTypeKind.Bool or AbiTypeKind.UnsignedInteger or AbiTypeKind.SignedInteger
            || type.CanonicalName == "bytes32",
    };

    private static CompiledContract Artifact(string source) => CompiledContract.Load(source, Path.GetFileNameWithoutExtension(source));
}
