#!/usr/bin/env bash
# Builds perfdash as it ships and installs (scripts/build-static.sh: release, Swift runtime linked in, libcurl opened
# on the first https fetch only) and runs it with the given arguments, from the directory it was called in.
#
#   bash scripts/run.sh                 # the dashboard on its embedded defaults
#   bash scripts/run.sh --demo          # every panel populated by the built-in synthetic service
#   bash scripts/run.sh snapshot --count 3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
relative=$(bash "$root/scripts/build-static.sh")
exec "$root/$relative" "$@"
