namespace EthCx.Services.Traceability.Epcis;

/// <summary>The five EPCIS 2.0 event types (the tracker stores them as these codes).</summary>
public enum EpcisEventType : byte
{
    /// <summary>ObjectEvent.</summary>
#pragma warning disable CA1720 // The EPCIS name of the event type.
    Object = 0,
#pragma warning restore CA1720

    /// <summary>AggregationEvent.</summary>
    Aggregation = 1,

    /// <summary>TransactionEvent.</summary>
    Transaction = 2,

    /// <summary>TransformationEvent.</summary>
    Transformation = 3,

    /// <summary>AssociationEvent.</summary>
    Association = 4,
}
