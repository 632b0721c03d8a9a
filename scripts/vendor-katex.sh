#!/usr/bin/env bash
# Vendor KaTeX's dist (JS for build-time rendering, CSS + woff2 fonts shipped in every site) into
# lecturekit/site/static/katex/. Reproducible: the version is the one pinned in package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(node -p "require('./package.json').devDependencies.katex")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --no-audit --no-fund --no-save --silent "katex@$version" >/dev/null)
src="$tmp/node_modules/katex"
dest="lecturekit/site/static/katex"
rm -rf "$dest"
mkdir -p "$dest/fonts"
cp "$src/dist/katex.min.js" "$src/dist/katex.min.css" "$src/LICENSE" "$dest/"
cp "$src"/dist/fonts/*.woff2 "$dest/fonts/"
# Only woff2 is shipped: drop the woff/ttf fallbacks from the @font-face rules.
python3 - "$dest/katex.min.css" <<'PY'
import re, sys
path = sys.argv[1]
css = open(path, encoding="utf-8").read()
css = re.sub(r',url\(fonts/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)', "", css)
open(path, "w", encoding="utf-8").write(css)
PY
echo "vendored katex $version into $dest"
