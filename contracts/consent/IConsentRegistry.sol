// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IConsentRegistry
/// @author EthCx
/// @notice Consent records per (subject, controller, purpose), after ISO/IEC TS 27560, the Kantara Consent Receipt
/// and the W3C Data Privacy Vocabulary (DPV); a purpose-gated audit trail of interactions; erasure marking.
/// @dev No personal data is ever stored or logged: a subject is a wallet address the customer controls, a controller
/// is the business's address, a purpose, a data element, a legal basis and an interaction kind are small codes from
/// the published tables in contracts/README.md, and documents (privacy notice, consent receipt, interaction record)
/// appear only as hashes of off-chain documents.
///
/// Every state change emits an event whose indexed topics are subject, controller and purpose, so a CRM subscribes
/// with one log filter. Every subject action (give, withdraw, erase) also exists as a `...BySig` variant that takes
/// an EIP-712 signature (domain: name "EthCx ConsentRegistry", version "1", chain id, this contract), a per-subject
/// nonce (see {nonces}) and a deadline, so that the customer needs no ether. Anyone may relay a signed message: the
/// signature binds every field, and a controller that refused to relay a withdrawal could not block it.
interface IConsentRegistry {
    // ------------------------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------------------------

    /// @notice DPV consent states. `Expired` is never stored: it is derived from `expiresAt` when a record is read.
    /// `None` means no record exists for the key.
    enum ConsentStatus {
        None,
        Given,
        Withdrawn,
        Revoked,
        Refused,
        Expired
    }

    /// @notice Kinds of interaction a controller records with a customer.
    enum InteractionKind {
        Purchase,
        Shipment,
        Return,
        ServiceContact,
        DataAccess
    }

    /// @notice What a subject consents to when giving consent.
    /// @param elements Bitmap of the personal-data categories the grant covers (bit i = element code i); not zero.
    /// @param expiresAt Unix time (seconds) after which the consent lapses; 0 means until withdrawn.
    /// @param legalBasis Legal basis / consent type code (contracts/README.md).
    /// @param noticeHash Hash of the privacy notice the subject saw.
    /// @param receiptHash Hash of the full off-chain consent receipt (ISO/IEC TS 27560 / Kantara JSON).
    struct ConsentTerms {
        uint64 elements;
        uint40 expiresAt;
        uint8 legalBasis;
        bytes32 noticeHash;
        bytes32 receiptHash;
    }

    /// @notice A consent record as stored (the first seven fields share one storage slot).
    /// @param elements Bitmap of the data elements covered by the latest grant.
    /// @param expiresAt Unix time the latest grant lapses; 0 means until withdrawn.
    /// @param givenAt Unix time of the latest grant.
    /// @param updatedAt Unix time of the latest status change (grant, withdrawal, refusal or revocation).
    /// @param version Number of grants made for this key so far; the first grant is version 1.
    /// @param legalBasis Legal basis / consent type code of the latest grant.
    /// @param status The stored status; {consentOf} reports `Expired` for a lapsed `Given` record.
    /// @param noticeHash Hash of the privacy notice of the latest grant.
    /// @param receiptHash Hash of the consent receipt of the latest grant.
    struct ConsentRecord {
        uint64 elements;
        uint40 expiresAt;
        uint40 givenAt;
        uint40 updatedAt;
        uint32 version;
        uint8 legalBasis;
        ConsentStatus status;
        bytes32 noticeHash;
        bytes32 receiptHash;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Errors
    // ------------------------------------------------------------------------------------------------------------

    /// @notice The controller address is zero.
    /// @param controller The address given as controller.
    error ConsentInvalidController(address controller);

    /// @notice A grant must cover at least one data element.
    error ConsentNoElements();

    /// @notice The requested expiry is not in the future.
    /// @param expiresAt The requested expiry (Unix seconds).
    /// @param currentTime The current block time.
    error ConsentExpiryNotInFuture(uint40 expiresAt, uint256 currentTime);

