"""Incremental builds end to end: a rebuild redoes only the new or changed sources and gives the same site."""

from __future__ import annotations

from pathlib import Path

from lecturekit.cleaner import group as grouping
from lecturekit.cleaner import lectures as cleaner
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, dispatch
from lecturekit.models import Course
from lecturekit.pipeline import load_course
from lecturekit.site import BuildReport, build_site
from lecturekit.topics import tagcache
from lecturekit.topics.tagging import UNTAGGED_KINDS, question_body, slide_texts

ADDED = 13  # lecture 13 is written as a real text-layer PDF (synthetic_sources.PDF_EVERY)


class Calls:
    """Which sources were read, cleaned, hashed and aligned, and which texts were tagged, since the last reset."""

    def __init__(self, monkeypatch) -> None:
        self.reset()
        read, clean, weigh = dispatch._read_uncached, cleaner.clean_source, tagcache.weigh
        sign, align = grouping._signature, grouping.alignment_score
        monkeypatch.setattr(
            dispatch, "_read_uncached", lambda path, *a: self.read.append(path.name) or read(path, *a)
        )
        monkeypatch.setattr(
            cleaner, "clean_source", lambda source: self.cleaned.append(source.name) or clean(source)
        )
        monkeypatch.setattr(grouping, "_signature", lambda deck: self.signed.append(deck.name) or sign(deck))
        monkeypatch.setattr(
            grouping,
            "alignment_score",
            lambda first, second: (
                self.aligned.append({first[0].source, second[0].source}) or align(first, second)
            ),
        )
        monkeypatch.setattr(
            tagcache,
            "weigh",
            lambda m, title, body: self.tagged.append((title, body)) or weigh(m, title, body),
        )

    def reset(self) -> None:
        self.read: list[str] = []
        self.cleaned: list[str] = []
        self.signed: list[str] = []
        self.aligned: list[set[str]] = []
        self.tagged: list[tuple[str, str]] = []


def build(course: Path, out: Path) -> tuple[Course, BuildReport]:
    """What `lecturekit build COURSE --out OUT` does: load_course, then build_site."""
    diag = Diagnostics()
    loaded = load_course([course], IngestOptions(), diag)
    return loaded, build_site(loaded, out, diag)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def texts_of(course: Course, source: str) -> list[tuple[str, str]]:
    """The (title, body) texts tagging sees for the lecture made from SOURCE: slides, then questions."""
    lecture = next(lec for lec in course.lectures if source in lec.sources)
    slides = [slide_texts(s) for s in lecture.slides if s.kind not in UNTAGGED_KINDS]
    return slides + [(q.stem, question_body(q)) for q in course.questions if q.lecture == lecture.id]


def test_adding_a_lecture_redoes_only_its_source_and_matches_a_cold_build(
    small_course, synthetic, tmp_path, monkeypatch
):
    calls = Calls(monkeypatch)
    first, report = build(small_course, tmp_path / "site")
    assert len(first.lectures) == 3 and report.rendered == report.pages
    assert (
        sorted(calls.read)
        == sorted(calls.cleaned)
        == sorted(calls.signed)
        == [f"lecture_00{n}.txt" for n in (1, 2, 3)]
    )
    added = synthetic.write_lecture(small_course, ADDED, 10)
    calls.reset()
    course, report = build(small_course, tmp_path / "site")
    assert calls.read == calls.cleaned == calls.signed == [added.name] == ["lecture_013.pdf"]
    assert all(added.name in pair for pair in calls.aligned)  # pairs of old lectures come from the cache
    assert calls.tagged == texts_of(course, added.name) and len(calls.tagged) >= 9
    assert len(course.lectures) == 4 and 0 < report.rendered < report.pages
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "empty-cache"))
    cold_course, cold_report = build(small_course, tmp_path / "cold-site")
    assert cold_course == course and cold_report.reused == 0
    assert tree(tmp_path / "cold-site") == tree(tmp_path / "site")


def test_a_second_reading_of_a_lecture_aligns_only_against_the_new_source(
    small_course, synthetic, tmp_path, monkeypatch
):
    build(small_course, tmp_path / "site")
    calls = Calls(monkeypatch)
    scan = small_course / "lecture_002_scan.txt"  # the same deck read again by OCR: bullets as @ and ©
    scan.write_text(
        synthetic.text_dump(synthetic.pages_of(2, synthetic.lecture_frames(2, 10), ocr=True)),
        encoding="utf-8",
    )
    course, _ = build(small_course, tmp_path / "site")
    assert calls.cleaned == calls.signed == [scan.name]
    assert calls.aligned and all(scan.name in pair for pair in calls.aligned)
    assert [lec.sources for lec in course.lectures] == [
        ["lecture_001.txt"],
        ["lecture_002.txt", scan.name],
        ["lecture_003.txt"],
    ]
    added = synthetic.write_lecture(small_course, ADDED, 10)
    calls.reset()
    course, _ = build(small_course, tmp_path / "site")
    assert calls.cleaned == calls.signed == [added.name]
    assert all(added.name in pair for pair in calls.aligned)  # the scan and its lecture are not aligned again
    assert ["lecture_002.txt", scan.name] in [lec.sources for lec in course.lectures]
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "empty-cache"))
    cold, _ = build(small_course, tmp_path / "cold-site")
    assert cold == course and tree(tmp_path / "cold-site") == tree(tmp_path / "site")


def test_warm_build_of_an_unchanged_course_is_byte_identical_and_redoes_nothing(
    small_course, tmp_path, monkeypatch
):
    _, cold = build(small_course, tmp_path / "cold")
    calls = Calls(monkeypatch)
    _, warm = build(small_course, tmp_path / "warm")
    assert calls.read == calls.cleaned == calls.signed == calls.aligned == calls.tagged == []
    assert warm.rendered == 0 and warm.reused == cold.rendered == cold.pages
    assert tree(tmp_path / "cold") == tree(tmp_path / "warm")


def test_the_same_course_by_another_path_reuses_every_cache(small_course, tmp_path, monkeypatch):
    _, first = build(small_course, tmp_path / "site")
    calls = Calls(monkeypatch)
    monkeypatch.chdir(small_course.parent)  # "course" now, not "/tmp/.../course": the same files
    _, again = build(Path(small_course.name), tmp_path / "again")
    assert calls.cleaned == calls.signed == calls.aligned == calls.tagged == []
    assert again.rendered == 0 and tree(tmp_path / "site") == tree(tmp_path / "again")


def test_a_changed_source_changes_its_pages_and_only_its_pages(small_course, tmp_path, monkeypatch):
    build(small_course, tmp_path / "site")
    before = tree(tmp_path / "site")
    changed = small_course / "lecture_002.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(
        text.replace("Office hours moved to Thursday", "Office hours moved to Wednesday in CSE 403"),
        encoding="utf-8",
    )
    calls = Calls(monkeypatch)
    course, _ = build(small_course, tmp_path / "site")
    after = tree(tmp_path / "site")
    assert calls.read == calls.cleaned == ["lecture_002.txt"]
    page = next(f"lecture-{lec.id}.html" for lec in course.lectures if "lecture_002.txt" in lec.sources)
    assert b"Wednesday in CSE 403" in after[page] and b"Wednesday in CSE 403" not in before[page]
    others = [f"lecture-{lec.id}.html" for lec in course.lectures if "lecture_002.txt" not in lec.sources]
    assert len(others) == 2 and all(after[name] == before[name] for name in others)
