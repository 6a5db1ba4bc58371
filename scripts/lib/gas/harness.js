// Sends transactions to the local node with every input fixed, so that two runs measure the same gas:
// keys from the node's own mnemonic, nonces counted here, and each block's timestamp set before its transaction.
const fs = require("node:fs");
const path = require("node:path");
const ethers = require("ethers");
const { floorOf, logsCost } = require("./model");
const { writesOf } = require("./operations");

const ROOT = path.resolve(__dirname, "../../..");
const CHAIN_ID = 31337n;
/** Block time of the first transaction (2033-05-18); every later one is 12 s on, plus any skip. */
const START_TIME = 2_000_000_000;
const BLOCK_INTERVAL = 12;
/** Gas limit of every transaction: under the EIP-7825 cap; gas used does not depend on it. */
const GAS_LIMIT = 16_000_000n;
const MAX_FEE = ethers.parseUnits("100", "gwei");
const PRIORITY_FEE = ethers.parseUnits("1", "gwei");

/** A 32-byte id derived from a label, so that every reference, id and hash in the run is fixed. */
function id(label) {
  return ethers.keccak256(ethers.toUtf8Bytes(`ethcx-gas:${label}`));
}

/** An address derived from a label (an account nobody holds a key of). */
function addressOf(label) {
  return ethers.getAddress(ethers.dataSlice(id(label), 12));
}

/** The compiled artifact of `source` (path under the repo root) and `name`. */
function artifact(source, name) {
  const file = path.join(ROOT, "artifacts", source, `${name}.json`);
  if (!fs.existsSync(file)) throw new Error(`no artifact ${file}: compile the contracts first`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** A deployed contract: its address and ABI. */
class Contract {
  constructor(address, abi) {
    this.address = address;
    this.iface = new ethers.Interface(abi);
  }

  encode(fn, args) {
    return this.iface.encodeFunctionData(fn, args);
  }

  /** The EIP-712 domain of a contract whose domain is (name, "1") on this chain. */
  domain(name) {
    return { name, version: "1", chainId: CHAIN_ID, verifyingContract: this.address };
  }
}

class Harness {
  constructor(provider, accounts) {
    this.provider = provider;
    this.accounts = accounts;
    this.nonces = new Map();
    this.time = START_TIME - BLOCK_INTERVAL;
    this.results = [];
  }

  /** Connects to the node at `url` and checks that it is the Hardhat node with its default accounts. */
  static async connect(url, accountCount) {
    const provider = new ethers.JsonRpcProvider(url, Number(CHAIN_ID), { staticNetwork: true, batchMaxCount: 1 });
    const chainId = BigInt(await provider.send("eth_chainId", []));
    if (chainId !== CHAIN_ID) throw new Error(`the node at ${url} has chain id ${chainId}, not ${CHAIN_ID}`);
    // The node's own accounts: the default Hardhat mnemonic, never printed.
    const { defaultHardhatNetworkHdAccountsConfigParams: hd } = require("hardhat/internal/core/config/default-config");
    const root = ethers.HDNodeWallet.fromPhrase(hd.mnemonic, hd.passphrase, hd.path);
    const accounts = [];
    for (let i = 0; i < accountCount; i++) accounts.push(root.deriveChild(hd.initialIndex + i));
    const nodeAccounts = (await provider.send("eth_accounts", [])).map((a) => ethers.getAddress(a));
    accounts.forEach((account, i) => {
      if (nodeAccounts[i] !== account.address) {
        throw new Error(
          `the node's account ${i} is ${nodeAccounts[i]}, not ${account.address}: not the default Hardhat accounts`,
        );
      }
    });
    const latest = await provider.send("eth_getBlockByNumber", ["latest", false]);
    if (Number(latest.timestamp) >= START_TIME) {
      throw new Error(
        `the node's latest block (time ${Number(latest.timestamp)}) is past the run's start time ${START_TIME}: use a fresh node`,
      );
    }
    return new Harness(
      provider,
      accounts.map((a) => new ethers.Wallet(a.privateKey)),
    );
  }

  account(i) {
    return this.accounts[i];
  }

  /** The block time the next transaction will get. */
  nextTime() {
    return this.time + BLOCK_INTERVAL;
  }

  /** Lets `seconds` pass before the next transaction (on top of the block interval). */
  skip(seconds) {
    this.time += seconds;
  }

  /** Signs and sends a transaction from `wallet` in a block of its own; returns the receipt (status 1). */
  async send(wallet, to, data, label) {
    const nonce = this.nonces.get(wallet.address) ?? 0;
    const raw = await wallet.signTransaction({
      type: 2,
      chainId: CHAIN_ID,
      nonce,
      to,
      data,
      gasLimit: GAS_LIMIT,
      maxFeePerGas: MAX_FEE,
      maxPriorityFeePerGas: PRIORITY_FEE,
    });
    this.nonces.set(wallet.address, nonce + 1);
    this.time += BLOCK_INTERVAL;
    await this.provider.send("evm_setNextBlockTimestamp", [this.time]);
    const hash = await this.provider.send("eth_sendRawTransaction", [raw]);
    const receipt = await this.provider.send("eth_getTransactionReceipt", [hash]);
    if (!receipt) throw new Error(`${label}: no receipt for ${hash} (is the node automining?)`);
    if (receipt.status !== "0x1") throw new Error(`${label}: the transaction reverted (${hash})`);
    return receipt;
  }

  /** Deploys the artifact `name` from `source` with constructor `args`. */
  async deploy(wallet, source, name, args = []) {
    const art = artifact(source, name);
    const factory = new ethers.ContractFactory(art.abi, art.bytecode);
    const { data } = await factory.getDeployTransaction(...args);
    const receipt = await this.send(wallet, null, data, `deploy ${name}`);
    return new Contract(ethers.getAddress(receipt.contractAddress), art.abi);
  }

  /** Calls `fn(args)` on `contract` from `wallet` without measuring it (set-up). */
  async call(wallet, contract, fn, args) {
    return this.send(wallet, contract.address, contract.encode(fn, args), fn);
  }

  /** Calls `fn(args)` and records its gas and floor under `name` (with `n` items for a batched operation). */
  async measure(name, wallet, contract, fn, args, n = undefined) {
    const data = contract.encode(fn, args);
    const receipt = await this.send(wallet, contract.address, data, name);
    const result = {
      name,
      n,
      gas: Number(receipt.gasUsed),
      floor: floorOf(data, writesOf(name, n), receipt.logs),
      logGas: logsCost(receipt.logs),
    };
    this.results.push(result);
    return result;
  }
}

module.exports = { Harness, id, addressOf, START_TIME };
