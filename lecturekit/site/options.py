"""The site stage's boundary models: what a build may be asked to do, and what it reports back."""

from __future__ import annotations

from pydantic import Field

from lecturekit.models import Model


class SiteOptions(Model):
    """Knobs of one site build."""

    cache: bool = True  # reuse page renders whose inputs did not change
    cache_dir: str | None = None  # default: lecturekit.cache.default_cache_dir()
    math: bool = True  # render $…$ with KaTeX at build time (off: formulas shown as code)
    images: bool = True  # show the slides' page pictures (off: text only, and they are not even rendered)


class BuildReport(Model):
    """What a site build wrote."""

    out: str
    pages: int = 0
    rendered: int = 0  # pages rendered in this build
    reused: int = 0  # pages taken from the render cache
    files: int = 0  # every file in the site, assets included
    linked: int = 0  # files equal to the previous site's, hard-linked to it rather than written again
    search_index_bytes: int = 0
    warnings: int = 0  # diagnostics this build added
    page_paths: list[str] = Field(default_factory=list)
