"""Write the real-deck fixtures of issue #11 to tests/fixtures/decks/: small PDFs plus the expected output of each.

Needs pdflatex with beamer and lmodern (texlive-latex-recommended, texlive-latex-extra, lmodern),
LibreOffice Impress (soffice), python-pptx, pypdf and Pillow, the Linux Libertine O and
DejaVu fonts. The tests that use the fixtures need none of these.

    .venv/bin/python scripts/make_test_decks.py [OUT_DIR]

Decks:
- beamer_overlays.pdf: \\pause, \\uncover, \\only, \\visible, item overlays, columns and blocks; with /PageLabels.
- beamer_overlays_nolabels.pdf: the same PDF with /PageLabels removed by pypdf.
- pptx_lecture.pdf: python-pptx → LibreOffice: title placeholders, a repeated "Announcements" slide, section
  dividers, a callout, three build slides, a two-content layout, an image-only slide, a footer on every page.
- pptx_glyphs.pdf: python-pptx → LibreOffice: ligatures (Linux Libertine O; their ToUnicode entries then
  dropped, so only the glyph names f_i, f_f_i, f_l tell them), small caps, math alphanumerics and Greek,
  and a code listing in DejaVu Sans Mono with indentation and a lone "}".
Each DECK.pdf gets DECK.expected.json: slides in order with title, pages, kind, text that must be present
(in order) or absent, code lines that must appear exactly, and per-page text that a build page must not hold.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pypdf
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.presentation import Presentation as Deck
from pptx.util import Emu, Inches, Pt

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "decks"
EPOCH = "1700000000"  # fixed dates in the PDFs, so that a rerun writes the same bytes where the tools allow

BEAMER = r"""\documentclass{beamer}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\setbeamertemplate{navigation symbols}{}
\hyphenpenalty=10000 \exhyphenpenalty=10000
\pdfinfoomitdate=1 \pdftrailerid{}
\title{Overlay Traps}
\author{Fixture Author}
\date{}
\begin{document}
\begin{frame}
\titlepage
\end{frame}

\begin{frame}{Three Steps}
\begin{itemize}
\item First, collect the data. \pause
\item Second, fit the model. \pause
\item Third, check the residuals.
\end{itemize}
\end{frame}

\begin{frame}{Quick Question}
Which estimator is unbiased?
\begin{enumerate}
\item The sample maximum
\item The sample mean
\end{enumerate}
\uncover<2>{Answer: (b) the sample mean.}
\end{frame}

\begin{frame}{Swapped Content}
Both versions share this line.

\only<1>{The first version shows a scatter plot.}
\only<2>{The second version shows a fitted line.}
\end{frame}

\begin{frame}{Visible Later}
This sentence is always shown.

\visible<2->{This sentence appears on the second step.}
\end{frame}

\begin{frame}{Two Columns}
\begin{columns}[T]
\begin{column}{0.45\textwidth}
The left column explains why efficient sampling reduces the variance of every estimate.
\end{column}
\begin{column}{0.45\textwidth}
The right column shows how the confidence interval shrinks as more samples arrive.
\end{column}
\end{columns}
\end{frame}

\begin{frame}{Blocks}
\begin{block}{Definition}
A statistic is any function of the data.
\end{block}
\begin{alertblock}{Warning}
A parameter is not a statistic.
\end{alertblock}
\begin{exampleblock}{Example}
The sample mean is a statistic.
\end{exampleblock}
\end{frame}

