using EthCx.Chain.Contracts;
using EthCx.Chain.Crypto;
using EthCx.Chain.Primitives;
using EthCx.Chain.Rpc;
using EthCx.Contracts.Bindings;
using EthCx.Contracts.ConsentRegistry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EthCx.Services.Consent;

/// <summary>
/// Consent in the business's terms: give and withdraw (directly, or relaying the subject's EIP-712 signature, so the
/// customer needs no ether), revoke, record purpose-gated interactions, check permission, and read a subject's
/// history from the registry's events. Every write runs as the client's signer: the subject for
/// <see cref="GiveAsync"/>, <see cref="WithdrawAsync"/> and <see cref="EraseAsync"/>; the controller for
/// <see cref="RevokeAsync"/> and <see cref="RecordInteractionAsync"/>; anyone for the relayed variants.
/// </summary>
/// <remarks>Reverts surface as the registry's typed exceptions, e.g. <see cref="ConsentNotInForceException"/>.</remarks>
public sealed partial class ConsentService
{
    private readonly ConsentRegistryService _registry;
    private readonly TypedMessageSigner _messages;
    private readonly ILogger _logger;

    /// <summary>Creates the service for the registry at <paramref name="registry"/>.</summary>
    /// <param name="client">The client; its signer acts (see the class remarks).</param>
    /// <param name="registry">The <c>ConsentRegistry</c> address.</param>
    /// <param name="logger">Receives one line per change (addresses and codes only).</param>
    public ConsentService(ChainClient client, Address registry, ILogger<ConsentService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _registry = new ConsentRegistryService(client, registry);
        _messages = new TypedMessageSigner(_registry.ContractHandler);
        _logger = logger ?? NullLogger<ConsentService>.Instance;
    }

    /// <summary>The registry's address.</summary>
    public Address Registry => _registry.ContractAddress;

    /// <summary>The account the service acts as (the client's signer); null for a read-only client.</summary>
    public Address? Account => _registry.Client.Signer?.Address;

    private Address Sender => _registry.Client.Signer?.Address ?? throw new InvalidOperationException("This ConsentService has a read-only client: connect it with a signer to send transactions.");

