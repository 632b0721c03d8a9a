"""Reading order on real decks: lecturekit's text layer vs pdfminer's layout analysis and PyMuPDF sort=True.

Reads the development corpus ($LECTUREKIT_DECKS, else ./decks; never committed; bench/realdecks_truth.py builds its truth): each `truth/<deck>.json`
lists slides with their pages, title, whole sentences and column pairs (left text, right text). For every
slide's last page it counts sentences found intact, column pairs read left before right, and (lecturekit
only) titles right; it also counts garbage lines and the text-layer speed against pdfplumber extract_text.
"""

from __future__ import annotations

import json
import os
import re
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pdfplumber
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer
from rapidfuzz import fuzz

from lecturekit.errors import Diagnostics
from lecturekit.ingest.options import IngestOptions, OcrMode
from lecturekit.ingest.pdf import read_pdf

DECKS = Path(os.environ.get("LECTUREKIT_DECKS", "decks"))
TITLE_MATCH = 90  # rapidfuzz ratio over normalised titles that counts as the right title
GARBAGE = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\u3400-\u9fff\ufffd]")


def norm(text: str) -> str:
    """Text compared loosely: NFKC, quotes and dashes plain, whitespace and case ignored."""
    text = (
        unicodedata.normalize("NFKC", text)
        .replace("\u2019", "'")
        .replace("\u2013", "-")
        .replace("\u2014", "-")
    )
    return re.sub(r"\s+", "", text).casefold()


def lecturekit_pages(path: Path) -> tuple[dict[int, str], dict[int, str | None]]:
    source = read_pdf(path, IngestOptions(cache=False, ocr=OcrMode.NEVER), Diagnostics())
    return {p.page: p.text for p in source.pages}, {p.page: p.title for p in source.pages}


def pdfminer_pages(path: Path) -> dict[int, str]:
    pages = {}
    for number, layout in enumerate(extract_pages(str(path), laparams=LAParams()), start=1):
        pages[number] = "\n".join(item.get_text() for item in layout if isinstance(item, LTTextContainer))
    return pages


def pymupdf_pages(path: Path) -> dict[int, str]:
    import pymupdf  # a bench-only peer

    with pymupdf.open(path) as document:
        return {index + 1: page.get_text(sort=True) for index, page in enumerate(document)}


def plumber_pages(path: Path) -> dict[int, str]:
    with pdfplumber.open(path) as pdf:
        return {page.page_number: page.extract_text() or "" for page in pdf.pages}


PEERS: dict[str, Callable[[Path], dict[int, str]]] = {
    "pdfminer LAParams": pdfminer_pages,
    "pymupdf sort=True": pymupdf_pages,
    "pdfplumber extract_text": plumber_pages,
}


def score(pages: dict[int, str], slides: list[dict]) -> tuple[int, int, int, int, int, int]:
    """(sentences intact, sentences, columns in order, column pairs, garbage lines, lines)."""
    intact = total = ordered = pairs = 0
    for slide in slides:
        text = norm(pages.get(slide["pages"][-1], ""))
        for sentence in slide.get("sentences", []):
            total += 1
            intact += norm(sentence) in text
        for left, right in slide.get("columns", []):
            pairs += 1
            a, b = text.find(norm(left)), text.find(norm(right))
            ordered += 0 <= a < b
    lines = [line for page in pages.values() for line in page.splitlines() if line.strip()]
    return intact, total, ordered, pairs, sum(bool(GARBAGE.search(line)) for line in lines), len(lines)


def main() -> None:
    """Print one row per reader with its totals over every deck that has ground truth."""
    truths = [
        json.loads(p.read_text())
        for p in sorted((DECKS / "truth").glob("*.json"))
        if not p.stem.endswith("-nolabels")
    ]
    if not truths:
        print(f"no decks with ground truth under {DECKS} (set LECTUREKIT_DECKS)")
        return
    totals: dict[str, list[float]] = {}
    titles_right = titles = 0
    ours_time = peer_time = 0.0
    for truth in truths:
        path = DECKS / truth["pdf"]
        start = time.perf_counter()
        pages, page_titles = lecturekit_pages(path)
        ours_time += time.perf_counter() - start
        rows = {"lecturekit": score(pages, truth["slides"])}
        for name, reader in PEERS.items():
            start = time.perf_counter()
            rows[name] = score(reader(path), truth["slides"])
            if name == "pdfplumber extract_text":
                peer_time += time.perf_counter() - start
        for name, row in rows.items():
            totals.setdefault(name, [0.0] * 6)
            totals[name] = [a + b for a, b in zip(totals[name], row, strict=True)]
        for slide in truth["slides"]:
            if slide.get("title") and slide.get("verified"):
                titles += 1
                ours = page_titles.get(slide["pages"][-1]) or ""
                titles_right += fuzz.ratio(norm(ours), norm(slide["title"])) >= TITLE_MATCH
    print(f"{len(truths)} decks with ground truth under {DECKS}")
    print(f"{'reader':26} {'sentences intact':>18} {'columns in order':>18} {'garbage lines':>16}")
    for name, (intact, total, ordered, pairs, garbage, lines) in totals.items():
        print(
            f"{name:26} {int(intact):>8}/{int(total):<9} {int(ordered):>8}/{int(pairs):<9} "
            f"{100 * garbage / max(lines, 1):>15.2f}%"
        )
    print(f"lecturekit titles right: {titles_right}/{titles} ({100 * titles_right / max(titles, 1):.1f}%)")
    print(f"text-layer speed vs pdfplumber extract_text on the same decks: {peer_time / ours_time:.2f}x")


if __name__ == "__main__":
    main()
