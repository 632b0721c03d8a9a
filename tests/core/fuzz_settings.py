"""Hypothesis settings of the fuzz tests: a short run in CI, a long one with LECTUREKIT_FUZZ=long (`make fuzz`)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PROFILE_ENV = "LECTUREKIT_FUZZ"
settings.register_profile(
    "lecturekit-ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "lecturekit-long",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Applied per test (not loaded globally), so the suite's other property tests keep their own settings.
FUZZ = settings(settings.get_profile(f"lecturekit-{os.environ.get(PROFILE_ENV, 'ci')}"))

# Characters that break parsers and displays: controls, bidi overrides, zero-width and format characters,
# RTL letters, OCR glyphs, quiz and markdown syntax, math delimiters, surrogate-free astral characters.
NASTY = (
    "\x00\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u00ad\u200b\u200d\u200e\u202a\u202e\u2066\u2069\u2028\ufeff"
    "\ue000\U000e0041שלוםمرحبا@©®¢oOQ°|e«»•▶①❶*+-–—=#~{}[]()<>&\"'`$\\:;.,!?/\t \r\n\f"
)
nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY), st.characters(blacklist_categories=("Cs",))), max_size=200
)
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH0123456789", min_size=1, max_size=10)
line = st.one_of(
    nasty_text.map(lambda s: s.replace("\n", " ")), st.lists(word, min_size=1, max_size=8).map(" ".join)
)
lines = st.lists(line, max_size=30)
