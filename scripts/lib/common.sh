# Shared by the scripts in scripts/: set-up steps that are skipped when already done,
# and a local Hardhat node that is always stopped when the calling script exits.
# shellcheck shell=bash

ETHCX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v node >/dev/null || die "Node.js 20 or later is required (node not found on PATH)."
  command -v dotnet >/dev/null || die ".NET 10 SDK is required (dotnet not found on PATH)."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20 or later is required (found $(node --version))."
}

# npm ci when node_modules is missing or was installed from another package-lock.json.
ensure_npm() {
  # The stamp holds the hash of the package-lock.json that node_modules was installed from, so a
  # fresh checkout (new file times) or a linked node_modules with the same lock does not reinstall.
  local stamp="$ETHCX_ROOT/node_modules/.ethcx-lock.sha256"
  local want
  want="$(sha256sum "$ETHCX_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    step "npm ci"
    (cd "$ETHCX_ROOT" && npm ci --no-audit --no-fund >/dev/null) || die "npm ci failed"
    echo "$want" >"$stamp"
  fi
}

# hardhat compile is incremental on its own: it recompiles only changed sources.
ensure_contracts() {
  ensure_npm
  (cd "$ETHCX_ROOT" && npx --no-install hardhat compile --quiet) || die "Solidity compilation failed"
}

# dotnet build restores when needed and is incremental.
ensure_dotnet() {
  step "dotnet build"
  (cd "$ETHCX_ROOT" && dotnet build EthCx.sln --nologo -clp:"ErrorsOnly;NoSummary" -v:quiet "$@") || die "dotnet build failed"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# Polls eth_chainId until it answers or the deadline passes.
wait_for_rpc() {
  local url="$1" deadline=$((SECONDS + ${2:-60}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if curl -s -m 2 -H 'content-type: application/json' \
        -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$url" | grep -q '"result"'; then
      return 0
    fi
    if [ -n "${ETHCX_NODE_PID:-}" ] && ! kill -0 "$ETHCX_NODE_PID" 2>/dev/null; then
      return 1
    fi
    sleep 0.2
  done
  return 1
}

# Starts `hardhat node` on 127.0.0.1 in its own process group and sets ETHCX_NODE_URL.
# stop_node (installed as an EXIT/INT/TERM trap by the caller) kills the whole group.
start_node() {
  local port="${1:-$(free_port)}"
  ETHCX_NODE_LOG="$(mktemp -t ethcx-node.XXXXXX.log)"
  (cd "$ETHCX_ROOT" && exec setsid node_modules/.bin/hardhat node --hostname 127.0.0.1 --port "$port") >"$ETHCX_NODE_LOG" 2>&1 &
  ETHCX_NODE_PID=$!
  ETHCX_NODE_URL="http://127.0.0.1:$port"
  if ! wait_for_rpc "$ETHCX_NODE_URL" 60; then
    tail -n 20 "$ETHCX_NODE_LOG" >&2
    stop_node
    die "the Hardhat node did not answer eth_chainId at $ETHCX_NODE_URL within 60 s"
  fi
}

stop_node() {
  if [ -n "${ETHCX_NODE_PID:-}" ]; then
    kill -TERM -- "-$ETHCX_NODE_PID" 2>/dev/null || kill -TERM "$ETHCX_NODE_PID" 2>/dev/null
    local i
    for i in $(seq 1 50); do kill -0 "$ETHCX_NODE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$ETHCX_NODE_PID" 2>/dev/null || true
    wait "$ETHCX_NODE_PID" 2>/dev/null || true
    ETHCX_NODE_PID=""
  fi
  [ -n "${ETHCX_NODE_LOG:-}" ] && rm -f "$ETHCX_NODE_LOG"
  ETHCX_NODE_LOG=""
}

# Kills every process below the given one (children first up), e.g. a node a test host started.
kill_descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    kill_descendants "$child"
    kill -TERM "$child" 2>/dev/null || true
  done
}
