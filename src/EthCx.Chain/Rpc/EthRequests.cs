using System.Numerics;
using System.Text.Json;
using EthCx.Chain.Primitives;

namespace EthCx.Chain.Rpc;

/// <summary>
/// The typed requests of the Ethereum JSON-RPC API (<c>eth_*</c>) and of the development-node
/// helpers that Hardhat and anvil share (<c>evm_*</c>). Each method checks its arguments and
/// returns a request to send with <see cref="EthRpcClient.SendAsync{T}"/> or to add to an <see cref="RpcBatch"/>.
/// </summary>
public static class EthRequests
{
    /// <summary><c>eth_chainId</c>: the chain id used for EIP-155 replay protection.</summary>
    /// <returns>The request.</returns>
    public static RpcRequest<ulong> ChainId() => new("eth_chainId", null, ReadUInt64);

    /// <summary><c>eth_blockNumber</c>: the number of the most recent block.</summary>
    /// <returns>The request.</returns>
    public static RpcRequest<ulong> BlockNumber() => new("eth_blockNumber", null, ReadUInt64);

    /// <summary><c>eth_accounts</c>: the accounts the node manages (a development node's unlocked test accounts; usually none elsewhere).</summary>
    /// <returns>The request.</returns>
    public static RpcRequest<IReadOnlyList<Address>> Accounts() =>
        new("eth_accounts", null, static result => RpcJson.ReadArray(result, "result", RpcJson.ReadAddress));

    /// <summary><c>eth_gasPrice</c>: the node's legacy gas price suggestion, in wei.</summary>
    /// <returns>The request.</returns>
    public static RpcRequest<BigInteger> GasPrice() => new("eth_gasPrice", null, ReadQuantity);

    /// <summary><c>eth_maxPriorityFeePerGas</c>: the node's EIP-1559 tip suggestion, in wei.</summary>
    /// <returns>The request.</returns>
    public static RpcRequest<BigInteger> MaxPriorityFeePerGas() => new("eth_maxPriorityFeePerGas", null, ReadQuantity);

    /// <summary><c>eth_getBalance</c>: an account's balance in wei.</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block whose state is read.</param>
    /// <returns>The request.</returns>
    public static RpcRequest<BigInteger> GetBalance(Address address, BlockParameter block) =>
        new("eth_getBalance", AddressAndBlock(address, block), ReadQuantity);

    /// <summary><c>eth_getTransactionCount</c>: an account's nonce (use <see cref="BlockParameter.Pending"/> to count queued transactions).</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block whose state is read.</param>
    /// <returns>The request.</returns>
    public static RpcRequest<ulong> GetTransactionCount(Address address, BlockParameter block) =>
        new("eth_getTransactionCount", AddressAndBlock(address, block), ReadUInt64);

    /// <summary><c>eth_getCode</c>: the runtime bytecode at an address (empty for an account without code).</summary>
    /// <param name="address">The account.</param>
    /// <param name="block">The block whose state is read.</param>
    /// <returns>The request.</returns>
    public static RpcRequest<byte[]> GetCode(Address address, BlockParameter block) =>
        new("eth_getCode", AddressAndBlock(address, block), ReadData);

