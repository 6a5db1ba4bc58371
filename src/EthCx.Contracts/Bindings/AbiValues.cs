using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;

namespace EthCx.Contracts.Bindings;

/// <summary>
/// Conversions that generated bindings use between typed lists and the <c>object?</c> values of the ABI encoder
/// and decoder (see <see cref="AbiType"/>): plain loops over delegates the generated code supplies, no reflection.
/// </summary>
public static class AbiValues
{
    /// <summary>The encoder's value for a list: one converted item per element (null stays null, for the encoder to report).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The list, or null.</param>
    /// <param name="convert">Converts one item.</param>
    /// <returns>The values, or null.</returns>
    public static object?[]? ToAbi<T>(IReadOnlyList<T>? items, Func<T, object?> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        if (items is null)
        {
            return null;
        }

        object?[] values = new object?[items.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = convert(items[i]);
        }

        return values;
    }

    /// <summary>A typed list from the decoder's value for an array (an <c>object?[]</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="value">The decoded array.</param>
    /// <param name="convert">Converts one item.</param>
    /// <returns>The items.</returns>
    /// <exception cref="InvalidCastException"><paramref name="value"/> is not an array value of the decoder.</exception>
    public static T[] FromAbi<T>(object? value, Func<object?, T> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        var values = (object?[])value!;
        var items = new T[values.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = convert(values[i]);
        }

        return items;
    }

    /// <summary>
    /// One position of a log topic filter: the topics of the accepted values of an indexed event field (a value
    /// type's word, or the Keccak-256 of a string, bytes, array or struct), or null (any value) for null or none.
    /// </summary>
    /// <typeparam name="T">The field's C# type.</typeparam>
    /// <param name="values">The accepted values, or null.</param>
    /// <param name="type">The field's ABI type.</param>
    /// <param name="convert">Converts a value to the encoder's value.</param>
    /// <returns>The topics, or null.</returns>
    /// <exception cref="AbiEncodingException">A value does not fit the field's type.</exception>
    public static IReadOnlyList<Bytes32>? Topics<T>(IReadOnlyList<T>? values, AbiType type, Func<T, object?> convert)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(convert);
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var topics = new Bytes32[values.Count];
        for (int i = 0; i < topics.Length; i++)
        {
            topics[i] = AbiEvent.EncodeTopic(type, convert(values[i]));
        }

        return topics;
    }
}