    /// @notice A grant cannot override a withdrawal, refusal or revocation recorded in the same block: within one
    /// block the "no" prevails, whatever the order of the transactions.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    /// @param status The status recorded earlier in this block.
    error ConsentEndedInSameBlock(address subject, address controller, uint16 purpose, ConsentStatus status);

    /// @notice The controller tried to revoke a consent that is not in the Given state.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    /// @param status The current status.
    error ConsentNotGiven(address subject, address controller, uint16 purpose, ConsentStatus status);

    /// @notice No consent for the purpose is in force (not given, withdrawn, refused, revoked or expired).
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    /// @param status The current status (Expired when a Given record has lapsed).
    error ConsentNotInForce(address subject, address controller, uint16 purpose, ConsentStatus status);

    /// @notice The subject has marked themself erased: no new consent or interaction can be recorded for them.
    /// @param subject The subject.
    error ConsentSubjectErased(address subject);

    /// @notice The signed message's deadline has passed.
    /// @param deadline The deadline (Unix seconds) the signer set.
    error ConsentExpiredSignature(uint256 deadline);

    /// @notice The signature is not the subject's signature of the message with the subject's current nonce.
    /// @param subject The subject the message names.
    error ConsentInvalidSignature(address subject);

    // ------------------------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------------------------

    /// @notice A subject gave (or renewed) consent.
    /// @param subject The subject.
    /// @param controller The controller the consent is given to.
    /// @param purpose The purpose code.
    /// @param elements Bitmap of the data elements covered.
    /// @param expiresAt Unix time the consent lapses; 0 means until withdrawn.
    /// @param legalBasis Legal basis / consent type code.
    /// @param version The record's version after this grant.
    /// @param noticeHash Hash of the privacy notice the subject saw.
    /// @param receiptHash Hash of the off-chain consent receipt.
    event ConsentGiven(
        address indexed subject,
        address indexed controller,
        uint16 indexed purpose,
        uint64 elements,
        uint40 expiresAt,
        uint8 legalBasis,
        uint32 version,
        bytes32 noticeHash,
        bytes32 receiptHash
    );

    /// @notice A subject withdrew consent they had given.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    event ConsentWithdrawn(address indexed subject, address indexed controller, uint16 indexed purpose);

    /// @notice A subject said no to a purpose for which they had never given consent.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    event ConsentRefused(address indexed subject, address indexed controller, uint16 indexed purpose);

    /// @notice A controller revoked a consent given to it.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    event ConsentRevoked(address indexed subject, address indexed controller, uint16 indexed purpose);

    /// @notice A controller recorded an interaction with a subject under a purpose in force.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    /// @param kind The kind of interaction.
    /// @param referenceHash Hash of the off-chain interaction record.
    event InteractionRecorded(
        address indexed subject,
        address indexed controller,
        uint16 indexed purpose,
        InteractionKind kind,
        bytes32 referenceHash
    );

    /// @notice A subject marked themself erased.
    /// @param subject The subject.
    event SubjectErased(address indexed subject);

    // ------------------------------------------------------------------------------------------------------------
    // Operations
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Gives (or renews) consent from the caller to `controller` for `purpose` on the terms given.
    /// @dev Increments the record's version and overwrites the previous terms. Reverts when the caller is erased,
    /// when a withdrawal, refusal or revocation for this key was recorded in the same block, and on invalid terms.
    /// @param controller The business that may process the data.
    /// @param purpose The purpose code.
    /// @param terms The data elements, expiry, legal basis and document hashes.
    function give(address controller, uint16 purpose, ConsentTerms calldata terms) external;

