"""Topic tags against hand labels: the demo course and generated non-ML courses (algorithms, physics, history, data science).

Run with -s to see precision and recall per course. The labels are in labels.toml; the courses in courses/.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from lecturekit.errors import Diagnostics
from lecturekit.models import Course, SlideKind
from lecturekit.pipeline import bundled_seeds, load_course
from lecturekit.topics.taxonomy import load_shipped

HERE = Path(__file__).resolve().parent
LABELS = tomllib.loads((HERE / "labels.toml").read_text(encoding="utf-8"))
NON_ML = ["algorithms", "physics", "history", "datascience"]
PRECISION_GOAL = 0.95
FALSE_TAGS_NON_ML = 0.05
RECALL_FLOOR = 0.7  # evidence costs some recall: a word said once in passing tags nothing
LABELLED_SHARE = 0.9  # most slides of each course must be labelled (slide ids change with the cleaner)


def folder(name: str) -> Path:
    return bundled_seeds() if name == "seeds" else HERE / "courses" / name


@pytest.fixture(scope="module")
def courses(tmp_path_factory) -> dict[str, Course]:
    patch = pytest.MonkeyPatch()
    patch.setenv("LECTUREKIT_CACHE", str(tmp_path_factory.mktemp("cache")))
    patch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    try:
        return {
            name: load_course([folder(name)], diag=Diagnostics(), run_examples=False)
            for name in ["seeds", *NON_ML]
        }
    finally:
        patch.undo()


def pairs(course: Course, labels: dict[str, list[str]]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(predicted, labelled) (slide id, topic id) pairs over the labelled slides."""
    predicted, truth = set(), set()
    for lecture in course.lectures:
        for slide in lecture.slides:
            if slide.id in labels:
                predicted |= {(slide.id, tag.topic) for tag in slide.topics}
                truth |= {(slide.id, topic) for topic in labels[slide.id]}
    return predicted, truth


def scores(names: list[str], courses: dict[str, Course]) -> tuple[float, float, int]:
    predicted, truth = set(), set()
    for name in names:
        p, t = pairs(courses[name], LABELS[name])
        predicted |= {(name, *pair) for pair in p}
        truth |= {(name, *pair) for pair in t}
    hits = len(predicted & truth)
    return hits / max(len(predicted), 1), hits / max(len(truth), 1), len(predicted)


@pytest.mark.parametrize("name", ["seeds", *NON_ML])
def test_most_slides_are_labelled(courses, name):
    taught = [s.id for lec in courses[name].lectures for s in lec.slides if s.kind is not SlideKind.ADMIN]
    labelled = [s for s in taught if s in LABELS[name]]
    assert len(labelled) >= LABELLED_SHARE * len(taught), sorted(set(taught) - set(labelled))


def test_precision_and_recall_on_the_labelled_set(courses):
    overall = scores(["seeds", *NON_ML], courses)
    for name in ["seeds", *NON_ML]:
        precision, recall, count = scores([name], courses)
        print(f"{name:12} precision {precision:.3f}  recall {recall:.3f}  ({count} tags)")
    print(f"{'all':12} precision {overall[0]:.3f}  recall {overall[1]:.3f}  ({overall[2]} tags)")
    assert overall[0] >= PRECISION_GOAL
    assert overall[1] >= RECALL_FLOOR


def test_non_ml_courses_have_few_false_tags(courses):
    precision, _, count = scores(NON_ML, courses)
    assert count and 1 - precision <= FALSE_TAGS_NON_ML


@pytest.mark.parametrize("name", NON_ML)
def test_non_ml_course_has_no_topic_page_without_slides(courses, name):
    course = courses[name]
    tagged = {tag.topic for lec in course.lectures for s in lec.slides for tag in s.topics}
    assert course.topics and {t.id for t in course.topics} <= tagged


def test_algorithms_course_gets_its_own_topics_and_no_deep_learning(courses):
    ids = {t.id for t in courses["algorithms"].topics}
    assert {"merge-sort", "insertion-sort", "recursion", "big-o", "master-theorem", "binary-search"} <= ids
    assert not ids & {t.id for t in load_shipped()}


def test_physics_momentum_is_not_the_optimizer(courses):
    ids = {t.id for t in courses["physics"].topics}
    assert "momentum" not in ids and "gradient-descent" not in ids and "conservation-of-momentum" in ids


def test_data_science_keeps_the_shipped_topics_it_teaches(courses):
    ids = {t.id for t in courses["datascience"].topics}
    assert {"overfitting", "regularization"} <= ids  # an ML topic a non-ML course teaches stays
    assert {"cross-validation", "train-test-split"} <= ids


def test_admin_words_alone_tag_nothing(courses):
    for name in NON_ML:
        for lecture in courses[name].lectures:
            for slide in lecture.slides:
                if slide.title.lower() in {"warm-up", "summary", "outline", "dropout", "recap", "agenda"}:
                    assert slide.topics == [], (name, slide.id, slide.topics)


def test_topics_index_counts_come_from_tagged_slides(courses):
    from lecturekit.topics.report import topic_rows

    rows = {row.id: row for row in topic_rows(courses["algorithms"])}
    assert len(rows["merge-sort"].slides) >= 2 and all(row.slides for row in rows.values())
