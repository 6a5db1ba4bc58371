using System.Numerics;
using EthCx.Chain.Abi;
using EthCx.Chain.Crypto;
using EthCx.Chain.Fees;
using EthCx.Chain.Nonces;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Chain.Transactions;

namespace EthCx.Chain.Contracts;

/// <summary>
/// Talks to contracts on one node as one signer: simulates (<see cref="CallAsync"/>), estimates,
/// sends signed EIP-1559 transactions, deploys, and waits for receipts with a time-out and
/// backed-off polling. A revert never passes for success: in a call, an estimate or a mined
/// transaction (receipt status 0, replayed with <c>eth_call</c> at its block) it is thrown as a
/// <see cref="ContractRevertException"/> holding the decoded error. Thread-safe: share one client
/// per (node, signer) among all senders, so that they share its <see cref="NonceManager"/>.
/// </summary>
public sealed class ChainClient
{
    /// <summary>EIP-7825's cap on a transaction's gas limit (Osaka); a gas margin never pushes an estimate past it.</summary>
    private const ulong TransactionGasCap = 1UL << 24;

    private readonly FeeOracle _fees;

    private ChainClient(EthRpcClient rpc, ulong chainId, ISigner? signer, ChainClientOptions options)
    {
        Rpc = rpc;
        ChainId = chainId;
        Signer = signer;
        Options = options;
        Nonces = signer is null ? null : new NonceManager(rpc, signer.Address);
        _fees = new FeeOracle(rpc, options.Fees, options.TimeProvider);
    }

    /// <summary>The node.</summary>
    public EthRpcClient Rpc { get; }

    /// <summary>The node's chain id, read once by <see cref="ConnectAsync"/>; every transaction is signed for it.</summary>
    public ulong ChainId { get; }

    /// <summary>The signer, or <see langword="null"/> for a read-only client.</summary>
    public ISigner? Signer { get; }

    /// <summary>The settings.</summary>
    public ChainClientOptions Options { get; }

    /// <summary>The signer's nonce manager, or <see langword="null"/> for a read-only client.</summary>
    public NonceManager? Nonces { get; }

    /// <summary>
    /// Reads the node's chain id and creates a client. A signer bound to another chain
    /// (<see cref="ISigner.ChainId"/>) is refused.
    /// </summary>
    /// <param name="rpc">The node.</param>
    /// <param name="signer">The account that sends, or <see langword="null"/> for a read-only client.</param>
    /// <param name="options">The settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ChainIdMismatchException">The signer is bound to another chain than the node's.</exception>
    /// <exception cref="RpcTransportException">The node could not be reached.</exception>
    public static async Task<ChainClient> ConnectAsync(EthRpcClient rpc, ISigner? signer, ChainClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ulong chainId = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (signer?.ChainId is { } signerChain && signerChain != chainId)
        {
            throw new ChainIdMismatchException(signerChain, chainId, $"Signer {signer.Address} is bound to chain {signerChain} but the node is on chain {chainId}; no transaction will be signed for it.");
        }

        return new ChainClient(rpc, chainId, signer, options ?? new ChainClientOptions());
    }

