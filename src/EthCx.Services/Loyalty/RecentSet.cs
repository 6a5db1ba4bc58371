using System.Collections.Concurrent;

namespace EthCx.Services.Loyalty;

/// <summary>A thread-safe set that remembers at most <c>capacity</c> items, forgetting the oldest first.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="capacity">How many items it keeps; at least 1.</param>
internal sealed class RecentSet<T>(int capacity)
    where T : notnull
{
    private readonly ConcurrentDictionary<T, byte> _items = new();
    private readonly ConcurrentQueue<T> _order = new();
    private int _count;

    /// <summary>Adds <paramref name="item"/>; false when it was already there (the oldest items are forgotten past the capacity).</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was new.</returns>
    public bool Add(T item)
    {
        if (!_items.TryAdd(item, 0))
        {
            return false;
        }

        _order.Enqueue(item);
        if (Interlocked.Increment(ref _count) > capacity && _order.TryDequeue(out T? oldest) && _items.TryRemove(oldest, out _))
        {
            Interlocked.Decrement(ref _count);
        }

        return true;
    }
}
