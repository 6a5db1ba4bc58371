namespace EthCx.Services.Consent;

/// <summary>Consent purposes (contracts/README.md, version 1), after the W3C Data Privacy Vocabulary (DPV).</summary>
public enum ConsentPurpose : ushort
{
    /// <summary>dpv:CustomerCare.</summary>
    CustomerCare = 1,

    /// <summary>dpv:DeliveryOfGoods.</summary>
    DeliveryOfGoods = 2,

    /// <summary>dpv:DirectMarketing.</summary>
    DirectMarketing = 3,

    /// <summary>dpv:Personalisation.</summary>
    Personalisation = 4,

    /// <summary>dpv:CustomerRelationshipManagement (e.g. a loyalty programme).</summary>
    CustomerRelationshipManagement = 5,
}

/// <summary>The personal-data categories a grant covers (a bitmap; contracts/README.md, version 1).</summary>
[Flags]
#pragma warning disable CA1711 // "Elements" is the domain's word (ISO/IEC TS 27560 data elements), not a collection suffix.
public enum DataElements : ulong
#pragma warning restore CA1711
{
    /// <summary>No element.</summary>
    None = 0,

    /// <summary>Contact details (e-mail, phone).</summary>
    Contact = 1UL << 0,

    /// <summary>Postal address.</summary>
    PostalAddress = 1UL << 1,

    /// <summary>Purchase history.</summary>
    PurchaseHistory = 1UL << 2,

    /// <summary>Location.</summary>
    Location = 1UL << 3,

    /// <summary>Preferences.</summary>
    Preferences = 1UL << 4,

    /// <summary>Name.</summary>
    Name = 1UL << 5,

    /// <summary>Payment details.</summary>
    PaymentDetails = 1UL << 6,

    /// <summary>Online identifier.</summary>
    OnlineIdentifier = 1UL << 7,
}

/// <summary>Legal basis / consent type (contracts/README.md, version 1), after DPV.</summary>
public enum LegalBasis : byte
{
    /// <summary>dpv:InformedConsent.</summary>
    InformedConsent = 1,

    /// <summary>dpv:ExpressedConsent.</summary>
    ExpressedConsent = 2,

    /// <summary>dpv:ExplicitlyExpressedConsent.</summary>
    ExplicitlyExpressedConsent = 3,

    /// <summary>dpv:ImpliedConsent.</summary>
    ImpliedConsent = 4,

    /// <summary>dpv:Contract.</summary>
    Contract = 5,

    /// <summary>dpv:LegalObligation.</summary>
    LegalObligation = 6,

    /// <summary>dpv:LegitimateInterest.</summary>
    LegitimateInterest = 7,

    /// <summary>dpv:VitalInterest.</summary>
    VitalInterest = 8,

    /// <summary>dpv:PublicTask.</summary>
    PublicTask = 9,
}
