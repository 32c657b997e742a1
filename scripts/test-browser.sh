#!/usr/bin/env bash
# The browser half of the test command: build, lint, Firefox package checks, and the end-to-end
# tests in headless Chromium (tests/e2e/). Works on a fresh clone: setup.sh --test installs
# Chromium and the npm packages; without ../shared the real-page tests are skipped (said so).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'test-browser: %s\n' "$*" >&2; }

scripts/setup.sh --test
scripts/build.sh

log "eslint"
npx --no-install eslint --max-warnings 0 .

log "web-ext lint (Firefox package)"
npx --no-install web-ext lint --source-dir dist/firefox --self-hosted=false --warnings-as-errors --output text
log "addons-linter (Firefox package)"
npx --no-install addons-linter --warnings-as-errors dist/firefox

log "node --test tests/e2e/"
node --test --test-concurrency=1 tests/e2e/
