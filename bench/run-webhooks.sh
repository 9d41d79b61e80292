#!/usr/bin/env bash
# Webhook intake on loopback: ChatCouncil (durable inbox on: every event stored in SQLite before the answer)
# against @slack/bolt, @octokit/webhooks and discord-interactions doing the same verification and acknowledgement,
# all loaded by wrk with the same kind of signed requests (~2 KB Slack app_mention, GitHub issue_comment, Discord
# application command). Servers run pinned to one core, wrk to the other.
#   bench/run-webhooks.sh [SECONDS] [CONNECTIONS] [UNIQUE_REQUESTS] [RUNS]   (from the repository root, needs wrk)
# Each run starts every server afresh (ChatCouncil on an empty SQLite file). Writes
# bench/webhooks/results/webhooks.jsonl and prints Markdown tables: every measurement, then, per platform, the ratio
# against the peer in each run and their median.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-10}"
connections="${2:-64}"
unique="${3:-150000}"
runs="${4:-1}"
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
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
trap cleanup EXIT
wait_for() { for _ in $(seq 600); do curl -s -o /dev/null -X POST "$1" && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

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
  echo "{\"run\":$run,\"server\":\"$1\",\"platform\":\"$2\",\"connections\":$connections,${result#\{}" | tee -a "$out/webhooks.jsonl"
}

run_once() {
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
  echo "{\"run\":$run,\"server\":\"openssl\",\"platform\":\"ed25519-verify\",\"verifyPerSecond\":${ed25519:-0}}" >> "$out/webhooks.jsonl"
  cleanup
  rm -rf "$data"
}

for run in $(seq "$runs"); do run_once; done

node "$dir/summarize.mjs" "$out/webhooks.jsonl"
