// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ISupplyChainTracker
/// @author EthCx
/// @notice EPCIS 2.0 event anchoring (single, batch, Merkle root), EPCIS error declarations, and shipments with a
/// cold-chain condition profile, two-step custody, sensor summaries and delivery.
/// @dev Vocabulary: GS1 EPCIS 2.0 and the Core Business Vocabulary (CBV). An event is anchored by its EPCIS event
/// hash id (the SHA-256 of the canonical event); the full event stays off chain. Business steps, dispositions and
/// error reasons are small codes from the published tables in contracts/README.md. Locations are coarse hashes
/// (e.g. a geohash cell), never a person's address.
///
/// Roles, one per CBV party type: MANUFACTURER_ROLE, CARRIER_ROLE, DISTRIBUTOR_ROLE, RETAILER_ROLE (the "parties":
/// any of them may anchor events, declare errors on their own events and create shipments) and SENSOR_ROLE
/// (registered devices and oracles: sensor summaries and location updates). Auditors need no role: the chain is
/// readable. The admin is OpenZeppelin's AccessControlDefaultAdminRules (two-step, delayed transfer).
///
/// Custody moves in two steps: the current custodian offers, the named party accepts (or signs an EIP-712
/// acceptance that anyone relays; domain name "EthCx SupplyChainTracker", version "1"). An acceptance states what
/// the accepting party accepts: `asConformant` must equal the shipment's conformance, so a non-conformant shipment
/// can only be taken over by explicitly acknowledging the non-conformance, and never "as conformant". The same rule
/// holds for delivery. Custody may be offered to any address (a subcontracted driver, a consumer): the offer by the
/// current custodian is the authorisation.
interface ISupplyChainTracker {
    // ------------------------------------------------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------------------------------------------------

    /// @notice The five EPCIS 2.0 event types.
    enum EpcisEventType {
        Object,
        Aggregation,
        Transaction,
        Transformation,
        Association
    }

    /// @notice The life cycle of a shipment. `None` means no shipment has the id.
    enum ShipmentStatus {
        None,
        InTransit,
        Delivered
    }

    /// @notice Why a shipment became non-conformant.
    enum BreachKind {
        SingleExcursionTooLong,
        ExcursionBudgetExceeded
    }

    /// @notice What is anchored of an EPCIS event: its hash id and the fields a subscriber filters on.
    /// @param eventId The EPCIS event hash id (SHA-256 of the canonical event); not zero.
    /// @param eventType The EPCIS event type.
    /// @param bizStep CBV business step code (0 = unspecified).
    /// @param disposition CBV disposition code (0 = unspecified).
    /// @param eventTimeMs The event time, Unix milliseconds.
    /// @param whatHash Hash of the event's "what" (EPC list, quantities, parent id).
    /// @param locationHash Hash of the read point / business location (coarse).
    struct EpcisEvent {
        bytes32 eventId;
        EpcisEventType eventType;
        uint8 bizStep;
        uint8 disposition;
        uint64 eventTimeMs;
        bytes32 whatHash;
        bytes32 locationHash;
    }

    /// @notice Who anchored an event and when (one storage slot per event).
    /// @param anchorer The party that anchored it.
    /// @param anchoredAt Block time of anchoring, Unix seconds; 0 when the event is not anchored.
    /// @param errorDeclared Whether the anchorer has since declared the event erroneous.
    struct EventAnchor {
        address anchorer;
        uint40 anchoredAt;
        bool errorDeclared;
    }

    /// @notice An anchored Merkle root of a batch of events (one storage slot).
    /// @param anchorer The party that anchored it.
    /// @param anchoredAt Block time of anchoring, Unix seconds; 0 when the root is not anchored.
    /// @param eventCount The number of events (leaves) the anchorer declared.
    struct MerkleBatch {
        address anchorer;
        uint40 anchoredAt;
        uint32 eventCount;
    }

    /// @notice A shipment's cold-chain condition profile. Temperatures in centi-degrees Celsius.
    /// @param minTemp Lowest allowed temperature.
    /// @param maxTemp Highest allowed temperature; not below `minTemp`.
    /// @param maxExcursionSeconds Longest allowed single continuous excursion out of range.
    /// @param excursionBudgetSeconds Allowed cumulative time out of range; exceeding it breaches the profile.
    struct ConditionProfile {
        int16 minTemp;
        int16 maxTemp;
        uint32 maxExcursionSeconds;
        uint32 excursionBudgetSeconds;
    }