\begin{frame}{Stepwise Items}
\begin{itemize}
\item<1-> Define the null hypothesis.
\item<2-> Choose the significance level.
\item<3-> Compute the p-value.
\end{itemize}
\end{frame}
\end{document}
"""


def slide(
    title: str | None,
    pages: list[int],
    present: list[str],
    kind: str = "content",
    absent: list[str] | None = None,
    code: list[str] | None = None,
) -> dict:
    """One expected slide (title None: the slide has no title and gets a "Slide N" fallback)."""
    return {
        "title": title,
        "pages": pages,
        "kind": kind,
        "present": present,
        "absent": absent or [],
        "code": code or [],
    }


STEPS = ["First, collect the data.", "Second, fit the model.", "Third, check the residuals."]
ITEMS = ["Define the null hypothesis.", "Choose the significance level.", "Compute the p-value."]
FIRST, SECOND = "The first version shows a scatter plot.", "The second version shows a fitted line."
LEFT = "The left column explains why efficient sampling reduces the variance of every estimate."
RIGHT = "The right column shows how the confidence interval shrinks as more samples arrive."


def beamer_slides(labels: bool) -> list[dict]:
    """Expected slides of the Beamer deck; without labels, \\only's swapped pages are not contained in each other."""
    swapped = (
        [slide("Swapped Content", [7, 8], ["Both versions share this line.", FIRST, SECOND])]
        if labels
        else [
            slide("Swapped Content", [7], ["Both versions share this line.", FIRST], absent=[SECOND]),
            slide("Swapped Content", [8], ["Both versions share this line.", SECOND], absent=[FIRST]),
        ]
    )
    return [
        slide("Overlay Traps", [1], ["Overlay Traps", "Fixture Author"]),
        slide("Three Steps", [2, 3, 4], STEPS),
        slide(
            "Quick Question",
            [5, 6],
            [
                "Which estimator is unbiased?",
                "The sample maximum",
                "The sample mean",
                "Answer: (b) the sample mean.",
            ],
        ),
        *swapped,
        slide(
            "Visible Later",
            [9, 10],
            ["This sentence is always shown.", "This sentence appears on the second step."],
        ),
        slide("Two Columns", [11], [LEFT, RIGHT]),
        slide(
            "Blocks",
            [12],
            [
                "Definition",
                "A statistic is any function of the data.",
                "Warning",
                "A parameter is not a statistic.",
                "Example",
                "The sample mean is a statistic.",
            ],
        ),
        slide("Stepwise Items", [13, 14, 15], ITEMS),
    ]


# What each build page must not hold: the text its step does not show yet (or no longer shows).
BEAMER_HIDDEN = {
    "2": STEPS[1:],
    "3": STEPS[2:],
    "5": ["Answer: (b)"],
    "7": [SECOND],
    "8": [FIRST],
    "9": ["This sentence appears on the second step."],
    "13": ITEMS[1:],
    "14": ITEMS[2:],
}


def run(cmd: list[str], cwd: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, FORCE_SOURCE_DATE="1")
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def label_runs(pdf: Path) -> list[list[int]]:
    labels = pypdf.PdfReader(pdf).page_labels
    runs: list[list[int]] = []
    for n, label in enumerate(labels, start=1):
        if runs and labels[n - 2] == label:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def strip_labels(pdf: Path, out: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(pdf))
    del writer._root_object["/PageLabels"]  # noqa: SLF001 - pypdf exposes the catalog only so
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())


def make_beamer(work: Path, out: Path) -> None:
    (work / "overlays.tex").write_text(BEAMER)
    run(["pdflatex", "-interaction=nonstopmode", "overlays.tex"], work)
    pdf = out / "beamer_overlays.pdf"
    shutil.copy(work / "overlays.pdf", pdf)
    expected = beamer_slides(labels=True)
    assert label_runs(pdf) == [s["pages"] for s in expected], label_runs(pdf)
    write_expected(pdf, expected, hidden=BEAMER_HIDDEN)
    bare = out / "beamer_overlays_nolabels.pdf"
    strip_labels(pdf, bare)
    assert "/PageLabels" not in pypdf.PdfReader(bare).root_object
    write_expected(bare, beamer_slides(labels=False), hidden=BEAMER_HIDDEN)


FOOTER = "CS 210 · Graph Algorithms · Spring 2025"
ANNOUNCE = ["Homework 2 is due on Friday at noon.", "Office hours move to Room 204 this week."]
BUILD = [
    "Initialise every distance to infinity.",
    "Set the source distance to zero.",
    "Relax each edge until no distance changes.",
]
BFS = [
    "Breadth-first search visits vertices in order of their distance.",
    "It finds shortest paths in unweighted graphs.",
]
DFS = ["Depth-first search follows one path as far as it can go.", "It finds cycles and a topological order."]
LONG_TITLE = "Kruskal's Algorithm Builds a Minimum Spanning Tree Greedily"  # wraps: a two-line title
# Words that also make announcements (deadline, due, submit): a content slide all the same.
DEADLINES = [
    "Each job has a deadline and a profit.",
    "A job is due before its deadline or it earns nothing.",
    "Submit the jobs in order of decreasing profit.",
]
CALLOUT = "Weights must be positive before we relax any edge."
LIGATURES = [
    "Efficient fine-grained classification of flowers.",
    "The official affine fit differs from the office baseline.",
]
SMALLCAPS = "runs in n log n time on every input."
CODE_PY = [
    "def relax(u, v, w):",
    "    if dist[u] + w < dist[v]:",
    "        dist[v] = dist[u] + w",
    "        prev[v] = u",
]
CODE_C = ["for (int i = 0; i < n; i++) {", "    total += a[i];", "}"]
MATH = "\U0001d453(\U0001d465) = \U0001d6fd\u2080 + \U0001d6fd\u2081\U0001d465"  # 𝑓(𝑥) = 𝛽₀ + 𝛽₁𝑥, as PowerPoint math writes it


