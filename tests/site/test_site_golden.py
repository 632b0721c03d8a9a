"""Golden-output tests: every page of the fixture course compared with tests/site/golden (normalised)."""

from __future__ import annotations

import json
import os

import nbformat
import pytest
from lxml import html as lxml_html
from site_support import FIXTURES, GOLDEN, normalise_html

PAGES = [
    "index.html",
    "lecture-2026-01-14.html",
    "lecture-2024-01-11.html",
    "notes-2020-10-13.html",
    "quiz-2026-01-14.html",
    "quiz-2024-01-11.html",
    "practice.html",
    "topics.html",
    "topic-backpropagation.html",
    "topic-learning-rate.html",
    "search-index.js",
]


def test_site_pages_are_the_expected_set(fixture_site):
    out, report, _ = fixture_site
    html_pages = sorted(p.name for p in out.glob("*.html"))
    assert html_pages == sorted(p for p in PAGES if p.endswith(".html"))
    assert report.pages == len(html_pages)


@pytest.mark.parametrize("name", PAGES)
def test_site_golden_page(fixture_site, name):
    out, _, _ = fixture_site
    actual = normalise_html((out / name).read_text(encoding="utf-8"))
    golden = GOLDEN / (name + ".golden")
    if os.environ.get("LECTUREKIT_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}; run with LECTUREKIT_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{name} differs from {golden}; if intended, regenerate with LECTUREKIT_UPDATE_GOLDEN=1"
    )


def test_site_embedded_example_files_are_the_downloads(fixture_site):
    out, _, _ = fixture_site
    doc = lxml_html.fromstring((out / "topic-backpropagation.html").read_bytes())
    files = json.loads(doc.get_element_by_id("files-backprop_demo").text)
    assert files["py"] == (out / "examples" / "backprop_demo.py").read_text(encoding="utf-8")
    assert files["py"] == (FIXTURES / "examples" / "backprop_demo.py").read_text(encoding="utf-8")
    if "ipynb" in files:  # offered once the topics stage provides to_notebook
        assert files["ipynb"] == (out / "examples" / "backprop_demo.ipynb").read_text(encoding="utf-8")
        nbformat.validate(nbformat.reads(files["ipynb"], as_version=4))