    /// @notice A sensor's summary of one measurement window. Temperatures in centi-degrees Celsius.
    /// @param windowStart Start of the window, Unix seconds; not before the end of the previous summary.
    /// @param windowEnd End of the window, Unix seconds; after the start and not in the future.
    /// @param minTemp Lowest temperature measured.
    /// @param maxTemp Highest temperature measured.
    /// @param meanTemp Mean temperature; between min and max.
    /// @param secondsOutOfRange Seconds out of the profile's range within the window; at most the window length.
    /// @param longestExcursionSeconds Longest continuous excursion ending in the window, including its part in
    /// earlier windows when it started before this one.
    /// @param rawDataHash Hash of the raw readings, kept off chain.
    struct SensorSummary {
        uint40 windowStart;
        uint40 windowEnd;
        int16 minTemp;
        int16 maxTemp;
        int16 meanTemp;
        uint32 secondsOutOfRange;
        uint32 longestExcursionSeconds;
        bytes32 rawDataHash;
    }

    /// @notice A shipment as read through {shipmentOf}.
    /// @param receiver The party that confirms delivery.
    /// @param custodian The current custodian (the sender until the first acceptance).
    /// @param pendingCustodian The party the custodian has offered custody to; zero when no offer is open.
    /// @param status The life-cycle status.
    /// @param conformant False once the condition profile has been breached; never true again.
    /// @param excursionSecondsUsed Cumulative seconds out of range reported so far.
    /// @param lastReportEnd End of the latest sensor window, Unix seconds; 0 before the first report.
    /// @param createdAt Block time of creation, Unix seconds.
    /// @param profile The condition profile.
    struct Shipment {
        address receiver;
        address custodian;
        address pendingCustodian;
        ShipmentStatus status;
        bool conformant;
        uint32 excursionSecondsUsed;
        uint40 lastReportEnd;
        uint40 createdAt;
        ConditionProfile profile;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Errors
    // ------------------------------------------------------------------------------------------------------------

    /// @notice The caller holds none of the party roles (manufacturer, carrier, distributor, retailer).
    /// @param account The caller.
    error SupplyChainUnauthorizedParty(address account);

    /// @notice The caller does not hold SENSOR_ROLE.
    /// @param account The caller.
    error SupplyChainUnauthorizedSensor(address account);

    /// @notice An event hash id must not be zero.
    error SupplyChainZeroEventId();

    /// @notice A batch must hold at least one event.
    error SupplyChainEmptyBatch();

    /// @notice The event is already anchored; an event is anchored once.
    /// @param eventId The EPCIS event hash id.
    error SupplyChainEventAlreadyAnchored(bytes32 eventId);

    /// @notice The event is not anchored (individually; events inside a Merkle batch cannot be referenced).
    /// @param eventId The EPCIS event hash id.
    error SupplyChainEventNotAnchored(bytes32 eventId);

    /// @notice Only the party that anchored an event may declare it erroneous.
    /// @param eventId The EPCIS event hash id.
    /// @param account The caller.
    error SupplyChainNotAnchorer(bytes32 eventId, address account);

    /// @notice The event has already been declared erroneous.
    /// @param eventId The EPCIS event hash id.
    error SupplyChainErrorAlreadyDeclared(bytes32 eventId);

    /// @notice A Merkle root must not be zero and must cover at least one event.
    /// @param root The root.
    /// @param eventCount The declared number of events.
    error SupplyChainInvalidMerkleBatch(bytes32 root, uint32 eventCount);

    /// @notice The Merkle root is already anchored.
    /// @param root The root.
    error SupplyChainMerkleRootAlreadyAnchored(bytes32 root);

    /// @notice A shipment with this id already exists.
    /// @param shipmentId The shipment id.
    error SupplyChainShipmentExists(bytes32 shipmentId);

    /// @notice No shipment has this id.
    /// @param shipmentId The shipment id.
    error SupplyChainUnknownShipment(bytes32 shipmentId);

    /// @notice The shipment has been delivered; it accepts no further custody steps, reports or updates.
    /// @param shipmentId The shipment id.
    error SupplyChainShipmentDelivered(bytes32 shipmentId);

    /// @notice The receiver must be a non-zero address other than the sender.
    /// @param receiver The receiver given.
    error SupplyChainInvalidReceiver(address receiver);

    /// @notice The condition profile's minimum temperature is above its maximum.
    /// @param minTemp The minimum given.
    /// @param maxTemp The maximum given.
    error SupplyChainInvalidProfile(int16 minTemp, int16 maxTemp);

