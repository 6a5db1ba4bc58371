// Prints EthCx (BenchmarkDotNet JSON reports) beside ethers v6 (ethers-chain.js output), with ratios.
//   node compare.js <BenchmarkDotNet results folder> <ethers results JSON file>
const fs = require("fs");
const path = require("path");

const [resultsDir, ethersFile] = process.argv.slice(2);
const ethers = JSON.parse(fs.readFileSync(ethersFile, "utf8"));
const rows = [];
for (const file of fs.readdirSync(resultsDir).filter((f) => f.endsWith("-report-full.json"))) {
  const report = JSON.parse(fs.readFileSync(path.join(resultsDir, file), "utf8"));
  for (const b of report.Benchmarks) {
    const opsPerSecond = 1e9 / b.Statistics.Mean;
    const allocated = b.Memory ? b.Memory.BytesAllocatedPerOperation : null;
    const peer = ethers[b.Method];
    rows.push({
      operation: b.Method,
      ethcx: opsPerSecond,
      ethers: peer,
      ratio: peer ? opsPerSecond / peer : null,
      allocated,
    });
  }
}
const fmt = (n) => (n == null ? "-" : Math.round(n).toLocaleString("en-US"));
const header = ["operation", "EthCx ops/s", "ethers v6 ops/s", "ratio", "EthCx bytes/op"];
const lines = rows.map((r) => [r.operation, fmt(r.ethcx), fmt(r.ethers), r.ratio == null ? "-" : r.ratio.toFixed(1) + "x", r.allocated == null ? "-" : String(r.allocated)]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const print = (cells) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
print(header);
print(widths.map((w) => "-".repeat(w)));
lines.forEach(print);
