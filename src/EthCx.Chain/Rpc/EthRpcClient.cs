using System.Buffers;
using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>
/// A typed Ethereum JSON-RPC client over any <see cref="IRpcTransport"/>: one method per call,
/// JSON-RPC batches through <see cref="BatchAsync"/>, node errors as <see cref="RpcException"/>,
/// malformed answers as <see cref="RpcResponseException"/>. Thread-safe; share one per endpoint.
/// </summary>
public sealed class EthRpcClient
{
    private readonly IRpcTransport _transport;
    private long _lastId;

    /// <summary>Creates a client that sends its requests through <paramref name="transport"/> (which it does not dispose).</summary>
    /// <param name="transport">The transport.</param>
    public EthRpcClient(IRpcTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
    }

    /// <summary>Sends one request and returns its typed result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request (see <see cref="EthRequests"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    /// <exception cref="RpcException">The node answered with an error.</exception>
    /// <exception cref="RpcResponseException">The answer is not valid JSON-RPC or its result is malformed.</exception>
    /// <exception cref="RpcTransportException">The node could not be reached (or timed out: <see cref="RpcTimeoutException"/>).</exception>
    public async Task<T> SendAsync<T>(RpcRequest<T> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        long id = Interlocked.Increment(ref _lastId);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.Write(writer, id);
        }

        byte[] answer = await _transport.SendAsync(buffer.WrittenMemory, request.Method, cancellationToken).ConfigureAwait(false);
        using JsonDocument document = ParseAnswer(answer, request.Method);
        JsonElement response = document.RootElement;
        if (response.ValueKind != JsonValueKind.Object)
        {
            throw new RpcResponseException(request.Method, $"expected a response object, found {RpcJson.Describe(response)}.");
        }

        if (response.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
        {
            throw ReadError(error, request.Method);
        }

        if (!response.TryGetProperty("id", out JsonElement answeredId) || !answeredId.TryGetInt64(out long idValue) || idValue != id)
        {
            throw new RpcResponseException(request.Method, $"the response's id is {(response.TryGetProperty("id", out answeredId) ? RpcJson.Describe(answeredId) : "missing")}, not {id}.");
        }

        return request.ReadResult(Result(response, request.Method));
    }

    /// <summary>
    /// Sends all requests of <paramref name="batch"/> in one JSON-RPC batch and completes each
    /// handle with its own result or error, matching answers to requests by id. An empty batch
    /// sends nothing.
    /// </summary>
    /// <param name="batch">The batch; it can be sent only once.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when every handle is completed.</returns>
    /// <exception cref="InvalidOperationException">The batch was already sent.</exception>
    /// <exception cref="RpcException">The node rejected the batch as a whole.</exception>
    /// <exception cref="RpcResponseException">The answer is not a valid batch response.</exception>
    /// <exception cref="RpcTransportException">The node could not be reached (or timed out: <see cref="RpcTimeoutException"/>).</exception>
    public async Task BatchAsync(RpcBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.MarkSent();
        IReadOnlyList<RpcBatchItem> items = batch.Items;
        if (items.Count == 0)
        {
            return;
        }

        long firstId = Interlocked.Add(ref _lastId, items.Count) - items.Count + 1;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (int i = 0; i < items.Count; i++)
            {
                items[i].Write(writer, firstId + i);
            }

            writer.WriteEndArray();
        }