    /// @notice Only the current custodian may do this.
    /// @param shipmentId The shipment id.
    /// @param account The caller.
    error SupplyChainNotCustodian(bytes32 shipmentId, address account);

    /// @notice Custody cannot be offered to the zero address or to the current custodian.
    /// @param to The party given.
    error SupplyChainInvalidOfferee(address to);

    /// @notice The party has no open custody offer for the shipment.
    /// @param shipmentId The shipment id.
    /// @param party The party that tried to accept.
    error SupplyChainNoCustodyOffer(bytes32 shipmentId, address party);

    /// @notice The acceptance's `asConformant` does not match the shipment's conformance: a non-conformant
    /// shipment cannot be accepted as conformant, nor a conformant one "as non-conformant".
    /// @param shipmentId The shipment id.
    /// @param conformant The shipment's actual conformance.
    error SupplyChainConformanceMismatch(bytes32 shipmentId, bool conformant);

    /// @notice Only the shipment's receiver may confirm delivery.
    /// @param shipmentId The shipment id.
    /// @param account The caller.
    error SupplyChainNotReceiver(bytes32 shipmentId, address account);

    /// @notice The sensor window is empty, reversed or ends in the future.
    /// @param windowStart The window start given.
    /// @param windowEnd The window end given.
    error SupplyChainInvalidSensorWindow(uint40 windowStart, uint40 windowEnd);

    /// @notice The sensor window starts before the end of the previous summary: seconds would be counted twice.
    /// @param windowStart The window start given.
    /// @param lastReportEnd The end of the previous summary.
    error SupplyChainSensorWindowOverlap(uint40 windowStart, uint40 lastReportEnd);

    /// @notice The summary's figures are inconsistent (mean outside min..max, or more seconds out of range than
    /// the window holds).
    /// @param shipmentId The shipment id.
    error SupplyChainInvalidSensorSummary(bytes32 shipmentId);

    /// @notice The signed message's deadline has passed.
    /// @param deadline The deadline (Unix seconds) the signer set.
    error SupplyChainExpiredSignature(uint256 deadline);

    /// @notice The signature is not the party's signature of the message with the party's current nonce.
    /// @param party The party the message names.
    error SupplyChainInvalidSignature(address party);

    // ------------------------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------------------------

    /// @notice An EPCIS event was anchored.
    /// @param eventId The EPCIS event hash id.
    /// @param whatHash Hash of the event's "what", indexed so a product's events can be found.
    /// @param anchorer The party that anchored it.
    /// @param eventType The EPCIS event type.
    /// @param bizStep CBV business step code.
    /// @param disposition CBV disposition code.
    /// @param eventTimeMs The event time, Unix milliseconds.
    /// @param locationHash Hash of the location.
    event EventAnchored(
        bytes32 indexed eventId,
        bytes32 indexed whatHash,
        address indexed anchorer,
        EpcisEventType eventType,
        uint8 bizStep,
        uint8 disposition,
        uint64 eventTimeMs,
        bytes32 locationHash
    );

    /// @notice A Merkle root over a batch of events was anchored.
    /// @param root The root.
    /// @param anchorer The party that anchored it.
    /// @param eventCount The declared number of events.
    event MerkleBatchAnchored(bytes32 indexed root, address indexed anchorer, uint32 eventCount);

    /// @notice An anchored event was declared erroneous (EPCIS error declaration); the declaration is itself an
    /// anchored event.
    /// @param erroneousEventId The event declared erroneous.
    /// @param declarationEventId The error-declaration event that references it.
    /// @param declarer The party (the original anchorer).
    /// @param reason CBV error reason code.
    event ErrorDeclared(
        bytes32 indexed erroneousEventId,
        bytes32 indexed declarationEventId,
        address indexed declarer,
        uint8 reason
    );

    /// @notice A shipment was created; the sender is its first custodian.
    /// @param shipmentId The shipment id.
    /// @param sender The sender.
    /// @param receiver The receiver.
    /// @param minTemp Lowest allowed temperature, centi-degrees.
    /// @param maxTemp Highest allowed temperature, centi-degrees.
    /// @param maxExcursionSeconds Longest allowed single excursion.
    /// @param excursionBudgetSeconds Allowed cumulative excursion.
    event ShipmentCreated(
        bytes32 indexed shipmentId,
        address indexed sender,
        address indexed receiver,
        int16 minTemp,
        int16 maxTemp,
        uint32 maxExcursionSeconds,
        uint32 excursionBudgetSeconds
    );

