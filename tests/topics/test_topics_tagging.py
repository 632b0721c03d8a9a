"""Tagging slides and questions built from the seed text: scores, admin slides, tag_course on a Course."""

from __future__ import annotations

from pathlib import Path

from topics_support import SEEDS, seed_sentence

from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Lecture, Option, Question, QuestionKind, Slide, SlideKind
from lecturekit.topics import tag_course
from lecturekit.topics.tagging import score, tag_question, tag_slide


def slide(slide_id: str, title: str, body: str, kind: SlideKind = SlideKind.CONTENT) -> Slide:
    return Slide(id=slide_id, title=title, text=f"{title}\n{body}", kind=kind)


OVERFITTING_2024 = slide(
    "2024-01-11/s40",
    "Over-fitting in DNNs",
    seed_sentence(
        "2024-md",
        (
            "How to handle over-fitting in DNNs\n\n- ① A DNN model with 100 million parameters and only 100k data points or even "
            "a million data points will overfit unless we take care of over-fitting.\n- ② Weight regularization can help - "
            "ℓ_1, ℓ_2\n- ③ More common over-fitting strategy for DL?\n- ④ Dropouts!"
        ),
    ),
)
TRAINING_2026 = slide(
    "2026-01-14/s06",
    "Training a DNN",
    seed_sentence(
        "2026-text",
        (
            "SGD with mini-batch\n\nSGD mini-batch is the staple diet. However there are some learning rate\nschedulers that "
            "are known to work better for DNNs - Such as Adagrad\nand more recently, ADAM."
        ),
    ),
)
LOGISTICS = slide(
    "2026-01-14/s01", "Logistics", seed_sentence("2026-text", "Review Session Friday"), SlideKind.ADMIN
)
ICE1_2026 = Question(
    id="2026-01-14/ice-1",
    lecture="2026-01-14",
    label="ICE #1",
    kind=QuestionKind.MCQ,
    stem=seed_sentence(
        "2026-text",
        "What is the dimension of the gradient with a full-batch size and a\nbatch-size of 8 (assume d > 8)",
    ),
    options=[Option(key=k, text=t) for k, t in (("1", "8,8"), ("2", "d,8"), ("3", "1,8"), ("4", "d,d"))],
)
ICE1_2024 = Question(
    id="2024-01-11/ice-1",
    lecture="2024-01-11",
    label="ICE #1",
    kind=QuestionKind.MCQ,
    stem=seed_sentence("2024-md", "Which of the following is ~~not~~ a hyper-parameter in deep learning?"),
    options=[
        Option(key=k, text=t)
        for k, t in (
            ("1", "Learning rate"),
            ("2", "Number of Hidden Layers"),
            ("3", "Number of neurons per hidden layer"),
            ("4", "All of the above"),
        )
    ],
)


def scores(tags) -> dict[str, float]:
    return {tag.topic: tag.score for tag in tags}


def test_title_mention_weighs_more_than_a_passing_word(matcher):
    tagged = scores(tag_slide(matcher, OVERFITTING_2024).topics)
    assert tagged["overfitting"] >= score(3.0)  # in the title
    assert "dropout" not in tagged and "regularization" not in tagged  # one passing word each is no evidence
    assert list(tagged)[0] == "overfitting"  # best first


def test_score_grows_with_mentions_and_stays_below_one():
    assert 0 < score(1) < score(3) < score(4) < score(30) < 1


def test_admin_slides_are_not_tagged(matcher):
    assert (
        tag_slide(
            matcher, LOGISTICS.model_copy(update={"text": "Logistics\nBack prop review session"})
        ).topics
        == []
    )


def test_training_slide_tags(matcher):
    tagged = set(scores(tag_slide(matcher, TRAINING_2026).topics))
    assert {"sgd", "adam"} <= tagged  # "SGD" three times; "Adagrad" and "ADAM"
    assert "lr-schedule" not in tagged  # "learning rate schedulers" once, in passing


def test_ice1_2026_is_about_gradient_sgd_and_batch_size(matcher):
    assert {"gradient-descent", "sgd", "batch-size"} <= set(scores(tag_question(matcher, ICE1_2026).topics))


def test_ice1_2024_is_about_hyperparameters(matcher):
    tagged = scores(tag_question(matcher, ICE1_2024).topics)
    assert max(tagged, key=tagged.get) == "hyperparameters"


def test_tag_course_fills_topics_examples_and_tags(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    course = Course(
        title="t",
        root=str(tmp_path),
        questions=[ICE1_2026],
        lectures=[Lecture(id="2026-01-14", title="L", slides=[LOGISTICS, TRAINING_2026])],
    )
    diag = Diagnostics()
    tagged = tag_course(course, None, CourseConfig(), diag)
    assert diag.items == []
    taught = {tag.topic for s in tagged.lectures[0].slides for tag in s.topics}
    assert "sgd" in taught and {t.id for t in tagged.topics} <= taught  # no topic without a slide
    assert {e.name for e in tagged.examples} == {name for t in tagged.topics for name in t.examples}
    assert all(e.output == "" and e.exit_code is None for e in tagged.examples)  # not run when switched off
    assert tagged.lectures[0].slides[0].topics == [] and tagged.lectures[0].slides[1].topics
    assert tagged.questions[0].topics
    assert course.lectures[0].slides[1].topics == []  # the input course is left as it was


def test_tag_course_runs_examples_against_the_course_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    course_dir = tmp_path / "course"
    course_dir.mkdir()
    (course_dir / "notes.txt").write_text((SEEDS / "003_ac6d1436580ceec6.txt").read_text(encoding="utf-8"))
    (course_dir / "topics.toml").write_text('[[topic]]\nid = "autodiff"\nsummary = "Ours."\n')
    diag = Diagnostics()
    taught = [
        slide("l/autodiff", "Auto-diff", "Reverse mode auto-diff gives every partial derivative."),
        slide("l/backprop", "Back-propagation", "Back-propagation is reverse-mode auto-diff on a network."),
        slide("l/vectors", "Sentence embeddings", "word2vec and sentence embeddings map text to vectors."),
        slide("l/search", "Semantic search", "Embeddings place similar slides close: vector search."),
        slide("l/adam", "Adam and momentum", "Adam keeps a running mean of the gradient, like momentum."),
    ]
    course = Course(title="t", root=str(course_dir), lectures=[Lecture(id="l", title="L", slides=taught)])
    tagged = tag_course(course, course_dir, CourseConfig(), diag)
    assert diag.items == []
    assert {t.id: t.summary for t in tagged.topics}["autodiff"] == "Ours."
    by_name = {e.name: e for e in tagged.examples}
    assert all(e.exit_code == 0 for e in tagged.examples)
    assert "[notes.txt p. " in by_name["semantic_search"].output  # it searched this course, not the seeds
    assert by_name["optimizers"].figure.startswith("<svg")
    assert Path(by_name["optimizers"].path).is_file()
