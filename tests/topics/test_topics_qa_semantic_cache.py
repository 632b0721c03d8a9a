"""QA 20: the semantic search example's cached run is redone whenever the course or lecturekit's reading of it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from topics_support import SEEDS

from lecturekit.cache import Cache
from lecturekit.errors import Diagnostics
from lecturekit.topics import examples as examples_module
from lecturekit.topics.examples import _cache_key, describe, discover, examples_dir, run_cached

NOTES = "003_ac6d1436580ceec6.txt"


def example(name: str):
    found = {e.name: e for e in discover(examples_dir(), Diagnostics())}
    return found[name]


def course_copy(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(SEEDS / NOTES, course / NOTES)
    return course


def test_key_follows_every_course_file_and_lecturekit_code(tmp_path, monkeypatch):
    search, xor = example("semantic_search"), example("xor_handset")
    course = course_copy(tmp_path)
    first = _cache_key(search, course)
    assert _cache_key(search, course) == first
    (course / NOTES).write_text(
        (SEEDS / NOTES).read_text(encoding="utf-8") + "\nDropout fights over-fitting.\n", encoding="utf-8"
    )
    edited = _cache_key(search, course)
    (course / "course.toml").write_text('title = "Deep learning"\n', encoding="utf-8")
    configured = _cache_key(search, course)
    (course / "week2.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")  # any source, not only .txt, is read now
    with_pdf = _cache_key(search, course)
    (course / ".notes.swp").write_bytes(b"editor junk")  # skipped by ingest, so it must not matter
    (course / "answers.toml").write_text('["2026-01-14/ice-1"]\nanswer = "B"\n', encoding="utf-8")
    (course / "topics.toml").write_text('[dropout]\nname = "Dropout"\n', encoding="utf-8")  # no slide changes
    assert len({first, edited, configured, with_pdf}) == 4 and _cache_key(search, course) == with_pdf
    before_code, xor_before = _cache_key(search, course), _cache_key(xor, course)
    monkeypatch.setattr(examples_module, "code_version", lambda *packages: "another cleaner")
    assert _cache_key(search, course) != before_code  # cleaned slides change when the cleaner does
    assert _cache_key(xor, course) == xor_before  # a numpy-only example does not care


def test_without_a_course_the_key_follows_the_seeds_beside_the_examples(tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    shutil.copy(example("semantic_search").path, folder / "semantic_search.py")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / NOTES, seeds / NOTES)
    copy = describe(folder / "semantic_search.py")
    before = _cache_key(copy, None)
    (seeds / NOTES).write_text("Momentum\n\nIt keeps the direction of past steps.\n", encoding="utf-8")
    assert _cache_key(copy, None) != before


def test_a_changed_course_is_searched_again_not_served_from_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    search = example("semantic_search")
    course = course_copy(tmp_path)
    cache = Cache("examples", root=tmp_path / "cache")
    first = run_cached(search, course, cache)
    assert first.exit_code == 0 and f"[{NOTES} p. " in first.output
    assert run_cached(search, course, cache) == first and cache.hits == 1
    (course / "dropout.txt").write_text(
        "Dropout\n\nDropout randomly switches hidden units off during training so the network cannot rely on any "
        "single unit; it is a cheap and strong regularizer against over-fitting.\n",
        encoding="utf-8",
    )
    second = run_cached(search, course, cache)
    assert second.exit_code == 0 and second.output != first.output
    assert "[dropout.txt p. 1]" in second.output  # the new slide is found by the over-fitting query
