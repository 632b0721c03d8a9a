"""Cleaner: pages → clean slides grouped into lectures (normalize, furniture, builds, merge, editions)."""

from __future__ import annotations

from lecturekit.cleaner.lectures import clean_course, clean_source
from lecturekit.cleaner.lexicon import lookup_table, stop_words
from lecturekit.cleaner.mathflow import reflow_math

__all__ = ["clean_course", "clean_source", "lookup_table", "reflow_math", "stop_words"]
