"""scripts/setup.sh on a busy machine: apt waits for the dpkg lock, a failed download is retried twice."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

SETUP = Path(__file__).resolve().parents[2] / "scripts" / "setup.sh"


def _retry_function() -> str:
    text = SETUP.read_text(encoding="utf-8")
    return re.search(r"^retry\(\) \{.*?^\}", text, re.S | re.M).group(0)  # type: ignore[union-attr]


def _run(body: str) -> subprocess.CompletedProcess[str]:
    script = f"set -euo pipefail\nsleep() {{ :; }}\n{_retry_function()}\n{body}"
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30)


def test_a_download_failing_twice_then_working_goes_through(tmp_path):
    count = tmp_path / "count"
    done = _run(
        f'flaky() {{ echo x >> {count}; [ "$(wc -l < {count})" -ge 3 ]; }}\nretry flaky\necho installed'
    )
    assert done.returncode == 0 and done.stdout.strip() == "installed"
    assert done.stderr.count("failed (attempt") == 2 and "attempt 2 of 3" in done.stderr


def test_three_failures_give_up_with_one_clear_message():
    done = _run("retry apt-get-that-fails\necho not reached")
    assert done.returncode != 0 and "not reached" not in done.stdout
    assert (
        "setup: giving up: 'apt-get-that-fails' failed 3 times; check the network connection" in done.stderr
    )


def test_every_apt_get_waits_for_the_lock_and_retries():
    calls = [
        line
        for line in SETUP.read_text(encoding="utf-8").splitlines()
        if re.search(r"apt-get \S*\$|apt-get (update|install)", line) and "install these" not in line
    ]
    assert len(calls) == 2 and all("retry" in line and '"${apt_opts[@]}"' in line for line in calls)
    assert "apt_opts=(-o DPkg::Lock::Timeout=600)" in SETUP.read_text(encoding="utf-8")
