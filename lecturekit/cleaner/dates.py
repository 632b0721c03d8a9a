"""Dates written in lecture material, and the date a source is about."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from lecturekit.models import Source

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
WRITTEN_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(\d{4})\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)|\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in(text: str) -> list[dt.date]:
    """Every calendar date written in TEXT ("January 14, 2026", "Feb 3, 2025", "(02/03/2025)", ISO)."""
    found = []
    for month, day, year in WRITTEN_DATE.findall(text):
        found.append(_date(int(year), MONTHS[month[:3].lower()], int(day)))
    for m, d, y, iso_y, iso_m, iso_d in NUMERIC_DATE.findall(text):
        found.append(_date(int(y), int(m), int(d)) if y else _date(int(iso_y), int(iso_m), int(iso_d)))
    return [d for d in found if d is not None]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def source_date(source: Source) -> dt.date | None:
    """The date a source is about: the one it states most often (the earliest on a tie)."""
    counts = Counter(d for page in source.pages for d in dates_in(page.text))
    if not counts:
        return None
    return min(counts, key=lambda d: (-counts[d], d))
