#!/usr/bin/env bash
# Installs perfdash under PREFIX (default /usr/local):
#   PREFIX/bin/perfdash                              release build, Swift runtime linked statically
#   PREFIX/share/perfdash/themes/*.theme             the shipped themes (where --theme NAME looks)
#   PREFIX/share/man/man1/perfdash*.1                man pages (swift-argument-parser's generate-manual plugin)
#   PREFIX/share/bash-completion/completions/perfdash, PREFIX/share/zsh/site-functions/_perfdash,
#   PREFIX/share/fish/vendor_completions.d/perfdash.fish
# and records every file it wrote in PREFIX/share/perfdash/install-manifest, which scripts/uninstall.sh reads.
#
#   scripts/install.sh [PREFIX]                    build (5–10 min the first time on 2 cores), then install
#   scripts/install.sh --binary PATH [PREFIX]      install a binary built elsewhere, with the committed man pages
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
if [ "${1:-}" = "--binary" ]; then
  binary=${2:?--binary needs a path}
  shift 2
fi
prefix=${1:-/usr/local}
mandir=docs/man

if [ -z "$binary" ]; then
  # The plugin builds the package's products (release, same scratch path) and writes one man page per command from
  # the perfdash it built, so the pages match the binary. It links dynamically: the static build comes after it.
  echo "perfdash install: building release into .build-release/ and generating the man pages …" >&2
  if swift package --scratch-path .build-release plugin generate-manual --multi-page >&2; then
    mandir=.build-release/plugins/GenerateManual/outputs/perfdash
  else
    echo "perfdash install: generate-manual failed; installing the committed man pages from docs/man" >&2
  fi
  echo "perfdash install: linking perfdash with the static Swift runtime …" >&2
  binary=$(bash scripts/build-static.sh .build-release)
fi
[ -x "$binary" ] || { echo "perfdash install: $binary is not an executable" >&2; exit 1; }

manifest_dir="$prefix/share/perfdash"
manifest="$manifest_dir/install-manifest"
# Folders this install creates are recorded too ("dir PATH"), so uninstall removes them and only them.
created=()
for dir in "$prefix/bin" "$manifest_dir/themes" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"; do
  missing=()
  probe=$dir
  while [ ! -d "$probe" ]; do missing=("$probe" "${missing[@]}"); probe=$(dirname "$probe"); done
  for m in "${missing[@]}"; do created+=("$m"); done
  mkdir -p "$dir"
done
: > "$manifest.new"
for dir in "${created[@]}"; do echo "dir $dir" >> "$manifest.new"; done
put() { # source destination mode
  install -m "$3" "$1" "$2"
  echo "file $2" >> "$manifest.new"
}

put "$binary" "$prefix/bin/perfdash" 0755
for theme in Themes/*.theme; do
  put "$theme" "$manifest_dir/themes/$(basename "$theme")" 0644
done
for page in "$mandir"/*.1; do
  put "$page" "$prefix/share/man/man1/$(basename "$page")" 0644
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for shell in bash zsh fish; do
  "$prefix/bin/perfdash" --generate-completion-script "$shell" > "$work/$shell"
done
put "$work/bash" "$prefix/share/bash-completion/completions/perfdash" 0644
put "$work/zsh" "$prefix/share/zsh/site-functions/_perfdash" 0644
put "$work/fish" "$prefix/share/fish/vendor_completions.d/perfdash.fish" 0644
echo "file $manifest" >> "$manifest.new"
mv "$manifest.new" "$manifest"
echo "perfdash installed in $prefix ($(grep -c '^file ' "$manifest") files; scripts/uninstall.sh $prefix removes them)" >&2
