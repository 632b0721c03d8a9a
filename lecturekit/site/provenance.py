"""The provenance line under each slide: "from 001 pp. 12–14 (builds), 000 p. 9", and its expansion."""

from __future__ import annotations

import re

from lecturekit.models import RemovalReason, Slide

HASHED_NAME = re.compile(r"^(\d+)_[0-9a-f]{8,}\.\w+$")


def short_source(name: str) -> str:
    """A compact source name: "001" for the seed style "001_9877fb9ea88e89b7.txt", else the name."""
    match = HASHED_NAME.match(name)
    return match.group(1) if match else name


def page_ranges(pages: list[int]) -> str:
    """[12, 13, 14, 20] → "pp. 12–14, 20"; [3] → "p. 3"."""
    numbers = sorted(set(pages))
    runs: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(f"{start}–{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    prefix = "p." if len(numbers) == 1 else "pp."
    return f"{prefix} {', '.join(runs)}"


def provenance_summary(slide: Slide) -> str:
    """One short line naming the sources and pages a slide was made from."""
    if not slide.pages:
        return "source pages not recorded"
    by_source: dict[str, list[int]] = {}
    for ref in slide.pages:
        by_source.setdefault(ref.source, []).append(ref.page)
    build_sources = {r.source for r in slide.removed if r.reason is RemovalReason.BUILD}
    parts = []
    for source, pages in by_source.items():
        builds = len(set(pages)) > 1 or source in build_sources
        parts.append(f"{short_source(source)} {page_ranges(pages)}" + (" (builds)" if builds else ""))
    return "from " + ", ".join(parts)


def provenance_lines(slide: Slide) -> list[str]:
    """One line per source page: file, page, and how its text was read."""
    return [f"{ref.source}, page {ref.page} ({ref.method.value})" for ref in slide.pages]
