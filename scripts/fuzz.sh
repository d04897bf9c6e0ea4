#!/usr/bin/env bash
# Coverage-guided fuzzing of every way into fundsim (cargo-fuzz, libFuzzer).
#
#   bash scripts/fuzz.sh                       every target, 30 s each
#   bash scripts/fuzz.sh --seconds 600 link    one target, 10 minutes
#   bash scripts/fuzz.sh --build-only          build the targets only
#
# Targets (fuzz/fuzz_targets/, the checks in fuzz/harness.rs): scenario,
# file, link, link_bytes, mount. Each run starts from the committed seeds
# (fuzz/seeds/<target>/, plus the presets and tests/data/*.json) and the
# corpus of earlier runs on this machine (fuzz/corpus/<target>/, not
# committed), with the target's dictionary (fuzz/dicts/). An input that
# panics, runs longer than --timeout seconds, or allocates past the memory
# limits fails the target; libFuzzer writes it to fuzz/artifacts/<target>/.
#
# Prints one line per target, `fuzz <target>: ok|FAILED ...` with its
# figures, and exits non-zero when a target failed or could not run.
# libFuzzer's output goes to $FUZZ_LOG_DIR/fuzz-<target>.log (default fuzz/corpus/).
# Installs nothing: `scripts/setup.sh --install-only` does (ensure_fuzz_tools).
set -uo pipefail
# shellcheck source=scripts/lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
set +e

ALL_TARGETS=(scenario file link link_bytes mount)
seconds="${FUZZ_SECONDS:-30}"
timeout_s=10        # one input: the slowest seen is a few milliseconds
rss_mb=2048         # the whole process
malloc_mb=256       # one allocation: a scenario needs far less
build_only=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift ;;
        --timeout) timeout_s="$2"; shift ;;
        --build-only) build_only=1 ;;
        -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option: $1 (try --help)" ;;
        *) targets+=("$1") ;;
    esac
    shift
done
[ "${#targets[@]}" -gt 0 ] || targets=("${ALL_TARGETS[@]}")

[ -d "$FUNDSIM_ROOT/fuzz" ] || die "no fuzz/ directory"
FUZZ="$FUNDSIM_ROOT/fuzz"
command -v cargo-fuzz >/dev/null 2>&1 || die "cargo-fuzz is missing: run bash scripts/setup.sh --install-only"

log "building the fuzz targets (cargo +nightly fuzz build; debug assertions, AddressSanitizer)"
(cd "$FUNDSIM_ROOT" && nice cargo +nightly fuzz build) || die "the fuzz targets did not build"
[ "$build_only" -eq 0 ] || exit 0
# cargo fuzz builds for the host.
triple="$(rustc +nightly -vV | awk '/^host:/ {print $2}')"

# A target's dictionary: the scenario's keys serve every target that reads one.
dict_of() {
    case "$1" in
        scenario | file) echo "$FUZZ/dicts/scenario.dict" ;;
        link | link_bytes) cat "$FUZZ/dicts/link.dict" "$FUZZ/dicts/scenario.dict" >"$FUZZ/corpus/$1.dict"; echo "$FUZZ/corpus/$1.dict" ;;
        mount) cat "$FUZZ/dicts/mount.dict" "$FUZZ/dicts/scenario.dict" >"$FUZZ/corpus/$1.dict"; echo "$FUZZ/corpus/$1.dict" ;;
    esac
}

# Longest input libFuzzer makes: room for the largest preset (4.5 kB) grown.
max_len_of() {
    case "$1" in
        link | link_bytes) echo 8192 ;;
        *) echo 16384 ;;
    esac
}

# libFuzzer's own output, one file per target.
log_dir="${FUZZ_LOG_DIR:-$FUZZ/corpus}"
mkdir -p "$log_dir"

failed=0
for target in "${targets[@]}"; do
    [ -f "$FUZZ/fuzz_targets/$target.rs" ] || { echo "fuzz $target: FAILED (no such target)"; failed=1; continue; }
    corpus="$FUZZ/corpus/$target"
    artifacts="$FUZZ/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    seeds=()
    if [ "$target" = scenario ] || [ "$target" = file ]; then
        # The presets and the test scenarios, as they are today.
        mkdir -p "$FUZZ/corpus/$target-scenarios"
        cp "$FUNDSIM_ROOT"/src/presets/*.json "$FUNDSIM_ROOT"/tests/data/*.json "$FUZZ/corpus/$target-scenarios/"
        seeds+=("$FUZZ/corpus/$target-scenarios" "$FUZZ/seeds/scenario")
    else
        seeds+=("$FUZZ/seeds/$target")
    fi
    log "fuzzing $target for ${seconds}s"
    started=$SECONDS
    # The binary built above, run directly (`cargo fuzz run` would rebuild it
    # when a source changed meanwhile). libFuzzer writes new inputs into the
    # first directory only; the seeds stay as they are.
    (cd "$FUNDSIM_ROOT" && nice "$FUZZ/target/$triple/release/$target" "$corpus" "${seeds[@]}" \
        -max_total_time="$seconds" -timeout="$timeout_s" \
        -rss_limit_mb="$rss_mb" -malloc_limit_mb="$malloc_mb" \
        -max_len="$(max_len_of "$target")" -dict="$(dict_of "$target")" \
        -artifact_prefix="$artifacts/" -print_final_stats=1) >"$log_dir/fuzz-$target.log" 2>&1
    status=$?
    log_file="$log_dir/fuzz-$target.log"
    runs="$(awk '/^stat::number_of_executed_units:/ {print $NF}' "$log_file" | tail -1)"
    speed="$(awk '/^stat::average_exec_per_sec:/ {print $NF}' "$log_file" | tail -1)"
    rss="$(awk '/^stat::peak_rss_mb:/ {print $NF}' "$log_file" | tail -1)"
    cov="$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' "$log_file" | tail -1)"
    figures="$((SECONDS - started))s, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-no coverage line}, peak ${rss:-?} MB"
    if [ "$status" -eq 0 ]; then
        echo "fuzz $target: ok ($figures)"
    else
        failed=1
        echo "fuzz $target: FAILED (exit $status; $figures)"
        grep -E -A1 '^(==[0-9]+==|thread .* panicked|SUMMARY|ERROR: libFuzzer)' "$log_file" | cut -c1-300 | head -12
        grep -E -o 'Test unit written to .*' "$log_file" | head -1
        echo "  log: ${log_file#"$FUNDSIM_ROOT"/}; the input is in ${artifacts#"$FUNDSIM_ROOT"/}/"
        echo "  replay: cargo +nightly fuzz run $target <that file>; once fixed, add it to tests/fuzz-regressions/$target/"
    fi
done
exit "$failed"
