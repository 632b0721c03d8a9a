"""Fixtures for the incremental-build tests: a small synthetic course on disk and a two-example folder."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# two quick examples of topics the course teaches
EXAMPLES = (
    "autodiff_engine.py",
    "cnn_filters.py",
    "_svgplot.py",
)
LECTURES = 3
SLIDES = 10


def _synthetic_sources():
    """bench/synthetic_sources.py: the generator the incremental benchmark builds its course with."""
    name = "bench_synthetic_sources"
    if name not in sys.modules:  # dataclasses look their module up in sys.modules
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "synthetic_sources.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


@pytest.fixture(scope="session")
def synthetic():
    return _synthetic_sources()


@pytest.fixture
def small_course(tmp_path, monkeypatch, synthetic) -> Path:
    """A course folder of LECTURES text-dump lectures × SLIDES slides (builds, footers, an ICE each)."""
    examples = tmp_path / "examples"
    examples.mkdir()
    for name in EXAMPLES:
        shutil.copy(REPO / "examples" / name, examples / name)
    monkeypatch.setenv("LECTUREKIT_EXAMPLES", str(examples))
    course = tmp_path / "course"
    synthetic.write_course(course, LECTURES, SLIDES)
    return course
