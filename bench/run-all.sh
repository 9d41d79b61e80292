#!/usr/bin/env bash
# Every benchmark in turn, each with its peer measured in the same run (see README, Benchmarks):
#   make bench            or   bench/run-all.sh
# Inference (node-llama-cpp peer), memory (hnswlib-node peer) and webhook intake (Bolt, Octokit, discord-interactions).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/run-inference.sh"
"$here/run-memory.sh"
"$here/run-webhooks.sh"