    /// <summary>Gives (or renews) consent as the subject, who is the client's signer and pays the gas.</summary>
    /// <param name="grant">What the subject consents to.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The record after the grant and the transaction.</returns>
    /// <exception cref="ArgumentException">The grant covers no data element (refused here, before sending).</exception>
    /// <exception cref="ConsentExpiryNotInFutureException">The expiry is not in the future.</exception>
    /// <exception cref="ConsentSubjectErasedException">The subject is erased.</exception>
    public async Task<ConsentChange> GiveAsync(ConsentGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        Address subject = Sender;
        TransactionReceipt receipt = await _registry.GiveRequestAndWaitForReceiptAsync(grant.Controller, (ushort)grant.Purpose, Terms(grant), cancellationToken).ConfigureAwait(false);
        return await ChangedAsync(ConsentEventKind.Given, subject, grant.Controller, grant.Purpose, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Withdraws consent as the subject (the client's signer). Never reverts for a valid controller: a withdrawal before any grant records a refusal.</summary>
    /// <param name="controller">The business.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The record after the withdrawal and the transaction.</returns>
    public async Task<ConsentChange> WithdrawAsync(Address controller, ConsentPurpose purpose, CancellationToken cancellationToken = default)
    {
        Address subject = Sender;
        TransactionReceipt receipt = await _registry.WithdrawRequestAndWaitForReceiptAsync(controller, (ushort)purpose, cancellationToken).ConfigureAwait(false);
        return await ChangedAsync(ConsentEventKind.Withdrawn, subject, controller, purpose, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs a grant as the subject (in their wallet), for a relayer to send with <see cref="GiveBySignatureAsync"/>.</summary>
    /// <param name="subject">The subject's signer.</param>
    /// <param name="grant">What they consent to.</param>
    /// <param name="deadline">The last time the signature is valid; default: one hour after the latest block.</param>
    /// <param name="nonce">The subject's nonce to sign; default: their current one (sign the next message with nonce + 1 before relaying this one).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The signed grant.</returns>
    /// <exception cref="ArgumentException">The grant covers no data element.</exception>
    public async Task<SignedConsentGrant> SignGrantAsync(ISigner subject, ConsentGrant grant, DateTimeOffset? deadline = null, ulong? nonce = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(grant);
        ConsentTerms terms = Terms(grant);
        (Signature signature, DateTimeOffset until) = await _messages.SignAsync(subject, "GiveConsent",
        [
            new("subject", "address", subject.Address),
            new("controller", "address", grant.Controller),
            new("purpose", "uint16", (ushort)grant.Purpose),
            new("elements", "uint64", terms.Elements),
            new("expiresAt", "uint40", terms.ExpiresAt),
            new("legalBasis", "uint8", terms.LegalBasis),
            new("noticeHash", "bytes32", terms.NoticeHash),
            new("receiptHash", "bytes32", terms.ReceiptHash),
        ], deadline, nonce, cancellationToken).ConfigureAwait(false);
        return new SignedConsentGrant(subject.Address, grant, until, signature);
    }

    /// <summary>Relays a signed grant; the client's signer (e.g. the business) pays the gas.</summary>
    /// <param name="signedGrant">The signed grant.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The record after the grant and the transaction.</returns>
    /// <exception cref="ConsentInvalidSignatureException">The signature is not the subject's over this grant with their current nonce.</exception>
    /// <exception cref="ConsentExpiredSignatureException">The deadline has passed.</exception>
    public async Task<ConsentChange> GiveBySignatureAsync(SignedConsentGrant signedGrant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedGrant);
        ConsentGrant grant = signedGrant.Grant;
        TransactionReceipt receipt = await _registry.GiveBySigRequestAndWaitForReceiptAsync(
            signedGrant.Subject, grant.Controller, (ushort)grant.Purpose, Terms(grant), ChainTime.ToUnixSeconds(signedGrant.Deadline, nameof(signedGrant)), signedGrant.Signature.ToBytes(), cancellationToken).ConfigureAwait(false);
        return await ChangedAsync(ConsentEventKind.Given, signedGrant.Subject, grant.Controller, grant.Purpose, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs a withdrawal as the subject, for a relayer to send with <see cref="WithdrawBySignatureAsync"/>: exactly as easy as giving.</summary>
    /// <param name="subject">The subject's signer.</param>
    /// <param name="controller">The business.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="deadline">The last time the signature is valid; default: one hour after the latest block.</param>
    /// <param name="nonce">The subject's nonce to sign; default: their current one.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The signed withdrawal.</returns>
    public async Task<SignedConsentWithdrawal> SignWithdrawalAsync(ISigner subject, Address controller, ConsentPurpose purpose, DateTimeOffset? deadline = null, ulong? nonce = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        (Signature signature, DateTimeOffset until) = await _messages.SignAsync(subject, "WithdrawConsent",
        [
            new("subject", "address", subject.Address),
            new("controller", "address", controller),
            new("purpose", "uint16", (ushort)purpose),
        ], deadline, nonce, cancellationToken).ConfigureAwait(false);
        return new SignedConsentWithdrawal(subject.Address, controller, purpose, until, signature);
    }

    /// <summary>Relays a signed withdrawal; the client's signer pays the gas.</summary>
    /// <param name="signedWithdrawal">The signed withdrawal.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The record after the withdrawal and the transaction.</returns>
    /// <exception cref="ConsentInvalidSignatureException">The signature is not the subject's over this withdrawal with their current nonce.</exception>
    /// <exception cref="ConsentExpiredSignatureException">The deadline has passed.</exception>
    public async Task<ConsentChange> WithdrawBySignatureAsync(SignedConsentWithdrawal signedWithdrawal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedWithdrawal);
        TransactionReceipt receipt = await _registry.WithdrawBySigRequestAndWaitForReceiptAsync(
            signedWithdrawal.Subject, signedWithdrawal.Controller, (ushort)signedWithdrawal.Purpose, ChainTime.ToUnixSeconds(signedWithdrawal.Deadline, nameof(signedWithdrawal)), signedWithdrawal.Signature.ToBytes(), cancellationToken).ConfigureAwait(false);
        return await ChangedAsync(ConsentEventKind.Withdrawn, signedWithdrawal.Subject, signedWithdrawal.Controller, signedWithdrawal.Purpose, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes, as the controller (the client's signer), a consent the subject gave it.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The record after the revocation and the transaction.</returns>
    /// <exception cref="ConsentNotGivenException">The consent is not in the Given state.</exception>
    public async Task<ConsentChange> RevokeAsync(Address subject, ConsentPurpose purpose, CancellationToken cancellationToken = default)
    {
        Address controller = Sender;
        TransactionReceipt receipt = await _registry.RevokeRequestAndWaitForReceiptAsync(subject, (ushort)purpose, cancellationToken).ConfigureAwait(false);
        return await ChangedAsync(ConsentEventKind.Revoked, subject, controller, purpose, receipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the subject (the client's signer) erased: no consent or interaction can be recorded for them afterwards. Irreversible.</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="ConsentSubjectErasedException">The subject is already erased.</exception>
    public async Task<TransactionSummary> EraseAsync(CancellationToken cancellationToken = default)
    {
        Address subject = Sender;
        var summary = TransactionSummary.From(await _registry.EraseRequestAndWaitForReceiptAsync(cancellationToken).ConfigureAwait(false));
        LogErased(_logger, subject, summary.Hash);
        return summary;
    }

    /// <summary>Records, as the controller (the client's signer), an interaction with the subject; refused unless consent for the purpose is in force.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="kind">The kind of interaction.</param>
    /// <param name="purpose">The purpose it is processed under.</param>
    /// <param name="reference">Hash of the off-chain interaction record (see <see cref="DocumentHash"/>).</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The recorded interaction.</returns>
    /// <exception cref="ConsentNotInForceException">No consent for the purpose is in force; its <c>Status</c> says why (withdrawn, expired, ...).</exception>
    /// <exception cref="ConsentSubjectErasedException">The subject is erased.</exception>
    public async Task<InteractionRecord> RecordInteractionAsync(Address subject, InteractionKind kind, ConsentPurpose purpose, Bytes32 reference, CancellationToken cancellationToken = default)
    {
        Address controller = Sender;
        var summary = TransactionSummary.From(await _registry.RecordInteractionRequestAndWaitForReceiptAsync(subject, kind, (ushort)purpose, reference, cancellationToken).ConfigureAwait(false));
        LogInteraction(_logger, kind, subject, purpose, summary.Hash);
        return new InteractionRecord(subject, controller, purpose, kind, reference, summary);
    }

    /// <summary>
    /// Checks, without sending anything (an <c>eth_call</c> from the client's signer), whether an interaction would be
    /// recorded now, and if not, why: the registry's own decoded refusal.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="kind">The kind of interaction.</param>
    /// <param name="purpose">The purpose it would be processed under.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it would be recorded, and the refusal when not.</returns>
    public async Task<InteractionCheck> CheckInteractionAsync(Address subject, InteractionKind kind, ConsentPurpose purpose, CancellationToken cancellationToken = default)
    {
        try
        {
            await _registry.RecordInteractionQueryAsync(subject, kind, (ushort)purpose, Bytes32.Zero, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
            return new InteractionCheck(true, ConsentStatus.Given, null);
        }
        catch (ConsentNotInForceException refused)
        {
            return new InteractionCheck(false, refused.Status, refused.Error.Description);
        }
        catch (ConsentSubjectErasedException erased)
        {
            return new InteractionCheck(false, (await GetAsync(subject, Sender, purpose, cancellationToken).ConfigureAwait(false)).Status, erased.Error.Description);
        }
    }

    /// <summary>Finds an interaction already recorded (so that a retried journey does not record it twice).</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="controller">The controller.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="kind">The kind of interaction.</param>
    /// <param name="reference">The hash of its off-chain record.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The earliest matching interaction, or null.</returns>
    public async Task<InteractionRecord?> FindInteractionAsync(Address subject, Address controller, ConsentPurpose purpose, InteractionKind kind, Bytes32 reference, CancellationToken cancellationToken = default)
    {
        var filter = new InteractionRecordedEventFilter { Subject = [subject], Controller = [controller], Purpose = [(ushort)purpose] };
        IReadOnlyList<EventLog<InteractionRecordedEventDto>> logs = await _registry.GetInteractionRecordedEventsAsync(filter, BlockParameter.Earliest, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        EventLog<InteractionRecordedEventDto>? match = logs.FirstOrDefault(log => log.Event.Kind == kind && log.Event.ReferenceHash == reference);
        if (match is null)
        {
            return null;
        }

        TransactionReceipt receipt = await _registry.Client.Rpc.GetTransactionReceiptAsync(match.Log.TransactionHash, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The node has a log of transaction {match.Log.TransactionHash} but not its receipt.");
        return new InteractionRecord(subject, controller, purpose, kind, reference, TransactionSummary.From(receipt));
    }

    /// <summary>Whether the controller may process every element in <paramref name="elements"/> of the subject's data for the purpose: one view call.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="controller">The controller.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="elements">The data elements wanted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True only for a given, unexpired consent covering every element, of a subject not erased.</returns>
    public Task<bool> IsPermittedAsync(Address subject, Address controller, ConsentPurpose purpose, DataElements elements, CancellationToken cancellationToken = default) =>
        _registry.IsPermittedQueryAsync(subject, controller, (ushort)purpose, (ulong)elements, BlockParameter.Latest, cancellationToken);

    /// <summary>The consent record of a key as it is now.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="controller">The controller.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record (status None when there is none).</returns>
    public async Task<ConsentSnapshot> GetAsync(Address subject, Address controller, ConsentPurpose purpose, CancellationToken cancellationToken = default)
    {
        ConsentRecord record = await _registry.ConsentOfQueryAsync(subject, controller, (ushort)purpose, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        return ConsentSnapshot.From(subject, controller, purpose, record);
    }

    /// <summary>When the subject marked themself erased, or null.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The erasure time, or null when the subject is not erased.</returns>
    public async Task<DateTimeOffset?> ErasedAtAsync(Address subject, CancellationToken cancellationToken = default)
    {
        ulong erasedAt = await _registry.ErasedAtQueryAsync(subject, BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        return erasedAt == 0 ? null : ChainTime.FromUnixSeconds(erasedAt);
    }

    /// <summary>A subject's consent history (grants, withdrawals, refusals, revocations, interactions, erasure) from the registry's events, oldest first.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="controller">Only this controller's entries (an erasure is always included); null: all controllers.</param>
    /// <param name="fromBlock">The first block to read; default: the genesis block.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The entries, in chain order.</returns>
    public async Task<IReadOnlyList<ConsentHistoryEntry>> GetHistoryAsync(Address subject, Address? controller = null, ulong fromBlock = 0, CancellationToken cancellationToken = default)
    {
        var filter = new LogFilter
        {
            Addresses = [Registry],
            Topics =
            [
                [ConsentGivenEventDto.Topic0, ConsentWithdrawnEventDto.Topic0, ConsentRefusedEventDto.Topic0, ConsentRevokedEventDto.Topic0, InteractionRecordedEventDto.Topic0, SubjectErasedEventDto.Topic0],
                [TypedMessages.Topic(subject)],
            ],
            FromBlock = fromBlock,
            ToBlock = BlockParameter.Latest,
        };
        IReadOnlyList<Log> logs = await _registry.Client.Rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<ulong, DateTimeOffset> times = await ChainTime.BlockTimesAsync(_registry.Client.Rpc, logs.Select(log => log.BlockNumber), cancellationToken).ConfigureAwait(false);
        return
        [
            .. logs
                .Where(log => !log.Removed)
                .OrderBy(log => log.BlockNumber).ThenBy(log => log.LogIndex)
                .Select(log => HistoryEntry(log, times[log.BlockNumber]))
                .Where(entry => controller is null || entry.Controller is null || entry.Controller == controller),
        ];
    }

    private static ConsentHistoryEntry HistoryEntry(Log log, DateTimeOffset time)
    {
        Bytes32 topic = log.Topics[0];
        if (topic == ConsentGivenEventDto.Topic0)
        {
            ConsentGivenEventDto given = ConsentGivenEventDto.DecodeLog(log);
            return Entry(ConsentEventKind.Given, given.Subject, given.Controller, given.Purpose, log, time) with
            {
                Elements = (DataElements)given.Elements,
                LegalBasis = (LegalBasis)given.LegalBasis,
                ExpiresAt = given.ExpiresAt == 0 ? null : ChainTime.FromUnixSeconds(given.ExpiresAt),
                Version = given.Version,
                NoticeHash = given.NoticeHash,
                ReceiptHash = given.ReceiptHash,
            };
        }

        if (topic == InteractionRecordedEventDto.Topic0)
        {
            InteractionRecordedEventDto interaction = InteractionRecordedEventDto.DecodeLog(log);
            return Entry(ConsentEventKind.Interaction, interaction.Subject, interaction.Controller, interaction.Purpose, log, time) with
            {
                Interaction = interaction.Kind,
                Reference = interaction.ReferenceHash,
            };
        }

        if (topic == SubjectErasedEventDto.Topic0)
        {
            return new ConsentHistoryEntry(ConsentEventKind.Erased, SubjectErasedEventDto.DecodeLog(log).Subject, null, null, time, log.BlockNumber, log.TransactionHash) { LogIndex = log.LogIndex };
        }

        if (topic == ConsentWithdrawnEventDto.Topic0)
        {
            ConsentWithdrawnEventDto withdrawn = ConsentWithdrawnEventDto.DecodeLog(log);
            return Entry(ConsentEventKind.Withdrawn, withdrawn.Subject, withdrawn.Controller, withdrawn.Purpose, log, time);
        }

        if (topic == ConsentRefusedEventDto.Topic0)
        {
            ConsentRefusedEventDto refused = ConsentRefusedEventDto.DecodeLog(log);
            return Entry(ConsentEventKind.Refused, refused.Subject, refused.Controller, refused.Purpose, log, time);
        }

        ConsentRevokedEventDto revoked = ConsentRevokedEventDto.DecodeLog(log);
        return Entry(ConsentEventKind.Revoked, revoked.Subject, revoked.Controller, revoked.Purpose, log, time);
    }

    private static ConsentHistoryEntry Entry(ConsentEventKind kind, Address subject, Address controller, ushort purpose, Log log, DateTimeOffset time) =>
        new(kind, subject, controller, (ConsentPurpose)purpose, time, log.BlockNumber, log.TransactionHash) { LogIndex = log.LogIndex };

    private static ConsentTerms Terms(ConsentGrant grant)
    {
        if (grant.Elements == DataElements.None)
        {
            throw new ArgumentException($"A grant must cover at least one data element; the grant for {grant.Purpose} covers none.", nameof(grant));
        }

        ulong expiresAt = grant.ExpiresAt is { } expiry ? ChainTime.ToUInt40Seconds(expiry, nameof(grant)) : 0;
        return new ConsentTerms((ulong)grant.Elements, expiresAt, (byte)grant.LegalBasis, grant.NoticeHash, grant.ReceiptHash);
    }

    private async Task<ConsentChange> ChangedAsync(ConsentEventKind kind, Address subject, Address controller, ConsentPurpose purpose, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        ConsentSnapshot snapshot = await GetAsync(subject, controller, purpose, cancellationToken).ConfigureAwait(false);
        LogChanged(_logger, kind, subject, controller, purpose, snapshot.Status, receipt.TransactionHash);
        return new ConsentChange(snapshot, TransactionSummary.From(receipt));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent {Kind}: subject {Subject}, controller {Controller}, purpose {Purpose}; now {Status} (transaction {Transaction})")]
    private static partial void LogChanged(ILogger logger, ConsentEventKind kind, Address subject, Address controller, ConsentPurpose purpose, ConsentStatus status, Bytes32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {Kind} recorded for subject {Subject} under {Purpose} (transaction {Transaction})")]
    private static partial void LogInteraction(ILogger logger, InteractionKind kind, Address subject, ConsentPurpose purpose, Bytes32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subject {Subject} erased (transaction {Transaction})")]
    private static partial void LogErased(ILogger logger, Address subject, Bytes32 transaction);
}
