namespace EthCx.Chain.Abi;

/// <summary>A log decoded by <see cref="ContractAbi.DecodeLog"/>: the event and its field values in declaration order.</summary>
public sealed class DecodedEvent
{
    internal DecodedEvent(AbiEvent @event, object?[] values)
    {
        Event = @event;
        Values = values;
    }

    /// <summary>The event that matched the log's topic 0.</summary>
    public AbiEvent Event { get; }

    /// <summary>The field values in declaration order (indexed <c>string</c>, <c>bytes</c>, arrays and tuples as their <see cref="Primitives.Bytes32"/> topic hash).</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>The value of the field called <paramref name="name"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The event has no such field.</exception>
    public object? this[string name]
    {
        get
        {
            for (int i = 0; i < Event.Parameters.Count; i++)
            {
                if (Event.Parameters[i].Name == name)
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"Event {Event.Signature} has no field '{name}'.");
        }
    }

    /// <summary>The event as <c>Name(field=value, ...)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var parts = new string[Values.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = new DecodedArgument(Event.Parameters[i].Name, Event.Parameters[i].Type, Values[i]).ToString();
        }

        return Event.Name + "(" + string.Join(", ", parts) + ")";
    }
}
