#!/usr/bin/env bash
# Removes exactly what scripts/install.sh installed under PREFIX (default /usr/local): the files listed in
# PREFIX/share/perfdash/install-manifest, then the folders that install created, if they are empty now.
#
#   scripts/uninstall.sh [PREFIX]
set -euo pipefail
prefix=${1:-/usr/local}
manifest="$prefix/share/perfdash/install-manifest"
[ -f "$manifest" ] || { echo "perfdash uninstall: no $manifest: nothing installed there by scripts/install.sh" >&2; exit 1; }
inside() { case "$1" in "$prefix"/*) return 0 ;; *) echo "perfdash uninstall: skipping $1 (outside $prefix)" >&2; return 1 ;; esac; }
mapfile -t lines < "$manifest"
removed=0
for line in "${lines[@]}"; do
  [ "${line%% *}" = file ] || continue
  file=${line#file }
  inside "$file" || continue
  if [ -f "$file" ] || [ -L "$file" ]; then rm -f -- "$file"; removed=$((removed + 1)); fi
done
# Deepest first: the folders were recorded parents before children.
for ((i = ${#lines[@]} - 1; i >= 0; i--)); do
  line=${lines[i]}
  [ "${line%% *}" = dir ] || continue
  dir=${line#dir }
  # The prefix itself goes too when this install created it and nothing else is left in it.
  if [ "$dir" = "$prefix" ] || inside "$dir"; then rmdir -- "$dir" 2>/dev/null || true; fi
done
echo "perfdash uninstalled from $prefix ($removed files)" >&2
