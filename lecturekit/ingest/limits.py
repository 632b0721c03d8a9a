"""Resource limits of ingest (text size, rendered page pixels), with their environment overrides."""

from __future__ import annotations

import math
import os

from lecturekit.errors import UsageError
from lecturekit.models import Model

MAX_TEXT_MB_ENV = "LECTUREKIT_MAX_TEXT_MB"
MAX_PAGE_PIXELS_ENV = "LECTUREKIT_MAX_PAGE_PIXELS"
MB = 1024 * 1024


class Limits(Model):
    """How much one source may cost: a bigger text is refused, a bigger page is rendered at a lower dpi."""

    max_text_bytes: int = 100 * MB  # text ingest needs up to ~20x this in memory
    max_page_pixels: int = (
        40_000_000  # a 300 dpi A4 page is 8.7 MP; a 200-inch poster page is not rendered at 300 dpi
    )

    @classmethod
    def from_env(cls) -> Limits:
        """The default limits with $LECTUREKIT_MAX_TEXT_MB and $LECTUREKIT_MAX_PAGE_PIXELS applied."""
        limits = cls()
        if text := os.environ.get(MAX_TEXT_MB_ENV):
            limits.max_text_bytes = int(_positive(MAX_TEXT_MB_ENV, text) * MB)
        if pixels := os.environ.get(MAX_PAGE_PIXELS_ENV):
            limits.max_page_pixels = int(_positive(MAX_PAGE_PIXELS_ENV, pixels))
        return limits


def _positive(name: str, value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number > 0 or math.isinf(number):
        raise UsageError(f"${name} must be a positive number, not {value!r}")
    return number


def render_scale(width_pt: float, height_pt: float, dpi: int, max_pixels: int) -> float:
    """Points → pixels factor for a page: DPI/72, lowered so that the bitmap holds at most MAX_PIXELS."""
    scale = dpi / 72.0
    pixels = width_pt * scale * height_pt * scale
    if pixels <= max_pixels:
        return scale
    return scale * math.sqrt(max_pixels / pixels) * 0.999  # rounding up a side must not cross the cap
