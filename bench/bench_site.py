"""Site benchmark: full build of a 40 × 50-slide course, rebuild after adding a lecture, mkdocs as a peer,
and the page weight of a lecture page."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic_course import synthetic_course, synthetic_lecture, synthetic_questions

from lecturekit.errors import Diagnostics
from lecturekit.models import Course
from lecturekit.site import SiteOptions, build_site
from lecturekit.site.math import shared_renderer

LECTURES = 40
SLIDES = 50
REPEATS = 2  # the machine is shared: take the better of two runs of each measurement


def timed_build(course: Course, out: Path, cache_dir: Path) -> float:
    """Wall time of one build in a fresh state (KaTeX reloaded, as a new `lecturekit build` process would)."""
    shared_renderer.cache_clear()
    start = time.perf_counter()
    build_site(course, out, Diagnostics(), SiteOptions(cache=True, cache_dir=str(cache_dir)))
    return time.perf_counter() - start


def lecturekit_times(work: Path) -> tuple[float, float]:
    """(full build, rebuild after adding one lecture), each the best of REPEATS, in seconds."""
    fulls, rebuilds = [], []
    for run in range(REPEATS):
        course = synthetic_course(LECTURES, SLIDES)
        cache = work / f"cache-{run}"
        fulls.append(timed_build(course, work / f"site-{run}", cache))
        added = synthetic_lecture(LECTURES + 1, SLIDES)
        course.lectures.append(added)
        course.questions.extend(synthetic_questions(added))
        rebuilds.append(timed_build(course, work / f"site-{run}", cache))
    return min(fulls), min(rebuilds)


def write_mkdocs_project(course: Course, root: Path) -> None:
    """The same slides as markdown pages (one per lecture, one section per slide) with an mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    nav = []
    for lecture in course.lectures:
        parts = [f"# {lecture.title}\n"]
        for slide in lecture.slides:
            body = slide.text.split("\n", 1)[1] if "\n" in slide.text else ""
            parts.append(f"## {slide.title}\n\n{body}\n")
        (docs / f"{lecture.id}.md").write_text("\n".join(parts), encoding="utf-8")
        nav.append(f"  - '{lecture.id}.md'")
    (docs / "index.md").write_text(f"# {course.title}\n", encoding="utf-8")
    config = ["site_name: Synthetic course", "theme: mkdocs", "nav:", "  - 'index.md'", *nav]
    (root / "mkdocs.yml").write_text("\n".join(config) + "\n", encoding="utf-8")


def mkdocs_time(work: Path) -> float:
    """Best wall time of `mkdocs build` on the same content (markdown, no math rendering, no quizzes)."""
    project = work / "mkdocs"
    write_mkdocs_project(synthetic_course(LECTURES, SLIDES), project)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(project / "mkdocs.yml"),
                "-d",
                str(work / "mk-site"),
            ],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return min(times)


def lecture_page_weight(site: Path) -> tuple[float, float]:
    """(kB of a lecture page's HTML + linked CSS + JS, excluding fonts; kB of the HTML alone)."""
    from lxml import html as lxml_html

    page = site / "lecture-L002.html"
    doc = lxml_html.fromstring(page.read_bytes())
    assets = [el.get("href") for el in doc.iter("link") if el.get("rel") == "stylesheet"]
    assets += [el.get("src") for el in doc.iter("script") if el.get("src")]
    total = page.stat().st_size + sum((site / a).stat().st_size for a in assets)
    return total / 1024, page.stat().st_size / 1024


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        work = Path(tmp)
        full, rebuild = lecturekit_times(work)
        peer = mkdocs_time(work)
        weight, html_only = lecture_page_weight(work / "site-0")
        index_kb = (work / "site-0" / "search-index.js").stat().st_size / 1024
    slides = LECTURES * SLIDES
    print(f"full build, {LECTURES} lectures x {SLIDES} slides ({slides} slides): {full:.2f} s")
    print(f"rebuild after adding one lecture: {rebuild:.2f} s = {rebuild / full:.3f} of the full build")
    print(f"mkdocs build of the same content: {peer:.2f} s; lecturekit/mkdocs = {full / peer:.2f}")
    print(f"lecture page weight (HTML+CSS+JS, no fonts): {weight:.1f} kB (HTML alone {html_only:.1f} kB)")
    print(f"search index for {slides} slides: {index_kb:.0f} kB (loaded on first search, not with the page)")


if __name__ == "__main__":
    main()
