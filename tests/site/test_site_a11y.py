"""Accessibility: axe-core (npm, installed by scripts/setup.sh test) on every page type, light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_site_browser import QUIZ

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = [
    "index.html",
    "lecture-2026-01-14.html",
    "notes-2020-10-13.html",
    QUIZ,
    "practice.html",
    "topics.html",
    "topic-backpropagation.html",
]


@pytest.fixture(autouse=True)
def needs_axe():
    if not AXE.is_file():
        pytest.skip("node_modules/axe-core is missing: run `npm ci` (scripts/setup.sh test does)")


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_site_axe_no_serious_violations(chromium, fixture_site, name, scheme):
    ctx = chromium.new_context(color_scheme=scheme)
    page = ctx.new_page()
    page.goto((fixture_site[0] / name).as_uri())
    if name == QUIZ:  # with feedback, explanation and retry showing too
        page.check("#q-2026-01-14-ice-1-o1")
        page.click("#q-2026-01-14-ice-1 button.check")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    problems = serious_violations(page)
    ctx.close()
    assert problems == []
