"""Parser tests: every option marker style, keys written in the source, and the seed text as it is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_support import MD_2024, OCR_2026, TEXT_2026, seed_passage

from lecturekit.quiz.markers import read_option, split_inline
from lecturekit.quiz.model import MarkerStyle
from lecturekit.quiz.parse import parse_exercise

STEM = "Which optimiser adapts a learning rate per parameter?"
TEXTS = ["SGD", "Adagrad", "ADAM", "Momentum"]


def options_of(text: str) -> list[str]:
    return [o.text for o in parse_exercise(text).options]


@pytest.mark.parametrize(
    ("markers", "style"),
    [
        (["1 ", "2 ", "3 ", "4 "], MarkerStyle.DIGIT),
        (["1. ", "2. ", "3. ", "4. "], MarkerStyle.DIGIT),
        (["1) ", "2) ", "3) ", "4) "], MarkerStyle.DIGIT),
        (["a) ", "b) ", "c) ", "d) "], MarkerStyle.LETTER),
        (["A. ", "B. ", "C. ", "D. "], MarkerStyle.LETTER),
        (["(a) ", "(b) ", "(c) ", "(d) "], MarkerStyle.LETTER),
        (["① ", "② ", "③ ", "④ "], MarkerStyle.CIRCLED),
        (["- ① ", "- ② ", "- ③ ", "- ④ "], MarkerStyle.CIRCLED),
        (["@ ", "© ", "O ", "Q "], MarkerStyle.GLYPH),
        (["o ", "@ ", "© ", "@ "], MarkerStyle.GLYPH),
        (["- ", "- ", "- ", "- "], MarkerStyle.GLYPH),
        (["• ", "• ", "• ", "• "], MarkerStyle.GLYPH),
    ],
)
def test_each_marker_style_one_option_per_line(markers: list[str], style: MarkerStyle) -> None:
    text = STEM + "\n\n" + "\n".join(m + t for m, t in zip(markers, TEXTS, strict=False))
    parsed = parse_exercise(text)
    assert parsed.stem == STEM
    assert [o.text for o in parsed.options] == TEXTS
    assert [o.key for o in parsed.options] == ["1", "2", "3", "4"]
    assert parsed.style is style


@pytest.mark.parametrize(
    "line",
    [
        "1 SGD 2 Adagrad 3 ADAM 4 Momentum",
        "a) SGD b) Adagrad c) ADAM d) Momentum",
        "A. SGD B. Adagrad C. ADAM D. Momentum",
        "①SGD ②Adagrad ③ADAM ④Momentum",
        "1) SGD 2) Adagrad 3) ADAM 4) Momentum",
    ],
)
def test_options_all_on_one_line(line: str) -> None:
    assert options_of(f"{STEM}\n{line}") == TEXTS


@pytest.mark.parametrize(
    "options",
    [
        "a) MSE b) Cross-entropy c) Hinge",
        "1) MSE 2) Cross-entropy 3) Hinge",
        "(a) MSE (b) Cross-entropy (c) Hinge",
        "A. MSE B. Cross-entropy C. Hinge",
        "1. MSE 2. Cross-entropy 3. Hinge",
    ],
)
def test_options_on_the_stem_line(options: str) -> None:
    # QA 8: "Quiz 4 / Pick the loss…: a) MSE b) …" became a discussion prompt with no options.
    parsed = parse_exercise(f"Pick the loss for classification: {options}\nAnswer: b")
    assert parsed.stem == "Pick the loss for classification:"
    assert [o.text for o in parsed.options] == ["MSE", "Cross-entropy", "Hinge"] and parsed.answer == ["2"]
    heading_rest = parse_exercise(f"Which loss? {options}")  # "ICE #1: Which loss? a) … b) …" on one line
    assert heading_rest.stem == "Which loss?" and len(heading_rest.options) == 3


def test_prose_with_letters_is_not_split_into_options() -> None:
    for text in [
        "Plan A. Then plan B. Then go home.",
        "We saw a) last week; see b)",
        "Option a) alone is fine",
    ]:
        parsed = parse_exercise(text)
        assert parsed.options == [] and parsed.stem == text, text
    # after the options start, "a) … b) …" inside an option is the option's text
    assert options_of("Which?\n1) use a) then b) x\n2) neither") == ["use a) then b) x", "neither"]


def test_wrapped_option_continues_on_next_line() -> None:
    text = f"{STEM}\n1) Stochastic gradient descent with a fixed\nlearning rate\n2) ADAM"
    assert options_of(text) == ["Stochastic gradient descent with a fixed learning rate", "ADAM"]


def test_option_run_stops_at_a_repeated_key_or_a_new_heading() -> None:
    # A cleaner's union of builds can put the next slide's list right after the ICE's options.
    text = f"{STEM}\n① SGD\n② ADAM\nHyper-parameters\n① Learning rate\n② Batch size"
    assert options_of(text) == ["SGD", "ADAM"]
    assert options_of(f"{STEM}\n1) SGD\n2) ADAM\n1) Learning rate") == ["SGD", "ADAM"]


def test_numbers_in_the_stem_do_not_become_options() -> None:
    text = "A model has\n2\nlayers and 8 inputs. How many weights?\n1 16\n2 10"
    parsed = parse_exercise(text)
    assert parsed.stem.startswith("A model has\n2\nlayers")
    assert options_of(text) == ["16", "10"]


def test_single_bare_number_line_is_stem_not_option() -> None:
    parsed = parse_exercise("1 million parameters and 100k examples: what happens?")
    assert parsed.options == [] and parsed.stem.startswith("1 million")


@pytest.mark.parametrize(
    "wording",
    [
        "Select all that apply",
        "select ALL that apply.",
        "Choose all that apply",
        "(one or more answers are correct)",
        "Check all that apply",
    ],
)
def test_select_all_wording_makes_multi_select(wording: str) -> None:
    assert parse_exercise(f"What powers learning? {wording}\n1 Data\n2 SGD").multiple
    assert not parse_exercise("What powers learning?\n1 Data\n2 SGD").multiple


def test_struck_words_stay_struck() -> None:
    assert (
        parse_exercise("Which is ~~not~~ a hyper-parameter?\n1) a\n2) b").stem
        == "Which is ~~not~~ a hyper-parameter?"
    )
    combining = "Which is n\u0336o\u0336t\u0336 a hyper-parameter?\n1) a\n2) b"
    assert parse_exercise(combining).stem == "Which is ~~not~~ a hyper-parameter?"


def test_math_in_stem_kept_as_math() -> None:
    text = "Minimise $f(\\theta) = \\sum_{i=1}^d a_i \\theta_i^2$. Gradient size?\n$$\\nabla f \\in ?$$\n1) $d$\n2) $1$"
    parsed = parse_exercise(text)
    assert (
        "$f(\\theta) = \\sum_{i=1}^d a_i \\theta_i^2$" in parsed.stem
        and "$$\\nabla f \\in ?$$" in parsed.stem
    )
    assert options_of(text) == ["$d$", "$1$"]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (f"{STEM}\n1) SGD\n*2) Adagrad\n3) ADAM", ["2"]),
        (f"{STEM}\n1) SGD\n2) Adagrad *\n3) ADAM", ["2"]),
        (f"{STEM}\n- [ ] SGD\n- [x] Adagrad\n- [x] ADAM", ["2", "3"]),
        (f"{STEM}\n1) SGD\n2) Adagrad\n3) ADAM\nAnswer: 2", ["2"]),
        (f"{STEM}\na) SGD\nb) Adagrad\nc) ADAM\nAnswer: b", ["2"]),
        (f"{STEM}\n1) SGD\n2) Adagrad\n3) ADAM\nAnswer: Adagrad", ["2"]),
        (f"{STEM} Select all that apply\n1) SGD\n2) Adagrad\n3) ADAM\nCorrect answers: 2, 3", ["2", "3"]),
    ],
)
def test_keys_written_in_the_source(text: str, answer: list[str]) -> None:
    parsed = parse_exercise(text)
    assert parsed.answer == answer
    assert [o.text for o in parsed.options] == ["SGD", "Adagrad", "ADAM"]


def test_unreadable_answer_line_flags_ambiguous() -> None:
    parsed = parse_exercise(f"{STEM}\n1) SGD\n2) ADAM\nAnswer: 7")
    assert parsed.answer is None and "ambiguous" in parsed.flags


def test_prompt_without_options_has_none() -> None:
    parsed = parse_exercise("Auto-complete — 5 mins\n\nHow would you model this? What data would you use?")
    assert parsed.options == [] and parsed.stem.startswith("Auto-complete")


def test_html_in_stem_and_options_kept_as_text() -> None:
    parsed = parse_exercise("Is <script>alert(1)</script> safe?\n1) <b>yes</b>\n2) no & never")
    assert parsed.stem == "Is <script>alert(1)</script> safe?"
    assert options_of("Q?\n1) <b>yes</b>\n2) no & never") == ["<b>yes</b>", "no & never"]


def test_ocr_glyph_fused_to_text_is_flagged_garbled() -> None:
    option = read_option("Q138")
    assert option is not None and option.doubts == ["glyph fused to text"]
    assert read_option("Q@ ds").doubts == ["double glyph"]
    assert read_option("Quantisation is lossy") is None


def test_split_inline_keeps_a_single_option() -> None:
    assert split_inline("1 Lower compute requirement") == ["1 Lower compute requirement"]


# ---------------------------------------------------------------- the seed text as it is


def test_seed_000_ice_1_options_and_formula_kept() -> None:
    text = seed_passage(TEXT_2026, "ICE #1", "ICE #2").split("\n", 1)[1]
    parsed = parse_exercise(text)
    assert options_of(text) == ["8,8", "d,8", "1,8", "d,d"]
    # see test_quiz_mathflow
    assert "$f(\\theta) = \\sum_{i=1}^{d} (a_i\\theta_i^2 + b_i\\theta_i + c_i)$" in parsed.stem
    assert "batch-size of 8 (assume d > 8)" in parsed.stem
    assert not parsed.multiple and parsed.flags == []


def test_seed_000_ice_2_and_ice_3() -> None:
    ice2 = seed_passage(TEXT_2026, "ICE #2", "Forward Propagation").split("\n", 1)[1]
    assert options_of(ice2) == [
        "Lower compute requirement",
        "Lower memory requirement",
        "Better accuracy",
        "Safer model",
    ]
    ice3 = parse_exercise(seed_passage(TEXT_2026, "ICE #3", "Good vs Bad").split("\n", 1)[1])
    assert ice3.multiple and len(ice3.options) == 4 and ice3.options[3].text == "Reinforcement learning"


def test_seed_001_ocr_ice_1_is_garbled_and_flagged() -> None:
    text = seed_passage(OCR_2026, "ICE #1", "ICE 42").split("\n", 1)[1]
    parsed = parse_exercise(text)
    assert [o.text for o in parsed.options] == ["3838", "ds", "138", "dd"]  # kept as read
    # "Q@ ds" and "Q138" are mangled markers; "O 3838" and "Q dd" hold no word either (were not flagged: QA 9)
    assert [o.garbled for o in parsed.options] == [True, True, True, True]
    assert parsed.flags == ["garbled"] and parsed.style is MarkerStyle.GLYPH


def test_ocr_options_with_words_or_without_doubts_are_not_garbled() -> None:
    clean_numbers = parse_exercise("How many layers?\nO 2\nO 4\nO 8")
    assert [o.garbled for o in clean_numbers.options] == [False, False, False] and clean_numbers.flags == []
    one_mangled = parse_exercise(
        "What powers it?\n@ High-quality data\n@ SGD\n@@ GPUs\n@ Reinforcement learning"
    )
    assert [o.garbled for o in one_mangled.options] == [
        False,
        False,
        True,
        False,
    ]  # SGD is an acronym, not noise
    typed = parse_exercise("Pick\n- 3838\n- Q138\n- dd")  # typed bullets: not an OCR reading
    assert [o.text for o in typed.options] == ["3838", "Q138", "dd"] and not any(
        o.garbled for o in typed.options
    )
    ocr_pages = parse_exercise("Pick\n- 3838\n- dd\n- x ¤¤ §§ ¶¶", ocr_source=True)
    assert [o.garbled for o in ocr_pages.options] == [True, True, True]


def test_seed_001_ocr_radio_glyph_options() -> None:
    ice2 = seed_passage(OCR_2026, "ICE 42", "Forward Propagation").split("\n", 1)[1]
    assert options_of(ice2) == [
        "Lower compute requirement",
        "Lower memory requirement",
        "Better accuracy",
        "Safer model",
    ]
    ice3 = parse_exercise(seed_passage(OCR_2026, "ICE #3", "Good vs Bad").split("\n", 1)[1])
    assert ice3.multiple and [o.text for o in ice3.options][:2] == [
        "High-quality data for fine-tuning",
        "SGD",
    ]


def test_seed_004_circled_options_and_struck_not() -> None:
    passage = seed_passage(MD_2024, "ICE #1", "Hyper-parameters in Deep Learning")
    parsed = parse_exercise(passage.split(":", 1)[1])
    assert parsed.stem == "Which of the following is ~~not~~ a hyper-parameter in deep learning?"
    assert [o.text for o in parsed.options] == [
        "Learning rate",
        "Number of Hidden Layers",
        "Number of neurons per hidden layer",
        "All of the above",
    ]
    assert parsed.style is MarkerStyle.CIRCLED


def test_seed_004_breakout_is_an_open_prompt() -> None:
    parsed = parse_exercise(seed_passage(MD_2024, "Breakouts Time #1").split("\n", 1)[1])
    assert parsed.options == [] and "auto-completion application" in parsed.stem


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parser_never_raises_on_arbitrary_text(text: str) -> None:
    parsed = parse_exercise(text)
    assert all(o.key.isdigit() for o in parsed.options)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1 ", "2) ", "a) ", "①", "@ ", "Q", "- [x] ", "Answer: ", "*", "~~", "\n", " ", "x", "ICE #2"]
        ),
        max_size=40,
    )
)
def test_parser_never_raises_on_marker_soup(parts: list[str]) -> None:
    parse_exercise("".join(parts))
