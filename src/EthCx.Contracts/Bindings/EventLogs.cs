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
