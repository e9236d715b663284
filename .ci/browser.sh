#!/usr/bin/env bash
# Installs what the browser tests need: Debian's Chromium, its matching chromedriver and a CJK
# font so that screenshots show the Chinese UI. Idempotent and non-interactive; nothing else is
# downloaded at test time (Selenium Manager is bypassed by explicit paths).
set -euo pipefail
packages=(chromium chromium-driver fonts-wqy-microhei)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
chromium --version
chromedriver --version
