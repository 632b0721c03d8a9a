"""Ingest: one reader per kind of source, each turning a file into pages with text, layout and provenance."""

from __future__ import annotations

from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.ingest.dispatch import ingest_files, ingest_paths
from lecturekit.ingest.options import IngestOptions, OcrMode
from lecturekit.ingest.pictures import picture_targets, slide_pictures
from lecturekit.models import Source

__all__ = [
    "IngestOptions",
    "OcrMode",
    "ingest_files",
    "ingest_paths",
    "picture_targets",
    "read_sources",
    "slide_pictures",
]


def read_sources(files: list[Path], options: IngestOptions, diag: Diagnostics) -> list[Source]:
    """Read every file; a file that cannot be read becomes one diagnostic and is skipped."""
    return ingest_files(files, options, diag).sources
