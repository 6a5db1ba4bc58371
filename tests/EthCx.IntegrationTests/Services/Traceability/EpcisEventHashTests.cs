using EthCx.Services.Traceability.Epcis;

namespace EthCx.IntegrationTests.Services.Traceability;

public sealed class EpcisEventHashTests
{
    // The event of the reference implementation's vector epcisDocWithSingleEvent (github.com/RalphTro/epcis-event-hash-generator,
    // tests/examples), written here in another property order; its published hash is the expected value.
    private const string ShippingEvent = """
        {
          "type": "ObjectEvent",
          "eventTime": "2022-02-16T20:33:31.116000-06:00",
          "eventTimeZoneOffset": "-06:00",
          "readPoint": { "id": "urn:epc:id:sgln:0614141.07346.1234" },
          "epcList": [ "urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018" ],
          "bizTransactionList": [ { "bizTransaction": "http://transaction.acme.com/po/12345678", "type": "po" } ],
          "disposition": "in_transit",
          "bizStep": "shipping",
          "action": "OBSERVE"
        }
        """;

    private const string ShippingPreHash =
        "eventType=ObjectEventeventTime=2022-02-17T02:33:31.116ZeventTimeZoneOffset=-06:00"
        + "epcListepc=https://id.gs1.org/01/10614141073464/21/2017epc=https://id.gs1.org/01/10614141073464/21/2018"
        + "action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shippingdisposition=https://ref.gs1.org/cbv/Disp-in_transit"
        + "readPointid=https://id.gs1.org/414/0614141073467/254/1234"
        + "bizTransactionListbizTransaction=http://transaction.acme.com/po/12345678type=https://ref.gs1.org/cbv/BTT-po";

    [Fact]
    public void The_reference_vector_gives_the_published_pre_hash_and_hash_id()
    {
        EpcisEvent shipping = EpcisEvent.Parse(ShippingEvent);

        Assert.Equal(ShippingPreHash, shipping.PreHash);
        Assert.Equal("ni:///sha-256;3e0f2437f4cb5e8a1b832b769c0eed1bf3e1421f14061132e9800ded03f10182?ver=CBV2.0", shipping.HashUri);
        Assert.Equal(EpcisEventType.Object, shipping.Type);
        Assert.Equal(BusinessStep.Shipping, shipping.BusinessStep);
        Assert.Equal(Disposition.InTransit, shipping.Disposition);
        Assert.Equal("https://id.gs1.org/414/0614141073467/254/1234", shipping.ReadPoint);
        Assert.Equal(["https://id.gs1.org/01/10614141073464/21/2017", "https://id.gs1.org/01/10614141073464/21/2018"], shipping.What);
    }

    [Fact]
    public void Another_serialisation_of_the_same_event_has_the_same_id()
    {
        const string same = """
            {
              "action": "OBSERVE",
              "bizStep": "urn:epcglobal:cbv:bizstep:shipping",
              "disposition": "https://ref.gs1.org/cbv/Disp-in_transit",
              "epcList": [ "https://example.com/products/01/10614141073464/10/LOT7/21/2018?linkType=all", "https://id.gs1.org/01/10614141073464/21/2017" ],
              "eventTime": "2022-02-17T02:33:31.1161Z",
              "eventTimeZoneOffset": "-06:00",
              "eventID": "urn:uuid:ignored-by-the-hash",
              "recordTime": "2022-02-18T00:00:00Z",
              "readPoint": { "id": "https://id.gs1.org/414/0614141073467/254/1234" },
              "bizTransactionList": [ { "type": "urn:epcglobal:cbv:btt:po", "bizTransaction": " http://transaction.acme.com/po/12345678 " } ],
              "type": "ObjectEvent"
            }
            """;

        Assert.Equal(EpcisEvent.Parse(ShippingEvent).HashId, EpcisEvent.Parse(same).HashId);
    }

