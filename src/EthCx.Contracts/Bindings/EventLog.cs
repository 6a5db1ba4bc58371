using EthCx.Chain.Rpc;

namespace EthCx.Contracts.Bindings;

/// <summary>A log decoded as a generated event DTO, with the log itself (block, transaction, position).</summary>
/// <typeparam name="TEvent">The event DTO.</typeparam>
/// <param name="Event">The decoded event.</param>
/// <param name="Log">The log as the node reported it.</param>
public sealed record EventLog<TEvent>(TEvent Event, Log Log);
