#!/usr/bin/env bash
# Builds perfdash-fuzz (optimized) with libFuzzer and AddressSanitizer and runs one target, or every target, for
# SECONDS each (default 60), seeded from Tests/Fixtures. The corpus grows in .build-fuzz/corpus/TARGET and is reused
# by later runs. A crash stops the run with a non-zero status; its input is kept in .build-fuzz/crashes/TARGET/
# (replay it with `swift run perfdash-fuzz TARGET FILE`, and make it a test). The first build takes a few minutes
# (swift-nio with the sanitizers); later ones only relink.
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

# Optimized (-O): Swift's overflow and precondition traps stay, and the code runs 10 to 50 times faster than a debug
# build (which managed 50 to 1,000 executions per second here); AddressSanitizer catches what -O no longer checks
# (an unsafe buffer read past its end). PERFDASH_FUZZ_CONFIG=debug builds without optimization.
config=${PERFDASH_FUZZ_CONFIG:-release}
echo "fuzz: building perfdash-fuzz ($config, -sanitize=fuzzer,address) in $scratch" >&2
if ! swift build -c "$config" --scratch-path "$scratch" --product perfdash-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING > "$scratch/build.log" 2>&1; then
    grep -E "error" "$scratch/build.log" >&2 || tail -20 "$scratch/build.log" >&2
    exit 1
fi
binary="$scratch/$config/perfdash-fuzz"

if [ "$target" = "--list" ]; then exec "$binary" --list; fi
# "name<TAB>max_len<TAB>seeds" per target after two header lines.
listing=$("$binary" --list | tail -n +3)
if [ "$target" = "all" ]; then
    targets=$(echo "$listing" | cut -f1)
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
    # Each target's longest useful input (a bigger one only slows it down); -max_len in FUZZ_ARGS overrides it.
    max_len=$(echo "$listing" | awk -F'\t' -v name="$name" '$1 == name { print $2 }')
    if [ -z "$max_len" ]; then echo "fuzz: unknown target $name (scripts/fuzz.sh --list)" >&2; exit 2; fi
    echo "fuzz: $name (${seconds}s)" >&2
    # -timeout: one input taking over 5 s is a stall, reported like a crash; -rss_limit_mb bounds memory.
    log="$scratch/$name.log"
    status=0
    # shellcheck disable=SC2086
    PERFDASH_FUZZ_TARGET="$name" "$binary" "${limit[@]}" -timeout=5 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 \
        -artifact_prefix="$crashes/" ${FUZZ_ARGS:-} "$corpus" "$seeds" > "$log" 2>&1 || status=$?
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|SUMMARY|Test unit written|==[0-9]+==ERROR)|Fatal error|deadly signal|ALARM|out-of-memory" "$log" >&2 || true
    if [ "$status" -ne 0 ]; then
        echo "fuzz: $name failed (status $status); see $log, inputs in $crashes" >&2
        exit 1
    fi
done
