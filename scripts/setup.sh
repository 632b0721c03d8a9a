#!/usr/bin/env bash
# Install everything lecturekit needs: system packages (when missing and we may), a venv, the package.
# Usage: scripts/setup.sh [runtime|test]
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-runtime}"
venv="${VENV:-.venv}"

# Wait up to 10 minutes for another apt/dpkg (unattended upgrades, a second install) to let go of its lock.
apt_opts=(-o DPkg::Lock::Timeout=600)

# Run a download (apt, pip, npm) and retry it twice, a little later each time, before giving up clearly.
retry() {
  local attempt
  for attempt in 1 2 3; do
    if "$@"; then
      return 0
    fi
    if [ "$attempt" -lt 3 ]; then
      echo "setup: '$*' failed (attempt $attempt of 3); retrying in $((attempt * 15)) s" >&2
      sleep $((attempt * 15))
    fi
  done
  echo "setup: giving up: '$*' failed 3 times; check the network connection (or an apt/dpkg lock" \
    "held for over 10 minutes by another install) and run this again" >&2
  return 1
}

need_apt=()
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)  # Debian splits venv out
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr tesseract-ocr-eng)
if [ "$profile" = test ]; then
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)  # axe-core for the accessibility tests
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing system packages: ${need_apt[*]}"
    retry apt-get "${apt_opts[@]}" update -qq
    retry env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends \
      "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install these system packages (e.g. sudo apt-get install ${need_apt[*]}); continuing without them" >&2
  fi
fi

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
retry "$venv/bin/python" -m pip install -q --upgrade pip
if [ "$profile" = test ]; then
  retry "$venv/bin/python" -m pip install -q -e ".[test,bench]"
else
  retry "$venv/bin/python" -m pip install -q -e .
fi
if [ "$profile" = test ] && command -v npm >/dev/null 2>&1 && [ -f package-lock.json ]; then
  retry npm ci --no-audit --no-fund --silent  # axe-core for the site's accessibility tests
fi
