using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Contracts;

/// <summary>
/// One contract at one address, with the custom errors it may raise: encodes calls to its
/// functions, decodes their outputs, reverts and events, and goes through a <see cref="ChainClient"/>
/// for the rest. Generated services wrap one (the shape of Nethereum's <c>ContractHandler</c>).
/// </summary>
public sealed class ContractHandler
{
    /// <summary>Creates a handler.</summary>
    /// <param name="client">The client that calls and sends.</param>
    /// <param name="address">The contract's address.</param>
    /// <param name="errors">The contract's custom errors (from its ABI), to decode reverts.</param>
    public ContractHandler(ChainClient client, Address address, IReadOnlyList<AbiError> errors)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(errors);
        Client = client;
        Address = address;
        Errors = [.. errors];
    }

    /// <summary>The client that calls and sends.</summary>
    public ChainClient Client { get; }

    /// <summary>The contract's address.</summary>
    public Address Address { get; }

    /// <summary>The contract's custom errors.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>Calls <paramref name="function"/> with <c>eth_call</c> (from the signer, if any) and decodes its outputs.</summary>
    /// <param name="function">The function.</param>
    /// <param name="arguments">One value per input.</param>
    /// <param name="block">The block whose state it runs against.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One value per output.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    /// <exception cref="AbiDecodingException">The return data does not decode as the outputs (e.g. no contract at <see cref="Address"/>).</exception>
    /// <exception cref="ContractRevertException">The call reverted.</exception>
    public async Task<object?[]> QueryAsync(AbiFunction function, IReadOnlyList<object?> arguments, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        var call = new CallRequest { From = Client.Signer?.Address, To = Address, Data = function.EncodeCall(arguments) };
        byte[] output = await Client.CallAsync(call, Errors, block, cancellationToken).ConfigureAwait(false);
        return function.DecodeOutput(output);
    }

    /// <summary>Estimates the gas of a transaction calling <paramref name="function"/>.</summary>
    /// <param name="function">The function.</param>
    /// <param name="arguments">One value per input.</param>
    /// <param name="value">The wei sent along.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The node's estimate.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    /// <exception cref="ContractRevertException">Execution would revert.</exception>
    public Task<ulong> EstimateGasAsync(AbiFunction function, IReadOnlyList<object?> arguments, BigInteger value = default, CancellationToken cancellationToken = default) =>
        Client.EstimateGasAsync(Request(function, arguments, value), cancellationToken);

    /// <summary>Sends a transaction calling <paramref name="function"/>, without waiting for it to be mined.</summary>
    /// <param name="function">The function.</param>
    /// <param name="arguments">One value per input.</param>
    /// <param name="value">The wei sent along.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The transaction hash.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    /// <exception cref="ContractRevertException">The gas estimate reverted; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The client has no signer.</exception>
    public Task<Bytes32> SendRequestAsync(AbiFunction function, IReadOnlyList<object?> arguments, BigInteger value = default, CancellationToken cancellationToken = default) =>
        Client.SendAsync(Request(function, arguments, value), cancellationToken);

    /// <summary>Sends a transaction calling <paramref name="function"/> and waits for its receipt.</summary>
    /// <param name="function">The function.</param>
    /// <param name="arguments">One value per input.</param>
    /// <param name="value">The wei sent along.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait.</param>
    /// <returns>The receipt of the successful transaction.</returns>
    /// <exception cref="AbiEncodingException">An argument does not fit its type, or the count is wrong.</exception>
    /// <exception cref="ContractRevertException">The estimate or the mined transaction reverted.</exception>
    /// <exception cref="ReceiptTimeoutException">No receipt within the client's <see cref="ChainClientOptions.ReceiptTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client has no signer.</exception>
    public Task<TransactionReceipt> SendRequestAndWaitForReceiptAsync(AbiFunction function, IReadOnlyList<object?> arguments, BigInteger value = default, CancellationToken cancellationToken = default) =>
        Client.SendAndWaitAsync(Request(function, arguments, value), cancellationToken);

    /// <summary>
    /// <c>eth_getLogs</c> for one event of this contract (topic 0 is added unless the event is
    /// anonymous), each log decoded with the event.
    /// </summary>
    /// <param name="abiEvent">The event.</param>
    /// <param name="topicFilter">Per indexed parameter, in order: the accepted topics (any of them), or <see langword="null"/> for any (see <see cref="AbiEvent.EncodeTopic"/>); shorter than the indexed parameters to leave the rest open.</param>
    /// <param name="fromBlock">The first block searched.</param>
    /// <param name="toBlock">The last block searched.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decoded logs in chain order.</returns>
    /// <exception cref="ArgumentException"><paramref name="topicFilter"/> has more positions than the event has indexed parameters.</exception>
    /// <exception cref="AbiDecodingException">A matching log does not decode as the event (an anonymous event's filter matched another event).</exception>
    public async Task<IReadOnlyList<EventLog>> GetEventsAsync(AbiEvent abiEvent, IReadOnlyList<IReadOnlyList<Bytes32>?> topicFilter, BlockParameter fromBlock, BlockParameter toBlock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(abiEvent);
        ArgumentNullException.ThrowIfNull(topicFilter);
        int indexed = abiEvent.Parameters.Count(parameter => parameter.Indexed);
        if (topicFilter.Count > indexed)
        {
            throw new ArgumentException($"Event {abiEvent.Signature} has {indexed} indexed parameters; the topic filter has {topicFilter.Count} positions.", nameof(topicFilter));
        }

        var filter = new LogFilter
        {
            Addresses = [Address],
            Topics = abiEvent.Anonymous ? [.. topicFilter] : [[abiEvent.Topic0], .. topicFilter],
            FromBlock = fromBlock,
            ToBlock = toBlock,
        };
        IReadOnlyList<Log> logs = await Client.Rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return [.. logs.Select(log => new EventLog(abiEvent.DecodeLog(log.Topics, log.Data.Span), log))];
    }

    private TransactionRequest Request(AbiFunction function, IReadOnlyList<object?> arguments, BigInteger value)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new TransactionRequest { To = Address, Data = function.EncodeCall(arguments), Value = value, Errors = Errors };
    }
}
