#!/usr/bin/env bash
# Fetches llama.cpp's prebuilt shared libraries (pinned npm packages, integrity checked) into
# native/llama/{cpu,vulkan}. Idempotent: a folder whose stamp matches the pinned integrity is kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${CHATCOUNCIL_NATIVE_DIR:-$root/native/llama}"
version=3.22.1

declare -A packages=(
  [cpu]="@node-llama-cpp/linux-x64 linux-x64 sha512-5uCCDNqWCNfaAm8aR/Uzxbo4HBpKgNF91kCHPepKhgMgV2OAmatoefbOlMihsqCiH2Od35E/eUHQCFbfRBJuOg=="
  [vulkan]="@node-llama-cpp/linux-x64-vulkan linux-x64-vulkan sha512-bBxqU+JOcBu1nb5Qj2zcMci+JByT1E8EajHvYodyNfVIPkEhXh+/HMwR1/BT7xP08YK0hks+kM8fglER0P8JEg=="
)

command -v npm >/dev/null || { echo "npm is required to fetch the llama.cpp libraries (apt-get install npm)" >&2; exit 1; }

for flavour in cpu vulkan; do
  read -r name bins integrity <<<"${packages[$flavour]}"
  target="$dest/$flavour"
  if [ -f "$target/.integrity" ] && [ "$(cat "$target/.integrity")" = "$integrity" ]; then
    continue
  fi
  work="$(mktemp -d)"
  (cd "$work" && npm pack --silent "$name@$version" >/dev/null 2>&1)
  tarball="$(ls "$work"/*.tgz)"
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [ "$actual" != "$integrity" ]; then
    echo "integrity mismatch for $name@$version: expected $integrity, got $actual" >&2
    rm -rf "$work"; exit 1
  fi
  tar xzf "$tarball" -C "$work"
  rm -rf "$target"; mkdir -p "$target"
  cp "$work/package/bins/$bins"/*.so "$target/"
  rm -f "$target/libllama-common.so"
  echo "$integrity" > "$target/.integrity"
  rm -rf "$work"
  echo "llama.cpp $flavour libraries: $target"
done
