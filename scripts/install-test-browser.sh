#!/usr/bin/env bash
# Makes sure the browser tests have Debian's chromium at /usr/bin/chromium. Run by Maven before the
# tests (exec-maven-plugin, process-test-classes); Playwright itself never downloads a browser.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing chromium for the browser tests (apt-get install chromium)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium
  if [[ -x "$CHROMIUM" ]]; then
    exit 0
  fi
  echo "apt-get installed chromium, but $CHROMIUM is still missing." >&2
  exit 1
fi

cat >&2 <<MESSAGE
The browser tests need Chromium at $CHROMIUM, which is missing.
Install it, e.g. on Debian or Ubuntu: sudo apt-get install chromium
(this script installs it itself when run as root), or skip the tests with -DskipTests.
MESSAGE
exit 1