    /// @notice The custodian offered custody to another party.
    /// @param shipmentId The shipment id.
    /// @param from The current custodian.
    /// @param to The party offered custody.
    event CustodyOffered(bytes32 indexed shipmentId, address indexed from, address indexed to);

    /// @notice A party accepted custody.
    /// @param shipmentId The shipment id.
    /// @param from The previous custodian.
    /// @param to The new custodian.
    /// @param conformant The shipment's conformance the party acknowledged.
    event CustodyAccepted(bytes32 indexed shipmentId, address indexed from, address indexed to, bool conformant);

    /// @notice A sensor reported a summary for a shipment.
    /// @param shipmentId The shipment id.
    /// @param sensor The reporting sensor or oracle.
    /// @param windowStart Start of the window, Unix seconds.
    /// @param windowEnd End of the window, Unix seconds.
    /// @param minTemp Lowest temperature, centi-degrees.
    /// @param maxTemp Highest temperature, centi-degrees.
    /// @param meanTemp Mean temperature, centi-degrees.
    /// @param secondsOutOfRange Seconds out of range in the window.
    /// @param longestExcursionSeconds Longest continuous excursion.
    /// @param rawDataHash Hash of the raw readings.
    event SensorSummaryReported(
        bytes32 indexed shipmentId,
        address indexed sensor,
        uint40 windowStart,
        uint40 windowEnd,
        int16 minTemp,
        int16 maxTemp,
        int16 meanTemp,
        uint32 secondsOutOfRange,
        uint32 longestExcursionSeconds,
        bytes32 rawDataHash
    );

    /// @notice A shipment breached its condition profile and is non-conformant from now on.
    /// @param shipmentId The shipment id.
    /// @param kind Which limit was breached.
    /// @param excursionSecondsUsed Cumulative seconds out of range, including the breaching report.
    /// @param longestExcursionSeconds Longest single excursion of the breaching report.
    event ShipmentBreached(
        bytes32 indexed shipmentId,
        BreachKind kind,
        uint32 excursionSecondsUsed,
        uint32 longestExcursionSeconds
    );

    /// @notice A shipment's coarse location was updated.
    /// @param shipmentId The shipment id.
    /// @param reporter The custodian or sensor that reported it.
    /// @param locationHash Hash of the coarse location (e.g. a geohash cell).
    event ShipmentLocationUpdated(bytes32 indexed shipmentId, address indexed reporter, bytes32 locationHash);

    /// @notice The receiver confirmed delivery.
    /// @param shipmentId The shipment id.
    /// @param receiver The receiver.
    /// @param conformant The shipment's conformance the receiver acknowledged.
    event ShipmentDelivered(bytes32 indexed shipmentId, address indexed receiver, bool conformant);

    // ------------------------------------------------------------------------------------------------------------
    // Event anchoring
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Anchors one EPCIS event. Party roles only.
    /// @param epcisEvent The event's hash id and filterable fields.
    function anchorEvent(EpcisEvent calldata epcisEvent) external;

    /// @notice Anchors several EPCIS events: one storage write and one {EventAnchored} per event. Party roles only.
    /// @dev Reverts as a whole when any event is already anchored (also twice within the batch).
    /// @param epcisEvents The events; at least one.
    function anchorEvents(EpcisEvent[] calldata epcisEvents) external;

    /// @notice Anchors the Merkle root of a large batch of events. Party roles only.
    /// @dev Leaves are {eventLeaf} values (OpenZeppelin StandardMerkleTree leaves of the EpcisEvent fields), so a
    /// tree built off chain with `StandardMerkleTree.of(events, ["bytes32","uint8","uint8","uint8","uint64",
    /// "bytes32","bytes32"])` matches. Events inside a batch are not registered one by one: anchoring one of them
    /// again individually is not refused, and they cannot be the subject of {declareError}.
    /// @param root The Merkle root; not zero.
    /// @param eventCount The number of events in the batch; not zero.
    function anchorMerkleBatch(bytes32 root, uint32 eventCount) external;

    /// @notice Declares an anchored event erroneous (EPCIS error declaration) and anchors the declaration event
    /// that references it. Only the party that anchored the erroneous event, while it holds a party role.
    /// @param erroneousEventId The event declared erroneous; must be anchored individually.
    /// @param reason CBV error reason code (e.g. did_not_occur, incorrect_data).
    /// @param declaration The error-declaration event (its own hash id, not yet anchored).
    function declareError(bytes32 erroneousEventId, uint8 reason, EpcisEvent calldata declaration) external;

