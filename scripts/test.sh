#!/usr/bin/env bash
# Run every test layer and end with one line: `N passed, N failed`.
#
#   bash scripts/test.sh
#
# 1. installs what is missing and builds pkg/ (the steps of scripts/setup.sh),
# 2. native:  cargo test --lib --tests --no-fail-fast, then cargo test --doc
#             (unit, integration and property tests; never the criterion benches),
#             then the on-demand module's own build (no app, feature on-demand):
#             its tests (tables::), which also write real .xlsx files,
# 3. wasm:    tests/web_*.rs with wasm-bindgen-test in headless Chromium,
# 4. e2e:     Playwright (tests/e2e/*.spec.ts) against pkg/ served on 127.0.0.1,
# 5. fuzz:    scripts/fuzz.sh: builds the cargo-fuzz targets (fuzz/) and runs
#             each for FUZZ_SECONDS (default 30) seconds; one test per target.
#
# Every layer runs even when an earlier one failed. Exits non-zero when any
# test failed or a layer could not run (a layer that could not run counts as
# one failure). Logs: target/test-logs/.
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
set +e # lib.sh turns on errexit; here every layer's status is collected by hand

cd "$FUNDSIM_ROOT"
LOGS="$FUNDSIM_ROOT/target/test-logs"
mkdir -p "$LOGS"
# Test output must never wait for a terminal or colour it.
export CARGO_TERM_COLOR=never
export NO_COLOR=1
# A CI run builds once from a clean clone: incremental caches only take disk.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

total_passed=0
total_failed=0
broken=()
summary=()
start_all=$SECONDS

