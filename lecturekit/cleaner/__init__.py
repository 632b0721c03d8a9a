"""Cleaner: pages → clean slides grouped into lectures (normalize, furniture, builds, merge, editions)."""

from __future__ import annotations

from lecturekit.cleaner.lectures import clean_course, clean_source

__all__ = ["clean_course", "clean_source"]
