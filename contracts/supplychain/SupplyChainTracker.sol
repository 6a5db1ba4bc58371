// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {
    AccessControlDefaultAdminRules
} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Signatures} from "../common/Signatures.sol";
import {ISupplyChainTracker} from "./ISupplyChainTracker.sol";

/// @title SupplyChainTracker
/// @author EthCx
/// @notice EPCIS 2.0 event anchoring and cold-chain shipments with two-step custody, for parties holding a role
/// per CBV party type.
/// @dev Storage and gas:
/// - An anchored event is one slot (anchorer, anchored-at, error flag): anchoring costs one cold storage write per
///   event, and the duplicate check reads the slot it then writes. A Merkle batch is one slot as well.
/// - A shipment is three slots and every operation on it is O(1): nothing grows with its history. Slot 0 holds
///   custodian, status, conformance, excursion total and the end of the last sensor window (the state that
///   custody steps and sensor reports change); slot 1 holds the pending custodian with the creation time, so an
///   offer always rewrites a non-zero slot; slot 2 holds receiver and condition profile (never rewritten). An open
///   offer is `pendingCustodian != custodian`: accepting writes slot 0 only and leaves slot 1 alone.
/// - The five party roles live in one bitmap per account, so "holds any party role" is a single storage read;
///   {hasRole}, {grantRole}, {revokeRole} and {renounceRole} work on it as for any OpenZeppelin role, with
///   DEFAULT_ADMIN_ROLE (two-step transfer with a delay) as their admin.
///
/// Invariants an overrider must keep: an event id or Merkle root is anchored at most once and never un-anchored;
/// a shipment's conformance only goes from true to false; only the current custodian offers; only the named
/// party accepts; a non-conformant shipment is never accepted or delivered as conformant.
contract SupplyChainTracker is ISupplyChainTracker, AccessControlDefaultAdminRules, EIP712, Nonces {
    // ------------------------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------------------------

    /// @dev A shipment in storage: three slots (see the contract's @dev).
    struct ShipmentRecord {
        // slot 0: 248 bits
        address custodian;
        ShipmentStatus status;
        bool conformant;
        uint32 excursionSecondsUsed;
        uint40 lastReportEnd;
        // slot 1: 200 bits; pendingCustodian == custodian means no open offer
        address pendingCustodian;
        uint40 createdAt;
        // slot 2: 256 bits
        address receiver;
        int16 minTemp;
        int16 maxTemp;
        uint32 maxExcursionSeconds;
        uint32 excursionBudgetSeconds;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Constants
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Role of manufacturers (CBV party type); keccak256("MANUFACTURER_ROLE").
    bytes32 public constant MANUFACTURER_ROLE = keccak256("MANUFACTURER_ROLE");

    /// @notice Role of carriers (CBV party type); keccak256("CARRIER_ROLE").
    bytes32 public constant CARRIER_ROLE = keccak256("CARRIER_ROLE");

    /// @notice Role of distributors (CBV party type); keccak256("DISTRIBUTOR_ROLE").
    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");

    /// @notice Role of retailers (CBV party type); keccak256("RETAILER_ROLE").
    bytes32 public constant RETAILER_ROLE = keccak256("RETAILER_ROLE");

    /// @notice Role of registered sensors and oracles; keccak256("SENSOR_ROLE").
    bytes32 public constant SENSOR_ROLE = keccak256("SENSOR_ROLE");

    /// @notice EIP-712 type hash of a signed custody acceptance.
    /// @dev keccak256("AcceptCustody(bytes32 shipmentId,address party,bool asConformant,uint256 nonce,
    /// uint256 deadline)"), the type string on one line without the break.
    bytes32 public constant ACCEPT_CUSTODY_TYPEHASH =
        0x47dd84666af6d023809df14c2ab5546a9b9fd28a3a779b5911dece6eb64bfbf3;

    uint8 private constant _MANUFACTURER_BIT = 1;
    uint8 private constant _CARRIER_BIT = 2;
    uint8 private constant _DISTRIBUTOR_BIT = 4;
    uint8 private constant _RETAILER_BIT = 8;
    uint8 private constant _SENSOR_BIT = 16;
    /// @dev The roles that make an account a party: all but SENSOR_ROLE.
    uint8 private constant _PARTY_BITS = _MANUFACTURER_BIT | _CARRIER_BIT | _DISTRIBUTOR_BIT | _RETAILER_BIT;

    // ------------------------------------------------------------------------------------------------------------
    // Storage
    // ------------------------------------------------------------------------------------------------------------

    mapping(address account => uint8 roleBits) private _partyRoles;

    mapping(bytes32 eventId => EventAnchor anchor) private _anchors;

    mapping(bytes32 root => MerkleBatch batch) private _merkleBatches;

    mapping(bytes32 shipmentId => ShipmentRecord shipment) private _shipments;

    // ------------------------------------------------------------------------------------------------------------
    // Construction
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Deploys the tracker with its admin and the EIP-712 domain "EthCx SupplyChainTracker", version "1".
    /// @param initialAdminDelay Delay (seconds) of a DEFAULT_ADMIN_ROLE transfer.
    /// @param initialAdmin The first holder of DEFAULT_ADMIN_ROLE; it grants the party and sensor roles.
    constructor(
        uint48 initialAdminDelay,
        address initialAdmin
    ) AccessControlDefaultAdminRules(initialAdminDelay, initialAdmin) EIP712("EthCx SupplyChainTracker", "1") {
        // The base constructors set the admin and cache the domain separator; there is nothing else to set up.
    }

    // ------------------------------------------------------------------------------------------------------------
    // Event anchoring
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ISupplyChainTracker
    function anchorEvent(EpcisEvent calldata epcisEvent) external override {
        _requireParty();
        _anchor(epcisEvent);
    }

    /// @inheritdoc ISupplyChainTracker
    function anchorEvents(EpcisEvent[] calldata epcisEvents) external override {
        _requireParty();
        uint256 count = epcisEvents.length;
        if (count == 0) {
            revert SupplyChainEmptyBatch();
        }
        for (uint256 i = 0; i < count; ++i) {
            _anchor(epcisEvents[i]);
        }
    }

    /// @inheritdoc ISupplyChainTracker
    function anchorMerkleBatch(bytes32 root, uint32 eventCount) external override {
        _requireParty();
        if (root == bytes32(0) || eventCount == 0) {
            revert SupplyChainInvalidMerkleBatch(root, eventCount);
        }
        if (_merkleBatches[root].anchoredAt != 0) {
            revert SupplyChainMerkleRootAlreadyAnchored(root);
        }
        _merkleBatches[root] = MerkleBatch({anchorer: msg.sender, anchoredAt: _now(), eventCount: eventCount});
        emit MerkleBatchAnchored(root, msg.sender, eventCount);
    }

    /// @inheritdoc ISupplyChainTracker
    function declareError(bytes32 erroneousEventId, uint8 reason, EpcisEvent calldata declaration) external override {
        _requireParty();
        EventAnchor storage erroneous = _anchors[erroneousEventId];
        if (erroneous.anchoredAt == 0) {
            revert SupplyChainEventNotAnchored(erroneousEventId);
        }
        if (erroneous.anchorer != msg.sender) {
            revert SupplyChainNotAnchorer(erroneousEventId, msg.sender);
        }
        if (erroneous.errorDeclared) {
            revert SupplyChainErrorAlreadyDeclared(erroneousEventId);
        }
        erroneous.errorDeclared = true;
        _anchor(declaration);
        emit ErrorDeclared(erroneousEventId, declaration.eventId, msg.sender, reason);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Shipments
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ISupplyChainTracker
    function createShipment(bytes32 shipmentId, address receiver, ConditionProfile calldata profile) external override {
        _requireParty();
        if (_shipments[shipmentId].status != ShipmentStatus.None) {
            revert SupplyChainShipmentExists(shipmentId);
        }
        if (receiver == address(0) || receiver == msg.sender) {
            revert SupplyChainInvalidReceiver(receiver);
        }
        if (profile.minTemp > profile.maxTemp) {
            revert SupplyChainInvalidProfile(profile.minTemp, profile.maxTemp);
        }
        _shipments[shipmentId] = ShipmentRecord({
            custodian: msg.sender,
            status: ShipmentStatus.InTransit,
            conformant: true,
            excursionSecondsUsed: 0,
            lastReportEnd: 0,
            pendingCustodian: msg.sender,
            createdAt: _now(),
            receiver: receiver,
            minTemp: profile.minTemp,
            maxTemp: profile.maxTemp,
            maxExcursionSeconds: profile.maxExcursionSeconds,
            excursionBudgetSeconds: profile.excursionBudgetSeconds
        });
        emit ShipmentCreated({
            shipmentId: shipmentId,
            sender: msg.sender,
            receiver: receiver,
            minTemp: profile.minTemp,
            maxTemp: profile.maxTemp,
            maxExcursionSeconds: profile.maxExcursionSeconds,
            excursionBudgetSeconds: profile.excursionBudgetSeconds
        });
    }

    /// @inheritdoc ISupplyChainTracker
    function offerCustody(bytes32 shipmentId, address to) external override {
        ShipmentRecord storage shipment = _shipments[shipmentId];
        _requireInTransit(shipmentId, shipment.status);
        address custodian = shipment.custodian;
        if (msg.sender != custodian) {
            revert SupplyChainNotCustodian(shipmentId, msg.sender);
        }
        if (to == address(0) || to == custodian) {
            revert SupplyChainInvalidOfferee(to);
        }
        shipment.pendingCustodian = to;
        emit CustodyOffered(shipmentId, custodian, to);
    }

    /// @inheritdoc ISupplyChainTracker
    function acceptCustody(bytes32 shipmentId, bool asConformant) external override {
        _acceptCustody(shipmentId, msg.sender, asConformant);
    }

    /// @inheritdoc ISupplyChainTracker
    function acceptCustodyBySig(
        bytes32 shipmentId,
        address party,
        bool asConformant,
        uint256 deadline,
        bytes calldata signature
    ) external override {
        if (block.timestamp > deadline) {
            revert SupplyChainExpiredSignature(deadline);
        }
        bytes32 structHash = keccak256(
            abi.encode(ACCEPT_CUSTODY_TYPEHASH, shipmentId, party, asConformant, _useNonce(party), deadline)
        );
        if (!Signatures.isValidCalldata(party, _hashTypedDataV4(structHash), signature)) {
            revert SupplyChainInvalidSignature(party);
        }
        _acceptCustody(shipmentId, party, asConformant);
    }

    /// @inheritdoc ISupplyChainTracker
    function reportSensorSummary(bytes32 shipmentId, SensorSummary calldata summary) external override {
        if (_partyRoles[msg.sender] & _SENSOR_BIT == 0) {
            revert SupplyChainUnauthorizedSensor(msg.sender);
        }
        ShipmentRecord storage shipment = _shipments[shipmentId];
        _requireInTransit(shipmentId, shipment.status);
        _requireValidSummary(shipmentId, summary, shipment.lastReportEnd);

        // Saturating sum: a total beyond 2^32 - 1 seconds (136 years) is as breached as that value.
        uint256 total = uint256(shipment.excursionSecondsUsed) + summary.secondsOutOfRange;
        uint32 used = total > type(uint32).max ? type(uint32).max : uint32(total);
        bool wasConformant = shipment.conformant;
        bool singleTooLong = summary.longestExcursionSeconds > shipment.maxExcursionSeconds;
        bool breached = wasConformant && (singleTooLong || used > shipment.excursionBudgetSeconds);

        shipment.excursionSecondsUsed = used;
        shipment.lastReportEnd = summary.windowEnd;
        if (breached) {
            shipment.conformant = false;
        }
        _emitSensorSummaryReported(shipmentId, summary);
        if (breached) {
            emit ShipmentBreached({
                shipmentId: shipmentId,
                kind: singleTooLong ? BreachKind.SingleExcursionTooLong : BreachKind.ExcursionBudgetExceeded,
                excursionSecondsUsed: used,
                longestExcursionSeconds: summary.longestExcursionSeconds
            });
        }
    }

    /// @inheritdoc ISupplyChainTracker
    function updateLocation(bytes32 shipmentId, bytes32 locationHash) external override {
        ShipmentRecord storage shipment = _shipments[shipmentId];
        _requireInTransit(shipmentId, shipment.status);
        if (msg.sender != shipment.custodian && _partyRoles[msg.sender] & _SENSOR_BIT == 0) {
            revert SupplyChainNotCustodian(shipmentId, msg.sender);
        }
        emit ShipmentLocationUpdated(shipmentId, msg.sender, locationHash);
    }

    /// @inheritdoc ISupplyChainTracker
    function confirmDelivery(bytes32 shipmentId, bool asConformant) external override {
        ShipmentRecord storage shipment = _shipments[shipmentId];
        _requireInTransit(shipmentId, shipment.status);
        address receiver = shipment.receiver;
        if (msg.sender != receiver) {
            revert SupplyChainNotReceiver(shipmentId, msg.sender);
        }
        address custodian = shipment.custodian;
        if (custodian != receiver && shipment.pendingCustodian != receiver) {
            revert SupplyChainNoCustodyOffer(shipmentId, receiver);
        }
        bool conformant = shipment.conformant;
        if (asConformant != conformant) {
            revert SupplyChainConformanceMismatch(shipmentId, conformant);
        }
        shipment.custodian = receiver;
        shipment.status = ShipmentStatus.Delivered;
        if (custodian != receiver) {
            emit CustodyAccepted(shipmentId, custodian, receiver, conformant);
        }
        emit ShipmentDelivered(shipmentId, receiver, conformant);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @inheritdoc ISupplyChainTracker
    function eventAnchorOf(bytes32 eventId) external view override returns (EventAnchor memory anchor) {
        anchor = _anchors[eventId];
    }

    /// @inheritdoc ISupplyChainTracker
    function merkleBatchOf(bytes32 root) external view override returns (MerkleBatch memory batch) {
        batch = _merkleBatches[root];
    }

    /// @inheritdoc ISupplyChainTracker
    function verifyAnchoredInMerkleBatch(
        bytes32 root,
        bytes32 leaf,
        bytes32[] calldata proof
    ) external view override returns (bool anchored) {
        anchored = _merkleBatches[root].anchoredAt != 0 && MerkleProof.verifyCalldata(proof, root, leaf);
    }

    /// @inheritdoc ISupplyChainTracker
    function shipmentOf(bytes32 shipmentId) external view override returns (Shipment memory shipment) {
        ShipmentRecord storage record = _shipments[shipmentId];
        address custodian = record.custodian;
        address pending = record.pendingCustodian;
        ShipmentStatus status = record.status;
        shipment = Shipment({
            receiver: record.receiver,
            custodian: custodian,
            pendingCustodian: status == ShipmentStatus.InTransit && pending != custodian ? pending : address(0),
            status: status,
            conformant: record.conformant,
            excursionSecondsUsed: record.excursionSecondsUsed,
            lastReportEnd: record.lastReportEnd,
            createdAt: record.createdAt,
            profile: ConditionProfile({
                minTemp: record.minTemp,
                maxTemp: record.maxTemp,
                maxExcursionSeconds: record.maxExcursionSeconds,
                excursionBudgetSeconds: record.excursionBudgetSeconds
            })
        });
    }

    /// @inheritdoc ISupplyChainTracker
    function eventLeaf(EpcisEvent calldata epcisEvent) external pure override returns (bytes32 leaf) {
        leaf = keccak256(bytes.concat(keccak256(abi.encode(epcisEvent))));
    }

    /// @inheritdoc ISupplyChainTracker
    function nonces(address party) public view override(ISupplyChainTracker, Nonces) returns (uint256 nonce) {
        nonce = super.nonces(party);
    }

    /// @inheritdoc IAccessControl
    /// @dev The five party roles are read from the account's role bitmap; other roles from AccessControl.
    function hasRole(
        bytes32 role,
        address account
    ) public view override(AccessControl, IAccessControl) returns (bool granted) {
        uint8 bit = _partyRoleBit(role);
        granted = bit == 0 ? super.hasRole(role, account) : _partyRoles[account] & bit != 0;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Role hooks
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Grants a role (AccessControl hook).
    /// @dev A party role goes into the account's bitmap, any other role through AccessControlDefaultAdminRules.
    /// @param role The role.
    /// @param account The account.
    /// @return granted Whether the account did not hold the role before.
    function _grantRole(bytes32 role, address account) internal override returns (bool granted) {
        uint8 bit = _partyRoleBit(role);
        if (bit == 0) {
            return super._grantRole(role, account);
        }
        uint8 bits = _partyRoles[account];
        granted = bits & bit == 0;
        if (granted) {
            _partyRoles[account] = bits | bit;
            emit RoleGranted(role, account, _msgSender());
        }
    }

    /// @notice Revokes a role (AccessControl hook).
    /// @dev A party role leaves the account's bitmap, any other role goes through AccessControlDefaultAdminRules.
    /// @param role The role.
    /// @param account The account.
    /// @return revoked Whether the account held the role before.
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        uint8 bit = _partyRoleBit(role);
        if (bit == 0) {
            return super._revokeRole(role, account);
        }
        uint8 bits = _partyRoles[account];
        revoked = bits & bit != 0;
        if (revoked) {
            _partyRoles[account] = bits & ~bit;
            emit RoleRevoked(role, account, _msgSender());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Internal operations
    // ------------------------------------------------------------------------------------------------------------

    function _anchor(EpcisEvent calldata epcisEvent) private {
        bytes32 eventId = epcisEvent.eventId;
        if (eventId == bytes32(0)) {
            revert SupplyChainZeroEventId();
        }
        if (_anchors[eventId].anchoredAt != 0) {
            revert SupplyChainEventAlreadyAnchored(eventId);
        }
        _anchors[eventId] = EventAnchor({anchorer: msg.sender, anchoredAt: _now(), errorDeclared: false});
        emit EventAnchored({
            eventId: eventId,
            whatHash: epcisEvent.whatHash,
            anchorer: msg.sender,
            eventType: epcisEvent.eventType,
            bizStep: epcisEvent.bizStep,
            disposition: epcisEvent.disposition,
            eventTimeMs: epcisEvent.eventTimeMs,
            locationHash: epcisEvent.locationHash
        });
    }

    function _emitSensorSummaryReported(bytes32 shipmentId, SensorSummary calldata summary) private {
        emit SensorSummaryReported({
            shipmentId: shipmentId,
            sensor: msg.sender,
            windowStart: summary.windowStart,
            windowEnd: summary.windowEnd,
            minTemp: summary.minTemp,
            maxTemp: summary.maxTemp,
            meanTemp: summary.meanTemp,
            secondsOutOfRange: summary.secondsOutOfRange,
            longestExcursionSeconds: summary.longestExcursionSeconds,
            rawDataHash: summary.rawDataHash
        });
    }

    function _acceptCustody(bytes32 shipmentId, address party, bool asConformant) private {
        ShipmentRecord storage shipment = _shipments[shipmentId];
        _requireInTransit(shipmentId, shipment.status);
        address custodian = shipment.custodian;
        if (party != shipment.pendingCustodian || party == custodian) {
            revert SupplyChainNoCustodyOffer(shipmentId, party);
        }
        bool conformant = shipment.conformant;
        if (asConformant != conformant) {
            revert SupplyChainConformanceMismatch(shipmentId, conformant);
        }
        shipment.custodian = party;
        emit CustodyAccepted(shipmentId, custodian, party, conformant);
    }

    function _requireParty() private view {
        if (_partyRoles[msg.sender] & _PARTY_BITS == 0) {
            revert SupplyChainUnauthorizedParty(msg.sender);
        }
    }

    function _requireValidSummary(
        bytes32 shipmentId,
        SensorSummary calldata summary,
        uint40 lastReportEnd
    ) private view {
        uint40 windowStart = summary.windowStart;
        uint40 windowEnd = summary.windowEnd;
        if (windowEnd <= windowStart || windowEnd > block.timestamp) {
            revert SupplyChainInvalidSensorWindow(windowStart, windowEnd);
        }
        if (windowStart < lastReportEnd) {
            revert SupplyChainSensorWindowOverlap(windowStart, lastReportEnd);
        }
        int16 meanTemp = summary.meanTemp;
        if (
            meanTemp < summary.minTemp ||
            meanTemp > summary.maxTemp ||
            summary.secondsOutOfRange > windowEnd - windowStart
        ) {
            revert SupplyChainInvalidSensorSummary(shipmentId);
        }
    }

    function _now() private view returns (uint40 timestamp) {
        // Unix time in seconds fits in 40 bits until the year 36812.
        timestamp = uint40(block.timestamp);
    }

    function _requireInTransit(bytes32 shipmentId, ShipmentStatus status) private pure {
        if (status != ShipmentStatus.InTransit) {
            if (status == ShipmentStatus.None) {
                revert SupplyChainUnknownShipment(shipmentId);
            }
            revert SupplyChainShipmentDelivered(shipmentId);
        }
    }

    function _partyRoleBit(bytes32 role) private pure returns (uint8 bit) {
        if (role == MANUFACTURER_ROLE) return _MANUFACTURER_BIT;
        if (role == CARRIER_ROLE) return _CARRIER_BIT;
        if (role == DISTRIBUTOR_ROLE) return _DISTRIBUTOR_BIT;
        if (role == RETAILER_ROLE) return _RETAILER_BIT;
        if (role == SENSOR_ROLE) return _SENSOR_BIT;
        return 0;
    }
}