def text_box(
    sld,
    left: float,
    top: float,
    width: float,
    height: float,
    lines: list[str],
    size: int = 18,
    font: str | None = None,
    small_caps: bool = False,
):
    """A text box with one paragraph per line, in FONT when given."""
    box = sld.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run_ = para.add_run()
        run_.text = line
        run_.font.size = Pt(size)
        if font:
            run_.font.name = font
        if small_caps:
            run_.font._rPr.set("cap", "small")  # noqa: SLF001 - python-pptx has no small-caps property
    return box


def fill_body(placeholder, lines: list[str], font: str = "DejaVu Sans", size: int = 24) -> None:
    frame = placeholder.text_frame
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run_ = para.add_run()
        run_.text = line
        run_.font.name = font
        run_.font.size = Pt(size)


def titled(prs: Deck, layout: int, title: str, font: str = "DejaVu Sans"):
    sld = prs.slides.add_slide(prs.slide_layouts[layout])
    sld.shapes.title.text = title
    for para in sld.shapes.title.text_frame.paragraphs:
        for run_ in para.runs:
            run_.font.name = font
    return sld


def footer(sld, number: int) -> None:
    """The deck's running footer and page number, as a template would draw them."""
    text_box(sld, 0.4, 7.0, 6.0, 0.4, [FOOTER], size=11)
    text_box(sld, 12.3, 7.0, 0.8, 0.4, [str(number)], size=11)


def chart_png(path: Path) -> None:
    """A small bar chart with no text at all: the picture of a figure-only slide."""
    img = Image.new("RGB", (320, 200), "white")
    draw = ImageDraw.Draw(img)
    for i, h in enumerate([60, 120, 90, 160, 40]):
        draw.rectangle([20 + i * 60, 190 - h, 60 + i * 60, 190], fill=(40 + 40 * i, 90, 200 - 30 * i))
    draw.line([10, 190, 310, 190], fill="black", width=2)
    img.save(path, optimize=True)


def new_presentation() -> Deck:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(Inches(13.333)), Emu(Inches(7.5))
    return prs


