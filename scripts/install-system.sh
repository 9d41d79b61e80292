#!/usr/bin/env bash
# Installs the Debian packages ChatCouncil needs. Idempotent: does nothing when all are present.
#   scripts/install-system.sh run    # what `make run` needs (Vulkan loader + lavapipe)
#   scripts/install-system.sh test   # plus the servers and browser the test suite uses
set -euo pipefail
profile="${1:-run}"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

runtime_pkgs=(libvulkan1 mesa-vulkan-drivers)
test_pkgs=(redis-server postgresql chromium fonts-liberation wrk)

missing=()
check() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || missing+=("$1"); }
for p in "${runtime_pkgs[@]}"; do check "$p"; done
if [ "$profile" = "test" ]; then for p in "${test_pkgs[@]}"; do check "$p"; done; fi

# Debian 12's own lavapipe (Mesa 22.3) crashes while training; Mesa 25 from backports does not.
backports=/etc/apt/sources.list.d/chatcouncil-backports.sources
mesa_version=$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || true)
needs_backports_mesa=0
case "$mesa_version" in 25.*|2[6-9].*) ;; *) needs_backports_mesa=1 ;; esac

if [ ${#missing[@]} -eq 0 ] && [ $needs_backports_mesa -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

if [ ! -f "$backports" ] && grep -qs bookworm /etc/os-release; then
  sudo_if_needed tee "$backports" >/dev/null <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

export DEBIAN_FRONTEND=noninteractive
sudo_if_needed apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ $needs_backports_mesa -eq 1 ] && [ -f "$backports" ]; then
  sudo_if_needed apt-get install -y -qq --no-install-recommends -t bookworm-backports mesa-vulkan-drivers libvulkan1 \
    || echo "warning: Mesa from bookworm-backports could not be installed; Vulkan training on lavapipe may crash" >&2
fi
echo "system packages: installed ${missing[*]:-} (mesa $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers))"
