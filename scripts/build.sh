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
  wasm-bindgen --target web --out-dir pkg --out-name quotelight "$WASM" 2> >(grep -v 'target_features' >&2 || true)
  if command -v wasm-opt >/dev/null 2>&1; then
    log "wasm-opt -Oz ($(wasm-opt --version))"
    # The features must be spelled out: the Rust target emits them, wasm-opt does not assume them.
    features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
              --enable-mutable-globals --enable-reference-types --enable-multivalue)
    if wasm-opt --help 2>/dev/null | grep -q -- '--enable-bulk-memory-opt'; then
      features+=(--enable-bulk-memory-opt)
    fi
    opt=$(mktemp -d)
    cp pkg/quotelight.js "$opt/"
    if wasm-opt -Oz "${features[@]}" pkg/quotelight_bg.wasm -o "$opt/quotelight_bg.wasm" \
        && node extension/tools/check-wasm.js "$opt" 2>/dev/null; then
      mv "$opt/quotelight_bg.wasm" pkg/quotelight_bg.wasm
    else
      # Older binaryen (e.g. 108) breaks wasm-bindgen's externref table: keep the unoptimised module.
      log "wasm-opt output does not load: keeping the wasm-bindgen output"
    fi
    rm -rf "$opt"
  else
    log "wasm-opt not found: the wasm is not size-optimised further"
  fi
  node extension/tools/check-wasm.js pkg
  touch pkg/quotelight_bg.wasm
fi

log "packages in dist/"
node extension/tools/package.js
for browser in chromium firefox; do
  rm -f "dist/quotelight-$browser.zip"
  # Files at the root of the archive, as the stores expect.
  (cd "dist/$browser" && python3 -m zipfile -c "../quotelight-$browser.zip" ./*)
done
log "done: dist/chromium dist/firefox dist/www dist/quotelight-{chromium,firefox}.zip"
