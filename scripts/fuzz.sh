#!/usr/bin/env bash
# Fuzzes quotelight::analyze and the wire conversion with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh --short          build, replay fuzz/regressions, fuzz a temporary copy of
#                                    fuzz/corpus/analyze for FUZZ_SECONDS (default 30, at most 100);
#                                    exits non-zero on a crash. The checkout is not modified.
#   scripts/fuzz.sh --long [SECONDS] fuzz for SECONDS (default 1800) on a temporary copy of the
#                                    corpus, then print the total executions and the corpus size.
#                                    FUZZ_JOBS=2 fuzzes on two cores (libFuzzer -jobs/-workers);
#                                    FUZZ_MAX_LEN (default 512) caps the input length;
#                                    FUZZ_CORPUS_DIR=DIR grows DIR instead of a temporary copy.
#
# Only the stable toolchain is here: RUSTC_BOOTSTRAP=1 lets it accept cargo-fuzz's -Z flags.
# The target is built without a sanitizer (the crate has no unsafe code: a panic is the bug
# being looked for) and without trace-compares instrumentation (about 2.5x more executions).
# Crashing inputs land in fuzz/artifacts/analyze/ (ignored by git); see fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
ROOT=$PWD
TARGET=analyze
BUILD_FLAGS=(-s none --no-trace-compares)
BIN="$ROOT/fuzz/target/x86_64-unknown-linux-gnu/release/$TARGET"

mode=${1:-}
case "$mode" in
  --short | --long) ;;
  *) echo "usage: scripts/fuzz.sh --short | --long [SECONDS]" >&2; exit 2 ;;
esac

# Short mode runs inside the test command: when fuzzing cannot run on this machine at all,
# say why in one line and succeed, so the rest of the suite still counts.
cannot_run() {
  if [ "$mode" = --short ]; then
    echo "fuzz: skipped: $*"
    exit 0
  fi
  echo "fuzz: cannot run: $*" >&2
  exit 1
}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked >/dev/null 2>&1 \
    || cannot_run "cargo-fuzz is not installed and 'cargo install cargo-fuzz' failed"
fi
command -v c++ >/dev/null 2>&1 || cannot_run "no C++ compiler (c++) to build libFuzzer"
case "$(uname -m)-$(uname -s)" in
  x86_64-Linux) ;;
  *) cannot_run "only set up for x86_64 Linux (got $(uname -m) $(uname -s))" ;;
esac

started=$(date +%s)
log=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work" "$log"' EXIT
if ! (cd fuzz && cargo fuzz build "${BUILD_FLAGS[@]}" "$TARGET") >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  cannot_run "building the fuzz target failed (see the lines above)"
fi
echo "fuzz: built $TARGET in $(($(date +%s) - started))s"
mkdir -p fuzz/artifacts/$TARGET
common=(-artifact_prefix="$ROOT/fuzz/artifacts/$TARGET/" -print_final_stats=1)

# Every saved crash must stay fixed.
shopt -s nullglob
regressions=(fuzz/regressions/*)
if [ ${#regressions[@]} -gt 0 ]; then
  if ! "$BIN" "${common[@]}" "${regressions[@]}" >"$log" 2>&1; then
    grep -E "panicked|ERROR|SUMMARY|Running:" "$log" >&2 || tail -n 20 "$log" >&2
    echo "fuzz: FAILED: a regression input in fuzz/regressions crashes again" >&2
    exit 1
  fi
  echo "fuzz: ${#regressions[@]} regression inputs pass"
fi

corpus="$work/corpus"
if [ "$mode" = --long ] && [ -n "${FUZZ_CORPUS_DIR:-}" ]; then
  corpus=$FUZZ_CORPUS_DIR
  mkdir -p "$corpus"
  cp -n fuzz/corpus/$TARGET/* "$corpus"/
else
  cp -r fuzz/corpus/$TARGET "$corpus"
fi

if [ "$mode" = --short ]; then
  seconds=${FUZZ_SECONDS:-30}
  [ "$seconds" -le 100 ] || seconds=100
  if ! "$BIN" "${common[@]}" -max_total_time="$seconds" -timeout=10 "$corpus" >"$log" 2>&1; then
    grep -E "panicked|ERROR|SUMMARY|Test unit written|Base64" "$log" >&2 || tail -n 30 "$log" >&2
    echo "fuzz: FAILED: crash found (input in fuzz/artifacts/$TARGET/; see fuzz/README.md)" >&2
    exit 1
  fi
  done_line=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  echo "fuzz: ok: ${done_line%% lim:*} in $(($(date +%s) - started))s (build included)"
  exit 0
fi

seconds=${2:-1800}
jobs=${FUZZ_JOBS:-1}
args=("${common[@]}" -max_total_time="$seconds" -timeout=10 -max_len="${FUZZ_MAX_LEN:-512}")
# Several cores: independent libFuzzer workers sharing the corpus directory (-jobs), each
# writing fuzz-N.log; their final '#N DONE' lines are added up. (-fork was slower here.)
[ "$jobs" -gt 1 ] && args+=(-jobs="$jobs" -workers="$jobs")
echo "fuzz: fuzzing $TARGET for ${seconds}s on $jobs core(s); corpus $corpus"
status=0
(cd "$work" && "$BIN" "${args[@]}" "$corpus") >"$log" 2>&1 || status=$?
execs=0
logs=("$log")
# With -jobs the main log repeats a worker's lines: count the workers' own logs only.
[ "$jobs" -gt 1 ] && logs=("$work"/fuzz-*.log)
for f in "${logs[@]}"; do
  [ -f "$f" ] || continue
  last=$(grep -E '^#[0-9]+' "$f" | tail -n 1 || true)
  [ -n "$last" ] || continue
  echo "fuzz: $(basename "$f"): ${last%% lim:*}"
  execs=$((execs + $(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")))
done
[ "$jobs" -gt 1 ] && cat "$work"/fuzz-*.log >>"$log"
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
echo "fuzz: total executions: $execs; corpus directory: $files files, $bytes bytes (workers also keep superseded inputs: see corp: above for the live corpus); took $(($(date +%s) - started))s"
if [ "$status" -ne 0 ]; then
  grep -E "panicked|ERROR|SUMMARY|Test unit written" "$log" >&2 || tail -n 30 "$log" >&2
  echo "fuzz: FAILED: crash found (input in fuzz/artifacts/$TARGET/; see fuzz/README.md)" >&2
  exit 1
fi
if [ -z "${FUZZ_CORPUS_DIR:-}" ]; then
  echo "fuzz: the grown corpus was temporary; to keep a minimised one, rerun with FUZZ_CORPUS_DIR=DIR and then"
  echo "  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz cmin -s none $TARGET DIR)   # or: $BIN -merge=1 NEWDIR DIR"
fi
