#!/usr/bin/env bash
# Binding-overhead and concurrency benchmarks, ChatCouncil next to node-llama-cpp 3.22.1 on the same
# GGUF and the same prebuilt llama.cpp CPU libraries, in one run.
#   bench/run-inference.sh [REPEAT]        (from the repository root, after `make build`)
# Each server process is pinned to core 1 with taskset, so the other core stays free for the system.
# Writes raw JSON lines to bench/results/ and prints a Markdown table of medians and ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
repeat="${1:-7}"
out="bench/results"
mkdir -p "$out"
core="${BENCH_CORE:-1}"
bench_dll="artifacts/bin/Bench/release/ChatCouncil.Bench.dll"
[ -f "$bench_dll" ] || dotnet build bench/Bench -c Release -nologo -clp:ErrorsOnly

if [ ! -d bench/node-llama-cpp/node_modules/node-llama-cpp ]; then
  (cd bench/node-llama-cpp && npm install --omit=optional --ignore-scripts --no-audit --no-fund >/dev/null)
fi

models=(tiny tiny-large)
: > "$out/binding.jsonl"
for model in "${models[@]}"; do
  path="$(dotnet "$bench_dll" binding --model "$model" --repeat 1 --warmup 0 --gen-tokens 1 --prompt-tokens 8 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s.split("\n")[0]).model))')"
  for threads in 1 2; do
    args=(--threads "$threads" --batch 512 --ctx 2048 --prompt-tokens 256 --gen-tokens 128 --repeat "$repeat" --warmup 1)
    taskset -c "$([ "$threads" = 1 ] && echo "$core" || echo 0,1)" dotnet "$bench_dll" binding --model "$model" "${args[@]}" | sed "s/^{/{\"modelName\":\"$model\",/" >> "$out/binding.jsonl"
    taskset -c "$([ "$threads" = 1 ] && echo "$core" || echo 0,1)" node bench/node-llama-cpp/bench.mjs --model "$path" "${args[@]}" | sed "s/^{/{\"modelName\":\"$model\",/" >> "$out/binding.jsonl"
  done
done

: > "$out/concurrency.jsonl"
for model in "${models[@]}"; do
  taskset -c "$core" dotnet "$bench_dll" concurrency --model "$model" --conversations 8 --threads 1 --prompt-tokens 64 --gen-tokens 128 --repeat "$repeat" \
    | sed "s/^{/{\"modelName\":\"$model\",/" >> "$out/concurrency.jsonl"
  taskset -c "$core" dotnet "$bench_dll" rawdecode --model "$model" --threads 1 \
    | sed "s/^{/{\"modelName\":\"$model\",/" >> "$out/concurrency.jsonl"
done

node bench/summarize.mjs "$out/binding.jsonl" "$out/concurrency.jsonl"
