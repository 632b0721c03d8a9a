"""The build-time search index: what it holds, what it leaves out, and its size on a 2,000-slide course."""

from __future__ import annotations

import json

from site_support import load_fixture_course
from synthetic_course import synthetic_course

from lecturekit.models import Topic
from lecturekit.site.search import alias_key, index_script, terms


def parse(script: str) -> dict:
    prefix = "window.LECTUREKIT_SEARCH="
    assert script.startswith(prefix) and script.endswith(";\n")
    return json.loads(script[len(prefix) : -2])


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
    assert terms("Gradients of the losses") == {
        "gradient",
        "losse",
    }  # "losses"→"losse": a query "loss" prefix-matches it
    assert terms("class status") == {"class", "status"}  # -ss and -us are not plurals
    index = parse(index_script(load_fixture_course()))
    assert "diverge" in index["terms"] and "diverges" not in index["terms"]


def test_site_search_index_under_1mb_for_2000_slides():
    course = synthetic_course(40, 50)
    # The slides tag "backprop": give the course that topic, so its alias table is counted too.
    course.topics = [
        Topic(id="backprop", name="Backpropagation", aliases=["back-propagation", "backprop", "back prop"])
    ]
    script = index_script(course)
    assert len(course.lectures) * len(course.lectures[0].slides) == 2000
    size = len(script.encode("utf-8"))
    assert size < 1_000_000, f"search index is {size} bytes"
    index = parse(script)
    assert len(index["docs"]) == 2000 + len(course.questions) + 1
    assert index["aliases"]["backprop"] == [0] and len(index["tagged"][0].split(",")) == 200
    assert index_script(course) == script  # deterministic


def test_site_search_hyphenated_words_indexed_joined_and_split():
    """QA: "hyperparameter" missed the "Hyper-parameters" slides; "back propagation" must still find "Back-propagation"."""
    assert terms("Hyper-parameters of Back-propagation") == {
        "hyper",
        "parameter",
        "hyperparameter",
        "back",
        "propagation",
        "backpropagation",
    }
    index = parse(index_script(load_fixture_course()))
    # "Which of these is a hyper-parameter?"
    assert "lecture-2026-01-14.html#slide-s06" in docs_for(index, "hyperparameter")
    assert "lecture-2026-01-14.html#slide-s06" in docs_for(index, "parameter")


def test_site_search_topic_aliases_find_tagged_slides():
    """QA: "backprop" missed "Back Propagation Summary": a topic's name or alias finds the slides tagged with it."""
    assert alias_key("Back prop") == alias_key("back-prop") == alias_key("Backprop") == "backprop"
    assert alias_key("Hyper-parameters") == "hyperparameter"  # stemmed like a query word
    index = parse(index_script(load_fixture_course()))
    topic = index["aliases"]["backprop"]
    assert index["aliases"]["backpropagation"] == topic and len(topic) == 1
    numbers, n = [], 0
    for part in index["tagged"][topic[0]].split(","):
        n += int(part)
        numbers.append(n)
    tagged = [index["docs"][i][1] for i in numbers]
    # The notes section on automatic differentiation is tagged with the topic but never says "backprop".
    assert "notes-2020-10-13.html#slide-s01" in tagged
    assert not any(
        term.startswith("backprop") for term in terms(load_fixture_course().lectures[2].slides[0].text)
    )
