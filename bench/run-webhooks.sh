#!/usr/bin/env bash
# Webhook intake on loopback: ChatCouncil (durable inbox on: every event stored in SQLite before the answer)
# against @slack/bolt, @octokit/webhooks and discord-interactions doing the same verification and acknowledgement,
# all loaded by wrk with the same kind of signed requests (~2 KB Slack app_mention, GitHub issue_comment, Discord
# application command). Servers run pinned to one core, wrk to the other.
#   bench/run-webhooks.sh [SECONDS] [CONNECTIONS] [UNIQUE_REQUESTS]   (from the repository root, needs wrk)
# Writes bench/webhooks/results/webhooks.jsonl and prints a Markdown table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-10}"
connections="${2:-64}"
unique="${3:-150000}"
warmup="${BENCH_WARMUP:-10}"
server_core="${BENCH_SERVER_CORE:-1}"
load_core="${BENCH_LOAD_CORE:-0}"
dir="bench/webhooks"
out="$dir/results"
dll="artifacts/bin/BotHost/release/ChatCouncil.BotHost.dll"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$dll" ] || dotnet build src/BotHost -c Release -nologo -clp:ErrorsOnly
[ -d "$dir/node_modules/@slack/bolt" ] || (cd "$dir" && npm install --no-audit --no-fund >/dev/null)
mkdir -p "$out"
rm -f "$out/secrets.json"
: > "$out/webhooks.jsonl"
node "$dir/generate.mjs" 1 0 >/dev/null
secret() { node -p "JSON.parse(require('fs').readFileSync('$out/secrets.json')).$1"; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
wait_for() { for _ in $(seq 600); do curl -s -o /dev/null -X POST "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

data="$(mktemp -d)"
ASPNETCORE_URLS=http://127.0.0.1:5601 \
Storage__Provider=sqlite Storage__SqlitePath="$data/bench.db" \
Inference__ModelDirectory="${BENCH_MODEL_DIR:-/tmp/chatcouncil-tests/models}" Inference__Backend=cpu \
Inbox__ProcessEvents=false \
Webhooks__Slack__Enabled=true Webhooks__Slack__SigningSecret="$(secret slack)" \
Webhooks__GitHub__Enabled=true Webhooks__GitHub__Secret="$(secret github)" \
Webhooks__Discord__Enabled=true Webhooks__Discord__PublicKey="$(secret discordPublicKey)" \
Logging__LogLevel__Default=Warning \
  taskset -c "$server_core" dotnet "$dll" >"$out/chatcouncil.log" 2>&1 &
pids+=($!)
for peer in "slack 5611" "github 5612" "discord 5613"; do
  # shellcheck disable=SC2086
  taskset -c "$server_core" node "$dir/peers.mjs" $peer >"$out/peer-${peer% *}.log" 2>&1 &
  pids+=($!)
done
wait_for http://127.0.0.1:5601/webhooks/github
wait_for http://127.0.0.1:5611/slack/events
wait_for http://127.0.0.1:5612/api/github/webhooks
wait_for http://127.0.0.1:5613/interactions

offset=1000
load() { # platform url seconds
  node "$dir/generate.mjs" "$unique" "$offset" "$1" >/dev/null
  offset=$((offset + unique))
  REQUESTS="$out/$1.tsv" taskset -c "$load_core" wrk -t1 -c"$connections" -d"$3s" -s "$dir/requests.lua" "$2" | tail -1
}
measure() { # server platform url
  load "$2" "$3" "$warmup" >/dev/null   # warm-up: both JITs reach optimized code, connection pools, SQLite pages
  local result
  result="$(load "$2" "$3" "$seconds")"
  echo "{\"server\":\"$1\",\"platform\":\"$2\",\"connections\":$connections,${result#\{}" | tee -a "$out/webhooks.jsonl"
}

measure chatcouncil slack http://127.0.0.1:5601/webhooks/slack/events
measure bolt slack http://127.0.0.1:5611/slack/events
measure chatcouncil github http://127.0.0.1:5601/webhooks/github
measure octokit github http://127.0.0.1:5612/api/github/webhooks
measure chatcouncil discord http://127.0.0.1:5601/webhooks/discord/interactions
measure discord-interactions discord http://127.0.0.1:5613/interactions
# Reference points for the latency floor on this core: ChatCouncil answering signed GitHub pings (verified and parsed,
# nothing stored), and OpenSSL's own Ed25519 verification rate, which bounds every Discord request.
measure chatcouncil github-ping http://127.0.0.1:5601/webhooks/github
ed25519="$(taskset -c "$server_core" openssl speed -seconds 3 ed25519 2>/dev/null | awk '/Ed25519)/ {print $NF}' | tail -1)"
echo "{\"server\":\"openssl\",\"platform\":\"ed25519-verify\",\"verifyPerSecond\":${ed25519:-0}}" >> "$out/webhooks.jsonl"

node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
console.log("| platform | server | requests/s | p50 ms | p99 ms | non-2xx | ChatCouncil ratio |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const platform of ["slack", "github", "discord", "github-ping"]) {
  const ours = rows.find(r => r.platform === platform && r.server === "chatcouncil");
  for (const r of rows.filter(r => r.platform === platform)) {
    const ratio = r.server === "chatcouncil" ? "" : (ours.rps / r.rps).toFixed(2);
    console.log(`| ${platform} | ${r.server} | ${r.rps.toFixed(0)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} | ${r.non2xx} | ${ratio} |`);
  }
}
const ed = rows.find(r => r.platform === "ed25519-verify");
if (ed) console.log(`\nOpenSSL Ed25519 on the server core: ${ed.verifyPerSecond} verifications/s (${(1e6 / ed.verifyPerSecond).toFixed(0)} µs each)`);' "$out/webhooks.jsonl"