    [Theory]
    [InlineData("\"disposition\": \"in_transit\"", "\"disposition\": \"in_progress\"")]
    [InlineData("\"eventTime\": \"2022-02-16T20:33:31.116000-06:00\"", "\"eventTime\": \"2022-02-16T20:33:31.117000-06:00\"")]
    [InlineData("\"urn:epc:id:sgtin:0614141.107346.2018\" ]", "\"urn:epc:id:sgtin:0614141.107346.2018\", \"urn:epc:id:sgtin:0614141.107346.2019\" ]")]
    [InlineData("\"action\": \"OBSERVE\"", "\"action\": \"OBSERVE\", \"example:carrierTrip\": \"T-42\"")]
    public void Any_change_of_a_value_or_a_field_changes_the_id(string from, string to)
    {
        string changed = ShippingEvent.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(ShippingEvent, changed);
        Assert.NotEqual(EpcisEvent.Parse(ShippingEvent).HashId, EpcisEvent.Parse(changed).HashId);
    }

    [Fact]
    public void Quantities_ilmd_sensor_reports_and_extensions_are_written_in_canonical_order()
    {
        const string document = """
            {
              "@context": [ "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", { "example": "https://ns.example.com/epcis/" } ],
              "type": "EPCISDocument",
              "epcisBody": { "eventList": [ {
                "type": "ObjectEvent",
                "eventTime": "2026-03-01T08:00:00+01:00",
                "eventTimeZoneOffset": "+01:00",
                "example:lane": { "example:dock": 4, "example:door": "B" },
                "quantityList": [ { "epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 200.0, "uom": "KGM" },
                                  { "epcClass": "urn:epc:idpat:sgtin:4012345.011111.*", "quantity": 10 } ],
                "action": "ADD",
                "bizStep": "commissioning",
                "ilmd": { "cbvmda:bestBeforeDate": "2026-09-01", "example:batch": "B-17" },
                "sensorElementList": [ {
                  "sensorMetadata": { "deviceID": "urn:epc:id:giai:4000001.111", "time": "2026-03-01T07:59:00Z" },
                  "sensorReport": [ { "value": 4.50, "uom": "CEL", "type": "Temperature" }, { "type": "gs1:Humidity", "value": 12.1, "uom": "A93" } ]
                } ],
                "bizLocation": { "id": "urn:epc:id:sgln:4012345.00001.0" }
              } ] }
            }
            """;

        EpcisEvent commissioning = Assert.Single(EpcisEvent.ParseDocument(document));

        Assert.Equal(
            "eventType=ObjectEventeventTime=2026-03-01T07:00:00.000ZeventTimeZoneOffset=+01:00"
            + "quantityListquantityElementepcClass=https://id.gs1.org/01/04012345111118quantity=10"
            + "quantityElementepcClass=https://id.gs1.org/01/04012345123456/10/998877quantity=200uom=KGM"
            + "action=ADDbizStep=https://ref.gs1.org/cbv/BizStep-commissioning"
            + "bizLocationid=https://id.gs1.org/414/4012345000016"
            + "sensorElementListsensorElementsensorMetadatatime=2026-03-01T07:59:00.000ZdeviceID=https://id.gs1.org/8004/4000001111"
            + "sensorReporttype=https://gs1.org/voc/Humidityvalue=12.1uom=A93"
            + "sensorReporttype=https://gs1.org/voc/Temperaturevalue=4.5uom=CEL"
            + "ilmd{https://ns.example.com/epcis}batch=B-17{urn:epcglobal:cbv:mda}bestBeforeDate=2026-09-01"
            + "{https://ns.example.com/epcis}lane{https://ns.example.com/epcis}dock=4{https://ns.example.com/epcis}door=B",
            commissioning.PreHash);
        Assert.Equal("https://id.gs1.org/414/4012345000016", commissioning.BusinessLocation);
    }

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2017", "https://id.gs1.org/01/10614141073464/21/2017")]
    [InlineData("urn:epc:id:sscc:4012345.1112223334", "https://id.gs1.org/00/140123451122233341")]
    [InlineData("urn:epc:id:sgln:0614141.07346.1234", "https://id.gs1.org/414/0614141073467/254/1234")]
    [InlineData("urn:epc:id:sgln:4012345.00022.0", "https://id.gs1.org/414/4012345000221")]
    [InlineData("urn:epc:id:pgln:4012345.00000", "https://id.gs1.org/417/4012345000009")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877")]
    [InlineData("urn:epc:idpat:sgtin:4012345.012345.*", "https://id.gs1.org/01/04012345123456")]
    [InlineData("urn:epc:id:grai:4012345.99999.XYZ", "https://id.gs1.org/8003/04012345999990XYZ")]
    [InlineData("urn:epc:id:giai:4000001.111", "https://id.gs1.org/8004/4000001111")]
    [InlineData("urn:epc:id:gsrn:4012345.0000000001", "https://id.gs1.org/8018/401234500000000012")]
    [InlineData("urn:epc:id:gdti:4012345.99999.A1", "https://id.gs1.org/253/4012345999990A1")]
    [InlineData("https://brand.example.com/01/4012345123456/10/L1/21/S1?x=1", "https://id.gs1.org/01/04012345123456/21/S1")]
    [InlineData("https://id.gs1.org/01/04012345123456/10/L1", "https://id.gs1.org/01/04012345123456/10/L1")]
    [InlineData("http://transaction.acme.com/po/12345678", "http://transaction.acme.com/po/12345678")]
    [InlineData("urn:epc:id:cpi:0614141.123ABC.123456789", "urn:epc:id:cpi:0614141.123ABC.123456789")]
    [InlineData("geo:47.506694,11.104301", "geo:47.506694,11.104301")]
    public void Identifiers_become_constrained_canonical_digital_links(string identifier, string expected) =>
        Assert.Equal(expected, Gs1DigitalLink.Canonicalise(identifier));

    [Fact]
    public void A_draft_is_written_as_json_ld_and_read_back_with_the_same_fields()
    {
        var time = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1));
        EpcisEvent packing = new EpcisEventDraft(EpcisEventType.Aggregation, time, EpcisAction.Add, BusinessStep.Packing)
        {
            ParentId = "urn:epc:id:sscc:4012345.0000000011",
            Children = ["urn:epc:id:sgtin:4012345.011111.1001", "urn:epc:id:sgtin:4012345.011111.1002"],
            Disposition = Disposition.InProgress,
            ReadPoint = "urn:epc:id:sgln:4012345.00001.0",
            BusinessTransactions = [("po", "urn:epcglobal:cbv:bt:4012345000009:PO-1")],
        }.Build();

