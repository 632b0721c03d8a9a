"""Shared fixtures for the ingest tests: the seed files and a runner for the real `lecturekit` CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture
def seeds() -> Path:
    """The bundled seed folder (read-only: copy before changing anything)."""
    return SEEDS


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m lecturekit ARGS...` in a subprocess with a private cache; returns the result."""

    def run(
        *args: str | Path, path_env: str | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "LECTUREKIT_CACHE": str(tmp_path / "cache")}
        if path_env is not None:
            env["PATH"] = path_env
        return subprocess.run(
            [sys.executable, "-m", "lecturekit", *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=timeout,
        )

    return run
