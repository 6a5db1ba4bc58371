// The gas floor of a transaction: what it must pay whatever the contract's code, under the node's rules
// (hardfork osaka: EIP-2929 cold/warm access, EIP-2200/3529 storage pricing and refunds, EIP-7623 calldata floor).
//
//   floor = max(21,000 + calldata + storage + logs - refund, 21,000 + 10 * tokens)
//
// calldata: 4 gas per zero byte, 16 per non-zero byte; tokens = zero bytes + 4 * non-zero bytes.
// storage:  the writes the operation cannot avoid by design, declared per operation in operations.js.
// logs:     per log 375 + 375 per topic + 8 per data byte, read from the receipt.
// refund:   4,800 per cleared slot, capped at one fifth of the gas used before refunds (EIP-3529).

/** Cost of one storage write, by kind. Cold costs include the first (cold) read of the slot. */
const STORAGE_COST = {
  new: 22_100, // zero to non-zero, cold: 20,000 + 2,100
  update: 5_000, // non-zero to another non-zero, cold: 2,900 + 2,100
  warm: 100, // a slot already written in this transaction, written again
  clear: 5_000, // non-zero to zero, cold; refunds CLEAR_REFUND
};
const CLEAR_REFUND = 4_800;
const TX_BASE = 21_000;
const LOG_BASE = 375;
const LOG_TOPIC = 375;
const LOG_DATA_BYTE = 8;
const FLOOR_PER_TOKEN = 10;

/** Bytes of a 0x-prefixed hex string. */
function hexBytes(hex) {
  return Buffer.from(hex.slice(2), "hex");
}

/** Standard calldata cost and EIP-7623 tokens of the transaction's data. */
function calldata(dataHex) {
  let zeros = 0;
  let nonZeros = 0;
  for (const b of hexBytes(dataHex)) {
    if (b === 0) zeros++;
    else nonZeros++;
  }
  return { cost: 4 * zeros + 16 * nonZeros, tokens: zeros + 4 * nonZeros };
}

/** Cost of the receipt's logs: 375 + 375 per topic + 8 per data byte each. */
function logsCost(logs) {
  return logs.reduce(
    (sum, log) => sum + LOG_BASE + LOG_TOPIC * log.topics.length + LOG_DATA_BYTE * hexBytes(log.data).length,
    0,
  );
}

/** Cost and refund of declared storage writes, e.g. { new: 1, update: 2 }. */
function storageCost(writes) {
  let cost = 0;
  for (const [kind, count] of Object.entries(writes)) {
    if (!(kind in STORAGE_COST)) throw new Error(`unknown storage write kind '${kind}'`);
    cost += STORAGE_COST[kind] * count;
  }
  return { cost, refund: CLEAR_REFUND * (writes.clear ?? 0) };
}

/** The floor of a transaction with `dataHex` as calldata, `writes` declared and `logs` from its receipt. */
function floorOf(dataHex, writes, logs) {
  const data = calldata(dataHex);
  const storage = storageCost(writes);
  const beforeRefund = TX_BASE + data.cost + storage.cost + logsCost(logs);
  const refund = Math.min(storage.refund, Math.floor(beforeRefund / 5));
  return Math.max(beforeRefund - refund, TX_BASE + FLOOR_PER_TOKEN * data.tokens);
}

module.exports = { STORAGE_COST, CLEAR_REFUND, floorOf, logsCost };
