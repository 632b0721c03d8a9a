"""The browser quiz for true/false, short-answer, numeric, matching and weighted questions, by keyboard and mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_support import build, load_fixture_course

from lecturekit.errors import Diagnostics
from lecturekit.quiz.formats import gift

pytestmark = pytest.mark.browser

TYPES_GIFT = r"""::tf:: The Earth orbits the Sun. {T}

::short:: Which planet is the red one? {=Mars =%50%the red planet}

::num:: What is $g$ in m/s²? {#9.81:0.05}

::match:: Match the unit to the quantity. {=newton -> force =joule -> energy =watt -> power}
"""


@pytest.fixture(scope="module")
def types_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = load_fixture_course()
    lecture = course.lectures[0].id
    questions = gift.read(TYPES_GIFT, f"{lecture}.gift", Diagnostics())
    course.questions = [*course.questions, *[q.model_copy(update={"lecture": lecture}) for q in questions]]
    out = tmp_path_factory.mktemp("types-site") / "site"
    build(course, out)
    return out / f"quiz-{lecture}.html"


def form(page, label: str):
    return page.locator("form.question", has=page.locator(".qlabel", has_text=label))


def test_typed_questions_by_mouse(chromium, types_site: Path) -> None:
    page = chromium.new_page()
    page.goto(types_site.as_uri())
    tf = form(page, "tf")
    tf.locator("label", has_text="True").click()
    tf.locator("button.check").click()
    assert tf.locator(".feedback").inner_text() == "Right."
    short = form(page, "short")
    short.locator("input.typed").fill("  MARS ")
    short.locator("button.check").click()
    assert short.locator(".feedback").inner_text() == "Right."
    num = form(page, "num")
    num.locator("input.typed").fill("ten")
    num.locator("button.check").click()
    assert num.locator(".feedback").inner_text().startswith("Type a number")
    num.locator("input.typed").fill("9.7")
    num.locator("button.check").click()
    assert num.locator(".feedback").inner_text() == "Not quite. The answer: 9.81 ± 0.05."
    match = form(page, "match")
    for row, right in enumerate(["force", "energy", "power"], 1):
        match.locator(f"select >> nth={row - 1}").select_option(right)
    match.locator("button.check").click()
    assert match.locator(".feedback").inner_text() == "Right."
    page.reload()  # answers kept in the browser
    assert form(page, "short").locator("input.typed").input_value() == "  MARS ".strip()
    assert form(page, "match").locator(".feedback").inner_text() == "Right."
    page.close()


def test_typed_questions_by_keyboard(chromium, types_site: Path) -> None:
    page = chromium.new_page()
    page.goto(types_site.as_uri())
    num = form(page, "num")
    num.locator("input.typed").focus()
    page.keyboard.type("9,83")
    page.keyboard.press("Enter")  # Enter submits the form
    assert num.locator(".feedback").inner_text() == "Right."
    match = form(page, "match")
    match.locator("select >> nth=0").focus()
    for key in ["energy", "force", "power"]:  # wrong order on purpose
        page.keyboard.type(key[:3])
        page.keyboard.press("Tab")
    match.locator("button.check").focus()
    page.keyboard.press("Enter")
    assert match.locator(".feedback").inner_text().startswith("Not quite. The answer: newton → force")
    page.close()
