#!/usr/bin/env bash
# Builds perfdash as it ships: release, with the Swift runtime and Foundation linked statically, and without libcurl
# among the libraries loaded at start-up. FoundationNetworking's static library names libcurl (-lcurl), so the linker
# records it as needed even though every curl function the binary calls is one of Sources/CLazyCurl's forwarders,
# which open libcurl on the first https fetch; patchelf removes that entry. Without patchelf the binary still works
# and loads libcurl (and its ~30 libraries) at start, as before.
#
#   scripts/build-static.sh [SCRATCH]     # default .build-static; prints the binary's path on standard output
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-.build-static}
# Swift's static-stdlib link exports every symbol of the program (-export-dynamic): 20,000 dynamic symbols that the
# loader and dladdr walk at start-up, for nothing (nothing looks the program's own symbols up by name). GNU ld
# (rather than gold, which cannot) packs the 100,000 relative relocations of a position-independent program into a
# 20 KB bitmap (RELR, glibc ≥ 2.36; ld leaves them as they were on an older glibc): the loader no longer reads a
# 2.4 MB table that then stays resident.
#
# With lld (shipped in Swift's toolchains), the functions listed in scripts/perfdash.order (scripts/gen-order.sh:
# those the dashboard and snapshot run) are laid out together at the start of .text. The kernel maps a binary's
# pages 64 KiB at a time around each fault, so code spread over the whole .text keeps far more of it resident than
# the code that runs: the dashboard went from 21.2 to about 16 MiB (docs/benchmarks.md).
# Each function in a section of its own (-function-sections), so the order below moves single functions of perfdash
# and of its packages rather than whole objects. (A scratch folder built without it keeps its objects: the compiler
# skips code generation for a module whose IR did not change, so change the folder when adding such a flag.)
link=(-Xswiftc -Xfrontend -Xswiftc -function-sections)
glibc=$(getconf GNU_LIBC_VERSION 2> /dev/null | awk '{ split($2, v, "."); print v[1] * 1000 + v[2] }')
if command -v ld.lld > /dev/null && ld.lld --help 2> /dev/null | grep -q symbol-ordering-file; then
    link+=(-Xswiftc -use-ld=lld)
    # lld packs the relocations whatever the C library; a glibc before 2.36 would ignore them.
    if [ "${glibc:-0}" -ge 2036 ]; then link+=(-Xlinker -z -Xlinker pack-relative-relocs); fi
    if [ -s scripts/perfdash.order ]; then
        link+=(-Xlinker "--symbol-ordering-file=$PWD/scripts/perfdash.order" -Xlinker --no-warn-symbol-ordering)
    fi
    # libstdc++ linked statically: the driver asks for -lstdc++, and the first libstdc++.so on the search path is
    # then this folder's, a link to the static archive (lld reads a file by its contents, not its name). The shared
    # library kept 1.4 MiB resident for the few functions the Swift runtime uses (docs/benchmarks.md).
    archive=$(clang -print-file-name=libstdc++.a 2> /dev/null || true)
    if [ -f "$archive" ]; then
        cxx=$(mkdir -p "$scratch/static-libstdc++" && cd "$scratch/static-libstdc++" && pwd)
        ln -sf "$archive" "$cxx/libstdc++.so"
        link+=(-Xlinker "-L$cxx")
    fi
    # The functions that run whose names the order cannot carry (scripts/gen-order.sh says why), by section.
    if [ -s scripts/perfdash-hot.ld ]; then link+=(-Xlinker -T -Xlinker "$PWD/scripts/perfdash-hot.ld"); fi
elif ld.bfd --help 2> /dev/null | grep -q pack-relative-relocs; then
    link+=(-Xswiftc -use-ld=bfd -Xlinker -z -Xlinker pack-relative-relocs)
fi
# LINK_MAP=FILE: the linker's map of the binary (which input section went where), as scripts/gen-order.sh reads it.
if [ -n "${LINK_MAP:-}" ]; then link+=(-Xlinker "-Map=$LINK_MAP"); fi
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product perfdash \
    -Xlinker --no-export-dynamic "${link[@]}" >&2
binary="$scratch/release/perfdash"
if readelf -d "$binary" | grep -q 'NEEDED.*\[libcurl\.so'; then
    if command -v patchelf > /dev/null; then
        library=$(readelf -d "$binary" | sed -n 's/.*NEEDED.*\[\(libcurl\.so[^]]*\)\].*/\1/p')
        patchelf --remove-needed "$library" "$binary"
        echo "build-static: $library opened on the first https fetch, not at start-up" >&2
    else
        echo "build-static: patchelf not found (apt-get install patchelf): libcurl stays loaded at start-up" >&2
    fi
fi
echo "$binary"
