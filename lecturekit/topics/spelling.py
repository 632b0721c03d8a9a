"""Spelling variants of a topic alias (no spaCy here, so `lecturekit run` starts fast)."""

from __future__ import annotations


def spelling_variants(alias: str) -> list[str]:
    """The alias with its word breaks as written, as spaces, as hyphens and closed up: "back prop", "back-prop", "backprop"."""
    words = alias.replace("-", " ").split()
    written = " ".join(alias.replace("- ", "-").split())
    return sorted({written, " ".join(words), "-".join(words), "".join(words)})
