#!/usr/bin/env bash
# Builds perfdash-fuzz with libFuzzer and AddressSanitizer and runs one target, or every target, for SECONDS each
# (default 60), seeded from Tests/Fixtures. The corpus grows in .build-fuzz/corpus/TARGET and is reused by later runs.
# A crash stops the run with a non-zero status; its input is kept in .build-fuzz/crashes/TARGET/ (replay it with
# `swift run perfdash-fuzz TARGET FILE`, and make it a test).
#
#   scripts/fuzz.sh                 # every target, 60 s each
#   scripts/fuzz.sh config 600      # one target, 10 minutes
#   scripts/fuzz.sh --list          # the targets
#   FUZZ_ARGS="-runs=1000000" scripts/fuzz.sh exposition 0   # a number of executions instead of a time
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-all}
seconds=${2:-60}
scratch=.build-fuzz
mkdir -p "$scratch"

echo "fuzz: building perfdash-fuzz (debug, -sanitize=fuzzer,address) in $scratch" >&2
if ! swift build --scratch-path "$scratch" --product perfdash-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING > "$scratch/build.log" 2>&1; then
    grep -E "error" "$scratch/build.log" >&2 || tail -20 "$scratch/build.log" >&2
    exit 1
fi
binary="$scratch/debug/perfdash-fuzz"

if [ "$target" = "--list" ]; then exec "$binary" --list; fi
if [ "$target" = "all" ]; then
    targets=$("$binary" --list | tail -n +3 | cut -f1)
else
    targets=$target
fi

for name in $targets; do
    corpus="$scratch/corpus/$name"
    seeds="$scratch/seeds/$name"
    crashes="$scratch/crashes/$name"
    mkdir -p "$corpus" "$seeds" "$crashes"
    # Seeds are copied flat: libFuzzer reads files, not folder trees.
    "$binary" --seeds "$name" Tests/Fixtures | while IFS= read -r file; do
        [ -n "$file" ] && cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"
    done
    limit=()
    if [ "$seconds" != "0" ]; then limit=(-max_total_time="$seconds"); fi
    echo "fuzz: $name (${seconds}s)" >&2
    # -timeout: one input taking over 5 s is a stall, reported like a crash; -rss_limit_mb bounds memory.
    log="$scratch/$name.log"
    status=0
    # shellcheck disable=SC2086
    "$binary" "$name" "${limit[@]}" -timeout=5 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$crashes/" ${FUZZ_ARGS:-} "$corpus" "$seeds" > "$log" 2>&1 || status=$?
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|SUMMARY|Test unit written|==[0-9]+==ERROR)|Fatal error|deadly signal|ALARM|out-of-memory" "$log" >&2 || true
    if [ "$status" -ne 0 ]; then
        echo "fuzz: $name failed (status $status); see $log, inputs in $crashes" >&2
        exit 1
    fi
done
