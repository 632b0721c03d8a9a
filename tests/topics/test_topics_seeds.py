"""The issue's "must hold on the seeds", on the course the real pipeline builds from seeds/."""

from __future__ import annotations

import pytest

from lecturekit.errors import Diagnostics
from lecturekit.pipeline import bundled_seeds, load_course
from lecturekit.topics.report import coverage, topic_rows
from lecturekit.topics.taxonomy import load_shipped

MUST_HAVE_PAGES = [
    "backprop",
    "sgd",
    "learning-rate",
    "adam",
    "hyperparameters",
    "hyperparameter-search",
    "overfitting",
    "dropout",
    "activation-functions",
    "mlp-xor",
    "autodiff",
    "embeddings",
]


@pytest.fixture(scope="module")
def seeds_course(tmp_path_factory):
    patch = pytest.MonkeyPatch()
    patch.setenv("LECTUREKIT_CACHE", str(tmp_path_factory.mktemp("cache")))
    # the examples' runs are asserted in test_topics_examples_run
    patch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    try:
        diag = Diagnostics()
        yield load_course([bundled_seeds()], diag=diag)
    finally:
        patch.undo()


@pytest.fixture(scope="module")
def rows(seeds_course):
    return {row.id: row for row in topic_rows(seeds_course)}


@pytest.mark.parametrize("topic", MUST_HAVE_PAGES)
def test_listed_topic_has_a_seed_slide_and_an_example(rows, topic):
    assert rows[topic].slides, f"no seed slide tagged {topic}"
    assert rows[topic].examples, f"no example for {topic}"


def test_ice1_2026_is_tagged_gradient_sgd_and_batch_size(seeds_course):
    ice1 = next(q for q in seeds_course.questions if q.lecture == "2026-01-14" and q.label == "ICE #1")
    assert {"gradient-descent", "sgd", "batch-size"} <= {tag.topic for tag in ice1.topics}


def test_2024_hyperparameter_ice_is_tagged_hyperparameters(seeds_course):
    ice = next(q for q in seeds_course.questions if q.lecture == "2024-01-11" and "hyper-parameter" in q.stem)
    assert ice.topics[0].topic == "hyperparameters"  # the best tag


def test_admin_slides_of_the_seeds_carry_no_topics(seeds_course):
    admin = [s for lecture in seeds_course.lectures for s in lecture.slides if s.kind.value == "admin"]
    assert admin and all(s.topics == [] for s in admin)


def test_slides_list_best_first_titles_before_passing_mentions(seeds_course, rows):
    slides = {s.id: s for lecture in seeds_course.lectures for s in lecture.slides}
    first = slides[rows["backprop"].slides[0]]
    assert "back" in first.title.lower() and "prop" in first.title.lower()
    scores = [
        next(t.score for t in slides[i].topics if t.topic == "backprop") for i in rows["backprop"].slides
    ]
    assert scores == sorted(scores, reverse=True)


def test_both_editions_teach_backprop(rows):
    lectures = {slide_id.split("/")[0] for slide_id in rows["backprop"].slides}
    assert {"2026-01-14", "2024-01-11"} <= lectures


def test_coverage_flags_topics_taught_without_an_example(seeds_course, rows):
    gaps = coverage(seeds_course, list(rows.values()))
    shipped = {t.id for t in load_shipped()}
    # every shipped topic the seeds teach has an example; the course's own phrases have none
    assert [t for t in gaps.taught_without_example if t in shipped] == []
    assert gaps.examples_not_in_slides == []


def test_coverage_flags_examples_no_slide_mentions(seeds_course, rows):
    without_cnn = seeds_course.model_copy(
        update={
            "lectures": [
                lecture.model_copy(
                    update={
                        "slides": [
                            s.model_copy(update={"topics": [t for t in s.topics if t.topic != "cnn"]})
                            for s in lecture.slides
                        ]
                    }
                )
                for lecture in seeds_course.lectures
            ]
        }
    )
    gaps = coverage(without_cnn, topic_rows(without_cnn))
    assert gaps.examples_not_in_slides == ["cnn_filters"]
