using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace EthCx.Chain.Rpc;

/// <summary>
/// Several requests sent as one JSON-RPC batch. <see cref="Add{T}"/> returns a typed handle per
/// request; after <see cref="EthRpcClient.BatchAsync"/> each handle holds its own result or error,
/// so one failing item does not fail the others. A batch is sent once.
/// </summary>
/// <example>
/// <code>
/// var batch = new RpcBatch();
/// RpcBatchItem&lt;ulong&gt; block = batch.Add(EthRequests.BlockNumber());
/// RpcBatchItem&lt;BigInteger&gt; balance = batch.Add(EthRequests.GetBalance(alice, BlockParameter.Latest));
/// await client.BatchAsync(batch);
/// Console.WriteLine($"{block.Value}: {balance.Value}");
/// </code>
/// </example>
public sealed class RpcBatch
{
    private readonly List<RpcBatchItem> _items = [];

    /// <summary>The number of requests added.</summary>
    public int Count => _items.Count;

    /// <summary>The handles in the order the requests were added.</summary>
    public IReadOnlyList<RpcBatchItem> Items => _items;

    /// <summary>Whether the batch has been sent (it can then no longer be changed or resent).</summary>
    public bool IsSent { get; private set; }

    /// <summary>Adds a request and returns the handle that will hold its outcome.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <returns>The handle.</returns>
    /// <exception cref="InvalidOperationException">The batch was already sent.</exception>
    public RpcBatchItem<T> Add<T>(RpcRequest<T> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsSent)
        {
            throw new InvalidOperationException("This batch was already sent; create a new RpcBatch for more requests.");
        }

        var item = new RpcBatchItem<T>(request);
        _items.Add(item);
        return item;
    }

    /// <summary>Marks the batch as sent.</summary>
    internal void MarkSent()
    {
        if (IsSent)
        {
            throw new InvalidOperationException("This batch was already sent; a batch is sent once.");
        }

        IsSent = true;
    }
}

/// <summary>The outcome of one request in an <see cref="RpcBatch"/>.</summary>
public abstract class RpcBatchItem
{
    private protected RpcBatchItem(string method) => Method = method;

    /// <summary>The request's JSON-RPC method.</summary>
    public string Method { get; }

    /// <summary>Whether the batch has been answered (successfully or not) for this item.</summary>
    public bool IsCompleted { get; private protected set; }

    /// <summary>
    /// The item's failure: an <see cref="RpcException"/> when the node returned an error for it,
    /// an <see cref="RpcResponseException"/> when its answer was malformed or missing; otherwise <see langword="null"/>.
    /// </summary>
    public Exception? Error { get; private set; }

    /// <summary>Whether the item completed with a result.</summary>
    public bool IsSuccess => IsCompleted && Error is null;

    /// <summary>Writes the item's request.</summary>
    internal abstract void Write(Utf8JsonWriter writer, long id);

    /// <summary>Completes the item from its <c>result</c> member.</summary>
    internal abstract void Complete(JsonElement result);

    /// <summary>Completes the item with a failure.</summary>
    internal void Fail(Exception error)
    {
        Error = error;
        IsCompleted = true;
    }

    /// <summary>Throws the item's failure, or <see cref="InvalidOperationException"/> if the batch was not answered yet.</summary>
    private protected void ThrowIfNoResult()
    {
        if (!IsCompleted)
        {
            throw new InvalidOperationException($"The batch holding this {Method} request has not been answered yet; await EthRpcClient.BatchAsync first.");
        }

        if (Error is not null)
        {
            ExceptionDispatchInfo.Throw(Error);
        }
    }
}

/// <summary>The typed outcome of one request in an <see cref="RpcBatch"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class RpcBatchItem<T> : RpcBatchItem
{
    private readonly RpcRequest<T> _request;
    private T _value = default!;

    internal RpcBatchItem(RpcRequest<T> request)
        : base(request.Method) => _request = request;

    /// <summary>The result.</summary>
    /// <exception cref="RpcException">The node returned an error for this item.</exception>
    /// <exception cref="RpcResponseException">The item's answer was malformed or missing.</exception>
    /// <exception cref="InvalidOperationException">The batch has not been answered yet.</exception>
    public T Value
    {
        get
        {
            ThrowIfNoResult();
            return _value;
        }
    }

    /// <inheritdoc/>
    internal override void Write(Utf8JsonWriter writer, long id) => _request.Write(writer, id);

    /// <inheritdoc/>
    internal override void Complete(JsonElement result)
    {
        try
        {
            _value = _request.ReadResult(result);
            IsCompleted = true;
        }
        catch (RpcResponseException e)
        {
            Fail(e);
        }
    }
}
