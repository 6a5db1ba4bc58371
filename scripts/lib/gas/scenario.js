// The measured operations, in a fixed order on a fresh node: deploy, grant roles, set up the state each
// operation needs (not measured), then measure. Every input is fixed: accounts by index, ids and references
// derived from labels, deadlines and sensor windows from the run's block clock.
const ethers = require("ethers");
const { id, addressOf, START_TIME } = require("./harness");

// Accounts of the node's mnemonic, by role.
const ADMIN = 0;
const MANUFACTURER = 1;
const CARRIER = 2;
const DISTRIBUTOR = 3;
const RETAILER = 4;
const SENSOR = 5;
const MERCHANT = 6;
const CUSTOMER = 7;
const SUBJECT = 8;
const SIGNING_SUBJECT = 9;
const CONTROLLER = 10;
const ACCOUNT_COUNT = 11;

const ADMIN_DELAY = 3 * 24 * 3600;
const DEADLINE = START_TIME + 30 * 24 * 3600;
const DAY = 24 * 3600;

// ------------------------------------------------------------------------------------------------------------
// ConsentRegistry
// ------------------------------------------------------------------------------------------------------------

const DIRECT_MARKETING = 3;
const CUSTOMER_CARE = 1;
const PURCHASE = 0;
const EXPRESSED_CONSENT = 2;
const GIVE_TYPES = {
  GiveConsent: [
    { name: "subject", type: "address" },
    { name: "controller", type: "address" },
    { name: "purpose", type: "uint16" },
    { name: "elements", type: "uint64" },
    { name: "expiresAt", type: "uint40" },
    { name: "legalBasis", type: "uint8" },
    { name: "noticeHash", type: "bytes32" },
    { name: "receiptHash", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};
const WITHDRAW_TYPES = {
  WithdrawConsent: [
    { name: "subject", type: "address" },
    { name: "controller", type: "address" },
    { name: "purpose", type: "uint16" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};
const ERASE_TYPES = {
  EraseSubject: [
    { name: "subject", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** Consent terms (contact, postal address, purchase history) for a year, with notice and receipt per label. */
function terms(label) {
  return {
    elements: 0b111n,
    expiresAt: BigInt(START_TIME + 365 * DAY),
    legalBasis: EXPRESSED_CONSENT,
    noticeHash: id(`notice:${label}`),
    receiptHash: id(`receipt:${label}`),
  };
}

function termsTuple(t) {
  return [t.elements, t.expiresAt, t.legalBasis, t.noticeHash, t.receiptHash];
}

async function consent(h) {
  const subject = h.account(SUBJECT);
  const signer = h.account(SIGNING_SUBJECT);
  const controller = h.account(CONTROLLER);
  const registry = await h.deploy(h.account(ADMIN), "contracts/consent/ConsentRegistry.sol", "ConsentRegistry");
  const domain = registry.domain("EthCx ConsentRegistry");
  const c = controller.address;

  await h.measure("consent.give(new)", subject, registry, "give", [c, DIRECT_MARKETING, termsTuple(terms("v1"))]);
  await h.measure("consent.give(update)", subject, registry, "give", [c, DIRECT_MARKETING, termsTuple(terms("v2"))]);
  await h.measure("consent.recordInteraction", controller, registry, "recordInteraction", [
    subject.address,
    PURCHASE,
    DIRECT_MARKETING,
    id("order:1"),
  ]);
  await h.measure("consent.withdraw", subject, registry, "withdraw", [c, DIRECT_MARKETING]);
  await h.call(subject, registry, "give", [c, CUSTOMER_CARE, termsTuple(terms("care"))]);
  await h.measure("consent.revoke", controller, registry, "revoke", [subject.address, CUSTOMER_CARE]);
  await h.measure("consent.erase", subject, registry, "erase", []);

  // The signing subject's first, second and third signatures (nonces 0, 1, 2), relayed by the controller.
  const t = terms("signed");
  const give = {
    subject: signer.address,
    controller: c,
    purpose: DIRECT_MARKETING,
    ...t,
    nonce: 0n,
    deadline: DEADLINE,
  };
  await h.measure("consent.giveBySig", controller, registry, "giveBySig", [
    signer.address,
    c,
    DIRECT_MARKETING,
    termsTuple(t),
    DEADLINE,
    await signer.signTypedData(domain, GIVE_TYPES, give),
  ]);
  const withdraw = { subject: signer.address, controller: c, purpose: DIRECT_MARKETING, nonce: 1n, deadline: DEADLINE };
  await h.measure("consent.withdrawBySig", controller, registry, "withdrawBySig", [
    signer.address,
    c,
    DIRECT_MARKETING,
    DEADLINE,
    await signer.signTypedData(domain, WITHDRAW_TYPES, withdraw),
  ]);
  const erase = { subject: signer.address, nonce: 2n, deadline: DEADLINE };
  await h.measure("consent.eraseBySig", controller, registry, "eraseBySig", [
    signer.address,
    DEADLINE,
    await signer.signTypedData(domain, ERASE_TYPES, erase),
  ]);
}

// ------------------------------------------------------------------------------------------------------------
// SupplyChainTracker
// ------------------------------------------------------------------------------------------------------------

const OBJECT_EVENT = 0;
const SHIPPING = 3;
const IN_TRANSIT = 3;
const INCORRECT_DATA = 2;
const ACCEPT_TYPES = {
  AcceptCustody: [
    { name: "shipmentId", type: "bytes32" },
    { name: "party", type: "address" },
    { name: "asConformant", type: "bool" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};
// 2-8 degrees Celsius; a single excursion up to 20 minutes, 30 minutes in all.
const PROFILE = [200, 800, 1200, 1800];

/** An EPCIS ObjectEvent (shipping, in transit) with its ids derived from `label`. */
function epcisEvent(label) {
  return [
    id(`event:${label}`),
    OBJECT_EVENT,
    SHIPPING,
    IN_TRANSIT,
    BigInt(START_TIME) * 1000n,
    id(`what:${label}`),
    id("location:dc-1"),
  ];
}

function events(label, n) {
  return Array.from({ length: n }, (_, i) => epcisEvent(`${label}:${i}`));
}

/** A sensor summary of the hour before the next block: `outOfRange` seconds out of range, none longer than `longest`. */
function sensorWindow(h, outOfRange, longest) {
  h.skip(3600);
  const end = h.nextTime();
  const min = outOfRange ? 150 : 350;
  return [end - 3600, end, min, outOfRange ? 950 : 620, 480, outOfRange, longest, id(`readings:${end}`)];
}

async function supplyChain(h) {
  const admin = h.account(ADMIN);
  const manufacturer = h.account(MANUFACTURER);
  const carrier = h.account(CARRIER);
  const distributor = h.account(DISTRIBUTOR);
  const retailer = h.account(RETAILER);
  const sensor = h.account(SENSOR);
  const tracker = await h.deploy(admin, "contracts/supplychain/SupplyChainTracker.sol", "SupplyChainTracker", [
    ADMIN_DELAY,
    admin.address,
  ]);
  for (const [role, account] of [
    ["MANUFACTURER_ROLE", manufacturer],
    ["CARRIER_ROLE", carrier],
    ["DISTRIBUTOR_ROLE", distributor],
    ["RETAILER_ROLE", retailer],
    ["SENSOR_ROLE", sensor],
  ]) {
    await h.call(admin, tracker, "grantRole", [ethers.id(role), account.address]);
  }

  const first = epcisEvent("single");
  await h.measure("supply.anchorEvent", manufacturer, tracker, "anchorEvent", [first]);
  for (const n of [1, 10, 100]) {
    await h.measure("supply.anchorEvents", manufacturer, tracker, "anchorEvents", [events(`batch-${n}`, n)], n);
  }
  await h.measure("supply.anchorMerkleBatch", manufacturer, tracker, "anchorMerkleBatch", [id("merkle-root:1"), 1000]);
  await h.measure("supply.declareError", manufacturer, tracker, "declareError", [
    first[0],
    INCORRECT_DATA,
    epcisEvent("declaration"),
  ]);

  const shipment = id("shipment:1");
  await h.measure("supply.createShipment", manufacturer, tracker, "createShipment", [
    shipment,
    retailer.address,
    PROFILE,
  ]);
  await h.measure("supply.offerCustody", manufacturer, tracker, "offerCustody", [shipment, carrier.address]);
  await h.measure("supply.acceptCustody", carrier, tracker, "acceptCustody", [shipment, true]);
  await h.measure("supply.reportSensorSummary(in range)", sensor, tracker, "reportSensorSummary", [
    shipment,
    sensorWindow(h, 0, 0),
  ]);
  await h.measure("supply.updateLocation", carrier, tracker, "updateLocation", [shipment, id("geohash:u33db")]);

  // The distributor's first signature (nonce 0), relayed by the carrier.
  await h.call(carrier, tracker, "offerCustody", [shipment, distributor.address]);
  const accept = {
    shipmentId: shipment,
    party: distributor.address,
    asConformant: true,
    nonce: 0n,
    deadline: DEADLINE,
  };
  await h.measure("supply.acceptCustodyBySig", carrier, tracker, "acceptCustodyBySig", [
    shipment,
    distributor.address,
    true,
    DEADLINE,
    await distributor.signTypedData(tracker.domain("EthCx SupplyChainTracker"), ACCEPT_TYPES, accept),
  ]);

  // 40 minutes out of range in excursions of at most 15: the 30-minute budget is spent.
  await h.measure("supply.reportSensorSummary(budget spent)", sensor, tracker, "reportSensorSummary", [
    shipment,
    sensorWindow(h, 2400, 900),
  ]);
  await h.call(distributor, tracker, "offerCustody", [shipment, retailer.address]);
  await h.measure("supply.confirmDelivery", retailer, tracker, "confirmDelivery", [shipment, false]);
}

// ------------------------------------------------------------------------------------------------------------
// LoyaltyPoints and the baseline mint
// ------------------------------------------------------------------------------------------------------------

const TOKEN_NAME = "EthCx Points";
const REDEEM_TYPES = {
  Redeem: [
    { name: "customer", type: "address" },
    { name: "merchant", type: "address" },
    { name: "amount", type: "uint256" },
    { name: "rewardRef", type: "bytes32" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};
const POINTS = 120n;
const BATCH_HOLDERS = 100;

function holder(i) {
  return addressOf(`holder:${i}`);
}

async function loyalty(h) {
  const admin = h.account(ADMIN);
  const merchant = h.account(MERCHANT);
  const customer = h.account(CUSTOMER);
  const points = await h.deploy(admin, "contracts/loyalty/LoyaltyPoints.sol", "LoyaltyPoints", [
    TOKEN_NAME,
    "ECXP",
    ADMIN_DELAY,
    admin.address,
  ]);
  await h.call(admin, points, "grantRole", [ethers.id("MERCHANT_ROLE"), merchant.address]);
  // Existing holders: the customer and the batch holders, one purchase each.
  const seed = [[customer.address, 500n, id("purchase:seed")]];
  for (let i = 0; i < BATCH_HOLDERS; i++) seed.push([holder(i), 50n, id(`purchase:seed:${i}`)]);
  await h.call(merchant, points, "awardBatch", [seed]);

  const existingRef = id("purchase:existing");
  await h.measure("loyalty.award(new holder)", merchant, points, "award", [
    addressOf("new-holder"),
    POINTS,
    id("purchase:new"),
  ]);
  await h.measure("loyalty.award(existing holder)", merchant, points, "award", [customer.address, POINTS, existingRef]);
  for (const n of [1, 10, 100]) {
    const awards = Array.from({ length: n }, (_, i) => [holder(i), POINTS, id(`purchase:batch-${n}:${i}`)]);
    await h.measure("loyalty.awardBatch", merchant, points, "awardBatch", [awards], n);
  }
  await h.measure("loyalty.reverse", merchant, points, "reverse", [existingRef]);
  await h.measure("loyalty.redeem", customer, points, "redeem", [100n, id("reward:1")]);

  // The customer's first signature (nonce 0), relayed by the merchant it names.
  const redeem = {
    customer: customer.address,
    merchant: merchant.address,
    amount: 100n,
    rewardRef: id("reward:2"),
    nonce: 0n,
    deadline: DEADLINE,
  };
  await h.measure("loyalty.redeemBySig", merchant, points, "redeemBySig", [
    customer.address,
    100n,
    redeem.rewardRef,
    DEADLINE,
    await customer.signTypedData(points.domain(TOKEN_NAME), REDEEM_TYPES, redeem),
  ]);
  await h.measure("loyalty.setTierThresholds", admin, points, "setTierThresholds", [[100, 500, 2000]]);

  // The baseline, with the same holder history, amount and purchase reference as award(existing holder).
  const baseline = await h.deploy(admin, "tests/contracts/gas/BaselineMint.sol", "BaselineMint", [admin.address]);
  await h.call(admin, baseline, "grantRole", [ethers.id("MINTER_ROLE"), merchant.address]);
  await h.call(merchant, baseline, "mint", [customer.address, 500n, id("purchase:seed")]);
  await h.measure("baseline.mint(existing holder)", merchant, baseline, "mint", [
    customer.address,
    POINTS,
    existingRef,
  ]);
}

/** Runs every measured operation; returns the harness's results. */
async function runAll(h) {
  await consent(h);
  await supplyChain(h);
  await loyalty(h);
  return h.results;
}

module.exports = { runAll, ACCOUNT_COUNT };
