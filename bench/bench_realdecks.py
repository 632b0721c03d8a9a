"""Real decks by other authors against their ground truth: the measures of issue #11, with peers in the same run.

A decks folder holds ``truth/<deck>.json`` files (see bench/realdecks.json for how they are made):
``{"deck", "kind": "beamer"|"pptx", "pdf": path relative to the folder, "handout": path or null,
"page_labels", "slides": [{"title", "pages": [1-based], "verified", "sentences"?, "columns"?}]}``.
Every deck is read by lecturekit's own pipeline (``pipeline.ingest`` then ``pipeline.clean``, no cache,
no OCR unless --ocr) and by two peers measured in the same run: pdftotext page by page (each page a
slide, its first line the title) and, for Beamer decks with page labels, "keep the last page of each
page label" (pdftotext of that page).

Measures (a true slide is found in the output by its final page): titles right (normalised, rapidfuzz
ratio >= 90; only titles the truth found on the page), wrong merges (true slides merged into a slide
made from another true slide's pages), slides out of order (a slide starting before a page already used), build pages
left as slides of their own, pages in no slide's provenance ("lost"), garbage lines ((cid:N),
private-use, U+FFFD, "Interac[on", stray CJK in a Latin deck), sentences intact and columns in order
(PowerPoint truth), slides marked admin, exact slide count (Beamer) and handout recall (words of each
handout page, less words on most pages, found in the slides made from that frame's pages).

    python bench/bench_realdecks.py [DECKS] [--only SUBSTRING] [--details] [--ocr]
    (DECKS defaults to $LECTUREKIT_DECKS, else ./decks; a missing folder prints a skip line)
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lecturekit import pipeline  # noqa: E402
from lecturekit.errors import Diagnostics  # noqa: E402
from lecturekit.ingest import IngestOptions, OcrMode  # noqa: E402

ENV = "LECTUREKIT_DECKS"
DEFAULT_DECKS = Path(os.environ.get("LECTUREKIT_DECKS", "decks"))
TITLE_MATCH = 90  # rapidfuzz ratio of normalised titles that counts as the same title
WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
CJK_WORD = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,}")  # a name or example word: real text
RARE_CJK = re.compile(r"[\u3400-\u4dbf\uf900-\ufaff]")  # where PowerPoint math lands when misread ("㕇 㕛")
PRIVATE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff]")
# A ligature drawn with a glyph mapped to "[" or "]" ("Interac[on"); code such as a[i] closes its bracket.
BROKEN_LIGATURE = re.compile(r"[A-Za-z][\[\]][a-z]+(?![\w\[]*\])")


class TruthSlide(BaseModel):
    """One true slide: its title and the PDF pages that make it (the last is the final build)."""

    title: str | None = None
    pages: list[int]
    verified: bool = False
    sentences: list[str] = Field(default_factory=list)
    columns: list[list[str]] = Field(default_factory=list)


class Truth(BaseModel):
    """The ground truth of one deck."""

    deck: str
    kind: str
    pdf: str
    handout: str | None = None
    page_labels: bool = False
    slides: list[TruthSlide]


class OutSlide(BaseModel):
    """A slide as a method made it: its pages, title, text lines and kind."""

    pages: list[int]
    title: str
    lines: list[str]
    kind: str = "content"


class Score(BaseModel):
    """The issue's measures for one method on one deck (counts, so that decks add up)."""

    slides: int = 0
    true_slides: int = 0
    titles_right: int = 0
    titles_total: int = 0
    wrong_merges: int = 0
    out_of_order: int = 0
    build_pages_missed: int = 0
    build_pages: int = 0
    unlisted: int = 0  # pages in no slide's provenance
    garbage_lines: int = 0
    lines: int = 0
    sentences_intact: int = 0
    sentences: int = 0
    columns_in_order: int = 0
    columns: int = 0
    admin: int = 0
    handout_found: int = 0
    handout_total: int = 0
    exact: int = 0
    beamer: int = 0
    wrong_titles: list[str] = Field(default_factory=list)
    merges: list[str] = Field(default_factory=list)
    garbage: list[str] = Field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add OTHER's counts into this score."""
        for name, value in other:
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)


