// Hardhat 2 configuration for EthCx.
//
// The Solidity compiler is the npm `solc` package (solc-js), pinned in package.json. Hardhat 2
// would download a native compiler; this machine (and CI) has no route to the binaries site, so
// the compiler-build subtask below hands Hardhat the solc-js build that npm installed.
//
// evmVersion and the node's hardfork are pinned together: "osaka" is the fork Ethereum mainnet
// runs since December 2025 (Fusaka), so bytecode, gas figures and the EIP-7623 calldata floor
// measured on the local node are those of mainnet. Change both lines together.
const path = require("node:path");
const { subtask } = require("hardhat/config");
const {
  TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD,
  TASK_COMPILE_SOLIDITY_GET_SOURCE_PATHS,
} = require("hardhat/builtin-tasks/task-names");

const SOLC_VERSION = "0.8.30";
const EVM_VERSION = "prague";
const HARDFORK = "osaka";

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args, _hre, runSuper) => {
  if (args.solcVersion !== SOLC_VERSION) {
    return runSuper();
  }
  const solcPackage = require("solc/package.json");
  if (solcPackage.version !== SOLC_VERSION) {
    throw new Error(
      `solc version mismatch: hardhat.config.js wants ${SOLC_VERSION} but npm installed solc ${solcPackage.version}`,
    );
  }
  const solc = require("solc");
  return {
    compilerPath: path.join(path.dirname(require.resolve("solc")), "soljson.js"),
    isSolcJs: true,
    version: SOLC_VERSION,
    longVersion: solc.version(),
  };
});

// Test-only contracts live in tests/contracts (not shipped in contracts/) and compile with the rest,
// so that the code generator and the integration tests see their artifacts.
subtask(TASK_COMPILE_SOLIDITY_GET_SOURCE_PATHS, async (_args, hre, runSuper) => {
  const { getAllFilesMatching } = require("hardhat/internal/util/fs-utils");
  const testSources = await getAllFilesMatching(path.join(hre.config.paths.root, "tests", "contracts"), (f) => f.endsWith(".sol"));
  return [...(await runSuper()), ...testSources];
});

/** @type import('hardhat/config').HardhatUserConfig */
module.exports = {
  solidity: {
    version: SOLC_VERSION,
    settings: {
      evmVersion: EVM_VERSION,
      optimizer: { enabled: true, runs: 10_000 },
      // NatSpec for the generated C# XML docs: read from build-info by EthCx.Codegen.
      outputSelection: {
        "*": { "*": ["abi", "evm.bytecode", "evm.deployedBytecode", "evm.methodIdentifiers", "devdoc", "userdoc"] },
      },
    },
  },
  paths: {
    sources: "./contracts",
    tests: "./tests/contracts",
    cache: "./cache",
    artifacts: "./artifacts",
  },
  networks: {
    hardhat: {
      hardfork: HARDFORK,
      chainId: 31337,
      // The node's default test mnemonic; the fixed initial base fee keeps gas figures reproducible.
      initialBaseFeePerGas: 1_000_000_000,
    },
  },
};
