"""How sources are read: the options every reader takes, the same for the CLI and library callers."""

from __future__ import annotations

from enum import Enum

from lecturekit.models import Model


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
