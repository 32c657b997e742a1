#!/usr/bin/env bash
# Runs every test of the project: the README's test command, and what .ci/run calls.
# Installs what is missing first (scripts/setup.sh --test), so it works on a fresh clone.
#   1. cargo fmt --check, clippy -D warnings (native and wasm32)
#   2. cargo test: unit, pipeline, golden, property, scaling and lexicon tests
#   3. the wasm API tests under node and in headless Chromium
#   4. the evaluations: reported speech on tests/claims, quotations on ../shared/eval when present
#   5. a short fuzz run on the checked-in corpus (when cargo-fuzz can run here)
#   6. the browser tests: build, linters, the extension in headless Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

scripts/setup.sh --test

step "format and lint (Rust)"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --test wasm_node --test wasm_browser --quiet -- -D warnings

step "cargo test"
cargo test --release

step "wasm API tests under node"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm_node

step "wasm API tests in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm_browser

step "reported-speech evaluation (tests/claims)"
python3 -m unittest scripts/test_claims.py
cargo build --release --quiet
python3 scripts/claims.py score --cmd 'target/release/quotelight analyze --format json' \
  --min-precision 0.85 --min-recall 0.75 --min-source 0.85

step "quotation evaluation (../shared/eval/dev)"
if [ -d ../shared/eval/dev ]; then
  python3 ../shared/eval/score.py ../shared/eval/dev --cmd 'target/release/quotelight analyze --format json' --json \
    | tee /dev/stderr \
    | python3 -c 'import json,sys; s=json.load(sys.stdin); ok=s["f1"]>=0.95 and s["end_to_end"]>=0.90; print("quotation eval:", "ok" if ok else "BELOW f1 0.95 / end_to_end 0.90"); sys.exit(0 if ok else 1)'
else
  echo "skipped: ../shared/eval/dev is not beside this checkout"
fi

step "fuzz (short run on the checked-in corpus)"
scripts/fuzz.sh --short

step "browser tests"
scripts/test-browser.sh
