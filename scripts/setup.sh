#!/usr/bin/env bash
# Install everything lecturekit needs: system packages (when missing and we may), a venv, the package.
# Usage: scripts/setup.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-runtime}"
venv="${VENV:-.venv}"

need_apt=()
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr tesseract-ocr-eng)
if [ "$profile" = test ]; then
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)  # axe-core for the accessibility tests
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing system packages: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install these system packages (e.g. sudo apt-get install ${need_apt[*]}); continuing without them" >&2
  fi
fi

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --upgrade pip
if [ "$profile" = test ]; then
  "$venv/bin/python" -m pip install -q -e ".[test,bench]"
else
  "$venv/bin/python" -m pip install -q -e .
fi
if [ "$profile" = test ] && command -v npm >/dev/null 2>&1 && [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --silent  # axe-core for the site's accessibility tests
fi
