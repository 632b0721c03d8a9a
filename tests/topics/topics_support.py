"""Fixtures for the topics tests: the seed text as shipped, the shipped matcher, and examples imported by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from lecturekit.topics.examples import examples_dir
from lecturekit.topics.matcher import TopicMatcher
from lecturekit.topics.taxonomy import load_shipped

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
SEED_FILES = {
    "2026-text": "000_5e6f1afa6cbb3b19.txt",
    "2026-ocr": "001_9877fb9ea88e89b7.txt",
    "2025-zoom": "002_745afbbf775c3ef9.txt",
    "2020-notes": "003_ac6d1436580ceec6.txt",
    "2024-md": "004_6907600352c4fa8e.txt",
}


def seed_text(key: str) -> str:
    """One seed file exactly as shipped."""
    return (SEEDS / SEED_FILES[key]).read_text(encoding="utf-8")


def seed_sentence(key: str, sentence: str) -> str:
    """SENTENCE, after checking it really is in that seed (so the tests use the material as it is)."""
    assert sentence in seed_text(key), f"{sentence!r} is not in seed {key}"
    return sentence


@pytest.fixture(scope="session")
def matcher() -> TopicMatcher:
    return TopicMatcher(load_shipped())


@pytest.fixture(scope="session")
def load_example():
    """Import an example module from examples/ by file name, under a name no other test module uses."""
    folder = examples_dir()
    assert folder is not None, "examples/ not found"
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))  # the examples import their _svgplot helper as a sibling
    loaded: dict[str, ModuleType] = {}

    def load(name: str) -> ModuleType:
        if name not in loaded:
            spec = importlib.util.spec_from_file_location(f"lecturekit_example_{name}", folder / f"{name}.py")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            loaded[name] = module
        return loaded[name]

    return load
