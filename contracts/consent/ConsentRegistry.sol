// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Signatures} from "../common/Signatures.sol";
import {IConsentRegistry} from "./IConsentRegistry.sol";

/// @title ConsentRegistry
/// @author EthCx
/// @notice Consent records per (subject, controller, purpose), a purpose-gated interaction trail and erasure
/// marking. Permissionless: every address can be a controller of its own records, and no admin can alter any record.
/// @dev Storage, per key: one {ConsentRecord} of three slots. Slot 0 packs elements, expiry, given-at, updated-at,
/// version, legal basis and status (232 bits); slots 1 and 2 hold the notice and receipt hashes. A grant writes the
/// three slots; a withdrawal, refusal or revocation rewrites slot 0 only, so withdrawing never costs more than
/// giving. Erasure is one slot per subject.
///
/// Invariants an overrider must keep: a record's `version` only grows and counts grants; `updatedAt` is the time of
/// the latest status change; a grant never lands in the block (same timestamp) of a withdrawal, refusal or
/// revocation of the same key; an erased subject stays erased; every signed message consumes the subject's nonce.
contract ConsentRegistry is IConsentRegistry, EIP712, Nonces {
    // ------------------------------------------------------------------------------------------------------------
    // Constants
    // ------------------------------------------------------------------------------------------------------------

    /// @notice EIP-712 type hash of a signed grant.
    /// @dev keccak256("GiveConsent(address subject,address controller,uint16 purpose,uint64 elements,
    /// uint40 expiresAt,uint8 legalBasis,bytes32 noticeHash,bytes32 receiptHash,uint256 nonce,uint256 deadline)"),
    /// the type string on one line without the break.
    bytes32 public constant GIVE_CONSENT_TYPEHASH = 0xa95a57805a32e01ed4fa2becf961b9ad3fa350f0668419ff64d3b117627decc3;

    /// @notice EIP-712 type hash of a signed withdrawal.
    /// @dev keccak256("WithdrawConsent(address subject,address controller,uint16 purpose,uint256 nonce,
    /// uint256 deadline)"), the type string on one line without the break.
    bytes32 public constant WITHDRAW_CONSENT_TYPEHASH =
        0xb775a697a2a58fafca4c4d47a61c3752b5e4fded2c941d0aada8f15228be9b49;

    /// @notice EIP-712 type hash of a signed erasure.
    /// @dev keccak256("EraseSubject(address subject,uint256 nonce,uint256 deadline)").
    bytes32 public constant ERASE_SUBJECT_TYPEHASH = 0xd1322bb6c901b4735f10907fb2e9a85142f009ea596170e554a9d07cd1f62775;

    // ------------------------------------------------------------------------------------------------------------
    // Storage
    // ------------------------------------------------------------------------------------------------------------

    mapping(address subject => mapping(address controller => mapping(uint16 purpose => ConsentRecord record)))
        private _records;

    mapping(address subject => uint40 erasedAt) private _erasedAt;

    // ------------------------------------------------------------------------------------------------------------
    // Construction
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Deploys the registry with the EIP-712 domain name "EthCx ConsentRegistry" and version "1".
    constructor() EIP712("EthCx ConsentRegistry", "1") {
        // The EIP712 base constructor caches the domain separator; there is nothing else to set up.
    }

    // ------------------------------------------------------------------------------------------------------------
    // Operations
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IConsentRegistry
    function give(address controller, uint16 purpose, ConsentTerms calldata terms) external override {
        _give(msg.sender, controller, purpose, terms);
    }

    /// @inheritdoc IConsentRegistry
    function giveBySig(
        address subject,
        address controller,
        uint16 purpose,
        ConsentTerms calldata terms,
        uint256 deadline,
        bytes calldata signature
    ) external override {
        _requireNotExpired(deadline);
        // `terms` holds only static fields, so its ABI encoding is its fields in order: the flat EIP-712 struct.
        bytes32 structHash = keccak256(
            abi.encode(GIVE_CONSENT_TYPEHASH, subject, controller, purpose, terms, _useNonce(subject), deadline)
        );
        _requireSignature(subject, structHash, signature);
        _give(subject, controller, purpose, terms);
    }

    /// @inheritdoc IConsentRegistry
    function withdraw(address controller, uint16 purpose) external override {
        _withdraw(msg.sender, controller, purpose);
    }

    /// @inheritdoc IConsentRegistry
    function withdrawBySig(
        address subject,
        address controller,
        uint16 purpose,
        uint256 deadline,
        bytes calldata signature
    ) external override {
        _requireNotExpired(deadline);
        bytes32 structHash = keccak256(
            abi.encode(WITHDRAW_CONSENT_TYPEHASH, subject, controller, purpose, _useNonce(subject), deadline)
        );
        _requireSignature(subject, structHash, signature);
        _withdraw(subject, controller, purpose);
    }

    /// @inheritdoc IConsentRegistry
    function revoke(address subject, uint16 purpose) external override {
        ConsentRecord storage record = _records[subject][msg.sender][purpose];
        ConsentStatus status = record.status;
        if (status != ConsentStatus.Given) {
            revert ConsentNotGiven(subject, msg.sender, purpose, status);
        }
        record.status = ConsentStatus.Revoked;
        record.updatedAt = _now();
        emit ConsentRevoked(subject, msg.sender, purpose);
    }

    /// @inheritdoc IConsentRegistry
    function erase() external override {
        _erase(msg.sender);
    }

    /// @inheritdoc IConsentRegistry
    function eraseBySig(address subject, uint256 deadline, bytes calldata signature) external override {
        _requireNotExpired(deadline);
        bytes32 structHash = keccak256(abi.encode(ERASE_SUBJECT_TYPEHASH, subject, _useNonce(subject), deadline));
        _requireSignature(subject, structHash, signature);
        _erase(subject);
    }

    /// @inheritdoc IConsentRegistry
    function recordInteraction(
        address subject,
        InteractionKind kind,
        uint16 purpose,
        bytes32 referenceHash
    ) external override {
        if (_erasedAt[subject] != 0) {
            revert ConsentSubjectErased(subject);
        }
        ConsentRecord storage record = _records[subject][msg.sender][purpose];
        ConsentStatus status = _effectiveStatus(record.status, record.expiresAt);
        if (status != ConsentStatus.Given) {
            revert ConsentNotInForce(subject, msg.sender, purpose, status);
        }
        emit InteractionRecorded({
            subject: subject,
            controller: msg.sender,
            purpose: purpose,
            kind: kind,
            referenceHash: referenceHash
        });
    }

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IConsentRegistry
    function consentOf(
        address subject,
        address controller,
        uint16 purpose
    ) external view override returns (ConsentRecord memory record) {
        record = _records[subject][controller][purpose];
        record.status = _effectiveStatus(record.status, record.expiresAt);
    }

    /// @inheritdoc IConsentRegistry
    function statusOf(
        address subject,
        address controller,
        uint16 purpose
    ) external view override returns (ConsentStatus status) {
        ConsentRecord storage record = _records[subject][controller][purpose];
        status = _effectiveStatus(record.status, record.expiresAt);
    }

    /// @inheritdoc IConsentRegistry
    function isPermitted(
        address subject,
        address controller,
        uint16 purpose,
        uint64 elementsMask
    ) external view override returns (bool permitted) {
        ConsentRecord storage record = _records[subject][controller][purpose];
        permitted =
            _effectiveStatus(record.status, record.expiresAt) == ConsentStatus.Given &&
            record.elements & elementsMask == elementsMask &&
            _erasedAt[subject] == 0;
    }

    /// @inheritdoc IConsentRegistry
    function erasedAt(address subject) external view override returns (uint40 timestamp) {
        timestamp = _erasedAt[subject];
    }

    /// @inheritdoc IConsentRegistry
    function nonces(address subject) public view override(IConsentRegistry, Nonces) returns (uint256 nonce) {
        nonce = super.nonces(subject);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Internal operations
    // ------------------------------------------------------------------------------------------------------------

    function _give(address subject, address controller, uint16 purpose, ConsentTerms calldata terms) private {
        if (controller == address(0)) {
            revert ConsentInvalidController(controller);
        }
        if (terms.elements == 0) {
            revert ConsentNoElements();
        }
        uint40 expiresAt = terms.expiresAt;
        if (expiresAt != 0 && expiresAt <= block.timestamp) {
            revert ConsentExpiryNotInFuture(expiresAt, block.timestamp);
        }
        if (_erasedAt[subject] != 0) {
            revert ConsentSubjectErased(subject);
        }
        ConsentRecord storage record = _records[subject][controller][purpose];
        uint40 now_ = _now();
        ConsentStatus previous = record.status;
        if (record.updatedAt == now_ && previous != ConsentStatus.Given && previous != ConsentStatus.None) {
            revert ConsentEndedInSameBlock(subject, controller, purpose, previous);
        }
        uint32 version = record.version + 1;
        record.elements = terms.elements;
        record.expiresAt = expiresAt;
        record.givenAt = now_;
        record.updatedAt = now_;
        record.version = version;
        record.legalBasis = terms.legalBasis;
        record.status = ConsentStatus.Given;
        record.noticeHash = terms.noticeHash;
        record.receiptHash = terms.receiptHash;
        emit ConsentGiven({
            subject: subject,
            controller: controller,
            purpose: purpose,
            elements: terms.elements,
            expiresAt: expiresAt,
            legalBasis: terms.legalBasis,
            version: version,
            noticeHash: terms.noticeHash,
            receiptHash: terms.receiptHash
        });
    }

    function _withdraw(address subject, address controller, uint16 purpose) private {
        if (controller == address(0)) {
            revert ConsentInvalidController(controller);
        }
        ConsentRecord storage record = _records[subject][controller][purpose];
        uint40 now_ = _now();
        if (record.version == 0) {
            record.status = ConsentStatus.Refused;
            record.updatedAt = now_;
            emit ConsentRefused(subject, controller, purpose);
        } else {
            record.status = ConsentStatus.Withdrawn;
            record.updatedAt = now_;
            emit ConsentWithdrawn(subject, controller, purpose);
        }
    }

    function _erase(address subject) private {
        if (_erasedAt[subject] != 0) {
            revert ConsentSubjectErased(subject);
        }
        _erasedAt[subject] = _now();
        emit SubjectErased(subject);
    }

    function _requireNotExpired(uint256 deadline) private view {
        if (block.timestamp > deadline) {
            revert ConsentExpiredSignature(deadline);
        }
    }

    function _requireSignature(address subject, bytes32 structHash, bytes calldata signature) private view {
        if (!Signatures.isValidCalldata(subject, _hashTypedDataV4(structHash), signature)) {
            revert ConsentInvalidSignature(subject);
        }
    }

    function _effectiveStatus(ConsentStatus status, uint40 expiresAt) private view returns (ConsentStatus effective) {
        effective = status == ConsentStatus.Given && expiresAt != 0 && expiresAt <= block.timestamp
            ? ConsentStatus.Expired
            : status;
    }

    function _now() private view returns (uint40 timestamp) {
        // Unix time in seconds fits in 40 bits until the year 36812.
        timestamp = uint40(block.timestamp);
    }
}
