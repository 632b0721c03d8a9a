"""Reading order from the layout: columns left before right, a callout as one block, table rows whole,
wrapped list items whole, two-line titles joined, code with its indentation as one block."""

from __future__ import annotations

from pathlib import Path

from pdfgen import canvas_deck, draw_text
from reportlab.pdfgen import canvas

from lecturekit.errors import Diagnostics
from lecturekit.ingest.options import IngestOptions
from lecturekit.ingest.pdf import read_pdf
from lecturekit.models import Page

LEFT = ["How much data do we", "need to fit a model", "with ten parameters?"]
RIGHT = ["How much compute do", "we need to train it", "in one afternoon?"]


def read(path: Path, tmp_path: Path) -> list[Page]:
    return read_pdf(path, IngestOptions(cache_dir=str(tmp_path / "cache")), Diagnostics()).pages


def title(pdf: canvas.Canvas, text: str) -> None:
    draw_text(pdf, 40, 50, text, size=30, font="DejaVuSans-Bold")


def test_two_columns_on_shared_baselines_are_read_left_then_right(tmp_path):
    def draw(pdf: canvas.Canvas) -> None:
        title(pdf, "Two questions")
        for row, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
            draw_text(pdf, 40, 120 + 26 * row, left)  # PowerPoint writes row by row across the two boxes
            draw_text(pdf, 380, 120 + 26 * row, right)

    page = read(canvas_deck(tmp_path / "columns.pdf", [draw]), tmp_path)[0]
    assert page.text.splitlines() == ["Two questions", *LEFT, *RIGHT]
    assert len({line.block for line in page.lines[1:4]}) == 1 and page.lines[1].block != page.lines[4].block


def test_two_content_placeholders_of_short_bulleted_lines_are_columns_not_a_table(tmp_path):
    left = ["\u2022 Breadth-first search", "visits vertices by", "their distance", "\u2022 It finds paths"]
    right = ["\u2022 Depth-first search", "follows one path", "as far as it goes", "\u2022 It finds cycles"]

    def draw(pdf: canvas.Canvas) -> None:
        title(pdf, "Comparing BFS and DFS")
        for row, (one, two) in enumerate(zip(left, right, strict=True)):  # short lines on shared baselines
            indent = 0 if one.startswith("\u2022") else 14
            draw_text(pdf, 40 + indent, 120 + 28 * row, one)
            draw_text(pdf, 380 + indent, 120 + 28 * row, two)

    page = read(canvas_deck(tmp_path / "two_content.pdf", [draw]), tmp_path)[0]
    assert page.text.splitlines() == ["Comparing BFS and DFS", *left, *right]
    assert "\t" not in page.text


def test_a_callout_beside_the_bullets_stays_one_block_after_them(tmp_path):
    bullets = [
        "\u2022 Momentum keeps a running",
        "average of the gradients",
        "\u2022 Adam also scales each step",
    ]
    callout = ["Tip: start with", "a learning rate", "of 3e-4"]

    def draw(pdf: canvas.Canvas) -> None:
        title(pdf, "Optimizers")
        pdf.setFillColorRGB(1, 0.95, 0.6)
        pdf.rect(470, 405 - 230, 200, 110, stroke=1, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        for row in range(3):  # drawn interleaved with the bullets, row by row
            draw_text(pdf, 40 if row != 1 else 62, 130 + 26 * row, bullets[row])
            draw_text(pdf, 485, 140 + 26 * row, callout[row], size=16)

    page = read(canvas_deck(tmp_path / "callout.pdf", [draw]), tmp_path)[0]
    assert page.text.splitlines() == ["Optimizers", *bullets, *callout]
    assert page.title == "Optimizers"


def test_table_rows_stay_whole_with_cells_split_by_tabs(tmp_path):
    rows = [
        ["Method", "Steps", "Error"],
        ["SGD", "1000", "0.12"],
        ["Adam", "300", "0.08"],
        ["LBFGS", "50", "0.10"],
    ]

    def draw(pdf: canvas.Canvas) -> None:
        title(pdf, "Results")
        for column in range(3):  # a table exported column by column
            for number, row in enumerate(rows):
                draw_text(pdf, 60 + 180 * column, 120 + 28 * number, row[column])

    page = read(canvas_deck(tmp_path / "table.pdf", [draw]), tmp_path)[0]
    assert page.text.splitlines() == ["Results", *("\t".join(row) for row in rows)]


def test_wrapped_list_items_with_hanging_bullets_stay_whole_and_in_order(tmp_path):
    items = [
        ("Regularization adds a penalty", "on large weights"),
        ("Dropout removes units", "at random while training"),
    ]

    def draw(pdf: canvas.Canvas) -> None:
        title(pdf, "Against overfitting")
        y = 120
        for first, second in items:  # PowerPoint: the bullet far left of a hanging indent
            draw_text(pdf, 40, y, "\u2022", size=20)
            draw_text(pdf, 75, y, first, size=20)
            draw_text(pdf, 75, y + 24, second, size=20)
            y += 60

    page = read(canvas_deck(tmp_path / "wrapped.pdf", [draw]), tmp_path)[0]
    assert page.text.splitlines() == [
        "Against overfitting",
        "\u2022 Regularization adds a penalty",
        "on large weights",
        "\u2022 Dropout removes units",
        "at random while training",
    ]


def test_a_title_over_two_lines_is_joined_and_figure_labels_are_never_titles(tmp_path):
    def slide(heading: list[str]):
        def draw(pdf: canvas.Canvas) -> None:
            for number, line in enumerate(heading):
                draw_text(pdf, 40, 50 + 34 * number, line, size=28, font="DejaVuSans-Bold")
            draw_text(pdf, 40, 150, "Body text in the usual size")
            draw_text(pdf, 40, 180, "and a second body line")

        return draw

    def figure(pdf: canvas.Canvas) -> None:
        for x, label in zip(
            (100, 200, 300, 400), "2412", strict=True
        ):  # axis labels at the top, larger than body
            draw_text(pdf, x, 30, label, size=30)
        draw_text(pdf, 40, 300, "A plot of the loss over time")

    path = canvas_deck(
        tmp_path / "titles.pdf",
        [
            slide(["Why deep networks", "generalize at all"]),
            slide(["Backpropagation"]),
            slide(["Chain rule"]),
            figure,
        ],
    )
    pages = read(path, tmp_path)
    assert pages[0].text.splitlines()[0] == "Why deep networks generalize at all"  # one line, as it reads
    assert [page.title for page in pages] == [
        "Why deep networks generalize at all",
        "Backpropagation",
        "Chain rule",
        None,
    ]


def test_monospace_code_keeps_its_indentation_and_lone_brace_as_one_block(tmp_path):
    code = [
        "int sum(int* a, int n) {",
        "    int s = 0;",
        "    for (int i = 0; i < n; i++) {",
        "        s += a[i];",
        "    }",
        "    return s;",
        "}",
    ]

    def draw(pdf: canvas.Canvas) -> None:
        title(pdf, "Summing an array")
        for number, line in enumerate(code):  # listings place each token, never writing the leading spaces
            indent = len(line) - len(line.lstrip())
            draw_text(
                pdf, 40 + indent * 0.6 * 14, 110 + 20 * number, line.strip(), size=14, font="DejaVuSansMono"
            )

    page = read(canvas_deck(tmp_path / "code.pdf", [draw]), tmp_path)[0]
    lines = page.lines[1:]
    assert [line.text for line in lines] == code
    assert all(line.monospace for line in lines) and len({line.block for line in lines}) == 1
