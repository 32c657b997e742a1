#!/usr/bin/env bash
# Installs what the build and the tests need, idempotently: each step checks first and
# installs only what is missing. Safe to run on every build.
#   scripts/setup.sh          toolchain for the wasm build (rustup target, wasm-bindgen-cli, binaryen)
#   scripts/setup.sh --test   also the browser-test tools (Chromium, ChromeDriver, npm packages)
set -euo pipefail
cd "$(dirname "$0")/.."

# The CLI must match the wasm-bindgen crate exactly; read the version from Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
: "${WASM_BINDGEN_VERSION:=0.2.130}"

log() { printf 'setup: %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

command -v wasm-opt >/dev/null 2>&1 || apt_install binaryen || log "binaryen unavailable: wasm-opt step will be skipped"

if [ "${1:-}" = "--test" ]; then
  # xvfb and xdotool: the keyboard-shortcut test needs a real (virtual) display;
  # firefox-esr: the Firefox package is run in Firefox too.
  apt_install chromium chromium-driver xvfb xdotool firefox-esr
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
