"""Slide text → HTML: escaping, math (real KaTeX in V8), lists, tables, dollars that are not math."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from lecturekit.site.markup import TextRenderer
from lecturekit.site.math import shared_renderer
from lecturekit.site.provenance import page_ranges, short_source


@pytest.fixture
def renderer() -> TextRenderer:
    return TextRenderer(shared_renderer())


def test_site_markup_escapes_html_in_text(renderer):
    html = renderer.block('Title <script>alert(1)</script> & "quotes"\n- <img src=x onerror=alert(2)>')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in html


def test_site_markup_seed_math_renders(renderer):
    # Lines as they stand in seed 004 (the 2024 edition).
    text = (
        "$$\\text{Score}(x) = w_0 + w_1 x[1] + w_2 x[2] + \\dots + w_d x[d]$$\n"
        "- Rectified linear unit (ReLU) $g(x) = x^+ = \\max(0, x)$"
    )
    html = renderer.block(text)
    assert renderer.errors == []
    doc = lxml_html.fromstring(f"<div>{html}</div>")
    annotations = [a.text for a in doc.iter("annotation")]
    assert annotations == [
        "\\text{Score}(x) = w_0 + w_1 x[1] + w_2 x[2] + \\dots + w_d x[d]",
        "g(x) = x^+ = \\max(0, x)",
    ]
    assert doc.find_class("katex-display") and doc.find(".//li").text.startswith("Rectified linear unit")


def test_site_markup_bad_tex_is_code_and_an_error(renderer):
    html = renderer.inline("see $\\frac{1}{$ here")
    assert '<code class="tex tex-error"' in html and "$\\frac{1}{$" in html
    assert len(renderer.errors) == 1 and "bad TeX" in renderer.errors[0]


def test_site_markup_money_is_not_math(renderer):
    assert renderer.inline("costs $5 and $10 today") == "costs $5 and $10 today"
    assert renderer.errors == []


def test_site_markup_lists_tables_and_marks(renderer):
    html = renderer.block(
        "Intro line\n- one **bold**\n- two ~~not~~\n1. first\n2. second\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        "Book [Bengio et al](#) and [site](http://example.org)"
    )
    doc = lxml_html.fromstring(f"<div>{html}</div>")
    assert [li.text_content() for li in doc.iter("li")] == ["one bold", "two not", "first", "second"]
    assert doc.find(".//ul/li/strong").text == "bold" and doc.find(".//del").text == "not"
    assert [c.text for c in doc.iter("th")] == ["a", "b"] and [c.text for c in doc.iter("td")] == ["1", "2"]
    assert not list(doc.iter("a"))  # links in slide text become text: no live URL from the input
    assert "Bengio et al and site (http://example.org)" in doc.text_content()


def test_site_provenance_helpers():
    assert page_ranges([12, 13, 14, 20]) == "pp. 12–14, 20"
    assert page_ranges([3]) == "p. 3"
    assert short_source("001_9877fb9ea88e89b7.txt") == "001"
    assert short_source("lecture_3.pdf") == "lecture_3.pdf"


def test_site_markup_fenced_code_is_code_not_math_or_list(renderer):
    text = (
        "Training loop:\n```python\nfor x in batch:\n    - not a list $a$ <b>\n    cost = $5 + $6\n```\n"
        "- after the fence $x^2$"
    )
    html = renderer.block(text)
    doc = lxml_html.fromstring(f"<div>{html}</div>")
    code = doc.find(".//pre/code")
    assert code is not None and code.get("class") == "language-python"
    assert code.text == "for x in batch:\n    - not a list $a$ <b>\n    cost = $5 + $6"
    assert "```" not in doc.text_content()
    assert [li.text_content().startswith("after the fence") for li in doc.iter("li")] == [True]
    assert not code.find_class("katex") and len(doc.find_class("katex")) == 1


def test_site_markup_touching_tables_render_as_two(renderer):
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n| c | d |\n|---|---|\n| 3 | 4 |\n| 5 | 6 |"
    doc = lxml_html.fromstring(f"<div>{renderer.block(text)}</div>")
    tables = list(doc.iter("table"))
    assert len(tables) == 2
    assert [[c.text for c in t.iter("th")] for t in tables] == [["a", "b"], ["c", "d"]]
    assert [[c.text for c in t.iter("td")] for t in tables] == [["1", "2"], ["3", "4", "5", "6"]]