def norm(text: str) -> str:
    """Lower-case words of TEXT after NFKC (ligature code points and full-width forms folded)."""
    return " ".join(WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def words(lines: Iterable[str]) -> set[str]:
    return set(norm(" ".join(lines)).split())


def same_title(got: str, want: str) -> bool:
    a, b = norm(got), norm(want)
    return a == b or fuzz.ratio(a, b) >= TITLE_MATCH


def is_garbage(line: str, latin_deck: bool) -> bool:
    """A line holding glyph garbage: (cid:N), private-use code, U+FFFD, a broken ligature, CJK in a Latin deck.

    In a Latin deck, CJK counts as garbage when it is a rare ideograph or a lone character, not a word.
    """
    stray_cjk = latin_deck and (RARE_CJK.search(line) or (CJK.search(line) and not CJK_WORD.search(line)))
    return bool(
        "(cid:" in line
        or "\ufffd" in line
        or PRIVATE.search(line)
        or BROKEN_LIGATURE.search(line)
        or stray_cjk
    )


def pdftotext_pages(pdf: Path) -> list[list[str]]:
    """The lines of each page as pdftotext reads them (reading order, no layout)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=False
    ).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


def page_slides(pages: list[list[str]], groups: list[list[int]]) -> list[OutSlide]:
    """Peer slides: for each group of pages, the last page's lines, its first line the title."""
    made = []
    for group in groups:
        lines = pages[group[-1] - 1] if group[-1] <= len(pages) else []
        made.append(OutSlide(pages=group, title=lines[0] if lines else "", lines=lines))
    return made


def lecturekit_slides(pdf: Path, ocr: bool) -> list[OutSlide]:
    """The slides lecturekit's read phase makes of PDF (ingest, then clean)."""
    diag = Diagnostics()
    options = IngestOptions(ocr=OcrMode.AUTO if ocr else OcrMode.NEVER, cache=False)
    config, sources = pipeline.ingest([pdf], options, diag)
    lectures = pipeline.clean(sources, config, diag)
    return [
        OutSlide(
            pages=[ref.page for ref in slide.pages],
            title=slide.title,
            lines=[line for line in slide.text.splitlines() if line.strip()],
            kind=slide.kind.value,
        )
        for lecture in lectures
        for slide in lecture.slides
    ]


def label_groups(truth: Truth) -> list[list[int]]:
    """Runs of pages with one page label: the truth's slides themselves when the deck has labels."""
    return [s.pages for s in truth.slides]


def handout_reference(handout: Path, true_count: int) -> list[set[str]] | None:
    """The words of each handout page, less the words on most pages (running headers, author, course)."""
    pages = pdftotext_pages(handout)
    if len(pages) != true_count:
        return None
    per_page = [words(page) for page in pages]
    counts: dict[str, int] = {}
    for ws in per_page:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    furniture = {w for w, n in counts.items() if len(pages) > 2 and n > len(pages) / 2 and not w.isdigit()}
    numbers = {str(n) for n in range(1, len(pages) + 1)}
    return [ws - furniture - numbers for ws in per_page]


def score(made: list[OutSlide], truth: Truth, latin: bool, handout: list[set[str]] | None) -> Score:
    """Every measure of MADE against TRUTH."""
    true_of = {p: i for i, s in enumerate(truth.slides) for p in s.pages}
    holder = {p: j for j, s in enumerate(made) for p in s.pages}
    result = Score(slides=len(made), true_slides=len(truth.slides), beamer=int(truth.kind == "beamer"))
    result.exact = int(truth.kind == "beamer" and len(made) == len(truth.slides))
    running_max = 0
    for slide in made:
        merged = sorted({true_of[p] for p in slide.pages if p in true_of})
        if len(merged) > 1:  # each true slide beyond the first was merged into another
            result.wrong_merges += len(merged) - 1
            result.merges.append(f"pages {slide.pages} of {[truth.slides[i].title for i in merged]}")
        if slide.pages and min(slide.pages) < running_max:
            result.out_of_order += 1
        running_max = max([running_max, *slide.pages])
        result.lines += len(slide.lines)
        bad = [line for line in slide.lines if is_garbage(line, latin)]
        result.garbage_lines += len(bad)
        result.garbage += bad
        result.admin += int(slide.kind == "admin")
    for i, true in enumerate(truth.slides):
        final = holder.get(true.pages[-1])
        result.build_pages += len(true.pages) - 1
        # A build page held by another slide was left as a slide of its own; one held by none is unlisted.
        result.build_pages_missed += sum(p in holder and holder[p] != final for p in true.pages[:-1])
        result.unlisted += sum(p not in holder for p in true.pages)
        text = norm(" ".join(made[final].lines)) if final is not None else ""
        if true.title and true.verified:
            result.titles_total += 1
            got = made[final].title if final is not None else ""
            if same_title(got, true.title):
                result.titles_right += 1
            else:
                result.wrong_titles.append(f"p{true.pages[-1]}: {got!r} != {true.title!r}")
        result.sentences += len(true.sentences)
        result.sentences_intact += sum(norm(s) in text for s in true.sentences)
        for left, right in true.columns:
            result.columns += 1
            a, b = text.find(norm(left)), text.find(norm(right))
            result.columns_in_order += int(0 <= a < b)
        if handout is not None:
            held = words(
                line for j in {holder[p] for p in true.pages if p in holder} for line in made[j].lines
            )
            result.handout_total += len(handout[i])
            result.handout_found += len(handout[i] & held)
    return result


def is_latin(pages: list[list[str]]) -> bool:
    text = " ".join(line for page in pages for line in page)
    return len(CJK.findall(text)) < 0.01 * max(1, len(text))


def load_truths(folder: Path, only: str | None) -> list[Truth]:
    truths = [Truth.model_validate_json(p.read_text()) for p in sorted((folder / "truth").glob("*.json"))]
    names = [name for name in (only or "").split(",") if name]
    return [t for t in truths if t.slides and (not names or any(name in t.deck for name in names))]


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    - "


def row(name: str, s: Score) -> str:
    recall = f"{s.handout_found / s.handout_total:.3f}" if s.handout_total else "  -  "
    exact = f"{s.exact}/{s.beamer}" if s.beamer else " - "
    return (
        f"{name:50.50} {s.slides:4}/{s.true_slides:<4} {pct(s.titles_right, s.titles_total)} {s.wrong_merges:4} "
        f"{s.out_of_order:4} {pct(s.build_pages_missed, s.build_pages)} {s.unlisted:4} {pct(s.garbage_lines, s.lines)} "
        f"{pct(s.sentences_intact, s.sentences)} {s.columns_in_order:3}/{s.columns:<3} {s.admin:4} {exact:>6} {recall}"
    )


HEADER = (
    f"{'deck / method':50} {'slides':9} {'titles':6} {'merge':>5} {'order':>4} {'builds':>6} {'lost':>4} {'garbage':>6} "
    f"{'intact':>6} {'columns':7} {'admin':>4} {'exact':>6} recall"
)


def measure(truth: Truth, folder: Path, ocr: bool, details: bool) -> dict[str, Score]:
    """Scores of lecturekit and the peers on one deck."""
    pdf = folder / truth.pdf
    pages = pdftotext_pages(pdf)
    latin = is_latin(pages)
    handout = handout_reference(folder / truth.handout, len(truth.slides)) if truth.handout else None
    runs: dict[str, list[OutSlide]] = {}
    try:
        runs["lecturekit"] = lecturekit_slides(pdf, ocr)
    except Exception as exc:  # noqa: BLE001 - one deck's failure is a figure, not the end of the bench
        print(f"  {truth.deck}: lecturekit failed: {type(exc).__name__}: {exc}", flush=True)
        runs["lecturekit"] = []
    runs["pdftotext per page"] = page_slides(pages, [[n] for n in range(1, len(pages) + 1)])
    if truth.kind == "beamer" and truth.page_labels:
        runs["last page per label"] = page_slides(pages, label_groups(truth))
    scores = {name: score(made, truth, latin, handout) for name, made in runs.items()}
    for name, s in scores.items():
        print(row(f"{truth.deck} · {name}", s), flush=True)
    if details:
        for line in scores["lecturekit"].wrong_titles:
            print(f"      wrong title {line}")
        for line in scores["lecturekit"].merges:
            print(f"      wrong merge {line}")
        for line in scores["lecturekit"].garbage[:5]:
            print(f"      garbage line {line[:80]!r}")
    return scores


def group_of(truth: Truth) -> str:
    if truth.kind == "pptx":
        return "PowerPoint"
    return "Beamer, labels" if truth.page_labels else "Beamer, no labels"


def main(argv: list[str] | None = None) -> None:
    """Measure every deck with ground truth under the decks folder and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("decks", nargs="?", default=os.environ.get(ENV) or str(DEFAULT_DECKS))
    parser.add_argument("--only", help="only decks whose name contains one of these (comma-separated)")
    parser.add_argument("--details", action="store_true", help="list lecturekit's wrong titles")
    parser.add_argument("--ocr", action="store_true", help="let lecturekit OCR pages without a text layer")
    args = parser.parse_args(argv if argv is not None else [])
    folder = Path(args.decks)
    truths = load_truths(folder, args.only) if (folder / "truth").is_dir() else []
    if not truths:
        print(f"no real decks with ground truth under {folder} (set ${ENV}); skipped")
        return
    print(HEADER)
    totals: dict[tuple[str, str], Score] = {}
    for truth in truths:
        for name, s in measure(truth, folder, args.ocr, args.details).items():
            for group in (group_of(truth), "all decks"):
                totals.setdefault((group, name), Score()).add(s)
    print(
        "\nTotals (titles right, wrong merges, slides out of order, build pages left as slides, pages in no "
        "slide's provenance, garbage lines, "
        "sentences intact, columns in order, slides marked admin, Beamer exact count, handout recall)"
    )
    print(HEADER)
    for (group, name), s in sorted(totals.items()):
        print(row(f"{group} · {name}", s))
    print_ratios(totals)


def ratio(ours: tuple[int, int], peer: tuple[int, int]) -> str:
    """(part, whole) of lecturekit over (part, whole) of the peer, as a ratio of the two shares."""
    if not ours[1] or not peer[1] or not peer[0]:
        return "-"
    return f"{(ours[0] / ours[1]) / (peer[0] / peer[1]):.3f}"


def print_ratios(totals: dict[tuple[str, str], Score]) -> None:
    """lecturekit against the peers of the same run, over all decks."""
    ours, text = totals[("all decks", "lecturekit")], totals[("all decks", "pdftotext per page")]
    print(
        f"\nlecturekit / pdftotext per page (same run): titles right {ratio((ours.titles_right, ours.titles_total), (text.titles_right, text.titles_total))}, "
        f"sentences intact {ratio((ours.sentences_intact, ours.sentences), (text.sentences_intact, text.sentences))}, "
        f"garbage lines {ratio((ours.garbage_lines, ours.lines), (text.garbage_lines, text.lines))}"
    )
    last = totals.get(("Beamer, labels", "last page per label"))
    for group in ("Beamer, labels", "Beamer, no labels"):
        mine = totals.get((group, "lecturekit"))
        if last and mine:
            print(
                f"lecturekit ({group}) / last page per label: handout recall "
                f"{ratio((mine.handout_found, mine.handout_total), (last.handout_found, last.handout_total))}, "
                f"exact slide count {mine.exact}/{mine.beamer} vs {last.exact}/{last.beamer}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
