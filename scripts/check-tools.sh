#!/usr/bin/env bash
# The toolchain the build itself needs. The .NET SDK cannot be installed from Debian's archive, so
# its absence is reported with the fix; npm (used to fetch llama.cpp's libraries) is installed.
set -euo pipefail
if ! command -v dotnet >/dev/null; then
  echo "error: the .NET 10 SDK is not installed. Install it from https://dot.net (dotnet-install.sh --channel 10.0) and re-run." >&2
  exit 1
fi
major="$(dotnet --version | cut -d. -f1)"
if [ "$major" -lt 10 ]; then
  echo "error: .NET SDK $(dotnet --version) found; ChatCouncil needs 10.0 or newer." >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; else sudo apt-get install -y npm; fi
fi
