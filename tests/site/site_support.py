"""Shared fixtures of the site tests: the fixture course (JSON validated by the models) and a built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lecturekit.errors import Diagnostics
from lecturekit.models import Course
from lecturekit.site import BuildReport, SiteOptions, build_site

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


def load_fixture_course() -> Course:
    """The tiny fixture course, with its root pointing at the fixtures folder (for the examples)."""
    course = Course.model_validate_json((FIXTURES / "course.json").read_text(encoding="utf-8"))
    course.root = str(FIXTURES)
    return course


def build(course: Course, out: Path, cache_dir: Path | None = None) -> tuple[BuildReport, Diagnostics]:
    """Build COURSE into OUT (render cache off unless CACHE_DIR is given)."""
    diag = Diagnostics()
    options = SiteOptions(cache=cache_dir is not None, cache_dir=str(cache_dir) if cache_dir else None)
    return build_site(course, out, diag, options), diag


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ROOT by relative path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


EMBEDDED_FILES = re.compile(r'(<script type="application/json" id="files-[^"]+">).*?(</script>)', re.S)


def normalise_html(html: str) -> str:
    """HTML with trailing spaces and runs of blank lines removed (what golden files compare).

    The embedded example downloads are the topics stage's output (its notebook format), checked by
    their own test, so the goldens hold a placeholder for them.
    """
    html = EMBEDDED_FILES.sub(r"\1(example files)\2", html)
    lines = [line.rstrip() for line in html.splitlines()]
    return re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip() + "\n"


@pytest.fixture
def fixture_course() -> Course:
    return load_fixture_course()


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport, Diagnostics]:
    """The fixture course built once per test process."""
    out = tmp_path_factory.mktemp("fixture-site") / "site"
    report, diag = build(load_fixture_course(), out)
    return out, report, diag


CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium per test worker, driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed at /usr/bin/chromium (scripts/setup.sh test installs it)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()
