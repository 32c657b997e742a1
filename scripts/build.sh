#!/usr/bin/env bash
# Builds everything the browser needs, idempotently (a warm run takes a few seconds):
#   pkg/                         wasm + JS glue (wasm-bindgen --target web, wasm-opt -Oz if available)
#   dist/chromium/               the extension, load unpacked in Chromium
#   dist/firefox/                the same sources with a Firefox manifest
#   dist/quotelight-chromium.zip and dist/quotelight-firefox.zip
#   dist/www/                    the demo page
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'build: %s\n' "$*" >&2; }

scripts/setup.sh

log "cargo build (wasm)"
cargo build --lib --profile wasm --target wasm32-unknown-unknown --quiet
WASM=target/wasm32-unknown-unknown/wasm/quotelight.wasm

# wasm-bindgen and wasm-opt take a few seconds; skip them when the wasm has not changed.
if [ ! -f pkg/quotelight_bg.wasm ] || [ ! -f pkg/quotelight.js ] || [ "$WASM" -nt pkg/quotelight_bg.wasm ]; then
  log "wasm-bindgen"
  wasm-bindgen --target web --out-dir pkg --out-name quotelight "$WASM"
  if command -v wasm-opt >/dev/null 2>&1; then
    log "wasm-opt -Oz"
    # The features must be spelled out: the Rust target emits them, wasm-opt does not assume them.
    features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
              --enable-mutable-globals --enable-reference-types --enable-multivalue)
    if wasm-opt --help 2>/dev/null | grep -q -- '--enable-bulk-memory-opt'; then
      features+=(--enable-bulk-memory-opt)
    fi
    wasm-opt -Oz "${features[@]}" pkg/quotelight_bg.wasm -o pkg/quotelight_bg.opt.wasm
    mv pkg/quotelight_bg.opt.wasm pkg/quotelight_bg.wasm
  else
    log "wasm-opt not found: the wasm is not size-optimised further"
  fi
fi

log "packages in dist/"
node extension/tools/package.js
for browser in chromium firefox; do
  rm -f "dist/quotelight-$browser.zip"
  # Files at the root of the archive, as the stores expect.
  (cd "dist/$browser" && python3 -m zipfile -c "../quotelight-$browser.zip" ./*)
done
log "done: dist/chromium dist/firefox dist/www dist/quotelight-{chromium,firefox}.zip"
