// scripts/gas's measurement: node scripts/lib/gas/main.js --rpc URL --out FILE
// Runs every operation of scenario.js on the (fresh) node at URL and writes the snapshot to FILE.
const fs = require("node:fs");
const path = require("node:path");
const { Harness } = require("./harness");
const { runAll, ACCOUNT_COUNT } = require("./scenario");
const { format } = require("./report");

const ROOT = path.resolve(__dirname, "../../..");

function argument(name) {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) throw new Error(`missing ${name} (usage: main.js --rpc URL --out FILE)`);
  return process.argv[i + 1];
}

/** Compiler settings from the build-info of a measured contract, and the node's hardfork from hardhat.config.js. */
function buildSettings() {
  const dbg = path.join(ROOT, "artifacts/contracts/consent/ConsentRegistry.sol/ConsentRegistry.dbg.json");
  const buildInfo = JSON.parse(
    fs.readFileSync(path.resolve(path.dirname(dbg), JSON.parse(fs.readFileSync(dbg, "utf8")).buildInfo), "utf8"),
  );
  const hardfork = /const HARDFORK = "([^"]+)"/.exec(fs.readFileSync(path.join(ROOT, "hardhat.config.js"), "utf8"));
  if (!hardfork) throw new Error('hardhat.config.js has no `const HARDFORK = "..."` line');
  return {
    hardfork: hardfork[1],
    solc: buildInfo.solcVersion,
    evmVersion: buildInfo.input.settings.evmVersion,
    runs: buildInfo.input.settings.optimizer.runs,
  };
}

async function main() {
  const harness = await Harness.connect(argument("--rpc"), ACCOUNT_COUNT);
  const results = await runAll(harness);
  fs.writeFileSync(argument("--out"), format(results, buildSettings()));
}

main().catch((error) => {
  console.error(`gas measurement failed: ${error.message}`);
  process.exit(2);
});
