using EthCx.Chain.Primitives;

namespace EthCx.Chain.Transactions;

/// <summary>One EIP-2930 access-list entry: an address and the storage slots the transaction will touch there.</summary>
public sealed class AccessListEntry : IEquatable<AccessListEntry>
{
    private readonly Bytes32[] _storageKeys;

    /// <summary>Creates an entry.</summary>
    /// <param name="address">The account.</param>
    /// <param name="storageKeys">The storage slots; copied.</param>
    public AccessListEntry(Address address, params IEnumerable<Bytes32> storageKeys)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        Address = address;
        _storageKeys = [.. storageKeys];
    }

    /// <summary>The account.</summary>
    public Address Address { get; }

    /// <summary>The storage slots, in order.</summary>
    public IReadOnlyList<Bytes32> StorageKeys => _storageKeys;

    /// <inheritdoc/>
    public bool Equals(AccessListEntry? other) =>
        other is not null && Address == other.Address && _storageKeys.AsSpan().SequenceEqual(other._storageKeys);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AccessListEntry);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Address);
        foreach (Bytes32 key in _storageKeys)
        {
            hash.Add(key);
        }

        return hash.ToHashCode();
    }

    /// <summary>The address and its keys, e.g. <c>0xAb..: [0x00..01]</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Address}: [{string.Join(", ", _storageKeys)}]";
}
