"""Ingest: one reader per kind of source, each turning a file into pages with text, layout and provenance."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.models import Model, Source


class OcrMode(str, Enum):
    AUTO = "auto"  # OCR only pages without a usable text layer
    ALWAYS = "always"
    NEVER = "never"


class IngestOptions(Model):
    """How sources are read; the same options for the CLI and library callers."""

    ocr: OcrMode = OcrMode.AUTO
    jobs: int | None = None  # parallel OCR workers; None = one per core
    page_timeout: float = 120.0  # seconds per OCR page before it is reported and skipped
    dpi: int = 300
    lang: str = "eng"
    cache: bool = True
    cache_dir: str | None = None
    progress: bool = False  # show a progress bar (only on a terminal, never with --json)


def read_sources(files: list[Path], options: IngestOptions, diag: Diagnostics) -> list[Source]:
    """Read every file; a file that cannot be read becomes one diagnostic and is skipped."""
    from lecturekit.ingest.dispatch import ingest_files  # the readers import IngestOptions from here

    return ingest_files(files, options, diag).sources