    /// <summary><c>eth_call</c>: executes a message without a transaction and returns its output.</summary>
    /// <param name="call">The message.</param>
    /// <param name="block">The block whose state it runs against.</param>
    /// <returns>The request; a revert fails it with an <see cref="RpcException"/> whose <see cref="RpcException.ErrorData"/> holds the revert data.</returns>
    public static RpcRequest<byte[]> Call(CallRequest call, BlockParameter block)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new("eth_call", writer =>
        {
            call.Write(writer);
            writer.WriteStringValue(block.ToString());
        }, ReadData);
    }

    /// <summary><c>eth_estimateGas</c>: the gas a message would need if sent as a transaction now.</summary>
    /// <param name="call">The message.</param>
    /// <returns>The request; a revert fails it with an <see cref="RpcException"/> carrying the revert data.</returns>
    public static RpcRequest<ulong> EstimateGas(CallRequest call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new("eth_estimateGas", call.Write, ReadUInt64);
    }

    /// <summary><c>eth_sendRawTransaction</c>: submits a signed transaction envelope.</summary>
    /// <param name="signedTransaction">The signed, encoded transaction (typed envelope or legacy RLP).</param>
    /// <returns>The request, answering the transaction hash.</returns>
    /// <exception cref="ArgumentException"><paramref name="signedTransaction"/> is empty.</exception>
    public static RpcRequest<Bytes32> SendRawTransaction(ReadOnlyMemory<byte> signedTransaction)
    {
        if (signedTransaction.IsEmpty)
        {
            throw new ArgumentException("A signed transaction cannot be empty.", nameof(signedTransaction));
        }

        return new("eth_sendRawTransaction", writer => RpcJson.WriteData(writer, signedTransaction.Span), ReadBytes32);
    }

    /// <summary>
    /// <c>eth_sendTransaction</c>: asks the node to sign and send with an account it manages (a
    /// development node's unlocked accounts); production code signs locally and uses <see cref="SendRawTransaction"/>.
    /// </summary>
    /// <param name="transaction">The transaction; <see cref="CallRequest.From"/> is required.</param>
    /// <returns>The request, answering the transaction hash.</returns>
    /// <exception cref="ArgumentException"><see cref="CallRequest.From"/> is not set.</exception>
    public static RpcRequest<Bytes32> SendTransaction(CallRequest transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.From is null)
        {
            throw new ArgumentException("eth_sendTransaction needs From: the node-managed account that signs.", nameof(transaction));
        }

        return new("eth_sendTransaction", transaction.Write, ReadBytes32);
    }

    /// <summary><c>eth_getTransactionReceipt</c>: the receipt of a mined transaction.</summary>
    /// <param name="transactionHash">The transaction hash.</param>
    /// <returns>The request, answering <see langword="null"/> while the transaction is pending or unknown.</returns>
    public static RpcRequest<TransactionReceipt?> GetTransactionReceipt(Bytes32 transactionHash) =>
        new("eth_getTransactionReceipt", Hash(transactionHash), result => ReadNullable(result, TransactionReceipt.Read));

    /// <summary><c>eth_getTransactionByHash</c>: a transaction, mined or pending.</summary>
    /// <param name="transactionHash">The transaction hash.</param>
    /// <returns>The request, answering <see langword="null"/> for an unknown transaction.</returns>
    public static RpcRequest<TransactionInfo?> GetTransactionByHash(Bytes32 transactionHash) =>
        new("eth_getTransactionByHash", Hash(transactionHash), result => ReadNullable(result, TransactionInfo.Read));

    /// <summary><c>eth_getBlockByNumber</c>: a block header with its transaction hashes.</summary>
    /// <param name="block">The block.</param>
    /// <returns>The request, answering <see langword="null"/> for a block that does not exist.</returns>
    public static RpcRequest<Block?> GetBlockByNumber(BlockParameter block) =>
        new("eth_getBlockByNumber", writer =>
        {
            writer.WriteStringValue(block.ToString());
            writer.WriteBooleanValue(false);
        }, result => ReadNullable(result, Block.Read));

    /// <summary><c>eth_getLogs</c>: the logs matching a filter.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">The filter is invalid (see <see cref="LogFilter"/>).</exception>
    public static RpcRequest<IReadOnlyList<Log>> GetLogs(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Validate();
        return new("eth_getLogs", filter.Write, static result => RpcJson.ReadArray(result, "result", Log.Read));
    }

    /// <summary><c>eth_feeHistory</c>: base fees, gas use and priority-fee percentiles of recent blocks.</summary>
    /// <param name="blockCount">How many blocks, ending at <paramref name="newestBlock"/> (at least 1).</param>
    /// <param name="newestBlock">The last block of the range.</param>
    /// <param name="rewardPercentiles">Ascending percentiles from 0 to 100 of the priority fees to report per block; may be empty.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockCount"/> is zero.</exception>
    /// <exception cref="ArgumentException">A percentile is outside 0..100 or the list is not ascending.</exception>
    public static RpcRequest<FeeHistory> FeeHistory(ulong blockCount, BlockParameter newestBlock, IReadOnlyList<double> rewardPercentiles)
    {
        ArgumentOutOfRangeException.ThrowIfZero(blockCount);
        ArgumentNullException.ThrowIfNull(rewardPercentiles);
        double[] percentiles = [.. rewardPercentiles];
        for (int i = 0; i < percentiles.Length; i++)
        {
            if (!(percentiles[i] >= 0 && percentiles[i] <= 100) || (i > 0 && percentiles[i] < percentiles[i - 1]))
            {
                throw new ArgumentException($"Reward percentiles must be ascending values from 0 to 100; item {i} is {percentiles[i]}.", nameof(rewardPercentiles));
            }
        }

        return new("eth_feeHistory", writer =>
        {
            RpcJson.WriteQuantity(writer, blockCount);
            writer.WriteStringValue(newestBlock.ToString());
            writer.WriteStartArray();
            foreach (double percentile in percentiles)
            {
                writer.WriteNumberValue(percentile);
            }

            writer.WriteEndArray();
        }, static result => Rpc.FeeHistory.Read(result, "result"));
    }

    /// <summary><c>evm_snapshot</c> (development nodes): records the chain state and returns its id.</summary>
    /// <returns>The request, answering the snapshot id to pass to <see cref="EvmRevert"/>.</returns>
    public static RpcRequest<string> EvmSnapshot() => new("evm_snapshot", null, static result => RpcJson.ReadString(result, "result"));

    /// <summary><c>evm_revert</c> (development nodes): restores a snapshot; the snapshot (and later ones) are then used up.</summary>
    /// <param name="snapshotId">The id <see cref="EvmSnapshot"/> returned.</param>
    /// <returns>The request, answering whether the node reverted (false for an unknown or used-up id).</returns>
    public static RpcRequest<bool> EvmRevert(string snapshotId)
    {
        ArgumentException.ThrowIfNullOrEmpty(snapshotId);
        return new("evm_revert", writer => writer.WriteStringValue(snapshotId), static result => RpcJson.ReadBoolean(result, "result"));
    }

    /// <summary><c>evm_mine</c> (development nodes): mines one block now, optionally with a given timestamp.</summary>
    /// <param name="timestamp">The new block's timestamp in Unix seconds, or <see langword="null"/> for the node's clock.</param>
    /// <returns>The request.</returns>
    public static RpcRequest<RpcVoid> EvmMine(ulong? timestamp = null) =>
        new("evm_mine", timestamp is { } seconds ? writer => writer.WriteNumberValue(seconds) : null, IgnoreResult);

    /// <summary><c>evm_setAutomine</c> (development nodes): whether each transaction is mined at once in its own block.</summary>
    /// <param name="enabled">True to mine on every transaction; false to queue until <see cref="EvmMine"/>.</param>
    /// <returns>The request.</returns>
    public static RpcRequest<RpcVoid> EvmSetAutomine(bool enabled) =>
        new("evm_setAutomine", writer => writer.WriteBooleanValue(enabled), IgnoreResult);

    /// <summary><c>evm_setNextBlockTimestamp</c> (development nodes): the timestamp of the next mined block.</summary>
    /// <param name="timestamp">Unix seconds; must be later than the latest block's.</param>
    /// <returns>The request.</returns>
    public static RpcRequest<RpcVoid> EvmSetNextBlockTimestamp(ulong timestamp) =>
        new("evm_setNextBlockTimestamp", writer => writer.WriteNumberValue(timestamp), IgnoreResult);

    private static Action<Utf8JsonWriter> AddressAndBlock(Address address, BlockParameter block) => writer =>
    {
        RpcJson.WriteAddress(writer, address);
        writer.WriteStringValue(block.ToString());
    };

    private static Action<Utf8JsonWriter> Hash(Bytes32 hash) => writer => RpcJson.WriteBytes32(writer, hash);

    private static T? ReadNullable<T>(JsonElement result, Func<JsonElement, string, T> read)
        where T : class =>
        result.ValueKind == JsonValueKind.Null ? null : read(result, "result");

    private static ulong ReadUInt64(JsonElement result) => RpcJson.ReadUInt64(result, "result");

    private static BigInteger ReadQuantity(JsonElement result) => RpcJson.ReadQuantity(result, "result");

    private static byte[] ReadData(JsonElement result) => RpcJson.ReadData(result, "result");

    private static Bytes32 ReadBytes32(JsonElement result) => RpcJson.ReadBytes32(result, "result");

    private static RpcVoid IgnoreResult(JsonElement result) => default;
}
