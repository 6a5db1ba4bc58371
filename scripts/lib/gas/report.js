// Formats the measurements as gas-snapshot.txt: a commented model, a fixed-width table in the order of
// operations.js (batches by N, then the marginal item), and the goals evaluated at the end.
const { OPERATIONS, writesOf, describeWrites } = require("./operations");
const { STORAGE_COST, CLEAR_REFUND } = require("./model");

const SINGLE_GOAL = 1.3;
const ITEM_GOAL = 1.15;
const AWARD = "loyalty.award(existing holder)";
const BASELINE = "baseline.mint(existing holder)";
const NAME_WIDTH = 44;

const fmt = (n) => n.toLocaleString("en-US");

function header(build) {
  const { new: fresh, update, warm, clear } = STORAGE_COST;
  return [
    "# EthCx gas snapshot. scripts/gas writes it; scripts/gas --check (run by scripts/test) fails when a fresh",
    "# measurement differs. Review the change, then run scripts/gas and commit this file.",
    `# Node: Hardhat, hardfork ${build.hardfork}; solc ${build.solc}, evmVersion ${build.evmVersion}, ` +
      `optimizer ${build.runs} runs.`,
    "# gas   = gasUsed of the transaction's receipt (each in a block of its own, all inputs fixed).",
    "# floor = max(21,000 + calldata + storage + logs - refund, 21,000 + 10 * tokens)    (EIP-7623)",
    "#   calldata: 4 per zero byte, 16 per non-zero byte; tokens = zero bytes + 4 * non-zero bytes",
    "#   storage:  the writes the operation cannot avoid by design (scripts/lib/gas/operations.js):",
    `#             new slot ${fmt(fresh)}, update ${fmt(update)}, warm repeat ${fmt(warm)}, ` +
      `clear ${fmt(clear)} with a ${fmt(CLEAR_REFUND)} refund (refunds <= 1/5 of the gas)`,
    "#   logs:     per log 375 + 375 per topic + 8 per data byte, from the receipt",
    "# ratio = gas / floor. Batches: per item = total / N; the (item) row is the marginal item, (N=100 - N=10) / 90.",
    "# Goals (reported, never enforced): a single write <= 1.30x its floor; a batched item <= 1.15x;",
    "# award to an existing holder <= the baseline (OpenZeppelin ERC20 _mint + onlyRole + one reference write).",
    "",
  ];
}

/** The table rows, in the order of operations.js; batched operations get their marginal item row after N=100. */
function rows(results) {
  const out = [];
  for (const op of OPERATIONS) {
    const measured = results.filter((r) => r.name === op.name).sort((a, b) => (a.n ?? 0) - (b.n ?? 0));
    if (measured.length === 0) throw new Error(`operation '${op.name}' is declared but was not measured`);
    for (const r of measured) {
      const label = op.batch ? `${r.name}(N=${r.n})` : r.name;
      const goal = op.reference ? null : op.batch && r.n >= 10 ? ITEM_GOAL : SINGLE_GOAL;
      out.push({ ...r, label, goal, writes: describeWrites(writesOf(r.name, r.n)) });
    }
    if (op.batch) {
      const at = (n) => measured.find((r) => r.n === n) ?? fail(`${op.name} was not measured with N=${n}`);
      const [small, large] = [at(10), at(100)];
      const items = large.n - small.n;
      out.push({
        name: op.name,
        label: `${op.name}(item)`,
        gas: Math.round((large.gas - small.gas) / items),
        floor: Math.round((large.floor - small.floor) / items),
        goal: ITEM_GOAL,
        writes: describeWrites(itemWrites(op.name)),
        marginal: true,
      });
    }
  }
  const unknown = results.find((r) => !OPERATIONS.some((op) => op.name === r.name));
  if (unknown) throw new Error(`measured '${unknown.name}' is not declared in operations.js`);
  return out;
}

/** The writes one more item adds to a batch. */
function itemWrites(name) {
  const [before, after] = [writesOf(name, 10), writesOf(name, 11)];
  return Object.fromEntries(Object.keys(after).map((kind) => [kind, after[kind] - (before[kind] ?? 0)]));
}

function fail(message) {
  throw new Error(message);
}

function line(row, extra) {
  const ratio = row.gas / row.floor;
  const verdict = row.goal === null ? "reference " : `${ratio <= row.goal ? "ok  " : "MISS"} <=${row.goal.toFixed(2)}`;
  const cells = [
    row.label.padEnd(NAME_WIDTH),
    `gas=${String(row.gas).padStart(8)}`,
    `floor=${String(row.floor).padStart(8)}`,
    `ratio=${ratio.toFixed(2)}`,
    verdict,
    `writes=${row.writes.padEnd(20)}`,
  ];
  if (row.n > 1) {
    const perItem = (total) => String(Math.round(total / row.n)).padStart(6);
    cells.push(`per-item gas=${perItem(row.gas)} floor=${perItem(row.floor)}`);
  }
  if (extra) cells.push(extra);
  return cells.join("  ").trimEnd();
}

function summary(table) {
  const evaluate = (goal, predicate) => {
    const rowsOf = table.filter((r) => r.goal === goal && predicate(r));
    const missed = rowsOf.filter((r) => r.gas / r.floor > goal);
    return [
      `met ${rowsOf.length - missed.length} of ${rowsOf.length}`,
      ...missed.map(
        (r) =>
          `  miss  ${r.label.padEnd(NAME_WIDTH)} ratio=${(r.gas / r.floor).toFixed(2)}  over floor=${r.gas - r.floor}`,
      ),
    ];
  };
  const single = evaluate(SINGLE_GOAL, () => true);
  const items = evaluate(ITEM_GOAL, () => true);
  const award = table.find((r) => r.label === AWARD);
  const base = table.find((r) => r.label === BASELINE);
  const vs = award.gas / base.gas;
  const difference = award.gas - base.gas;
  const extraLogs = award.logGas - base.logGas;
  return [
    "",
    "# Goals",
    `goal single write <= 1.30x of floor: ${single[0]}`,
    ...single.slice(1),
    `goal batched item <= 1.15x of floor: ${items[0]}`,
    ...items.slice(1),
    `goal award to existing holder <= baseline: ${vs <= 1 ? "met" : "missed"}, ` +
      `${award.gas} vs ${base.gas} gas = ${vs.toFixed(3)}x (${difference >= 0 ? "+" : ""}${difference} gas; ` +
      `logs the baseline does not emit: ${extraLogs} gas)`,
  ];
}

/** The snapshot text. */
function format(results, build) {
  const table = rows(results);
  const base = table.find((r) => r.label === BASELINE) ?? fail(`${BASELINE} was not measured`);
  const body = table.map((r) => line(r, r.label === AWARD ? `vs-baseline=${(r.gas / base.gas).toFixed(3)}` : ""));
  return [...header(build), ...body, ...summary(table)].join("\n") + "\n";
}

module.exports = { format };
