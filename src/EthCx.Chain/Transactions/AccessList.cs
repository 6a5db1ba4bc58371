using System.Collections;

namespace EthCx.Chain.Transactions;

/// <summary>An EIP-2930 access list: immutable, compared by content.</summary>
public sealed class AccessList : IReadOnlyList<AccessListEntry>, IEquatable<AccessList>
{
    private readonly AccessListEntry[] _entries;

    /// <summary>Creates an access list.</summary>
    /// <param name="entries">The entries; copied.</param>
    public AccessList(params IEnumerable<AccessListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        Array.ForEach(_entries, static entry => ArgumentNullException.ThrowIfNull(entry, nameof(entries)));
    }

    /// <summary>The empty access list.</summary>
    public static AccessList Empty { get; } = new();

    /// <inheritdoc/>
    public int Count => _entries.Length;

    /// <inheritdoc/>
    public AccessListEntry this[int index] => _entries[index];

    /// <inheritdoc/>
    public IEnumerator<AccessListEntry> GetEnumerator() => ((IEnumerable<AccessListEntry>)_entries).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(AccessList? other) => other is not null && _entries.AsSpan().SequenceEqual(other._entries);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AccessList);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (AccessListEntry entry in _entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }

    /// <summary>The entries, e.g. <c>[0xAb..: [0x00..01]]</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"[{string.Join("; ", (IEnumerable<AccessListEntry>)_entries)}]";
}