        string description = $"batch of {items.Count} ({string.Join(", ", items.Select(item => item.Method).Distinct())})";
        byte[] answer = await _transport.SendAsync(buffer.WrittenMemory, description, cancellationToken).ConfigureAwait(false);
        using JsonDocument document = ParseAnswer(answer, "batch");
        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement batchError))
        {
            throw ReadError(batchError, "batch");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new RpcResponseException("batch", $"expected an array of responses, found {RpcJson.Describe(root)}.");
        }

        foreach (JsonElement response in root.EnumerateArray())
        {
            RpcBatchItem item = MatchBatchItem(response, items, firstId);
            if (response.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
            {
                item.Fail(ReadError(error, item.Method));
            }
            else
            {
                try
                {
                    item.Complete(Result(response, item.Method));
                }
                catch (RpcResponseException e)
                {
                    item.Fail(e);
                }
            }
        }

        foreach (RpcBatchItem item in items.Where(item => !item.IsCompleted))
        {
            item.Fail(new RpcResponseException(item.Method, "the batch response holds no answer for this request."));
        }
    }

    /// <summary><c>eth_chainId</c>: the chain id used for EIP-155 replay protection.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The chain id (31337 on Hardhat and anvil).</returns>
    public Task<ulong> ChainIdAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.ChainId(), cancellationToken);

    /// <summary><c>eth_blockNumber</c>: the number of the most recent block.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The block number.</returns>
    public Task<ulong> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.BlockNumber(), cancellationToken);

    /// <summary><c>eth_accounts</c>: the accounts the node manages.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The addresses; on Hardhat and anvil, the ten funded test accounts.</returns>
    public Task<IReadOnlyList<Address>> AccountsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.Accounts(), cancellationToken);

    /// <summary><c>eth_gasPrice</c>: the node's legacy gas price suggestion.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Wei per gas.</returns>
    public Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GasPrice(), cancellationToken);

    /// <summary><c>eth_maxPriorityFeePerGas</c>: the node's EIP-1559 tip suggestion.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Wei per gas.</returns>
    public Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.MaxPriorityFeePerGas(), cancellationToken);

    /// <summary><c>eth_getBalance</c>: an account's balance.</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block whose state is read.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The balance in wei.</returns>
    public Task<BigInteger> GetBalanceAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetBalance(address, block), cancellationToken);

    /// <summary><c>eth_getTransactionCount</c>: an account's nonce.</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block whose state is read; <see cref="BlockParameter.Pending"/> counts queued transactions too.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The number of transactions sent from the account.</returns>
    public Task<ulong> GetTransactionCountAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetTransactionCount(address, block), cancellationToken);

    /// <summary><c>eth_getCode</c>: the runtime bytecode at an address.</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block whose state is read.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The code; empty for an account without code.</returns>
    public Task<byte[]> GetCodeAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetCode(address, block), cancellationToken);

    /// <summary><c>eth_call</c>: executes a message without a transaction.</summary>
    /// <param name="call">The message.</param>
    /// <param name="block">The block whose state it runs against.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The return data.</returns>
    /// <exception cref="RpcException">The call reverted (the revert data is in <see cref="RpcException.ErrorData"/>) or the node rejected it.</exception>
    public Task<byte[]> CallAsync(CallRequest call, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.Call(call, block), cancellationToken);

    /// <summary><c>eth_estimateGas</c>: the gas a message would need as a transaction now.</summary>
    /// <param name="call">The message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The gas estimate.</returns>
    /// <exception cref="RpcException">Execution would revert (the revert data is in <see cref="RpcException.ErrorData"/>) or the node rejected it.</exception>
    public Task<ulong> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.EstimateGas(call), cancellationToken);

    /// <summary><c>eth_sendRawTransaction</c>: submits a signed transaction.</summary>
    /// <param name="signedTransaction">The signed, encoded transaction.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The transaction hash.</returns>
    /// <exception cref="RpcException">The node rejected the transaction (bad nonce, fee too low, insufficient funds...).</exception>
    public Task<Bytes32> SendRawTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.SendRawTransaction(signedTransaction), cancellationToken);

    /// <summary><c>eth_sendTransaction</c>: has a node-managed (unlocked) account sign and send; for development nodes.</summary>
    /// <param name="transaction">The transaction; <see cref="CallRequest.From"/> is required.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The transaction hash.</returns>
    /// <exception cref="RpcException">The node rejected the transaction (e.g. an unknown account).</exception>
    public Task<Bytes32> SendTransactionAsync(CallRequest transaction, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.SendTransaction(transaction), cancellationToken);

    /// <summary><c>eth_getTransactionReceipt</c>: the receipt of a mined transaction.</summary>
    /// <param name="transactionHash">The transaction hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The receipt, or <see langword="null"/> while the transaction is pending or unknown.</returns>
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(Bytes32 transactionHash, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetTransactionReceipt(transactionHash), cancellationToken);

    /// <summary><c>eth_getTransactionByHash</c>: a transaction, mined or pending.</summary>
    /// <param name="transactionHash">The transaction hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The transaction, or <see langword="null"/> when the node does not know it.</returns>
    public Task<TransactionInfo?> GetTransactionByHashAsync(Bytes32 transactionHash, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetTransactionByHash(transactionHash), cancellationToken);

    /// <summary><c>eth_getBlockByNumber</c>: a block header with its transaction hashes.</summary>
    /// <param name="block">The block.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The block, or <see langword="null"/> when it does not exist.</returns>
    public Task<Block?> GetBlockByNumberAsync(BlockParameter block, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetBlockByNumber(block), cancellationToken);

    /// <summary><c>eth_getLogs</c>: the logs matching a filter.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The logs, in chain order.</returns>
    public Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetLogs(filter), cancellationToken);

    /// <summary><c>eth_feeHistory</c>: base fees, gas use and priority-fee percentiles of recent blocks.</summary>
    /// <param name="blockCount">How many blocks, ending at <paramref name="newestBlock"/>.</param>
    /// <param name="newestBlock">The last block of the range.</param>
    /// <param name="rewardPercentiles">Ascending percentiles (0..100) of priority fees to report per block.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The fee history.</returns>
    public Task<FeeHistory> FeeHistoryAsync(ulong blockCount, BlockParameter newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.FeeHistory(blockCount, newestBlock, rewardPercentiles), cancellationToken);

    /// <summary><c>evm_snapshot</c> (development nodes): records the chain state.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The snapshot id for <see cref="EvmRevertAsync"/>.</returns>
    public Task<string> EvmSnapshotAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.EvmSnapshot(), cancellationToken);

    /// <summary><c>evm_revert</c> (development nodes): restores a snapshot, using it (and later ones) up.</summary>
    /// <param name="snapshotId">The id from <see cref="EvmSnapshotAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether the node reverted; false for an unknown or used-up id.</returns>
    public Task<bool> EvmRevertAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.EvmRevert(snapshotId), cancellationToken);

    /// <summary><c>evm_mine</c> (development nodes): mines one block.</summary>
    /// <param name="timestamp">The block's timestamp in Unix seconds, or <see langword="null"/> for the node's clock.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the block is mined.</returns>
    public Task EvmMineAsync(ulong? timestamp = null, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.EvmMine(timestamp), cancellationToken);

    /// <summary><c>evm_setAutomine</c> (development nodes): turns mining on every transaction on or off.</summary>
    /// <param name="enabled">True to mine each transaction at once.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the node has applied the setting.</returns>
    public Task EvmSetAutomineAsync(bool enabled, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.EvmSetAutomine(enabled), cancellationToken);

    /// <summary><c>evm_setNextBlockTimestamp</c> (development nodes): fixes the next block's timestamp.</summary>
    /// <param name="timestamp">Unix seconds, later than the latest block's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the node has applied the setting.</returns>
    public Task EvmSetNextBlockTimestampAsync(ulong timestamp, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.EvmSetNextBlockTimestamp(timestamp), cancellationToken);

    private static JsonDocument ParseAnswer(byte[] answer, string method)
    {
        try
        {
            return JsonDocument.Parse(answer);
        }
        catch (JsonException e)
        {
            throw new RpcResponseException(method, $"the answer is not JSON ({e.Message}).", e);
        }
    }

    private static JsonElement Result(JsonElement response, string method) =>
        response.TryGetProperty("result", out JsonElement result)
            ? result
            : throw new RpcResponseException(method, "the response has neither a result nor an error.");

    private static RpcBatchItem MatchBatchItem(JsonElement response, IReadOnlyList<RpcBatchItem> items, long firstId)
    {
        if (response.ValueKind != JsonValueKind.Object
            || !response.TryGetProperty("id", out JsonElement idElement)
            || !idElement.TryGetInt64(out long id)
            || id < firstId
            || id >= firstId + items.Count)
        {
            throw new RpcResponseException("batch", $"a response in the batch does not carry the id of a request sent: {RpcJson.Truncate(response.GetRawText())}");
        }

        RpcBatchItem item = items[(int)(id - firstId)];
        return item.IsCompleted
            ? throw new RpcResponseException("batch", $"the batch response answers id {id} ({item.Method}) twice.")
            : item;
    }

    private static Exception ReadError(JsonElement error, string method)
    {
        if (error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("code", out JsonElement codeElement)
            || !codeElement.TryGetInt32(out int code))
        {
            return new RpcResponseException(method, $"the error member is not a JSON-RPC error object: {RpcJson.Truncate(error.GetRawText())}");
        }

        string message = error.TryGetProperty("message", out JsonElement messageElement) && messageElement.ValueKind == JsonValueKind.String
            ? messageElement.GetString()!
            : "(no message)";
        if (!error.TryGetProperty("data", out JsonElement data) || data.ValueKind == JsonValueKind.Null)
        {
            return new RpcException(method, code, message, null, null);
        }

        return new RpcException(method, code, message, ReadErrorData(data), data.GetRawText());
    }

    /// <summary>Finds hex bytes in an error's data: the string itself (geth, anvil) or its <c>data</c> member (Hardhat).</summary>
    private static ReadOnlyMemory<byte>? ReadErrorData(JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out JsonElement inner))
        {
            data = inner;
        }

        if (data.ValueKind == JsonValueKind.String
            && data.GetString() is { } text
            && text.StartsWith("0x", StringComparison.Ordinal)
            && Hex.TryDecode(text, out byte[]? bytes))
        {
            return bytes;
        }

        // Not "? bytes : null" on a byte[]?: a null array converts to an empty ReadOnlyMemory, not to no value.
        return null;
    }
}
