"""Beamer builds on real decks: slide count and handout recall, with page labels and without, against a peer.

The peer is the simplest rule, "keep the last page of each page label", measured in the same run on
the same pages. Ground truth is the deck's frames, as pages: ``truth/*.json`` of a decks folder
(kind "beamer": ``pdf``, ``handout``, ``slides[].pages``, made from the .tex), else ``NAME.pdf`` files
whose runs of equal page labels are the frames. Recall is the share of a frame's words that the
slide(s) made from its pages hold, summed over the deck: the words of the author's handout page when
there is a handout, else of every page of the frame; pages are cleaned by lecturekit one by one (no
footers, page numbers or decoration) for the reference and the peer alike, so recall measures builds.
The no-label run strips ``/PageLabels`` with pypdf.

    python bench/bench_beamer.py DECKS_DIR        (or LECTUREKIT_BEAMER_DECKS=DECKS_DIR python bench/run.py beamer)
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import pypdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lecturekit.cleaner import clean_source  # noqa: E402
from lecturekit.errors import Diagnostics  # noqa: E402
from lecturekit.ingest import IngestOptions, OcrMode  # noqa: E402
from lecturekit.ingest.pdf import read_pdf  # noqa: E402
from lecturekit.models import Model, Source  # noqa: E402

WORD = re.compile(r"[a-z0-9]+")
ENV = "LECTUREKIT_BEAMER_DECKS"
OPTIONS = IngestOptions(ocr=OcrMode.NEVER, cache=False)


class Score(Model):
    """One method on one deck: slides made, frames expected, words of the frames found."""

    slides: int
    frames: int
    found: int
    total: int

    @property
    def exact(self) -> bool:
        return self.slides == self.frames

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0


def words(lines: Iterable[str]) -> set[str]:
    """The lower-case words and numbers of LINES (ligatures and full-width forms folded)."""
    return {w for line in lines for w in WORD.findall(unicodedata.normalize("NFKC", line).lower())}


def without_labels(path: Path, out_dir: Path) -> Path:
    """A copy of the PDF at PATH with its /PageLabels removed."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(path))
    root = writer._root_object  # noqa: SLF001 - pypdf exposes the catalog only so
    if "/PageLabels" in root:
        del root["/PageLabels"]
    target = out_dir / f"{path.stem}.nolabels.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def unlabelled(source: Source, deck: Deck, scratch: Path, check: bool) -> Source:
    """SOURCE as read from the PDF with /PageLabels stripped: the same pages without labels.

    The reader takes nothing but the labels from /PageLabels, so dropping them from the pages read
    once equals reading the stripped file; CHECK reads the stripped file to confirm it.
    """
    pages = [page.model_copy(update={"label": None}) for page in source.pages]
    if check:
        stripped = read(without_labels(deck.pdf, scratch)).pages
        seen = {
            "page",
            "label",
            "method",
            "title",
            "text",
            "lines",
        }  # the source's name differs: another file
        assert [p.model_dump(include=seen) for p in stripped] == [
            p.model_dump(include=seen) for p in pages
        ], "the reader takes more than the labels from /PageLabels"
    return source.model_copy(update={"pages": pages})


def read(path: Path) -> Source:
    diag = Diagnostics()
    source = read_pdf(path, OPTIONS, diag)
    if diag.errors:
        print(f"  {path.name}: {len(diag.errors)} reading errors, first: {diag.errors[0]}")
    return source


class Deck(Model):
    """A Beamer deck to measure: its PDF, its frames as 1-based page lists, and its handout if any."""

    pdf: Path
    frames: list[list[int]]
    handout: Path | None = None


def reference(deck: Deck, source: Source) -> dict[int, set[str]]:
    """The words of each frame (by index): its cleaned handout page, else all its pages, each cleaned alone.

    Cleaned (footers, page numbers, decoration out) so that recall measures what builds keep.
    """
    frames: dict[int, set[str]] = {index: set() for index in range(len(deck.frames))}
    if deck.handout is not None and len(pypdf.PdfReader(deck.handout).pages) == len(deck.frames):
        for draft in clean_source(read(deck.handout)).drafts:
            for ref in draft.pages:
                frames[ref.page - 1].update(words(draft.lines))
        return frames
    frame_of = frame_index(deck)
    for draft in clean_source(one_slide_per_page(source)).drafts:
        frames[frame_of[draft.pages[0].page]].update(words(draft.lines))
    return frames


def one_slide_per_page(source: Source) -> Source:
    """SOURCE with a label of its own on every page: cleaned page by page, no page joins another."""
    pages = [page.model_copy(update={"label": f"page {page.page}"}) for page in source.pages]
    return source.model_copy(update={"pages": pages})


def frame_index(deck: Deck) -> dict[int, int]:
    return {page: index for index, pages in enumerate(deck.frames) for page in pages}