def lecture_deck(work: Path) -> tuple[Path, list[dict]]:
    """The PowerPoint-style lecture: structure traps (titles, kinds, builds, layout, furniture)."""
    prs = new_presentation()
    first = titled(prs, 0, "Graph Algorithms")
    first.placeholders[1].text = "Lecture 5 with Dr. Ada Example"
    sld = titled(prs, 1, "Announcements")
    fill_body(sld.placeholders[1], ANNOUNCE)
    footer(sld, 2)
    sld = titled(prs, 2, "Part 1: Shortest Paths")
    sld.placeholders[1].text = "Distances in weighted graphs"
    footer(sld, 3)
    sld = titled(prs, 1, "Dijkstra's Algorithm")
    body = sld.placeholders[1]
    body.width = Inches(7.5)
    fill_body(body, ["Keep a priority queue of tentative distances.", "Settle the closest vertex next."])
    callout = sld.shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, Inches(9.0), Inches(2.0), Inches(3.6), Inches(1.8)
    )
    callout.fill.solid()
    callout.fill.fore_color.rgb = RGBColor(0xFF, 0xE0, 0x99)
    fill_body(callout, [CALLOUT], size=20)
    footer(sld, 4)
    for step in range(1, 4):
        sld = titled(prs, 1, "Relaxation")
        fill_body(sld.placeholders[1], BUILD[:step])
        footer(sld, 4 + step)
    sld = titled(prs, 3, "Comparing BFS and DFS")
    fill_body(sld.placeholders[1], BFS, size=22)
    fill_body(sld.placeholders[2], DFS, size=22)
    footer(sld, 8)
    sld = prs.slides.add_slide(prs.slide_layouts[6])
    chart_png(work / "chart.png")
    sld.shapes.add_picture(str(work / "chart.png"), Inches(3.5), Inches(1.2), Inches(6.4), Inches(4.0))
    footer(sld, 9)
    sld = titled(prs, 2, "Part 2: Spanning Trees")
    sld.placeholders[1].text = "Greedy choices that stay optimal"
    footer(sld, 10)
    sld = titled(prs, 1, LONG_TITLE)
    fill_body(sld.placeholders[1], ["Sort the edges by weight.", "Add an edge unless it closes a cycle."])
    footer(sld, 11)
    sld = titled(prs, 1, "Scheduling with Deadlines")
    fill_body(sld.placeholders[1], DEADLINES)
    footer(sld, 12)
    sld = titled(prs, 1, "Announcements")
    fill_body(sld.placeholders[1], [*ANNOUNCE, "The midterm covers lectures one to six."])
    footer(sld, 13)
    expected = [
        slide("Graph Algorithms", [1], ["Graph Algorithms", "Lecture 5 with Dr. Ada Example"]),
        slide("Announcements", [2], ANNOUNCE, kind="admin", absent=[FOOTER, "The midterm"]),
        # The default template's section header draws its title in capitals: that is what a viewer sees.
        slide(
            "PART 1: SHORTEST PATHS",
            [3],
            ["PART 1: SHORTEST PATHS", "Distances in weighted graphs"],
            absent=["Keep a priority queue"],
        ),
        slide(
            "Dijkstra's Algorithm",
            [4],
            ["Keep a priority queue of tentative distances.", "Settle the closest vertex next.", CALLOUT],
            absent=[FOOTER],
        ),
        slide("Relaxation", [5, 6, 7], BUILD, absent=[FOOTER]),
        slide("Comparing BFS and DFS", [8], [*BFS, *DFS], absent=[FOOTER]),
        slide(None, [9], [], absent=[FOOTER]),
        slide(
            "PART 2: SPANNING TREES",
            [10],
            ["PART 2: SPANNING TREES", "Greedy choices that stay optimal"],
            absent=["Sort the edges"],
        ),
        slide(LONG_TITLE, [11], ["Sort the edges by weight.", "Add an edge unless it closes a cycle."]),
        slide("Scheduling with Deadlines", [12], DEADLINES),
        slide("Announcements", [13], [*ANNOUNCE, "The midterm covers lectures one to six."], kind="admin"),
    ]
    path = work / "pptx_lecture.pptx"
    prs.save(str(path))
    return path, expected


def glyphs_deck(work: Path) -> tuple[Path, list[dict]]:
    """The PowerPoint-style glyph traps: ligatures, small caps, math alphanumerics, code."""
    prs = new_presentation()
    sld = titled(prs, 0, "Reading Glyphs")
    sld.placeholders[1].text = "Ligatures, small caps, math and code"
    sld = titled(prs, 5, "Efficient Classification", font="Linux Libertine O")
    text_box(sld, 0.8, 1.8, 11.5, 3.0, LIGATURES, size=28, font="Linux Libertine O")
    sld = titled(prs, 5, "Sorting Names")
    box = text_box(sld, 0.8, 1.8, 11.5, 1.0, ["MergeSort"], size=28, font="DejaVu Sans", small_caps=True)
    tail = box.text_frame.paragraphs[0].add_run()
    tail.text = " " + SMALLCAPS
    tail.font.size = Pt(28)
    tail.font.name = "DejaVu Sans"
    sld = titled(prs, 5, "Linear Model")
    text_box(sld, 0.8, 1.8, 11.5, 1.0, [MATH], size=32, font="DejaVu Math TeX Gyre")
    text_box(
        sld,
        0.8,
        3.2,
        11.5,
        1.0,
        ["The slope \u03b2\u2081 measures the change per unit of x."],
        size=24,
        font="DejaVu Sans",
    )
    sld = titled(prs, 5, "Relaxing an Edge")
    text_box(sld, 0.8, 1.6, 11.5, 2.4, CODE_PY, size=22, font="DejaVu Sans Mono")
    text_box(sld, 0.8, 4.4, 11.5, 1.8, CODE_C, size=22, font="DejaVu Sans Mono")
    expected = [
        slide("Reading Glyphs", [1], ["Reading Glyphs", "Ligatures, small caps, math and code"]),
        slide("Efficient Classification", [2], LIGATURES, absent=["\ufb01", "\ufb02", "\ufb03"]),
        # Small caps are drawn as capitals of two sizes: one word for the viewer, never "M ERGE S ORT".
        slide("Sorting Names", [3], ["MERGESORT " + SMALLCAPS], absent=["M ERGE", "ERGE S"]),
        slide(
            "Linear Model",
            [4],
            ["f(x)", "\u03b2", "The slope \u03b2\u2081 measures the change per unit of x."],
            absent=["\U0001d453", "\U0001d465", "\U0001d6fd"],
        ),
        slide("Relaxing an Edge", [5], [], code=[*CODE_PY, *CODE_C]),
    ]
    path = work / "pptx_glyphs.pptx"
    prs.save(str(path))
    return path, expected


