#!/usr/bin/env bash
# Passes `dotnet test` output through and ends it with one plain "N passed, N failed" line summed
# over every test assembly, so the result reads the same whatever the runner prints.
set -uo pipefail
passed=0; failed=0; skipped=0
while IFS= read -r line; do
  printf '%s\n' "$line"
  if [[ "$line" =~ ^[[:space:]]+Passed:[[:space:]]+([0-9]+)$ ]]; then passed=$((passed + BASH_REMATCH[1])); fi
  if [[ "$line" =~ ^[[:space:]]+Failed:[[:space:]]+([0-9]+)$ ]]; then failed=$((failed + BASH_REMATCH[1])); fi
  if [[ "$line" =~ ^[[:space:]]+Skipped:[[:space:]]+([0-9]+)$ ]]; then skipped=$((skipped + BASH_REMATCH[1])); fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
