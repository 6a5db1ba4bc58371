// The same operations as tests/EthCx.Benchmarks, in ethers v6, measured in operations per second.
// Prints one JSON object: { "<benchmark name>": opsPerSecond, ... }.
const ethers = require("ethers");

function measure(fn, seconds = 1.5) {
  for (let i = 0; i < 200; i++) fn(); // warm-up for the JIT
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 50; i++) fn();
    ops += 50;
    now = process.hrtime.bigint();
  }
  return ops / (Number(now - start) / 1e9);
}

function seeded(n, seed) {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; out[i] = x >>> 24; }
  return out;
}

const input32 = seeded(32, 1);
const input1K = seeded(1024, 2);
const signingKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const signedHash = ethers.keccak256(ethers.toUtf8Bytes("EthCx benchmark"));
const signature = new ethers.SigningKey(signingKey).sign(signedHash);
const submit = new ethers.Interface(["function submit((address who, uint256 amount, bytes32 id, uint256[] values) order)"]);
const order = ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", 10n ** 18n, ethers.keccak256(ethers.toUtf8Bytes("consent")), [1n, 2n, 3n, 4n, 5n]];
const calldata = submit.encodeFunctionData("submit", [order]);
const results = {
  AbiEncode: measure(() => submit.encodeFunctionData("submit", [order])),
  AbiDecode: measure(() => submit.decodeFunctionData("submit", calldata)),
  Keccak32: measure(() => ethers.keccak256(input32)),
  Keccak1K: measure(() => ethers.keccak256(input1K)),
  PublicKey: measure(() => ethers.SigningKey.computePublicKey(signingKey)),
  Sign: measure(() => new ethers.SigningKey(signingKey).sign(signedHash)),
  Recover: measure(() => ethers.recoverAddress(signedHash, signature)),
};
console.log(JSON.stringify(results));