def to_pdf(pptx_path: Path, out: Path, work: Path) -> Path:
    profile = work / "lo-profile"
    run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(pptx_path),
        ],
        work,
    )
    pdf = out / pptx_path.with_suffix(".pdf").name
    shutil.copy(pptx_path.with_suffix(".pdf"), pdf)
    return pdf


LIGATURE_NAMES = re.compile(rb"/((?:f_)+[ilf]|T_h|f_t)\b")
MULTI_CHAR = re.compile(rb"<([0-9A-F]{2})> <(?:[0-9A-F]{4}){2,}>\n")


def break_ligature_tounicode(pdf: Path) -> set[str]:
    """Drop the ToUnicode entries of ligature glyphs, as some exporters write them; return the glyph names.

    A reader then sees only the glyphs: it must map them through the font's glyph names (f_f_i → ffi).
    """
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(pdf))
    names: set[str] = set()
    for page in writer.pages:
        resources: Any = page["/Resources"]
        for ref in (resources.get("/Font") or {}).values():
            font: Any = ref.get_object()
            desc = font.get("/FontDescriptor")
            program = desc.get_object().get("/FontFile") if desc else None
            if program is None or "/ToUnicode" not in font:
                continue
            found = {m.decode() for m in LIGATURE_NAMES.findall(program.get_object().get_data())}
            if not found:
                continue
            names |= found
            cmap = font["/ToUnicode"].get_object()
            data = cmap.get_data()
            kept = MULTI_CHAR.sub(b"", data)
            count = len(re.findall(rb"<[0-9A-F]{2}> <[0-9A-F]+>\n", kept))
            kept = re.sub(rb"\d+ beginbfchar", str(count).encode() + b" beginbfchar", kept)
            cmap.set_data(kept)
    buffer = io.BytesIO()
    writer.write(buffer)
    pdf.write_bytes(buffer.getvalue())
    return names


def write_expected(pdf: Path, slides: list[dict], hidden: dict[str, list[str]] | None = None) -> None:
    pages = len(pypdf.PdfReader(pdf).pages)
    assert pages == sum(len(s["pages"]) for s in slides), (pdf, pages)
    data = {
        "pdf": pdf.name,
        "pages": pages,
        "slides": slides,
        "hidden_on_page": hidden or {},
        "absent_anywhere": [FOOTER],
    }
    pdf.with_suffix(".expected.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        make_beamer(work, out)
        for make in (lecture_deck, glyphs_deck):
            pptx_path, expected = make(work)
            pdf = to_pdf(pptx_path, out, work)
            write_expected(pdf, expected)
    ligatures = break_ligature_tounicode(out / "pptx_glyphs.pdf")
    assert {"f_i", "f_f_i", "f_l"} <= ligatures, ligatures  # LibreOffice really drew ligature glyphs
    print(f"ligature glyphs in pptx_glyphs.pdf (ToUnicode entries dropped): {sorted(ligatures)}")
    for pdf in sorted(out.glob("*.pdf")):
        print(f"{pdf.name}: {len(pypdf.PdfReader(pdf).pages)} pages, {pdf.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
