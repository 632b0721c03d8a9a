"""The spaCy matcher on real seed sentences: inflections, hyphen/space variants, no hits inside other words."""

from __future__ import annotations

import pytest
from topics_support import seed_sentence

from lecturekit.models import Topic
from lecturekit.topics.matcher import TopicMatcher
from lecturekit.topics.spelling import spelling_variants


def topics_in(matcher: TopicMatcher, text: str) -> set[str]:
    return {mention.topic for mention in matcher.find(text)}


@pytest.mark.parametrize(
    "seed, sentence, expected",
    [
        ("2024-md", "④ Dropouts!", {"dropout"}),
        ("2026-text", "Back-propagation!", {"backprop"}),
        ("2024-md", "4. **back-propagate error:** for each unit g_j", {"backprop"}),
        (
            "2026-text",
            "Back prop is how we would compute the gradient in\na neural network.",
            {"backprop", "gradient-descent"},
        ),
        ("2024-md", "AutoGrad uses BackProp", {"autodiff", "backprop"}),
        ("2026-text", "SGD mini-batch is the staple diet.", {"sgd"}),
        ("2026-text", "However there are some learning rate\nschedulers", {"learning-rate", "lr-schedule"}),
        ("2024-md", "Over-fitting in DNNs", {"overfitting"}),
        ("2024-md", "will overfit unless we take care of over-fitting", {"overfitting"}),
        ("2024-md", "Early stopping is also a great strategy!", {"early-stopping"}),
        ("2024-md", "Leaky ReLU", {"activation-functions"}),
        ("2026-ocr", "@ Type of non-linear activation function used", {"activation-functions"}),
        ("2026-ocr", "© Batch-Size", {"batch-size"}),
        ("2026-ocr", "Bayesian Optimization:", {"hyperparameter-search"}),
        ("2024-md", "Hyper-parameter tuning methods", {"hyperparameter-search", "hyperparameters"}),
        ("2024-md", "Hyperparameters\non 2d uniform grid", {"hyperparameters"}),
        ("2024-md", "XOR through Multi-layer perceptron", {"mlp-xor", "perceptron"}),
        ("2024-md", "Sequence to Sequence Model (LSTM) Applications", {"rnn"}),
        ("2024-md", "Deep Learning, Embeddings and Vector Search", {"embeddings"}),
        ("2026-text", "Good vs Bad Local minima", {"loss-landscape"}),
        ("2025-zoom", "he suggested starting with multiple initializations", {"initialization"}),
        ("2025-zoom", "citing the universal approximation theorem", {"universal-approximation"}),
        (
            "2025-zoom",
            "introduced the idea of learning rate scheduling and momentum",
            {"learning-rate", "lr-schedule", "momentum"},
        ),
        ("2020-notes", "Reverse mode exploits chain rule in differentiation.", {"autodiff"}),
        ("2026-text", "fine-tuning the parameters of\nan LLM in post-training", {"fine-tuning"}),
    ],
)
def test_seed_sentences_find_their_topics(matcher, seed, sentence, expected):
    assert topics_in(matcher, seed_sentence(seed, sentence)) == expected


def test_inflected_forms_match_on_lemmas(matcher):
    # plural nouns, verb forms and hyphenated verbs the lecture text uses or could use
    assert topics_in(matcher, "two learning rates") == {"learning-rate"}
    assert topics_in(matcher, "errors are back-propagated") == {"backprop"}
    assert topics_in(matcher, "the error is backpropagated") == {"backprop"}
    assert topics_in(matcher, "stacked LSTMs and CNNs") == {"rnn", "cnn"}
    assert topics_in(matcher, "sentence embeddings") == {"embeddings"}


@pytest.mark.parametrize(
    "spelling",
    [
        "back-propagation",
        "back propagation",
        "backpropagation",
        "Backprop",
        "back prop",
        "back-prop",
        "BACK PROP",
        "Back-\npropagation",
    ],
)
def test_hyphen_space_and_case_variants_of_backprop(matcher, spelling):
    assert topics_in(matcher, f"We use {spelling} here.") == {"backprop"}


@pytest.mark.parametrize(
    "text",
    [
        "a backpropagator object",
        "the Backpropper class",
        "adamant students",
        "a reluctant reviewer",
        "dropoutrate",
        "hyperparametric family",
        "the embeddingsize",
        "Michael :- M 11am?",
    ],
)
def test_no_false_hit_inside_unrelated_words(matcher, text):
    assert topics_in(matcher, text) == set()


def test_lr_in_2024_slide_means_logistic_regression_not_learning_rate(matcher):
    assert topics_in(matcher, seed_sentence("2024-md", "LR represented Graphically")) == set()


def test_overlapping_aliases_of_one_topic_count_once(matcher):
    mentions = matcher.find("Sequence to Sequence Model")
    assert [(m.topic, m.text) for m in mentions] == [("rnn", "Sequence to Sequence")]


def test_mentions_carry_offsets_into_the_text(matcher):
    text = seed_sentence("2026-text", "ADAM adapts the learning rate to each\nindividual parameter")
    found = {(m.topic, text[m.start : m.end]) for m in matcher.find(text)}
    assert found == {("adam", "ADAM"), ("learning-rate", "learning rate")}


def test_spelling_variants_cover_hyphen_space_and_closed_forms():
    assert spelling_variants("back-propagation") == [
        "back propagation",
        "back-propagation",
        "backpropagation",
    ]
    assert spelling_variants("back prop") == ["back prop", "back-prop", "backprop"]
    assert spelling_variants("dropout") == ["dropout"]


def test_a_course_alias_becomes_matchable():
    custom = TopicMatcher(
        [Topic(id="attention", name="Attention", aliases=["self-attention", "attention head"])]
    )
    assert {m.topic for m in custom.find("multi-head self attention with 8 attention heads")} == {"attention"}
    assert len(custom.find("selfattention and self-attention")) == 2
