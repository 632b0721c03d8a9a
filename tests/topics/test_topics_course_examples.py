"""An instructor's own examples: a course's examples/ folder, topics named in a header comment, run and linked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_topics_cli import lecturekit

from lecturekit.errors import Diagnostics
from lecturekit.models import Slide
from lecturekit.pipeline import load_course
from lecturekit.topics.examples import describe, header_topics
from lecturekit.topics.tagging import tag_slide

ALGORITHMS = Path(__file__).resolve().parent / "courses" / "algorithms"


@pytest.fixture
def course(tmp_path) -> Path:
    folder = tmp_path / "algorithms"
    shutil.copytree(ALGORITHMS, folder)
    return folder


def test_header_comment_names_the_topics(tmp_path):
    script = tmp_path / "heap.py"
    script.write_text(
        "#!/usr/bin/env python3\n# A binary heap.\n# Topics: Binary Search, big-O\n\nprint(1)\n"
        "# Topics: not this one\n",
        encoding="utf-8",
    )
    assert header_topics(script.read_text(encoding="utf-8")) == "Binary Search, big-O"
    assert describe(script).topics == ["Binary Search", "big-O"]


def test_course_example_links_to_its_topics_by_name_and_shipped_ones_only_to_taught_topics(
    course, tmp_path, monkeypatch
):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    loaded = load_course([course], diag=Diagnostics(), run_examples=False)
    topics = {t.id: t for t in loaded.topics}
    assert topics["merge-sort"].examples == ["merge_sort"]  # "# Topics: merge sort, ..." in the header
    assert (
        "merge_sort" in topics["divide-and-conquer"].examples and "merge_sort" in topics["recursion"].examples
    )
    assert [e.name for e in loaded.examples] == ["merge_sort"]  # no shipped numpy example fits this course


def test_examples_test_runs_them_all_and_fails_on_a_broken_one(course, tmp_path):
    done = lecturekit("examples", "test", str(course), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ok    merge_sort (" in done.stdout and "1 passed, 0 failed" in done.stdout
    (course / "examples" / "broken.py").write_text("# Topics: recursion\nraise SystemExit('no base case')\n")
    done = lecturekit("examples", "test", str(course), tmp_path=tmp_path)
    assert done.returncode == 1
    assert (
        "FAIL  broken (Recursion): exit code 1: no base case" in done.stdout
        and "1 passed, 1 failed" in done.stdout
    )


@pytest.mark.parametrize("name", ["merge_sort", "merge sort", "Divide and Conquer"])
def test_run_finds_a_course_example_by_name_or_topic(course, tmp_path, name):
    done = lecturekit("run", name, "--course", str(course), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "merge_sort agrees with sorted()" in done.stdout


def test_admin_word_titles_tag_nothing(matcher):
    def slide(title: str, body: str) -> Slide:
        return Slide(id=f"l/{title}", title=title, text=f"{title}\n{body}")

    warm_up = slide("Warm-up", "What do you already know about the storming of the Bastille?")
    dropout = slide(
        "Dropout", "Units are dropped at random during training; the other activations are scaled up."
    )
    summary = slide("Summary", "- Merge sort\n- Binary search\n- A CNN would not help here")
    assert tag_slide(matcher, warm_up).topics == []  # not the learning-rate warm-up
    assert "activation-functions" not in {t.topic for t in tag_slide(matcher, dropout).topics}
    assert tag_slide(matcher, summary).topics == []


def test_an_instructor_topic_no_slide_teaches_gets_no_page_and_a_warning(tmp_path, monkeypatch):
    from lecturekit.course import CourseConfig
    from lecturekit.models import Course, Lecture
    from lecturekit.topics import tag_course

    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    (tmp_path / "topics.toml").write_text(
        '[[topic]]\nid = "heaps"\nname = "Heaps"\naliases = ["binary heap"]\n\n'
        '[[topic]]\nid = "tries"\nname = "Tries"\naliases = ["prefix tree"]\n'
    )
    slides = [
        Slide(id="l/heap", title="The Binary Heap", text="The Binary Heap\nA binary heap is a complete tree.")
    ]
    diag = Diagnostics()
    tagged = tag_course(
        Course(title="t", root=str(tmp_path), lectures=[Lecture(id="l", title="L", slides=slides)]),
        tmp_path,
        CourseConfig(),
        diag,
    )
    assert [t.id for t in tagged.topics] == ["heaps"]
    assert [d.message for d in diag.items] == [
        "topic 'tries': no slide names it in its title or twice in its text; it gets no page"
    ]
