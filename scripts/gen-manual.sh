#!/usr/bin/env bash
# Regenerates the committed man pages in docs/man (what `scripts/install.sh --binary` installs, and what DocsTests
# compares with --help) with swift-argument-parser's generate-manual plugin, from a debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package --allow-writing-to-package-directory generate-manual --configuration debug --multi-page >&2
rm -f docs/man/*.1
cp .build/plugins/GenerateManual/outputs/perfdash/*.1 docs/man/
ls docs/man