# Adds one layer's counts: layer name, passed, failed, exit status.
record() {
    local name="$1" passed="$2" failed="$3" status="$4" ran="$5"
    if [ "$ran" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
        # Did not run, or stopped with an error that no test reported.
        broken+=("$name")
        failed=$((failed + 1))
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    summary+=("$(printf '%-8s %5d passed %5d failed  (%ss)' "$name" "$passed" "$failed" "$6")")
}

# Sums libtest's "test result: ... N passed; M failed;" lines of a log.
# Prints "passed failed lines".
count_libtest() {
    awk '
        /^test result: / {
            lines++
            for (i = 1; i <= NF; i++) {
                if ($(i) ~ /^passed;?$/) p += $(i - 1)
                if ($(i) ~ /^failed;?$/) f += $(i - 1)
            }
        }
        END { printf "%d %d %d\n", p, f, lines }
    ' "$1"
}

section() { printf '\n======== %s ========\n' "$*"; }

# ---------------------------------------------------------------- install, build
section "install what is missing, build pkg/"
t0=$SECONDS
(ensure_all && build_pkg) 2>&1 | tee "$LOGS/setup.log"
setup_status=${PIPESTATUS[0]}
if [ "$setup_status" -ne 0 ]; then
    echo "setup or build failed (see $LOGS/setup.log)" >&2
fi

# ---------------------------------------------------------------- native
section "native: cargo test"
t0=$SECONDS
status=0
cargo test --lib --tests --no-fail-fast 2>&1 | tee "$LOGS/native.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
cargo test --doc --no-fail-fast 2>&1 | tee "$LOGS/doc.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
# Only the download tables' tests (with the xlsx writer): the rest already ran above with the default features.
cargo test --lib --no-default-features --features on-demand --no-fail-fast tables:: 2>&1 | tee "$LOGS/workbook.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
cat "$LOGS/native.log" "$LOGS/doc.log" "$LOGS/workbook.log" >"$LOGS/native-all.log"
read -r p f n < <(count_libtest "$LOGS/native-all.log")
record native "$p" "$f" "$status" "$([ "$n" -gt 0 ] && echo 1 || echo 0)" $((SECONDS - t0))

# ---------------------------------------------------------------- wasm
section "wasm: wasm-bindgen-test in headless Chromium"
t0=$SECONDS
wasm_tests=()
for f in tests/web_*.rs; do
    [ -e "$f" ] && wasm_tests+=(--test "$(basename "$f" .rs)")
done
if [ "${#wasm_tests[@]}" -eq 0 ]; then
    echo "no tests/web_*.rs found" | tee "$LOGS/wasm.log"
    record wasm 0 0 1 0 $((SECONDS - t0))
else
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER="$CHROMEDRIVER_BIN" \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$FUNDSIM_ROOT/webdriver.json" \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
        cargo test --target wasm32-unknown-unknown --no-fail-fast "${wasm_tests[@]}" 2>&1 | tee "$LOGS/wasm.log"
    status=${PIPESTATUS[0]}
    read -r p f n < <(count_libtest "$LOGS/wasm.log")
    record wasm "$p" "$f" "$status" "$([ "$n" -gt 0 ] && echo 1 || echo 0)" $((SECONDS - t0))
fi

# ---------------------------------------------------------------- e2e
section "e2e: Playwright in Chromium"
t0=$SECONDS
E2E_PORT="$(free_port "${E2E_PORT:-8391}")"
E2E_RESULTS_JSON="$FUNDSIM_ROOT/target/e2e/results.json"
export E2E_PORT E2E_RESULTS_JSON CHROMIUM_BIN
rm -f "$E2E_RESULTS_JSON"
if [ "$setup_status" -ne 0 ] || [ ! -f pkg/fundsim.js ]; then
    echo "pkg/ was not built: the e2e tests cannot run" | tee "$LOGS/e2e.log"
    record e2e 0 0 1 0 $((SECONDS - t0))
else
    # Two passes: everything in parallel, then the tests tagged @alone (they time
    # the page's main-thread tasks) with one worker and nothing else running.
    playwright test --grep-invert @alone </dev/null 2>&1 | tee "$LOGS/e2e.log"
    status=${PIPESTATUS[0]}
    ALONE_JSON="${E2E_RESULTS_JSON%.json}-alone.json"
    rm -f "$ALONE_JSON"
    E2E_RESULTS_JSON="$ALONE_JSON" playwright test --grep @alone --workers=1 </dev/null 2>&1 | tee -a "$LOGS/e2e.log"
    alone_status=${PIPESTATUS[0]}
    [ "$alone_status" -ne 0 ] && status=$alone_status
    if [ -s "$E2E_RESULTS_JSON" ] && [ -s "$ALONE_JSON" ]; then
        read -r p f < <(node -e '
            let p = 0, f = 0;
            for (const file of process.argv.slice(1)) {
                const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
                const s = r.stats || {};
                p += (s.expected || 0) + (s.flaky || 0);
                f += (s.unexpected || 0) + (r.errors || []).length;
            }
            console.log(p, f);
        ' "$E2E_RESULTS_JSON" "$ALONE_JSON")
        record e2e "$p" "$f" "$status" 1 $((SECONDS - t0))
    else
        record e2e 0 0 "$status" 0 $((SECONDS - t0))
    fi
fi

# ---------------------------------------------------------------- fuzz
# Last: it keeps a core busy for a few minutes and needs nothing the others build.
section "fuzz: cargo-fuzz, each target for ${FUZZ_SECONDS:-30}s"
t0=$SECONDS
FUZZ_SECONDS="${FUZZ_SECONDS:-30}" FUZZ_LOG_DIR="$LOGS" bash scripts/fuzz.sh </dev/null 2>&1 | tee "$LOGS/fuzz.log"
status=${PIPESTATUS[0]}
p="$(grep -c '^fuzz [a-z_]*: ok' "$LOGS/fuzz.log")"
f="$(grep -c '^fuzz [a-z_]*: FAILED' "$LOGS/fuzz.log")"
record fuzz "$p" "$f" "$status" "$([ $((p + f)) -gt 0 ] && echo 1 || echo 0)" $((SECONDS - t0))

# ---------------------------------------------------------------- summary
section "summary"
for line in "${summary[@]}"; do echo "$line"; done
[ "$setup_status" -eq 0 ] || echo "setup/build failed (see $LOGS/setup.log)"
[ "${#broken[@]}" -eq 0 ] || echo "could not run or stopped with an error: ${broken[*]} (each counted as 1 failed)"
echo "total time: $((SECONDS - start_all))s; logs in $LOGS"
echo
echo "$total_passed passed, $total_failed failed"

if [ "$total_failed" -ne 0 ] || [ "$setup_status" -ne 0 ]; then
    exit 1
fi
exit 0
