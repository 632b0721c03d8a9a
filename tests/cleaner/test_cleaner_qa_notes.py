"""QA 24: heading-only notes sections fold into the section after them; nothing is lost."""

from __future__ import annotations

from cleaner_support import lecture

from lecturekit.cleaner import clean_source
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.models import RemovalReason

NOTES = """Weekly Notes on Optimizers

Summary

Momentum Methods

Momentum keeps a running average of past gradients and steps along it, which damps oscillation.

Adaptive Methods

Adam scales each parameter's step by a running estimate of its gradient's second moment.
"""


def test_an_empty_heading_becomes_the_heading_of_the_next_section(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    source = read_sources([path], IngestOptions(cache=False), Diagnostics())[0]
    drafts = clean_source(source).drafts
    assert [d.title for d in drafts] == ["Weekly Notes on Optimizers", "Adaptive Methods"]
    first = drafts[0]
    assert first.body[:2] == ["Summary", "Momentum Methods"] and first.body[2].startswith("Momentum keeps")
    assert [ref.page for ref in first.pages] == [1, 2, 3]
    assert all(d.body for d in drafts)


def test_seed_002_has_no_empty_sections_and_keeps_its_headings(seed_lectures):
    notes = lecture(seed_lectures, "2025-02-03")
    assert notes.title == "Meeting Summary for Deep Learning Lectures"
    assert all(len(slide.text.split("\n")) > 1 for slide in notes.slides)
    texts = "\n".join(slide.text for slide in notes.slides)
    for heading in ("Quick recap", "Summary", "Neural Networks, Learning Algorithms, and Logistics"):
        assert heading in texts.split("\n")
    first = notes.slides[0]
    assert (
        first.title == "Meeting Summary for Deep Learning Lectures"
        and first.text.split("\n")[1] == "Quick recap"
    )
    duplicate = [r for r in first.removed if r.reason is RemovalReason.DUPLICATE]
    assert [r.text for r in duplicate] == ["Meeting summary for Deep Learning Lectures (02/03/2025)"]