    /// <summary><c>eth_call</c>: runs a message against a block's state without a transaction.</summary>
    /// <param name="call">The message.</param>
    /// <param name="errors">The custom errors the contract may raise, to decode a revert.</param>
    /// <param name="block">The block whose state it runs against.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The return data.</returns>
    /// <exception cref="ContractRevertException">The call reverted (operation <c>call</c>).</exception>
    /// <exception cref="RpcException">The node rejected the call for another reason.</exception>
    public async Task<byte[]> CallAsync(CallRequest call, IReadOnlyList<AbiError>? errors = null, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await Rpc.CallAsync(call, block, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (RevertData(e) is { } data)
        {
            throw new ContractRevertException("call", RevertDecoder.Decode(data.Span, errors ?? []), null, e);
        }
    }

    /// <summary><c>eth_estimateGas</c> for <paramref name="request"/> sent by the signer (no margin added).</summary>
    /// <param name="request">The transaction.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The node's estimate.</returns>
    /// <exception cref="ContractRevertException">Execution would revert (operation <c>estimateGas</c>), decoded with <see cref="TransactionRequest.Errors"/>.</exception>
    /// <exception cref="RpcException">The node rejected the estimate for another reason (e.g. insufficient funds for the value).</exception>
    public async Task<ulong> EstimateGasAsync(TransactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new CallRequest
        {
            From = Signer?.Address,
            To = request.To,
            Data = request.Data,
            Value = request.Value.IsZero ? null : request.Value,
        };
        try
        {
            return await Rpc.EstimateGasAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (RevertData(e) is { } data)
        {
            throw new ContractRevertException("estimateGas", RevertDecoder.Decode(data.Span, request.Errors ?? []), null, e);
        }
    }

    /// <summary>
    /// Completes <paramref name="request"/> (gas from the estimate times <see cref="ChainClientOptions.GasMargin"/>
    /// unless set, EIP-1559 fees from the <see cref="FeeOracle"/>, the chain id, the next nonce), signs
    /// it and sends it. Does not wait for it to be mined.
    /// </summary>
    /// <param name="request">The transaction.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The transaction hash, computed here before sending.</returns>
    /// <exception cref="InvalidOperationException">The client has no signer.</exception>
    /// <exception cref="ContractRevertException">The gas estimate reverted; nothing was sent.</exception>
    /// <exception cref="RpcException">The node rejected the transaction; no nonce is lost.</exception>
    /// <exception cref="SendOutcomeUnknownException">The request left but whether the node has the transaction could not be learnt.</exception>
    public async Task<Bytes32> SendAsync(TransactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (ISigner signer, NonceManager nonces) = RequireSigner();
        ulong gas = request.Gas ?? WithMargin(await EstimateGasAsync(request, cancellationToken).ConfigureAwait(false));
        FeeSuggestion fees = await _fees.SuggestAsync(cancellationToken).ConfigureAwait(false);
        return await nonces.SendAsync(
            (nonce, token) => new Eip1559Transaction
            {
                ChainId = ChainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
                MaxFeePerGas = fees.MaxFeePerGas,
                GasLimit = gas,
                To = request.To,
                Value = request.Value,
                Data = request.Data,
            }.SignAsync(signer, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls <c>eth_getTransactionReceipt</c> until the transaction is mined: at once, then after
    /// pauses that grow from <see cref="ChainClientOptions.ReceiptPollInitialInterval"/> by
    /// <see cref="ChainClientOptions.ReceiptPollBackoffFactor"/> up to <see cref="ChainClientOptions.ReceiptPollMaxInterval"/>.
    /// Transient node failures while polling are waited out. A receipt with status 0 is replayed with
    /// <c>eth_call</c> at its block to recover the revert.
    /// </summary>
    /// <param name="transactionHash">The transaction.</param>
    /// <param name="errors">The custom errors the contract may raise, to decode a revert.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The receipt of the successful transaction.</returns>
    /// <exception cref="ReceiptTimeoutException">No receipt within <see cref="ChainClientOptions.ReceiptTimeout"/>.</exception>
    /// <exception cref="ContractRevertException">The transaction was mined and reverted (operation <c>transaction</c>).</exception>
    /// <exception cref="RpcTransportException">The node failed with a non-transient error.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(Bytes32 transactionHash, IReadOnlyList<AbiError>? errors = null, CancellationToken cancellationToken = default)
    {
        TimeProvider time = Options.TimeProvider;
        long start = time.GetTimestamp();
        TimeSpan pause = Options.ReceiptPollInitialInterval < Options.ReceiptPollMaxInterval ? Options.ReceiptPollInitialInterval : Options.ReceiptPollMaxInterval;
        int polls = 0;
        while (true)
        {
            Exception? lastError = null;
            TransactionReceipt? receipt = null;
            polls++;
            try
            {
                receipt = await Rpc.GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RpcTransportException { IsTransient: true } or RpcException { IsTransient: true })
            {
                lastError = e;
            }

            if (receipt is not null)
            {
                return receipt.Succeeded ? receipt : throw await ReplayRevertAsync(receipt, errors, cancellationToken).ConfigureAwait(false);
            }

            TimeSpan remaining = Options.ReceiptTimeout - time.GetElapsedTime(start);
            if (remaining <= TimeSpan.Zero)
            {
                throw new ReceiptTimeoutException(transactionHash, Options.ReceiptTimeout, polls, lastError);
            }

            await Task.Delay(pause < remaining ? pause : remaining, time, cancellationToken).ConfigureAwait(false);
            TimeSpan next = pause * Options.ReceiptPollBackoffFactor;
            pause = next < Options.ReceiptPollMaxInterval ? next : Options.ReceiptPollMaxInterval;
        }
    }

    /// <summary><see cref="SendAsync"/> then <see cref="WaitForReceiptAsync"/>, decoding a revert with <see cref="TransactionRequest.Errors"/>.</summary>
    /// <param name="request">The transaction.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait.</param>
    /// <returns>The receipt of the successful transaction.</returns>
    /// <exception cref="ContractRevertException">The estimate or the mined transaction reverted.</exception>
    /// <exception cref="ReceiptTimeoutException">No receipt within <see cref="ChainClientOptions.ReceiptTimeout"/>.</exception>
    /// <exception cref="RpcException">The node rejected the transaction.</exception>
    public async Task<TransactionReceipt> SendAndWaitAsync(TransactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Bytes32 hash = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await WaitForReceiptAsync(hash, request.Errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deploys a contract and waits for its creation to be mined.</summary>
    /// <param name="creationCode">The bytecode followed by the ABI-encoded constructor arguments (see <see cref="AbiConstructor.EncodeDeployment"/>).</param>
    /// <param name="value">The wei sent to a payable constructor.</param>
    /// <param name="errors">The contract's custom errors, to decode a revert of its constructor.</param>
    /// <param name="cancellationToken">Cancels the requests and the wait.</param>
    /// <returns>The contract's address and the creation receipt.</returns>
    /// <exception cref="ArgumentException"><paramref name="creationCode"/> is empty.</exception>
    /// <exception cref="ContractRevertException">The constructor reverted.</exception>
    /// <exception cref="ReceiptTimeoutException">No receipt within <see cref="ChainClientOptions.ReceiptTimeout"/>.</exception>
    public async Task<DeploymentResult> DeployAsync(ReadOnlyMemory<byte> creationCode, BigInteger value = default, IReadOnlyList<AbiError>? errors = null, CancellationToken cancellationToken = default)
    {
        if (creationCode.IsEmpty)
        {
            throw new ArgumentException("The creation code is empty: pass the contract's bytecode and its encoded constructor arguments.", nameof(creationCode));
        }

        TransactionReceipt receipt = await SendAndWaitAsync(new TransactionRequest { Data = creationCode, Value = value, Errors = errors }, cancellationToken).ConfigureAwait(false);
        Address address = receipt.ContractAddress
            ?? throw new RpcResponseException("eth_getTransactionReceipt", $"the receipt of creation transaction {receipt.TransactionHash} has no contractAddress.");
        return new DeploymentResult(address, receipt);
    }

    /// <summary>The revert data of a node error that reports a revert, or <see langword="null"/> for another error.</summary>
    private static ReadOnlyMemory<byte>? RevertData(RpcException e) =>
        e.ErrorData ?? (e.Code == 3 || e.NodeMessage.Contains("revert", StringComparison.OrdinalIgnoreCase) ? ReadOnlyMemory<byte>.Empty : null);

    private async Task<ContractRevertException> ReplayRevertAsync(TransactionReceipt receipt, IReadOnlyList<AbiError>? errors, CancellationToken cancellationToken)
    {
        IReadOnlyList<AbiError> known = errors ?? [];
        Bytes32 hash = receipt.TransactionHash;
        TransactionInfo transaction = await Rpc.GetTransactionByHashAsync(hash, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcResponseException("eth_getTransactionByHash", $"the node has a receipt for transaction {hash} but not the transaction.");
        var replay = new CallRequest
        {
            From = transaction.From,
            To = transaction.To,
            Data = transaction.Input,
            Value = transaction.Value.IsZero ? null : transaction.Value,
            Gas = transaction.Gas,
        };
        try
        {
            await Rpc.CallAsync(replay, receipt.BlockNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            // Out of gas and other failures without revert data keep the node's error as the cause.
            return new ContractRevertException("transaction", RevertDecoder.Decode((RevertData(e) ?? ReadOnlyMemory<byte>.Empty).Span, known), hash, e);
        }

        // The replay succeeded against the block's final state: the reason is lost (e.g. it depended on the transaction's position in the block).
        return new ContractRevertException("transaction", RevertDecoder.Decode([], known), hash);
    }

    private (ISigner Signer, NonceManager Nonces) RequireSigner() =>
        Signer is not null && Nonces is not null
            ? (Signer, Nonces)
            : throw new InvalidOperationException("This ChainClient was connected without a signer: it can call and estimate but not send transactions.");

    private ulong WithMargin(ulong estimate)
    {
        double padded = Math.Ceiling(estimate * Options.GasMargin);
        ulong gas = padded >= ulong.MaxValue ? ulong.MaxValue : (ulong)padded;
        return estimate <= TransactionGasCap && gas > TransactionGasCap ? TransactionGasCap : gas;
    }
}
