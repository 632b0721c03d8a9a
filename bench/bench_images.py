"""Slide pictures on real decks: kB per slide, quality, and time against a raw render, in the same run.

For every deck with ground truth (``truth/<deck>.json`` in the decks folder, see bench/realdecks.json) the
pictured page of a slide is its final build page (the last page the truth gives the slide). Each one is made as
lecturekit makes it (``pictures.render_page`` at the picture size, then ``pictures.encode``: WebP) and compared,
on the same pages at the same pixel size, with:

- pdfium's raw render (no encoding) and poppler's ``pdftoppm -png`` (one process per page): the time peers;
- JPEG at quality 80 and an adaptive-palette PNG (64 colours): the size peers (the formats not chosen);
- PSNR of the WebP against the render it encodes (dB; above ~35 small text reads as in the PDF).

The ``-nolabels`` copies of decks are skipped (same pages). --max-slides spreads a sample over each deck.
Measured 2026-12-06 on 29 decks (342 slides; a 2-core machine shared with other jobs): WebP 47.5 kB per
slide (JPEG q80 78.5, PNG 64 colours 38.2), PSNR 40.0 dB; 345 ms a slide = 4.2x pdfium's raw render
(which encodes nothing), 0.27x ``pdftoppm -png`` (one process per page).

    python bench/bench_images.py [DECKS] [--max-slides N]     (DECKS: $LECTUREKIT_DECKS, else ./decks)
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageStat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lecturekit.ingest import pictures  # noqa: E402
from lecturekit.models import Model  # noqa: E402

DEFAULT_DECKS = Path(os.environ.get("LECTUREKIT_DECKS", "decks"))


class DeckFigures(Model):
    """One deck's sums over its pictured slides."""

    deck: str
    slides: int = 0
    webp_bytes: int = 0
    jpeg_bytes: int = 0
    png_bytes: int = 0
    psnr_sum: float = 0.0
    picture_s: float = 0.0  # lecturekit: render at the picture size and encode
    raw_s: float = 0.0  # pdfium render only, same size
    pdftoppm_s: float = 0.0  # poppler, same size, PNG out (process start included)


def final_pages(truth: dict, limit: int) -> list[int]:
    """The last page of each slide the truth lists, spread evenly down to LIMIT pages."""
    pages = [slide["pages"][-1] for slide in truth["slides"] if slide.get("pages")]
    if len(pages) <= limit:
        return pages
    step = len(pages) / limit
    return [pages[int(i * step)] for i in range(limit)]


def psnr(a: Image.Image, b: Image.Image) -> float:
    """Peak signal-to-noise ratio of B against A (dB), over the RGB channels."""
    stat = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB")))
    mse = sum(rms**2 for rms in stat.rms) / 3
    return 99.0 if mse == 0 else 10 * math.log10(255**2 / mse)


def encoded_size(image: Image.Image, fmt: str, **params: object) -> int:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return len(buffer.getvalue())


def measure_deck(name: str, pdf: Path, pages: list[int], poppler: str | None) -> DeckFigures:
    figures = DeckFigures(deck=name)
    document = pdfium.PdfDocument(str(pdf))
    with tempfile.TemporaryDirectory() as tmp:
        for number in pages:
            start = time.perf_counter()
            rendered = pictures.render_pdf_page(document, number - 1)
            picture = pictures.encode(rendered)
            figures.picture_s += time.perf_counter() - start
            start = time.perf_counter()
            page = document[number - 1]
            page.render(scale=picture.width / page.get_width()).to_pil()
            page.close()
            figures.raw_s += time.perf_counter() - start
            if poppler:
                start = time.perf_counter()
                subprocess.run(
                    [
                        poppler,
                        "-f",
                        str(number),
                        "-l",
                        str(number),
                        "-png",
                        "-scale-to-x",
                        str(picture.width),
                        "-scale-to-y",
                        str(picture.height),
                        str(pdf),
                        f"{tmp}/p",
                    ],
                    check=True,
                )
                figures.pdftoppm_s += time.perf_counter() - start
            figures.slides += 1
            figures.webp_bytes += len(picture.data)
            figures.jpeg_bytes += encoded_size(rendered.convert("RGB"), "JPEG", quality=80, optimize=True)
            palette = rendered.convert("RGB").quantize(64, dither=Image.Dither.NONE)
            figures.png_bytes += encoded_size(palette, "PNG", optimize=True)
            with Image.open(io.BytesIO(picture.data)) as decoded:
                figures.psnr_sum += psnr(rendered, decoded)
    document.close()
    return figures


def decks_with_truth(folder: Path) -> list[tuple[str, Path, dict]]:
    found = []
    for path in sorted((folder / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        pdf = folder / truth["pdf"]
        if not truth["deck"].endswith("-nolabels") and pdf.is_file():
            found.append((truth["deck"], pdf, truth))
    return found


def report(rows: list[DeckFigures], poppler: str | None) -> None:
    print(
        f"{'deck':34} {'slides':>6} {'WebP kB':>8} {'JPEG kB':>8} {'PNG64 kB':>8} {'PSNR':>6} {'× pdfium':>9}"
        + (f" {'× pdftoppm':>10}" if poppler else "")
    )
    for r in rows:
        line = (
            f"{r.deck[:34]:34} {r.slides:6d} {r.webp_bytes / r.slides / 1000:8.1f} {r.jpeg_bytes / r.slides / 1000:8.1f} "
            f"{r.png_bytes / r.slides / 1000:8.1f} {r.psnr_sum / r.slides:6.1f} {r.picture_s / r.raw_s:9.2f}"
        )
        print(line + (f" {r.picture_s / r.pdftoppm_s:10.2f}" if poppler else ""))
    total = DeckFigures(
        deck="all", **{f: sum(getattr(r, f) for r in rows) for f in DeckFigures.model_fields if f != "deck"}
    )
    print(
        f"all decks: {total.slides} slides, WebP {total.webp_bytes / total.slides / 1000:.1f} kB per slide "
        f"(JPEG q80 {total.jpeg_bytes / total.slides / 1000:.1f}, PNG 64 colours {total.png_bytes / total.slides / 1000:.1f}), "
        f"PSNR {total.psnr_sum / total.slides:.1f} dB; picture time {total.picture_s / total.slides * 1000:.0f} ms "
        f"= {total.picture_s / total.raw_s:.2f}× pdfium's raw render"
        + (
            f", {total.picture_s / total.pdftoppm_s:.2f}× pdftoppm -png"
            if poppler
            else " (pdftoppm not installed)"
        )
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "decks", nargs="?", type=Path, default=Path(os.environ.get("LECTUREKIT_DECKS", DEFAULT_DECKS))
    )
    parser.add_argument("--max-slides", type=int, default=12, help="slides measured per deck (spread evenly)")
    args = parser.parse_args(argv if argv is not None else [])
    if not (args.decks / "truth").is_dir():
        print(f"skipped: no decks with truth/ under {args.decks}")
        return
    poppler = shutil.which("pdftoppm")
    rows = [
        measure_deck(name, pdf, final_pages(truth, args.max_slides), poppler)
        for name, pdf, truth in decks_with_truth(args.decks)
    ]
    report([r for r in rows if r.slides], poppler)


if __name__ == "__main__":
    main(sys.argv[1:])
