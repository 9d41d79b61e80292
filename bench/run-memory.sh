#!/usr/bin/env bash
# Memory benchmark: ChatCouncil's vector index and SQLite store, then hnswlib-node on the same vectors in the same run.
#   bench/run-memory.sh [chunks=100000] [queries=500] [ingest=20000]
# Results: $OUT (default /tmp/chatcouncil-memory-bench)/chatcouncil.json and hnswlib.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-/tmp/chatcouncil-memory-bench}"
chunks="${1:-100000}"; queries="${2:-500}"; ingest="${3:-20000}"
mkdir -p "$out"

dotnet build "$root/bench/MemoryBench" -c Release -nologo -clp:ErrorsOnly
dotnet "$root/artifacts/bin/MemoryBench/release/ChatCouncil.MemoryBench.dll" --chunks "$chunks" --queries "$queries" --ingest "$ingest" --out "$out"

# hnswlib-node compiles its addon at install; node-gyp would fetch Node's headers from the internet, so point it at the
# headers Debian's nodejs installs under /usr/include/node instead.
peer="$root/bench/memory-hnswlib"
if [ ! -f "$peer/node_modules/hnswlib-node/build/Release/addon.node" ]; then
  (cd "$peer" && npm ci --ignore-scripts --no-audit --no-fund)
  gyp="$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$gyp" ] || gyp=/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
  (cd "$peer/node_modules/hnswlib-node" && node "$gyp" rebuild --nodedir=/usr)
fi
node "$peer/bench.mjs" "$out" 384
