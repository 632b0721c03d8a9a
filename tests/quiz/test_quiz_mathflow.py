"""Formulas a PDF text layer broke over lines: joined into one line, a sum with limits rebuilt as TeX."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_support import TEXT_2026, seed_passage

from lecturekit.cleaner.mathflow import reflow_math
from lecturekit.quiz.parse import parse_exercise
from lecturekit.site.math import shared_renderer

SEED_TEX = r"$f(\theta) = \sum_{i=1}^{d} (a_i\theta_i^2 + b_i\theta_i + c_i)$"


def test_seed_000_ice_1_formula_becomes_tex_that_katex_renders() -> None:
    # QA 5: the stem carried "f (θ) =", "d∑", "i=1", "(aiθ", "2", "i + biθi + ci )" as six lines.
    text = seed_passage(TEXT_2026, "ICE #1", "ICE #2").split("\n", 1)[1]
    parsed = parse_exercise(text)
    assert parsed.stem == "\n".join(
        [
            "Assume you are minimizing a function as follows:",
            "",
            SEED_TEX,
            "",
            "What is the dimension of the gradient with a full-batch size and a",
            "batch-size of 8 (assume d > 8)",
        ]
    )
    rendered = shared_renderer().render(SEED_TEX.strip("$"), False)
    assert rendered.ok, rendered.error
    assert "∑" in rendered.html and "θ" in rendered.html


def test_other_sums_laid_out_the_same_way() -> None:
    squared = reflow_math(["Minimise", "L(w) =", "n∑", "k=1", "(wk − yk)", "2", "over w."])
    assert squared == ["Minimise", r"$L(w) = \sum_{k=1}^{n} (w_k - y_k)^2$", "over w."]
    product = reflow_math(["p(x) =", "N∏", "j=1", "πj"])
    assert product == [r"$p(x) = \prod_{j=1}^{N} \pi_j$"]
    for tex in (squared[1], product[0]):
        assert shared_renderer().render(tex.strip("$"), False).ok


def test_math_fragments_without_a_sum_are_only_joined() -> None:
    assert reflow_math(["so that", "x =", "y + 1", "holds."]) == ["so that", "x = y + 1", "holds."]
    assert reflow_math(["y =", "∑", "x"]) == ["y = ∑ x"]  # a sum without limits: no guessing


@pytest.mark.parametrize(
    "lines",
    [
        ["A model has", "2", "layers and 8 inputs. How many weights?"],  # a lone number in prose
        [
            "What is the dimension of the gradient with a full-batch size and a",
            "batch-size of 8 (assume d > 8)",
        ],
        ["Minimise $f(\\theta) = \\theta^2$", "$$\\nabla f$$"],  # already TeX
        ["Step 1", "Step 2"],  # short lines, but words and no math symbol
    ],
)
def test_prose_and_tex_lines_are_left_alone(lines: list[str]) -> None:
    assert reflow_math(lines) == lines


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcdiknxyθπ∑∏=+−-()12 \n", max_size=12), max_size=10))
def test_reflow_never_raises_and_keeps_prose_lines(lines: list[str]) -> None:
    lines = [line for chunk in lines for line in chunk.split("\n")]
    result = reflow_math([*lines, "Which answer is right?"])
    assert result[-1] == "Which answer is right?" and len(result) <= len(lines) + 1


def test_fragments_with_tex_special_characters_are_only_joined() -> None:
    assert reflow_math(["y =", "d∑", "i=1", "x^i #"]) == ["y = d∑ i=1 x^i #"]
