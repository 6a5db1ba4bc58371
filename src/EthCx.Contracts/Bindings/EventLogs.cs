using EthCx.Chain.Abi;
using EthCx.Chain.Contracts;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Contracts.Bindings;

/// <summary>Turns logs into generated event DTOs, for the generated services and event DTOs.</summary>
public static class EventLogs
{
    /// <summary>Converts the handler's decoded logs into typed ones.</summary>
    /// <typeparam name="TEvent">The event DTO.</typeparam>
    /// <param name="logs">Logs decoded by <see cref="ContractHandler.GetEventsAsync"/>.</param>
    /// <param name="convert">The DTO's <c>FromAbiValues</c>.</param>
    /// <returns>The typed logs, in the same order.</returns>
    public static IReadOnlyList<EventLog<TEvent>> Convert<TEvent>(IReadOnlyList<EventLog> logs, Func<IReadOnlyList<object?>, TEvent> convert)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(convert);
        var typed = new EventLog<TEvent>[logs.Count];
        for (int i = 0; i < typed.Length; i++)
        {
            typed[i] = new EventLog<TEvent>(convert(logs[i].Values), logs[i].Log);
        }

        return typed;
    }

    /// <summary>
    /// <c>eth_getLogs</c> for an anonymous event of a contract. Its logs have no topic 0, so the node returns every
    /// log of the contract that the indexed values match; the ones with another number of topics, or whose topics
    /// or data do not decode as the event, are skipped (see <see cref="DecodeAll"/>).
    /// </summary>
    /// <typeparam name="TEvent">The event DTO.</typeparam>
    /// <param name="handler">The contract.</param>
    /// <param name="abiEvent">The anonymous event.</param>
    /// <param name="topicFilter">Per indexed parameter, in order: the accepted topics, or null for any.</param>
    /// <param name="fromBlock">The first block searched.</param>
    /// <param name="toBlock">The last block searched.</param>
    /// <param name="convert">The DTO's <c>FromAbiValues</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decoded logs, in chain order.</returns>
    /// <exception cref="ArgumentException"><paramref name="abiEvent"/> is not anonymous.</exception>
    public static async Task<IReadOnlyList<EventLog<TEvent>>> GetAnonymousAsync<TEvent>(
        ContractHandler handler,
        AbiEvent abiEvent,
        IReadOnlyList<IReadOnlyList<Bytes32>?> topicFilter,
        BlockParameter fromBlock,
        BlockParameter toBlock,
        Func<IReadOnlyList<object?>, TEvent> convert,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(abiEvent);
        if (!abiEvent.Anonymous)
        {
            throw new ArgumentException($"Event {abiEvent.Signature} is not anonymous: use ContractHandler.GetEventsAsync, which filters by topic 0.", nameof(abiEvent));
        }

        var filter = new LogFilter { Addresses = [handler.Address], Topics = topicFilter, FromBlock = fromBlock, ToBlock = toBlock };
        IReadOnlyList<Log> logs = await handler.Client.Rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return DecodeAll(logs, abiEvent, convert, handler.Address);
    }

    /// <summary>
    /// Decodes the logs of one event among <paramref name="logs"/> (e.g. a receipt's), skipping the others: a log
    /// matches when its topic 0 is the event's and it has the event's number of topics. An anonymous event has no
    /// topic 0, so every log with its number of topics whose data decodes as the event matches.
    /// </summary>
    /// <typeparam name="TEvent">The event DTO.</typeparam>
    /// <param name="logs">The logs.</param>
    /// <param name="abiEvent">The event.</param>
    /// <param name="convert">The DTO's <c>FromAbiValues</c>.</param>
    /// <param name="emitter">Only logs of this contract, or null for any contract.</param>
    /// <returns>The matching logs, decoded, in order.</returns>
    /// <exception cref="AbiDecodingException">A log of a non-anonymous event matches by topic 0 but is malformed.</exception>
    public static IReadOnlyList<EventLog<TEvent>> DecodeAll<TEvent>(IEnumerable<Log> logs, AbiEvent abiEvent, Func<IReadOnlyList<object?>, TEvent> convert, Address? emitter = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(abiEvent);
        ArgumentNullException.ThrowIfNull(convert);
        int topicCount = abiEvent.Parameters.Count(p => p.Indexed) + (abiEvent.Anonymous ? 0 : 1);
        var decoded = new List<EventLog<TEvent>>();
        foreach (Log log in logs)
        {
            if ((emitter is Address address && log.Address != address) || log.Topics.Count != topicCount)
            {
                continue;
            }

            if (!abiEvent.Anonymous)
            {
                if (log.Topics[0] == abiEvent.Topic0)
                {
                    decoded.Add(new EventLog<TEvent>(convert(abiEvent.DecodeLog(log.Topics, log.Data.Span)), log));
                }

                continue;
            }

            try
            {
                decoded.Add(new EventLog<TEvent>(convert(abiEvent.DecodeLog(log.Topics, log.Data.Span)), log));
            }
            catch (AbiDecodingException)
            {
                // Another event's log with as many topics.
            }
        }

        return decoded;
    }
}
