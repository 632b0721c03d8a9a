"""What `lecturekit ingest` prints: the raw-pages JSON contract, the lectures JSON, and a human summary."""

from __future__ import annotations

from collections import Counter

from pydantic import Field

from lecturekit.controls import for_terminal, json_for_terminal
from lecturekit.errors import ExitCode
from lecturekit.ingest.dispatch import IngestResult
from lecturekit.models import Lecture, Method, Model, Source, SourceKind


class RawPage(Model):
    """One page before cleaning, as `ingest --raw --json` prints it (DESIGN.md contract)."""

    page: int
    label: str | None
    method: Method
    title: str | None
    text: str
    confidence: float | None


class RawSource(Model):
    name: str
    kind: SourceKind
    pages: list[RawPage] = Field(default_factory=list)


class RawOutput(Model):
    """`{"sources": [...]}`: every page of every usable source, in input order."""

    sources: list[RawSource] = Field(default_factory=list)


class LecturesOutput(Model):
    """`{"lectures": [...]}`: the cleaned lectures, as `ingest --json` prints them."""

    lectures: list[Lecture] = Field(default_factory=list)


def raw_output(sources: list[Source]) -> RawOutput:
    """The raw-pages contract for SOURCES."""
    return RawOutput(
        sources=[
            RawSource(
                name=source.name,
                kind=source.kind,
                pages=[
                    RawPage(
                        page=page.page,
                        label=page.label,
                        method=page.method,
                        title=page.title,
                        text=page.text,
                        confidence=page.confidence,
                    )
                    for page in source.pages
                ],
            )
            for source in sources
        ]
    )


def source_summary(source: Source) -> str:
    """One line per source: name, kind, pages, and how many pages each method read."""
    methods = Counter(page.method.value for page in source.pages)
    counts = ", ".join(f"{method}: {count}" for method, count in sorted(methods.items()))
    confidences = [page.confidence for page in source.pages if page.confidence is not None]
    if confidences:
        counts += f"; mean OCR confidence {sum(confidences) / len(confidences):.1f}"
    return f"{source.name}: {source.kind.value}, {len(source.pages)} page(s) ({counts or 'none'})"


def lecture_summary(lecture: Lecture) -> str:
    """One line per lecture: id, date, title, slide count and sources."""
    date = f" ({lecture.date.isoformat()})" if lecture.date else ""
    return f"{lecture.id}{date}: {lecture.title} - {len(lecture.slides)} slide(s) from {', '.join(lecture.sources)}"


def render(result: IngestResult, lectures: list[Lecture] | None, as_json: bool) -> str:
    """The text `lecturekit ingest` prints on stdout: RESULT's pages (LECTURES None) or the cleaned lectures.

    Source text may hold terminal escape sequences (a title-setting OSC, say): they are printed escaped.
    """
    text = _render(result, lectures, as_json)
    return json_for_terminal(text) if as_json else for_terminal(text)


def _render(result: IngestResult, lectures: list[Lecture] | None, as_json: bool) -> str:
    if lectures is None:
        if as_json:
            return raw_output(result.sources).model_dump_json(indent=2)
        return "\n".join(source_summary(source) for source in result.sources)
    if as_json:
        return LecturesOutput(lectures=lectures).model_dump_json(indent=2)
    lines = [source_summary(source) for source in result.sources]
    return "\n".join([*lines, *(lecture_summary(lecture) for lecture in lectures)])


def nothing_usable_code(result: IngestResult) -> ExitCode | None:
    """The exit code when no source could be used (the first failure's), else None."""
    if result.sources or not result.failures:
        return None
    return result.failures[0].exit_code