        Assert.Equal(EpcisEventType.Aggregation, packing.Type);
        Assert.Equal(time, packing.EventTime);
        Assert.Equal("ADD", packing.Action);
        Assert.Equal("https://id.gs1.org/00/040123450000000115", packing.ParentId);
        Assert.Equal(3, packing.What.Count);
        Assert.True(packing.Mentions("urn:epc:id:sgtin:4012345.011111.1002"));
        Assert.Equal(EpcisEvent.Parse(packing.Json).HashId, packing.HashId);
        Assert.Contains("\"bizStep\": \"packing\"", packing.Json, StringComparison.Ordinal);
        Assert.Equal(EpcisEvent.WhatHashOf("urn:epc:id:sgtin:4012345.011111.1001"), new EpcisEventDraft(EpcisEventType.Object, time, EpcisAction.Observe, BusinessStep.Inspecting) { Epcs = ["https://id.gs1.org/01/04012345111118/21/1001"] }.Build().WhatHash);
    }

    [Fact]
    public void An_event_without_a_type_or_time_is_refused_by_name()
    {
        FormatException noType = Assert.Throws<FormatException>(() => EpcisEvent.Parse("""{ "eventTime": "2026-01-01T00:00:00Z" }"""));
        Assert.Equal("The EPCIS event has no \"type\".", noType.Message);
        FormatException noTime = Assert.Throws<FormatException>(() => EpcisEvent.Parse("""{ "type": "ObjectEvent" }"""));
        Assert.Equal("The ObjectEvent has no \"eventTime\".", noTime.Message);
        FormatException unknown = Assert.Throws<FormatException>(() => EpcisEvent.Parse("""{ "type": "CargoEvent", "eventTime": "2026-01-01T00:00:00Z" }"""));
        Assert.StartsWith("\"CargoEvent\" is not an EPCIS 2.0 event type", unknown.Message, StringComparison.Ordinal);
    }
}
