"""The build-time search index: what it holds, what it leaves out, and its size on a 2,000-slide course."""

from __future__ import annotations

import json

from site_support import load_fixture_course
from lecturekit.site.search import index_script, terms
from lecturekit.site.synthetic import synthetic_course


def parse(script: str) -> dict:
    prefix = "window.LECTUREKIT_SEARCH="
    assert script.startswith(prefix) and script.endswith(";\n")
    return json.loads(script[len(prefix):-2])


def docs_for(index: dict, term: str) -> list[str]:
    numbers, n = [], 0
    for part in index["terms"][term].split(","):
        n += int(part)
        numbers.append(n)
    return [index["docs"][i][1] for i in numbers]


def test_site_search_indexes_slides_questions_and_topics_not_code():
    index = parse(index_script(load_fixture_course()))
    assert "lecture-2026-01-14.html#slide-s05" in docs_for(index, "diverge")
    assert "quiz-2026-01-14.html#q-2026-01-14-ice-2" in docs_for(index, "statement")
    assert "topic-learning-rate.html" in docs_for(index, "step")
    assert "numeric" not in index["terms"] and "def" not in index["terms"]  # example code is not indexed
    assert "the" not in index["terms"]
    assert "the" in index["stop"] and "how" in index["stop"]  # site.js drops the same words from queries


def test_site_search_terms_are_stemmed_plurals():
    assert terms("Gradients of the losses") == {"gradient", "losse"}  # "losses"→"losse": a query "loss" prefix-matches it
    assert terms("class status") == {"class", "status"}  # -ss and -us are not plurals
    index = parse(index_script(load_fixture_course()))
    assert "diverge" in index["terms"] and "diverges" not in index["terms"]


def test_site_search_index_under_1mb_for_2000_slides():
    course = synthetic_course(40, 50)
    script = index_script(course)
    assert len(course.lectures) * len(course.lectures[0].slides) == 2000
    size = len(script.encode("utf-8"))
    assert size < 1_000_000, f"search index is {size} bytes"
    index = parse(script)
    assert len(index["docs"]) == 2000 + len(course.questions)
