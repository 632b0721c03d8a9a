"""QA regressions in normalizing: glyph bullets before terms, tesseract's "¢", garbled exercise options, math letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from cleaner_support import SEEDS, deck, text_page

from lecturekit.cleaner import clean_source
from lecturekit.cleaner.normalize import normalize_line, normalize_page
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.models import Method
from lecturekit.quiz.parse import parse_exercise

# QA 1: the OCR'd slide of /tmp/qa/tx/misc.txt; every token after the glyph is content.
MISC_OCR = [
    " Misc Items",
    "@ 3D convolution layers",
    "@ GPT4o is a model",
    "@ A/B testing matters",
    "o 1:1 meetings",
    "@ O(n) time",
    "© 2x speedup",
    "@ e.g. this",
    "@ L2 penalty on weights",
]


def test_terms_after_a_glyph_bullet_are_list_items_and_nothing_is_dropped():
    drafts = clean_source(deck("misc.txt", [MISC_OCR], method=Method.OCR)).drafts
    assert len(drafts) == 1
    assert drafts[0].body == [
        "- 3D convolution layers",
        "- GPT4o is a model",
        "- A/B testing matters",
        "- 1:1 meetings",
        "- O(n) time",
        "- 2x speedup",
        "- e.g. this",
        "- L2 penalty on weights",
    ]
    assert not drafts[0].removed


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("¢ Dr. Test Person", "- Dr. Test Person"),  # QA 19: tesseract reads "•" as "¢"
        ("¢ Momentum smooths the path", "- Momentum smooths the path"),
        ("» Adam adapts the learning rate", "- Adam adapts the learning rate"),
        ("@ A model with 100 million parameters", "- A model with 100 million parameters"),
        ("Q GPUs and TPUs", "- GPUs and TPUs"),
        ("© BackProp and AutoGrad", "- BackProp and AutoGrad"),
        ("¢ 42", "¢ 42"),  # no word follows: not a list item
    ],
)
def test_glyph_before_a_word_is_a_bullet(raw, clean):
    assert normalize_line(raw) == clean
    assert normalize_line(clean) == clean


def test_ocr_figure_junk_before_words_still_goes_with_a_record():
    lines = [
        "Hyper-parameter tuning methods",
        "O O=URO \\ Hyperparameters",
        "o o 0 o 7 on 2d uniform grid",
        "o o o 07 on 2d uniform grid",
        "o oWe o",
        "® o0 ° o~ Hyperparameters",
    ]
    page = normalize_page(text_page("001.txt", 21, lines, method=Method.OCR), True)
    assert page.texts == [
        "Hyper-parameter tuning methods",
        "Hyperparameters",
        "on 2d uniform grid",
        "on 2d uniform grid",
        "Hyperparameters",
    ]
    removed = [r.text for r in page.removed]
    assert "O O=URO \\" in removed and "o o 0 o 7" in removed and "o o o 07" in removed and "o oWe" in removed


ICE_OCR = [
    "|",
    "ICE #1",
    "Assume you are minimizing a function as follows:",
    "d",
    "F(0) = (aib? + bifi + ci)",
    "i=1",
    "What is the dimension of the gradient with a full-batch size and a",
    "batch-size of 8 (assume d > 8)",
    "O 3838",
    "Q@ ds",
    "Q138",
    "Q dd",
]


def test_garbled_options_on_an_exercise_slide_are_kept_as_read():
    draft = clean_source(deck("001.txt", [ICE_OCR], method=Method.OCR)).drafts[0]
    assert draft.title == "ICE #1"
    assert draft.body[-4:] == ["O 3838", "Q@ ds", "Q138", "Q dd"]
    parsed = parse_exercise("\n".join(draft.lines))
    assert len(parsed.options) == 4


def test_the_same_lines_on_a_content_slide_are_noise():
    lines = ["Grid search", "O 3838", "Q138", "- real point about grids"]
    page = normalize_page(text_page("001.txt", 5, lines, method=Method.OCR), True)
    assert page.texts == ["Grid search", "- real point about grids"]
    assert {r.text for r in page.removed} == {"O 3838", "Q138"}


def test_seed_001_ice_1_keeps_its_four_options():
    source = read_sources([SEEDS / "001_9877fb9ea88e89b7.txt"], IngestOptions(cache=False), Diagnostics())[0]
    ice = next(d for d in clean_source(source).drafts if d.title == "ICE #1")
    assert [line for line in ice.body if line[:1] in "OQ"] == ["O 3838", "Q@ ds", "Q138", "Q dd"]
    assert len(parse_exercise("\n".join(ice.lines)).options) == 4


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Weight regularization can help - ℓ_1, ℓ_2", "Weight regularization can help - ℓ_1, ℓ_2"),
        ("x ∈ ℝ^d and x² ≥ 0", "x ∈ ℝ^d and x² ≥ 0"),
        ("ﬁne-tuning with ＡＤＡＭ", "fine-tuning with ADAM"),  # ligatures and full-width forms still fold
    ],
)
def test_nfkc_keeps_math_letters_and_superscripts(raw, clean):
    assert normalize_line(raw) == clean
    assert normalize_line(clean) == clean


def test_seed_004_keeps_script_l():
    text = (Path(SEEDS) / "004_6907600352c4fa8e.txt").read_text(encoding="utf-8")
    assert "ℓ_1, ℓ_2" in text
    source = read_sources([SEEDS / "004_6907600352c4fa8e.txt"], IngestOptions(cache=False), Diagnostics())[0]
    lines = [line for d in clean_source(source).drafts for line in d.lines]
    assert any("ℓ_1, ℓ_2" in line for line in lines) and not any("l_1, l_2" in line for line in lines)


def test_figure_letters_after_a_label_go_but_an_answer_key_stays():
    lines = ["Hyper-parameter tuning methods", "Grid search: O T FO", "Answers: A C", "Options: use A or B"]
    page = normalize_page(text_page("001.txt", 22, lines, method=Method.OCR), True)
    assert page.texts == [
        "Hyper-parameter tuning methods",
        "Grid search:",
        "Answers: A C",
        "Options: use A or B",
    ]
    assert [(r.text, r.detail) for r in page.removed] == [("O T FO", "OCR glyphs after the last word")]
