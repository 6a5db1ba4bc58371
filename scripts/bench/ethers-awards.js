// The ethers v6 contender of tests/EthCx.Throughput's award scenario: LoyaltyPoints.award(...) then
// tx.wait(), each merchant one award after the other, all merchants at once. Awards the same
// purchases (references, customers, points) as the other contenders: warm-up ones first (not timed),
// then the timed ones. Prints { "txPerSecond": n }.
//   node ethers-awards.js <rpc url> <chain id> <contract> <count> <merchants> <warm-up count>
// Merchants are accounts 1..merchants of the Hardhat test mnemonic (a public, well-known key set).
const { ethers } = require("ethers");

const TEST_MNEMONIC = "test test test test test test test test test test test junk";
const abi = ["function award(address customer, uint96 amount, bytes32 purchaseRef)"];

// Keep in step with AwardThroughput.cs: the same customers, points and references.
const CUSTOMERS = 64;
const customerOf = (i) => ethers.getAddress(ethers.dataSlice(ethers.keccak256(ethers.toUtf8Bytes(`customer-${i % CUSTOMERS}`)), 12));
const pointsOf = (i) => 10 + (i % 90);
const referenceOf = (prefix, i) => ethers.keccak256(ethers.toUtf8Bytes(`${prefix}-${i}`));

async function awardAll(contracts, prefix, count) {
  const items = Array.from({ length: count }, (_, i) => [customerOf(i), pointsOf(i), referenceOf(prefix, i)]);
  const start = process.hrtime.bigint();
  await Promise.all(contracts.map(async (contract, m) => {
    for (let i = m; i < count; i += contracts.length) {
      const tx = await contract.award(...items[i]);
      const receipt = await tx.wait();
      if (receipt.status !== 1) throw new Error(`award ${prefix}-${i} failed: ${tx.hash}`);
    }
  }));
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function main() {
  const [url, chainId, address, count, merchants, warmUp] = process.argv.slice(2);
  // Tuned as a user of a fast node must: no network re-detection, no 10 ms batching stall, and no
  // 250 ms cache of identical requests (it would hand the next award a stale pending nonce).
  const provider = new ethers.JsonRpcProvider(url, Number(chainId), { staticNetwork: true, batchMaxCount: 1, cacheTimeout: -1 });
  const root = ethers.HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, "m/44'/60'/0'/0");
  const contracts = Array.from({ length: Number(merchants) }, (_, m) =>
    new ethers.Contract(address, abi, new ethers.Wallet(root.deriveChild(m + 1).privateKey, provider)));
  await awardAll(contracts, "warm-up", Number(warmUp));
  const txPerSecond = await awardAll(contracts, "order", Number(count));
  provider.destroy();
  console.log(JSON.stringify({ txPerSecond }));
}

main().catch((e) => {
  console.error(e.shortMessage || e.message);
  process.exit(1);
});