def score(slides: list[tuple[list[int], list[str]]], deck: Deck, frames: dict[int, set[str]]) -> Score:
    """SLIDES as (pages, lines) scored against the frames: count and the words each frame's slides hold."""
    frame_of = frame_index(deck)
    held: dict[int, set[str]] = {}
    for pages, lines in slides:
        for frame in {frame_of[page] for page in pages}:
            held.setdefault(frame, set()).update(words(lines))
    found = sum(len(frame & held.get(index, set())) for index, frame in frames.items())
    return Score(slides=len(slides), frames=len(frames), found=found, total=sum(map(len, frames.values())))


def lecturekit_slides(source: Source) -> list[tuple[list[int], list[str]]]:
    drafts = clean_source(source).drafts
    return [([ref.page for ref in draft.pages], draft.lines) for draft in drafts]


def last_page_per_label(source: Source, labels: list[str]) -> list[tuple[list[int], list[str]]]:
    """The peer: for each run of pages with one label, the last page, cleaned as lecturekit cleans pages."""
    pages = source.pages
    kept = [
        page
        for page, following in zip(pages, [*pages[1:], None], strict=True)
        if following is None or labels[following.page - 1] != labels[page.page - 1]
    ]
    return lecturekit_slides(one_slide_per_page(source.model_copy(update={"pages": kept})))


def decks_in(folder: Path) -> list[Deck]:
    """The Beamer decks of FOLDER with their frames: from truth/*.json, else from each PDF's page labels."""
    truths = sorted((folder / "truth").glob("*.json"))
    if truths:
        found = []
        for path in truths:
            truth = json.loads(path.read_text(encoding="utf-8"))
            if truth.get("kind") != "beamer" or path.stem.endswith("-nolabels"):
                continue
            handout = folder / truth["handout"] if truth.get("handout") else None
            found.append(
                Deck(pdf=folder / truth["pdf"], frames=[s["pages"] for s in truth["slides"]], handout=handout)
            )
        return found
    found = []
    for pdf in sorted(
        p for p in folder.glob("*.pdf") if not p.name.endswith((".handout.pdf", ".nolabels.pdf"))
    ):
        labels = pypdf.PdfReader(pdf).page_labels
        runs: list[list[int]] = []
        for page, label in enumerate(labels, start=1):
            if runs and labels[runs[-1][-1] - 1] == label:
                runs[-1].append(page)
            else:
                runs.append([page])
        handout = pdf.with_name(f"{pdf.stem}.handout.pdf")
        found.append(Deck(pdf=pdf, frames=runs, handout=handout if handout.is_file() else None))
    return found


def measure(decks: list[Deck], scratch: Path) -> dict[str, list[Score]]:
    """Scores of lecturekit with labels, lecturekit without labels and the peer, per deck."""
    results: dict[str, list[Score]] = {
        "lecturekit, labels": [],
        "lecturekit, no labels": [],
        "last page per label": [],
    }
    for deck in decks:
        labels = pypdf.PdfReader(deck.pdf).page_labels
        source = read(deck.pdf)
        frames = reference(deck, source)
        runs = {
            "lecturekit, labels": lecturekit_slides(source),
            "lecturekit, no labels": lecturekit_slides(
                unlabelled(source, deck, scratch, check=deck is decks[0])
            ),
            "last page per label": last_page_per_label(source, labels),
        }
        line = [f"{deck.pdf.name[:40]:40} {len(labels):4} pages {len(frames):3} frames"]
        for name, slides in runs.items():
            result = score(slides, deck, frames)
            results[name].append(result)
            line.append(f"{result.slides:4} / {result.recall:.3f}")
        print("  ".join(line), flush=True)
    return results


def main(folder: str | None = None) -> None:
    """Print per-deck and overall figures for the decks in FOLDER (or $LECTUREKIT_BEAMER_DECKS)."""
    where = Path(folder or os.environ.get(ENV, ""))
    decks = decks_in(where) if str(where) and where.is_dir() else []
    if not decks:
        print(
            f"no Beamer decks given (a folder with truth/*.json or NAME.pdf [+ NAME.handout.pdf], or ${ENV}); skipped"
        )
        return
    with tempfile.TemporaryDirectory() as scratch:
        print(f"{'deck':40} {'':21}  slides / recall: labels, no labels, last page per label")
        results = measure(decks, Path(scratch))
    for name, scores in results.items():
        exact = sum(s.exact for s in scores)
        recall = sum(s.found for s in scores) / max(1, sum(s.total for s in scores))
        print(f"{name:24} exact slide count {exact}/{len(scores)}   handout recall {recall:.3f}")
    peer = results["last page per label"]
    peer_recall = sum(s.found for s in peer) / max(1, sum(s.total for s in peer))
    for name in ("lecturekit, labels", "lecturekit, no labels"):
        ours = sum(s.found for s in results[name]) / max(1, sum(s.total for s in results[name]))
        print(f"{name}: recall ratio to the peer {ours / peer_recall:.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
