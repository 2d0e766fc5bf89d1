#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing (Debian/Ubuntu, as root or with sudo):
#   chromium + fonts-noto-cjk  end-to-end tests in a real browser, with Chinese glyphs
#   openjdk-17 + maven         the in-process Neo4j (tools/neo4j)
#   docker-compose             validates docker-compose.yml when the Docker Compose plugin is absent
# Runs before `npm test`; prints nothing when everything is there.
set -euo pipefail

missing=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
java_major=$(java -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n 1)
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then missing+=(openjdk-17-jdk-headless); fi
command -v mvn >/dev/null 2>&1 || missing+=(maven)
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  missing+=(docker-compose)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages for the tests: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install ${missing[*]} with your package manager, then run the tests again." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Need root to install ${missing[*]}: run as root or install them, then run the tests again." >&2
    exit 1
  fi
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
