"""The caches behind incremental builds, one by one: topic tags, KaTeX started on demand, example inputs."""

from __future__ import annotations

from pathlib import Path

from synthetic_course import synthetic_course

from lecturekit.cache import Cache
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions
from lecturekit.pipeline import bundled_seeds, load_course
from lecturekit.site import SiteOptions, build_site, examplecache, render
from lecturekit.topics import matcher, tagcache
from lecturekit.topics.taxonomy import load_shipped

SEED_TEXTS = [  # (title, body) as the seed slides have them
    (
        "Training a DNN",
        "SGD with mini-batch\n\nSGD mini-batch is the staple diet. However there are some learning rate\n"
        "schedulers that are known to work better for DNNs - Such as Adagrad\nand more recently, ADAM.",
    ),
    ("Back Propagation Summary", "Back prop is one of the fundamental backbones of the training modules"),
    ("Over-fitting in DNNs", "- ④ Dropouts!\n- ② Weight regularization can help - ℓ_1, ℓ_2"),
]


def test_cached_tags_equal_the_matchers_and_a_hit_needs_no_spacy(tmp_path):
    topics = load_shipped()
    direct = [tagcache.weigh(matcher.TopicMatcher(topics), title, body) for title, body in SEED_TEXTS]
    first = tagcache.CachedTagger(topics, Cache("topic-tags", tmp_path))
    assert first.tag_texts(SEED_TEXTS) == direct and first.tagged == 3
    assert {"sgd", "adam"} <= {tag.topic for tag in direct[0]} and direct[2][0].topic == "overfitting"
    again = tagcache.CachedTagger(topics, Cache("topic-tags", tmp_path))
    assert again.tag_texts(SEED_TEXTS) == direct and again.tagged == 0 and again._matcher is None


def test_changed_aliases_or_texts_are_tagged_again(tmp_path):
    topics = load_shipped()
    tagcache.CachedTagger(topics, Cache("topic-tags", tmp_path)).tag_texts(SEED_TEXTS)
    renamed = [
        t.model_copy(update={"aliases": [*t.aliases, "staple diet"]}) if t.id == "sgd" else t for t in topics
    ]
    other = tagcache.CachedTagger(renamed, Cache("topic-tags", tmp_path))
    assert other.fingerprint != tagcache.matcher_fingerprint(topics)
    tags = other.tag_texts(SEED_TEXTS)
    assert other.tagged == 3 and [t.topic for t in tags[0]].count("sgd") == 1
    edited = tagcache.CachedTagger(topics, Cache("topic-tags", tmp_path))
    edited.tag_texts([*SEED_TEXTS[:2], ("Over-fitting in DNNs", "- Early stopping")])
    assert edited.tagged == 3  # one batch per lecture: an edited slide re-tags its lecture's batch


def _count_katex_starts(monkeypatch) -> list[int]:
    starts: list[int] = []
    original = render.shared_renderer
    monkeypatch.setattr(render, "shared_renderer", lambda: starts.append(1) or original())
    return starts


def test_katex_starts_only_for_a_page_with_math(tmp_path, monkeypatch):
    starts = _count_katex_starts(monkeypatch)
    plain = synthetic_course(2, 4)  # formulas come every fifth slide: none here
    assert "$" not in "".join(s.text for lec in plain.lectures for s in lec.slides)
    build_site(plain, tmp_path / "plain", Diagnostics())
    assert starts == []
    with_math = synthetic_course(2, 5)
    build_site(with_math, tmp_path / "math", Diagnostics())
    assert starts == [1] and "katex" in (tmp_path / "math" / "lecture-L001.html").read_text(encoding="utf-8")


def test_example_inputs_are_made_once_per_build_and_reused_across_builds(small_course, tmp_path, monkeypatch):
    made: list[str] = []
    original = examplecache.build_notebook
    monkeypatch.setattr(
        examplecache, "build_notebook", lambda ex, diag: made.append(ex.name) or original(ex, diag)
    )
    course = load_course([small_course], IngestOptions(), Diagnostics())
    options = SiteOptions(cache_dir=str(tmp_path / "cache"))
    build_site(course, tmp_path / "one", Diagnostics(), options)
    assert sorted(made) == ["autodiff_engine", "cnn_filters"]  # each once, however many topic pages show it
    made.clear()
    build_site(course, tmp_path / "two", Diagnostics(), options)
    build_site(course, tmp_path / "three", Diagnostics(), SiteOptions(cache=False))
    assert sorted(made) == [
        "autodiff_engine",
        "cnn_filters",
    ]  # the cached build made none, the uncached one both
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in Path(root).rglob("*") if p.is_file()}  # noqa: E731
    assert files(tmp_path / "one") == files(tmp_path / "two") == files(tmp_path / "three")


def test_seed_course_builds_the_same_with_and_without_caches(tmp_path, monkeypatch):
    first = load_course([bundled_seeds()], IngestOptions(), Diagnostics())
    warm = load_course([bundled_seeds()], IngestOptions(), Diagnostics())
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "empty"))
    cold = load_course([bundled_seeds()], IngestOptions(cache=False), Diagnostics())
    assert first == warm == cold
    assert any(s.topics for lec in cold.lectures for s in lec.slides) and cold.examples
    tagged = {tag.topic for lec in cold.lectures for s in lec.slides for tag in s.topics}
    assert {"sgd", "backprop"} <= tagged <= {t.id for t in cold.topics}
