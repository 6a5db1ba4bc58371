using System.Text.RegularExpressions;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Chain.Transactions;

namespace EthCx.Chain.Nonces;

/// <summary>
/// Hands out the nonces of one account to any number of concurrent senders, with no gap and no
/// duplicate, and sends each transaction. Nonce, signing and <c>eth_sendRawTransaction</c> happen
/// under the account's lock, one transaction after the other, so the node always receives the
/// nonces in order (Hardhat's automine rejects a nonce that arrives early); waiting for receipts
/// happens outside it.
/// <para>
/// The first send reads the account's <c>pending</c> transaction count from the node. A send that
/// fails leaves the nonce unused and makes the next send read the count again. A send whose outcome
/// is ambiguous (the request left, the reply was lost) is settled by the hash computed before
/// sending: the node knows it, or accepts the same signed bytes again, or answers "already known"
/// or "nonce too low" for that very hash: then it was sent, and is never sent as a new transaction.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim needs disposing only once its AvailableWaitHandle has been used, which this class never does.")]
public sealed partial class NonceManager
{
    private readonly EthRpcClient _rpc;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ulong _next;
    private volatile bool _stale = true;

    /// <summary>Creates a manager for <paramref name="account"/> on the node behind <paramref name="rpc"/>.</summary>
    /// <param name="rpc">The node.</param>
    /// <param name="account">The sending account.</param>
    public NonceManager(EthRpcClient rpc, Address account)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        _rpc = rpc;
        Account = account;
    }

    /// <summary>The account whose nonces this manager hands out.</summary>
    public Address Account { get; }

    /// <summary>
    /// Makes the next send read the nonce from the node again, e.g. after another program sent from
    /// the same account.
    /// </summary>
    public void Resync() => _stale = true;

    /// <summary>
    /// Takes the next nonce, has <paramref name="signWithNonce"/> sign the transaction with it,
    /// and sends the signed transaction; the nonce is used up only when the node has the transaction.
    /// </summary>
    /// <param name="signWithNonce">Builds and signs the transaction with the nonce it is given (called under the account's lock, once).</param>
    /// <param name="cancellationToken">Cancels the wait for the lock and the requests.</param>
    /// <returns>The transaction's hash, computed here before sending.</returns>
    /// <exception cref="ArgumentException">The signed transaction is not from <see cref="Account"/> or does not carry the nonce it was given.</exception>
    /// <exception cref="RpcException">The node rejected the transaction (insufficient funds, fee too low, a nonce used by another transaction...); the nonce is read again before the next send.</exception>
    /// <exception cref="SendOutcomeUnknownException">The request left but the node could not be asked afterwards whether it has the transaction.</exception>
    /// <exception cref="RpcTransportException">The node could not be reached to read the nonce.</exception>
    public async Task<Bytes32> SendAsync(Func<ulong, CancellationToken, ValueTask<SignedTransaction>> signWithNonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signWithNonce);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stale)
            {
                _next = await _rpc.GetTransactionCountAsync(Account, BlockParameter.Pending, cancellationToken).ConfigureAwait(false);
                _stale = false;
            }

            ulong nonce = _next;
            SignedTransaction signed = await signWithNonce(nonce, cancellationToken).ConfigureAwait(false);
            if (signed.Sender != Account || signed.Transaction.Nonce != nonce)
            {
                throw new ArgumentException($"The transaction was to be signed by {Account} with nonce {nonce}, but it is signed by {signed.Sender} with nonce {signed.Transaction.Nonce}.", nameof(signWithNonce));
            }

            bool sent = false;
            try
            {
                Bytes32 hash = await SubmitAsync(signed, cancellationToken).ConfigureAwait(false);
                sent = true;
                return hash;
            }
            finally
            {
                if (sent)
                {
                    _next = nonce + 1;
                }
                else
                {
                    _stale = true;
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<Bytes32> SubmitAsync(SignedTransaction signed, CancellationToken cancellationToken)
    {
        Exception ambiguity;
        try
        {
            return await SendOnceAsync(signed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcTransportException or RpcResponseException)
        {
            ambiguity = e;
        }

        // The request may have reached the node: ask for the hash, then offer the same bytes again
        // (the same hash, so at most one of the two can ever be mined).
        try
        {
            return await IsKnownAsync(signed.Hash, cancellationToken).ConfigureAwait(false)
                ? signed.Hash
                : await SendOnceAsync(signed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcTransportException or RpcResponseException)
        {
            throw new SendOutcomeUnknownException(signed.Hash, signed.Transaction.Nonce, new AggregateException(ambiguity, e));
        }
    }

    /// <summary>Sends the signed bytes; a node error still means "sent" when the node has that very transaction.</summary>
    private async Task<Bytes32> SendOnceAsync(SignedTransaction signed, CancellationToken cancellationToken)
    {
        RpcException rejection;
        try
        {
            Bytes32 answered = await _rpc.SendRawTransactionAsync(signed.RawTransaction, cancellationToken).ConfigureAwait(false);
            return answered == signed.Hash
                ? answered
                : throw new RpcResponseException("eth_sendRawTransaction", $"the node answered hash {answered} for transaction {signed.Hash}.");
        }
        catch (RpcException e)
        {
            rejection = e;
        }

        // "already known" (geth), "Known transaction" (Hardhat), "already imported" (reth, anvil);
        // "nonce too low" and Hardhat's error for a transaction it mined with status 0 also come
        // back for a transaction the node has: its hash settles it.
        if (IsAlreadyKnown(rejection) || await IsKnownAsync(signed.Hash, cancellationToken).ConfigureAwait(false))
        {
            return signed.Hash;
        }

        throw rejection;
    }

    private async Task<bool> IsKnownAsync(Bytes32 hash, CancellationToken cancellationToken) =>
        await _rpc.GetTransactionByHashAsync(hash, cancellationToken).ConfigureAwait(false) is not null;

    private static bool IsAlreadyKnown(RpcException e) => AlreadyKnown().IsMatch(e.NodeMessage);

    [GeneratedRegex(@"\b(already known|known transaction|already imported)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlreadyKnown();
}
