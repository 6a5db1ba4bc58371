// The storage writes each measured operation cannot avoid by design: the floor (model.js) charges them.
// Kinds: new = a zero slot made non-zero (22,100), update = a non-zero slot changed (5,000), warm = a slot
// written again in the same transaction (100), clear = a slot zeroed (5,000, refund 4,800).
// The state each operation runs in (fresh or existing holder, first or later signature) is fixed by scenario.js.
// Goals (report.js): a single write within 1.30x of its floor, a batched item (N >= 10) within 1.15x; the
// baseline is a reference, with no goal of its own. Batched operations take N: `writes: (n) => ...`.

const OPERATIONS = [
  // ConsentRegistry: a record is three slots (status word, notice hash, receipt hash); erasure one slot per subject.
  { name: "consent.give(new)", writes: { new: 3 }, why: "record: status word, notice hash, receipt hash" },
  { name: "consent.give(update)", writes: { update: 3 }, why: "renewal: new terms, new notice and receipt hashes" },
  { name: "consent.giveBySig", writes: { new: 4 }, why: "record (3) + the subject's nonce, first signature" },
  { name: "consent.withdraw", writes: { update: 1 }, why: "status word" },
  { name: "consent.withdrawBySig", writes: { update: 2 }, why: "status word + the subject's nonce" },
  { name: "consent.revoke", writes: { update: 1 }, why: "status word" },
  { name: "consent.recordInteraction", writes: {}, why: "none: the log is the record" },
  { name: "consent.erase", writes: { new: 1 }, why: "erased-at of the subject" },
  { name: "consent.eraseBySig", writes: { new: 1, update: 1 }, why: "erased-at + the subject's nonce" },

  // SupplyChainTracker: an anchor or Merkle root is one slot; a shipment three (state, offer, profile).
  { name: "supply.anchorEvent", writes: { new: 1 }, why: "the event's anchor" },
  { name: "supply.anchorEvents", batch: true, writes: (n) => ({ new: n }), why: "one anchor per event" },
  { name: "supply.anchorMerkleBatch", writes: { new: 1 }, why: "the root's record" },
  {
    name: "supply.declareError",
    writes: { update: 1, new: 1 },
    why: "error flag of the erroneous anchor + the declaration's anchor",
  },
  { name: "supply.createShipment", writes: { new: 3 }, why: "shipment: state, offer/created-at, receiver/profile" },
  { name: "supply.offerCustody", writes: { update: 1 }, why: "pending custodian" },
  { name: "supply.acceptCustody", writes: { update: 1 }, why: "custodian (state word)" },
  {
    name: "supply.acceptCustodyBySig",
    writes: { update: 1, new: 1 },
    why: "custodian + the party's nonce, first signature",
  },
  {
    name: "supply.reportSensorSummary(in range)",
    writes: { update: 1 },
    why: "excursion total and last window end (state word)",
  },
  {
    name: "supply.reportSensorSummary(budget spent)",
    writes: { update: 1 },
    why: "state word: total, window end, conformance",
  },
  { name: "supply.updateLocation", writes: {}, why: "none: the log is the record" },
  { name: "supply.confirmDelivery", writes: { update: 1 }, why: "custodian and status (state word)" },

  // LoyaltyPoints: a purchase is one slot, a holder's balance and lifetime earned one slot, plus the supply.
  { name: "loyalty.award(new holder)", writes: { new: 2, update: 1 }, why: "purchase + holder account (new) + supply" },
  { name: "loyalty.award(existing holder)", writes: { new: 1, update: 2 }, why: "purchase + holder account + supply" },
  {
    name: "loyalty.awardBatch",
    batch: true,
    writes: (n) => ({ new: n, update: n + 1, warm: n - 1 }),
    why: "per item a purchase and a distinct existing holder; the supply once cold, then warm",
  },
  {
    name: "loyalty.reverse",
    writes: { update: 3 },
    why: "purchase points zeroed (customer kept) + holder account + supply",
  },
  { name: "loyalty.redeem", writes: { update: 2 }, why: "holder account + supply" },
  {
    name: "loyalty.redeemBySig",
    writes: { update: 2, new: 1 },
    why: "holder account + supply + the customer's nonce, first signature",
  },
  { name: "loyalty.setTierThresholds", writes: { new: 1 }, why: "eight uint32 thresholds in one slot, first set" },

  // The goal's reference: OpenZeppelin ERC20 _mint behind onlyRole, plus the purchase-reference flag.
  {
    name: "baseline.mint(existing holder)",
    reference: true,
    writes: { new: 1, update: 2 },
    why: "reference flag + balance + total supply",
  },
];

/** The operation declared under `name` (a batched one by its base name). */
function operation(name) {
  const found = OPERATIONS.find((op) => op.name === name);
  if (!found) throw new Error(`operation '${name}' is not declared in scripts/lib/gas/operations.js`);
  return found;
}

/** The storage writes of `name` (with `n` items for a batched operation). */
function writesOf(name, n) {
  const op = operation(name);
  return op.batch ? op.writes(n) : op.writes;
}

/** Compact text of declared writes, e.g. "1new+2upd". */
function describeWrites(writes) {
  const short = { new: "new", update: "upd", warm: "warm", clear: "clr" };
  const parts = Object.entries(writes)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count}${short[kind]}`);
  return parts.length ? parts.join("+") : "none";
}

module.exports = { OPERATIONS, writesOf, describeWrites };