    // ------------------------------------------------------------------------------------------------------------
    // Shipments
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Creates a shipment with the caller as sender and first custodian. Party roles only.
    /// @param shipmentId The shipment id (e.g. the hash of the SSCC); unused so far.
    /// @param receiver The party that will confirm delivery.
    /// @param profile The condition profile.
    function createShipment(bytes32 shipmentId, address receiver, ConditionProfile calldata profile) external;

    /// @notice Offers custody of a shipment in transit to `to`; replaces any open offer. Current custodian only.
    /// @param shipmentId The shipment id.
    /// @param to The party offered custody.
    function offerCustody(bytes32 shipmentId, address to) external;

    /// @notice Accepts the custody offered to the caller.
    /// @param shipmentId The shipment id.
    /// @param asConformant The conformance the caller accepts; must equal the shipment's conformance.
    function acceptCustody(bytes32 shipmentId, bool asConformant) external;

    /// @notice Accepts custody on behalf of `party`, who signed the EIP-712 message
    /// `AcceptCustody(bytes32 shipmentId,address party,bool asConformant,uint256 nonce,uint256 deadline)`.
    /// @dev The nonce is the party's current {nonces} value and is consumed. Anyone may relay.
    /// @param shipmentId The shipment id.
    /// @param party The party that signed and was offered custody.
    /// @param asConformant The conformance the party accepts.
    /// @param deadline The last Unix time at which the signature is valid.
    /// @param signature The party's signature: 65 bytes (r, s, v), or what the party's ERC-1271 wallet accepts.
    function acceptCustodyBySig(
        bytes32 shipmentId,
        address party,
        bool asConformant,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Reports a sensor summary for a shipment in transit. SENSOR_ROLE only.
    /// @dev Adds `secondsOutOfRange` to the shipment's excursion total. The shipment becomes non-conformant, and
    /// {ShipmentBreached} is emitted once, when the longest excursion exceeds the profile's maximum or the total
    /// exceeds the budget.
    /// @param shipmentId The shipment id.
    /// @param summary The summary of one window.
    function reportSensorSummary(bytes32 shipmentId, SensorSummary calldata summary) external;

    /// @notice Reports a coarse location of a shipment in transit. Current custodian or SENSOR_ROLE.
    /// @param shipmentId The shipment id.
    /// @param locationHash Hash of the coarse location.
    function updateLocation(bytes32 shipmentId, bytes32 locationHash) external;

    /// @notice Confirms delivery as the receiver: the receiver must be the custodian or hold an open offer (which
    /// this call accepts). The shipment accepts no custody steps or reports afterwards.
    /// @param shipmentId The shipment id.
    /// @param asConformant The conformance the receiver accepts; must equal the shipment's conformance.
    function confirmDelivery(bytes32 shipmentId, bool asConformant) external;

    // ------------------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------------------

    /// @notice Who anchored an event and when.
    /// @param eventId The EPCIS event hash id.
    /// @return anchor The anchor (all zero when not anchored).
    function eventAnchorOf(bytes32 eventId) external view returns (EventAnchor memory anchor);

    /// @notice Who anchored a Merkle root and when.
    /// @param root The root.
    /// @return batch The batch (all zero when not anchored).
    function merkleBatchOf(bytes32 root) external view returns (MerkleBatch memory batch);

    /// @notice Whether `leaf` is in the batch under an anchored `root`.
    /// @param root The anchored root.
    /// @param leaf The leaf, as computed by {eventLeaf}.
    /// @param proof The sibling hashes from the leaf up to the root (OpenZeppelin MerkleProof, sorted pairs).
    /// @return anchored True when the root is anchored and the proof is valid.
    function verifyAnchoredInMerkleBatch(
        bytes32 root,
        bytes32 leaf,
        bytes32[] calldata proof
    ) external view returns (bool anchored);

    /// @notice The Merkle leaf of an event: keccak256(bytes.concat(keccak256(abi.encode(epcisEvent)))).
    /// @param epcisEvent The event.
    /// @return leaf The leaf.
    function eventLeaf(EpcisEvent calldata epcisEvent) external pure returns (bytes32 leaf);

    /// @notice A shipment's parties, state and profile.
    /// @param shipmentId The shipment id.
    /// @return shipment The shipment (status None when unknown).
    function shipmentOf(bytes32 shipmentId) external view returns (Shipment memory shipment);

    /// @notice The nonce the party's next signed acceptance must carry.
    /// @param party The party.
    /// @return nonce The current nonce.
    function nonces(address party) external view returns (uint256 nonce);
}
