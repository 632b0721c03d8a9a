"""The shipped taxonomy and a course's topics.toml: coverage of the issue's topics, overrides, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Example
from lecturekit.topics import link_examples, load_topics
from lecturekit.topics.examples import discover, examples_dir
from lecturekit.topics.matcher import TopicMatcher
from lecturekit.topics.taxonomy import load_shipped, merge_topics

ISSUE_TOPICS = [
    "backprop",
    "autodiff",
    "gradient-descent",
    "sgd",
    "batch-size",
    "learning-rate",
    "lr-schedule",
    "momentum",
    "adam",
    "loss-landscape",
    "perceptron",
    "mlp-xor",
    "activation-functions",
    "universal-approximation",
    "initialization",
    "overfitting",
    "regularization",
    "dropout",
    "early-stopping",
    "hyperparameters",
    "hyperparameter-search",
    "cnn",
    "rnn",
    "embeddings",
    "fine-tuning",
]


def test_shipped_taxonomy_has_every_topic_of_the_issue_with_summary_and_aliases():
    topics = {t.id: t for t in load_shipped()}
    assert sorted(topics) == sorted(ISSUE_TOPICS)
    for topic in topics.values():
        assert len(topic.summary.split()) >= 30, topic.id  # a real paragraph
        assert topic.aliases and topic.name
        assert set(topic.related) <= set(topics), topic.id


def test_every_alias_matches_its_own_topic():
    topics = load_shipped()
    matcher = TopicMatcher(topics)
    for topic in topics:
        for alias in topic.aliases:
            assert topic.id in matcher.count(f"About {alias}, today."), (topic.id, alias)


def test_taxonomy_examples_exist_and_declare_their_topic():
    diag = Diagnostics()
    examples = {e.name: e for e in discover(examples_dir(), diag)}
    for topic in load_shipped():
        for name in topic.examples:
            assert name in examples, (topic.id, name)
            assert topic.id in examples[name].topics, (topic.id, name)


def test_link_examples_puts_taxonomy_order_first_then_declared():
    diag = Diagnostics()
    examples = discover(examples_dir(), diag)
    linked = {t.id: t.examples for t in link_examples(load_shipped(), examples, "taxonomy.toml", diag)}
    assert linked["backprop"][:2] == ["backprop_xor", "autodiff_engine"]
    assert linked["mlp-xor"] == ["xor_handset", "backprop_xor", "universal_approximation"]
    assert diag.items == []


def test_link_examples_warns_about_unknown_names_and_topics(tmp_path):
    diag = Diagnostics()
    stray = Example(name="stray", title="Stray", path=str(tmp_path / "stray.py"), topics=["no-such-topic"])
    topics = load_shipped()[:1]
    topics[0].examples = ["missing_example"]
    linked = link_examples(topics, [stray], "taxonomy.toml", diag)
    assert linked[0].examples == []
    messages = [str(d) for d in diag.warnings]
    assert any("no-such-topic" in m and "stray.py" in m for m in messages)
    assert any("missing_example" in m for m in messages)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_course_topics_toml_overrides_and_adds(tmp_path):
    write(
        tmp_path,
        """
[[topic]]
id = "dropout"
summary = "Our own words on dropout."
aliases = ["dropout", "drop connect"]

[[topic]]
id = "attention"
name = "Attention"
aliases = ["self-attention", "attention head"]
related = ["embeddings"]
""",
    )
    diag = Diagnostics()
    topics = {t.id: t for t in load_topics(tmp_path, CourseConfig(), diag)}
    assert diag.items == []
    assert topics["dropout"].summary == "Our own words on dropout."
    assert topics["dropout"].name == "Dropout" and topics["dropout"].examples == ["overfitting"]  # kept
    assert topics["attention"].related == ["embeddings"]
    matcher = TopicMatcher(list(topics.values()))
    assert matcher.count("drop connect and multi-head self attention") == {"dropout": 1, "attention": 1}


def test_course_config_can_name_another_topics_file(tmp_path):
    (tmp_path / "my-topics.toml").write_text('[[topic]]\nid = "gans"\nname = "GANs"\naliases = ["GAN"]\n')
    topics = load_topics(tmp_path, CourseConfig(topics="my-topics.toml"), Diagnostics())
    assert "gans" in {t.id for t in topics}


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('[[topic]]\nid = "a"\nname = "A"\n\n[[topic]]\nid = "b"\nnmae = "typo"\n', 5, "nmae"),
        ('[[topic]]\nid = "ok"\nname = "OK"\n[[topic]]\nname = "no id"\n', 4, "id"),
        ('[[topic]]\nid = "Bad Id"\nname = "X"\n', 1, "lower-case"),
        ('[[topic]]\nid = "newone"\naliases = ["x"]\n', 1, "needs a name"),
        ('[[topic]]\nid = "x"\nname = "X"\naliases = "not a list"\n', 1, "aliases"),
        ('[[topic]]\nid = "x"\nname = "X"\n\n[[topic]]\nid = "x"\nname = "Y"\n', 5, "defined twice"),
        ('[[topic]\nid = "x"\n', 1, "not valid TOML"),
    ],
)
def test_bad_topics_toml_gives_one_located_error_and_keeps_the_rest(tmp_path, text, line, words):
    path = write(tmp_path, text)
    diag = Diagnostics()
    topics = merge_topics(load_shipped(), path, diag)
    assert len(diag.errors) == 1
    error = diag.errors[0]
    assert error.file == str(path) and error.location == str(line) and words in error.message
    assert "backprop" in {t.id for t in topics}  # the shipped topics survive


def test_good_entries_of_a_file_with_a_bad_one_still_apply(tmp_path):
    path = write(
        tmp_path, '[[topic]]\nid = "a"\nname = "A"\naliases = ["aaa"]\n\n[[topic]]\nid = "b"\nbogus = 1\n'
    )
    diag = Diagnostics()
    assert "a" in {t.id for t in merge_topics(load_shipped(), path, diag)}
    assert len(diag.errors) == 1


def test_unknown_top_level_key_is_a_warning(tmp_path):
    path = write(tmp_path, 'title = "x"\n[[topic]]\nid = "a"\nname = "A"\n')
    diag = Diagnostics()
    merge_topics(load_shipped(), path, diag)
    assert len(diag.warnings) == 1 and "title" in diag.warnings[0].message
