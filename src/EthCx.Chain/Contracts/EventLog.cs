using EthCx.Chain.Rpc;

namespace EthCx.Chain.Contracts;

/// <summary>A log decoded as one event by <see cref="ContractHandler.GetEventsAsync"/>.</summary>
/// <param name="Values">The event's values in its parameter order; an indexed string, bytes, array or tuple is the <see cref="Primitives.Bytes32"/> hash in its topic.</param>
/// <param name="Log">The log as the node reported it (block, transaction, position).</param>
public sealed record EventLog(object?[] Values, Log Log);