    /// @notice Gives consent on behalf of `subject`, who signed the EIP-712 message
    /// `GiveConsent(address subject,address controller,uint16 purpose,uint64 elements,uint40 expiresAt,
    /// uint8 legalBasis,bytes32 noticeHash,bytes32 receiptHash,uint256 nonce,uint256 deadline)`.
    /// @dev The nonce is the subject's current {nonces} value and is consumed. Anyone may relay.
    /// @param subject The subject who signed.
    /// @param controller The business that may process the data.
    /// @param purpose The purpose code.
    /// @param terms The data elements, expiry, legal basis and document hashes.
    /// @param deadline The last Unix time at which the signature is valid.
    /// @param signature The subject's signature: 65 bytes (r, s, v), or what the subject's ERC-1271 wallet accepts.
    function giveBySig(
        address subject,
        address controller,
        uint16 purpose,
        ConsentTerms calldata terms,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Withdraws the caller's consent to `controller` for `purpose`; never reverts for a valid controller.
    /// @dev Records Withdrawn when consent had ever been given for the key, otherwise Refused (the subject's "no"
    /// before any grant). Writes one storage slot, fewer than {give}. Allowed after erasure.
    /// @param controller The business.
    /// @param purpose The purpose code.
    function withdraw(address controller, uint16 purpose) external;

    /// @notice Withdraws consent on behalf of `subject`, who signed the EIP-712 message
    /// `WithdrawConsent(address subject,address controller,uint16 purpose,uint256 nonce,uint256 deadline)`.
    /// @dev Same nonce sequence as {giveBySig}. Anyone may relay.
    /// @param subject The subject who signed.
    /// @param controller The business.
    /// @param purpose The purpose code.
    /// @param deadline The last Unix time at which the signature is valid.
    /// @param signature The subject's signature.
    function withdrawBySig(
        address subject,
        address controller,
        uint16 purpose,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Revokes, as the controller, a consent `subject` gave to the caller for `purpose`.
    /// @dev The stored status must be Given (an expired grant can still be revoked).
    /// @param subject The subject.
    /// @param purpose The purpose code.
    function revoke(address subject, uint16 purpose) external;

    /// @notice Marks the caller erased: afterwards no consent can be given and no interaction recorded for them,
    /// and {isPermitted} is false for every purpose. Irreversible.
    function erase() external;

    /// @notice Marks `subject` erased on their behalf; they signed the EIP-712 message
    /// `EraseSubject(address subject,uint256 nonce,uint256 deadline)`.
    /// @param subject The subject who signed.
    /// @param deadline The last Unix time at which the signature is valid.
    /// @param signature The subject's signature.
    function eraseBySig(address subject, uint256 deadline, bytes calldata signature) external;

    /// @notice Records, as the controller, an interaction with `subject` under `purpose`.
    /// @dev Reverts unless the subject's consent to the caller for `purpose` is in force (Given and not expired)
    /// and the subject is not erased. Stores nothing: the event is the record.
    /// @param subject The subject.
    /// @param kind The kind of interaction.
    /// @param purpose The purpose code the interaction is processed under.
    /// @param referenceHash Hash of the off-chain interaction record (order, shipment, ticket, ...).
    function recordInteraction(address subject, InteractionKind kind, uint16 purpose, bytes32 referenceHash) external;

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @notice The consent record for a key, with `status` reported as Expired when a Given record has lapsed.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    /// @return record The record (all zero with status None when no record exists).
    function consentOf(
        address subject,
        address controller,
        uint16 purpose
    ) external view returns (ConsentRecord memory record);

    /// @notice The current DPV status of a key (Expired derived from `expiresAt`).
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    /// @return status The status.
    function statusOf(
        address subject,
        address controller,
        uint16 purpose
    ) external view returns (ConsentStatus status);

    /// @notice Whether `controller` may process every data element in `elementsMask` of `subject` for `purpose`.
    /// @param subject The subject.
    /// @param controller The controller.
    /// @param purpose The purpose code.
    /// @param elementsMask Bitmap of the data elements the controller wants to process.
    /// @return permitted True only for a Given, unexpired record covering every requested element, of a subject
    /// that is not erased.
    function isPermitted(
        address subject,
        address controller,
        uint16 purpose,
        uint64 elementsMask
    ) external view returns (bool permitted);

    /// @notice When `subject` marked themself erased.
    /// @param subject The subject.
    /// @return timestamp Unix time of the erasure; 0 when the subject is not erased.
    function erasedAt(address subject) external view returns (uint40 timestamp);

    /// @notice The nonce the subject's next signed message must carry.
    /// @param subject The subject.
    /// @return nonce The current nonce.
    function nonces(address subject) external view returns (uint256 nonce);
}
