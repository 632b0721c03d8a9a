"""The bundled demo course (seeds/) built by `lecturekit build` and used in real headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from test_site_a11y import AXE, serious_violations

from lecturekit.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """`lecturekit build --demo --out DIR`: the bundled seeds."""
    work = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LECTUREKIT_CACHE", str(work / "cache"))
        result = CliRunner().invoke(main, ["build", "--demo", "--out", str(work / "site")])
    assert result.exit_code == 0, result.output
    return work / "site"


@pytest.fixture
def page(chromium):
    ctx = chromium.new_context(accept_downloads=True)
    outside: list[str] = []
    dialogs: list[str] = []

    def record(route):
        if not route.request.url.startswith(("file://", "data:", "blob:")):
            outside.append(route.request.url)
        route.continue_()

    ctx.route("**/*", record)
    tab = ctx.new_page()
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield tab
    ctx.close()
    assert outside == [], "requests left the machine"
    assert dialogs == [], "a dialog opened"


def test_site_demo_pages(demo):
    names = {p.name for p in demo.glob("*.html")}
    assert {
        "index.html",
        "lecture-2026-01-14.html",
        "lecture-2024-01-11.html",
        "practice.html",
        "topics.html",
    } <= names
    assert {"notes-2025-02-03.html", "notes-2020-10-13.html"} <= names  # seeds 002 and 003 are notes
    doc = lxml_html.fromstring((demo / "lecture-2026-01-14.html").read_bytes())
    edition = doc.find_class("edition")
    assert edition and "lecture-2024-01-11.html" in [a.get("href") for a in edition[0].iter("a")]
    for name in sorted(names):
        page_doc = lxml_html.fromstring((demo / name).read_bytes())
        for el in page_doc.iter():
            for attr in ("src", "href"):
                assert not re.match(r"^(https?:)?//", el.get(attr) or ""), f"{name}: {el.get(attr)}"


def keyed_questions(page) -> list[tuple[str, list[str], list[str]]]:
    """(form id, answer keys, all option keys) of every graded question on the page."""
    return page.eval_on_selector_all(
        'form.question[data-keyed="true"]',
        "els => els.map(e => [e.id, JSON.parse(e.dataset.answer), [...e.querySelectorAll('input')].map(i => i.value)])",
    )


def test_site_demo_quiz_right_wrong_and_kept(demo, page):
    page.goto((demo / "quiz-2026-01-14.html").as_uri())
    questions = keyed_questions(page)
    assert len(questions) >= 2
    (right_id, right_key, _), (wrong_id, wrong_key, options) = questions[0], questions[1]
    for key in right_key:
        page.check(f"#{right_id} input[value='{key}']")
    page.click(f"#{right_id} button.check")
    assert page.inner_text(f"#{right_id} .feedback") == "Right."
    wrong = next(k for k in options if k not in wrong_key)
    page.check(f"#{wrong_id} input[value='{wrong}']")
    page.click(f"#{wrong_id} button.check")
    assert page.inner_text(f"#{wrong_id} .feedback").startswith("Not quite")
    assert page.is_visible(f"#{wrong_id} .review-link") or page.is_visible(f"#{wrong_id} .explanation")
    page.reload()
    assert page.inner_text(".score-right") == "1"


def test_site_demo_search_reaches_a_slide(demo, page):
    page.goto((demo / "index.html").as_uri())
    page.fill("#search-box", "batch size")
    page.wait_for_selector("#search-results a")
    href = page.get_attribute("#search-results a", "href")
    assert "#slide-" in href
    page.click("#search-results a")
    page.wait_for_url("**/" + href)
    assert page.is_visible("#" + href.split("#")[1])


def test_site_demo_math_and_topic_page_with_notebook(demo, page):
    page.goto((demo / "lecture-2024-01-11.html").as_uri())
    assert page.locator(".katex").count() >= 5
    assert page.evaluate("document.fonts.ready.then(() => document.fonts.check('16px KaTeX_Main'))")
    page.goto((demo / "lecture-2026-01-14.html").as_uri())
    page.click('a.topic-tag[href="topic-backprop.html"] >> nth=0')
    page.wait_for_url("**/topic-backprop.html")
    example = page.locator("section.example").first
    assert "def " in example.locator(".highlight").inner_text()
    assert example.locator(".output").inner_text().strip()
    assert example.locator(".command").inner_text().startswith("lecturekit run ")
    with page.expect_download() as info:
        example.locator('a[data-file="ipynb"]').click()
    notebook = nbformat.reads(Path(info.value.path()).read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(notebook)
    assert any(cell.cell_type == "code" for cell in notebook.cells)


@pytest.mark.parametrize(
    "name",
    [
        "index.html",
        "lecture-2026-01-14.html",
        "notes-2025-02-03.html",
        "quiz-2024-01-11.html",
        "topic-backprop.html",
    ],
)
def test_site_demo_axe(demo, page, name):
    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is missing: run `npm ci` (scripts/setup.sh test does)")
    page.goto((demo / name).as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert serious_violations(page) == []


def test_site_demo_readable_on_a_phone(demo, chromium):
    ctx = chromium.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    tab = ctx.new_page()
    for name in (
        "lecture-2024-01-11.html",
        "lecture-2026-01-14.html",
        "quiz-2024-01-11.html",
        "topic-backprop.html",
    ):
        tab.goto((demo / name).as_uri())
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
        assert tab.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    ctx.close()


def test_site_demo_downloaded_example_runs(demo, page, tmp_path):
    """The .py download (with the helper module it imports) runs on its own and prints what the page shows."""
    import subprocess
    import sys

    page.goto((demo / "topic-learning-rate.html").as_uri())
    example = page.locator("section.example").filter(has=page.locator('a[data-file="_svgplot.py"]')).first
    saved = []
    for link in example.locator("p.downloads a[data-file]").all():
        if link.get_attribute("data-file") == "ipynb":
            continue
        with page.expect_download() as info:
            link.click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        saved.append(target.name)
    script = next(name for name in saved if not name.startswith("_"))
    assert "_svgplot.py" in saved
    run = subprocess.run([sys.executable, script], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    shown = example.locator(".output").inner_text().strip().splitlines()
    assert shown and shown[0].strip() in run.stdout
