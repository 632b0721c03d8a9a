"""Reading order from the layout: glyphs → rows → segments → blocks by recursive XY-cut → Lines."""

from __future__ import annotations

import re
from collections import Counter
from statistics import median
from typing import NamedTuple

from lecturekit.ingest.visibility import Glyph
from lecturekit.models import Line

WORD_GAP_RATIO = 0.15  # a gap wider than 15 % of the font size splits words (pdfTeX writes no spaces)
ROW_OVERLAP = 0.5  # segments whose boxes overlap vertically by half the smaller height share a row
ROW_BASELINE = 0.25  # glyphs whose baselines differ by less than this many ems share a row (text boxes drift)
SHARED_BASELINE = 0.1  # glyphs of clearly different sizes share a row only on (almost) the same baseline
SCRIPT_SIZE = 0.85  # a row of glyphs at most this size of a neighbouring row's may be its sub/superscripts
SCRIPT_REACH = 0.3  # ... when each glyph sits within this many ems of that row's glyphs
SEGMENT_GAP = 1.0  # a gap wider than one em splits a row into segments (columns, table cells, boxes)
BLOCK_GAP = 0.45  # a vertical gap wider than this many ems between lines separates blocks
COLUMN_GAP = 0.5  # an empty vertical strip at least this many ems wide separates columns
ROTATED_RUN = 1.5  # rotated glyphs whose centres are this many ems apart or closer belong to one string
COLUMN_EDGE_ROWS = 2  # a left edge shared by this many segments is a column's edge
DEDUPE_TOLERANCE = 1.0  # points: a glyph repeated closer than this is an overprinted "bold" copy
DEDUPE_SHARE = 0.1  # ... and closer than a tenth of its size (tiny text repeats letters closer than that)
TABLE_CELL_WORDS = 4  # side-by-side parts whose lines average at most this many words, aligned, are a table
BULLET = re.compile(r"^[^\w\s(\[{\"'$]{1,2}\s")  # a line that starts with a bullet glyph and a space
MARKER = re.compile(r"^(?:[^\w\s]{1,2}|\(?[0-9a-zA-Z]{1,3}[.)])$")  # a bullet or list number on its own


class Segment(NamedTuple):
    """A run of words on one row with no wide gap: one cell, one column's line, one box's line."""

    glyphs: list[Glyph]
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    overprinted: bool


def page_lines(glyphs: list[Glyph], width: float, height: float) -> list[Line]:
    """The visible glyphs of a page as Lines in reading order, each carrying its block number."""
    segments = _segments([g for g in glyphs if g.upright]) + _rotated_segments(
        [g for g in glyphs if not g.upright]
    )
    if not segments:
        return []
    em = median(segment.size for segment in segments) or 10.0
    lines: list[Line] = []
    for block, group in enumerate(_order(segments, em)):
        lines.extend(_block_lines(group, block, width, height))
    return lines


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into rows by baseline; sub- and superscripts join the row of the text they touch."""
    # Baselines, not boxes: some fonts declare descents so deep that the boxes of two lines overlap.
    rows: list[tuple[float, float, list[Glyph]]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x0)):
        if rows:
            anchor, size, members = rows[-1]
            similar = min(size, glyph.size) >= SCRIPT_SIZE * max(size, glyph.size)
            # mixed sizes (small caps) share one baseline
            reach = ROW_BASELINE if similar else SHARED_BASELINE
            if abs(glyph.baseline - anchor) <= reach * min(size, glyph.size):
                members.append(glyph)
                continue
        rows.append((glyph.baseline, glyph.size, [glyph]))
    merged: list[list[Glyph]] = []
    for index, (_, _, members) in enumerate(rows):
        host = _script_host(members, [rows[i][2] for i in (index - 1, index + 1) if 0 <= i < len(rows)])
        if host is None:
            merged.append(members)
        else:
            host.extend(members)
    return [sorted(members, key=lambda g: g.x0) for members in merged if members]


def _script_host(small: list[Glyph], neighbours: list[list[Glyph]]) -> list[Glyph] | None:
    """The neighbouring row SMALL is a sub- or superscript of: larger text it overlaps and touches, else None."""
    for row in neighbours:
        larger = [g for g in row if max(s.size for s in small) <= SCRIPT_SIZE * g.size]
        if not larger:
            continue
        size = max(g.size for g in larger)
        top, bottom = min(g.top for g in larger), max(g.bottom for g in larger)
        inside = all(g.bottom > top and g.top < bottom for g in small)
        if inside and _attached(small, larger, SCRIPT_REACH * size):
            return row
    return None


def _attached(small: list[Glyph], larger: list[Glyph], reach: float) -> bool:
    """Whether every small glyph touches a larger one, directly or through its neighbours ("h" then "t+1")."""
    ordered = sorted(small, key=lambda g: g.x0)
    ok = [any(r.x0 - reach <= g.x0 <= r.x1 + reach for r in larger) for g in ordered]
    for index in range(1, len(ordered)):
        ok[index] = ok[index] or (ok[index - 1] and ordered[index].x0 - ordered[index - 1].x1 <= reach)
    for index in range(len(ordered) - 2, -1, -1):
        ok[index] = ok[index] or (ok[index + 1] and ordered[index + 1].x0 - ordered[index].x1 <= reach)
    return all(ok)


def _segments(glyphs: list[Glyph]) -> list[Segment]:
    """Every row split at gaps wider than an em, overprinted copies dropped; bullets stay with their text."""
    segments: list[Segment] = []
    for row in _rows(glyphs):
        row, overprinted = _dedupe(row)
        pieces: list[list[Glyph]] = [[row[0]]]
        for glyph in row[1:]:
            last = pieces[-1][-1]
            gap = glyph.x0 - last.x1
            both_mono = last.mono and glyph.mono
            wide = gap > SEGMENT_GAP * max(last.size, glyph.size) and not both_mono
            code_meets_prose = last.mono != glyph.mono and gap > WORD_GAP_RATIO * max(last.size, glyph.size)
            if (wide or code_meets_prose) and not MARKER.match(_text(pieces[-1]).strip()):
                pieces.append([glyph])
            else:
                pieces[-1].append(glyph)
        segments.extend(_segment(piece, overprinted) for piece in pieces if _text(piece).strip())
    return _split_at_column_edges(segments)


def _split_at_column_edges(segments: list[Segment]) -> list[Segment]:
    """Segments that run across a column's left edge (a narrow gutter) split where that column starts."""
    starts = Counter(round(s.x0) for s in segments)
    edges = {x for x in starts if starts[x] + starts.get(x - 1, 0) + starts.get(x + 1, 0) >= COLUMN_EDGE_ROWS}
    if len(edges) < 2:
        return segments
    out: list[Segment] = []
    for segment in segments:
        out.extend(_split_segment(segment, edges))
    return out


def _split_segment(segment: Segment, edges: set[int]) -> list[Segment]:
    glyphs = segment.glyphs
    for index in range(1, len(glyphs)):
        left, right = glyphs[index - 1], glyphs[index]
        at_edge = (
            round(right.x0) in edges and right.x0 > segment.x0 + right.size and not (left.mono and right.mono)
        )
        if (
            at_edge
            and right.x0 - left.x1 > WORD_GAP_RATIO * right.size
            and not right.text.isspace()
            and not MARKER.match(_text(glyphs[:index]).strip())
        ):
            head = [g for g in glyphs[:index] if not g.text.isspace()]
            if not head:
                continue
            return [
                _segment(head, segment.overprinted),
                *_split_segment(_segment(glyphs[index:], segment.overprinted), edges),
            ]
    return [segment]


def _rotated_segments(glyphs: list[Glyph]) -> list[Segment]:
    """Rotated text (axis labels, margin notes) as one segment per run of glyphs drawn next to each other."""
    runs: list[list[Glyph]] = []
    for glyph in glyphs:  # drawing order is reading order within a rotated string
        if runs and _distance(runs[-1][-1], glyph) <= ROTATED_RUN * max(glyph.size, runs[-1][-1].size):
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    return [_segment(run, False) for run in runs if _text(run).strip()]


def _distance(a: Glyph, b: Glyph) -> float:
    ax, ay = (a.x0 + a.x1) / 2, (a.top + a.bottom) / 2
    bx, by = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
    return float(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5)


def _dedupe(row: list[Glyph]) -> tuple[list[Glyph], bool]:
    kept: list[Glyph] = []
    for glyph in row:
        tolerance = min(DEDUPE_TOLERANCE, DEDUPE_SHARE * glyph.size)
        if any(
            g.text == glyph.text and abs(g.x0 - glyph.x0) <= tolerance and abs(g.top - glyph.top) <= tolerance
            for g in kept[-4:]
        ):
            continue
        kept.append(glyph)
    return kept, len(kept) < len(row)


def _segment(glyphs: list[Glyph], overprinted: bool) -> Segment:
    sizes = Counter(g.size for g in glyphs if not g.text.isspace())
    size = sizes.most_common(1)[0][0] if sizes else glyphs[0].size
    main = [g for g in glyphs if g.size == size] or glyphs
    return Segment(
        glyphs,
        min(g.x0 for g in glyphs),
        max(g.x1 for g in glyphs),
        min(g.top for g in glyphs),
        max(g.bottom for g in glyphs),
        median(g.baseline for g in main),
        size,
        overprinted,
    )


def _text(glyphs: list[Glyph]) -> str:
    return "".join(g.text for g in glyphs)


def _order(segments: list[Segment], em: float) -> list[list[Segment]]:
    """Blocks in reading order by recursive XY-cut: bands top to bottom, columns left to right."""
    if len(segments) == 1:
        return [segments]
    bands = _cut(segments, horizontal=True, gap=BLOCK_GAP * em)
    if bands is not None:
        return [block for group in _table_runs(bands) for block in _group_blocks(group, em)]
    if _one_row(segments):  # a footer's or header's boxes side by side read as one line
        return [segments]
    columns = _cut(segments, horizontal=False, gap=COLUMN_GAP * em)
    if columns is not None and not _is_table(columns):
        return [block for part in columns for block in _order(part, em)]
    return [segments]


def _group_blocks(group: list[list[Segment]], em: float) -> list[list[Segment]]:
    """A run of aligned rows as one table, or as its columns when each column is bulleted text; else a band."""
    if len(group) == 1:
        return _order(group[0], em)
    columns = [list(cells) for cells in zip(*group, strict=True)]
    if all(_text_column(column) for column in columns):
        return columns
    return [[s for row in group for s in row]]


def _table_runs(bands: list[list[Segment]]) -> list[list[list[Segment]]]:
    """Bands grouped: consecutive single rows whose cells line up form one table; any other band stands alone."""
    groups: list[list[list[Segment]]] = []
    for band in bands:
        cells = sorted(band, key=lambda s: s.x0)
        previous = groups[-1][-1] if groups else None
        if previous is not None and _cells_align(previous, cells):
            groups[-1].append(cells)
        else:
            groups.append([cells])
    return groups


def _cells_align(above: list[Segment], below: list[Segment]) -> bool:
    if len(above) != len(below) or len(above) < 2 or not _one_row(above) or not _one_row(below):
        return False
    return all(min(a.x1, b.x1) > max(a.x0, b.x0) for a, b in zip(above, below, strict=True))


def _one_row(segments: list[Segment]) -> bool:
    top = max(s.top for s in segments)
    bottom = min(s.bottom for s in segments)
    return bottom - top >= ROW_OVERLAP * min(s.bottom - s.top for s in segments)


def _cut(segments: list[Segment], horizontal: bool, gap: float) -> list[list[Segment]] | None:
    """SEGMENTS split at every empty strip wider than GAP (rows when HORIZONTAL, else columns), or None."""
    spans = sorted(((s.top, s.bottom) if horizontal else (s.x0, s.x1), i) for i, s in enumerate(segments))
    parts: list[list[Segment]] = [[]]
    reach = spans[0][0][1]
    for (start, end), index in spans:
        if parts[-1] and start - reach > gap:
            parts.append([])
        parts[-1].append(segments[index])
        reach = max(reach, end)
    return parts if len(parts) > 1 else None


def _is_table(columns: list[list[Segment]]) -> bool:
    """Side-by-side parts of short lines on shared baselines: table cells, to be read row by row."""
    if any(len(part) < 2 for part in columns):
        return False
    words = [len(_segment_text(s, None).split()) for part in columns for s in part]
    if sum(words) / len(words) > TABLE_CELL_WORDS or all(_text_column(part) for part in columns):
        return False
    baselines = [{round(s.baseline) for s in part} for part in columns]
    shared = set.intersection(*baselines)
    return len(shared) >= 2 and len(shared) >= 0.7 * min(len(b) for b in baselines)


def _text_column(part: list[Segment]) -> bool:
    """A column of bulleted text: it starts with a bullet, and some item wraps onto a line of its own."""
    texts = [_segment_text(s, None) for s in sorted(part, key=lambda s: s.top)]
    wrapped = any(text[:1].islower() for text in texts[1:])
    return bool(BULLET.match(texts[0])) and wrapped


def _block_lines(segments: list[Segment], block: int, width: float, height: float) -> list[Line]:
    """One block's Lines, top to bottom; side-by-side segments on one row are cells joined by tabs."""
    rows: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: (s.top, s.x0)):
        if rows and abs(rows[-1][0].baseline - segment.baseline) <= 0.3 * segment.size:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    mono = all(g.mono for s in segments for g in s.glyphs if not g.text.isspace())
    shapes = Counter(len(row) for row in rows if len(row) > 1)
    columns, count = shapes.most_common(1)[0] if shapes else (0, 0)
    table = columns if count >= 2 else 0  # several rows of as many cells: a table, its cells split by tabs
    left = min(s.x0 for s in segments)
    lines = []
    for row in rows:
        row.sort(key=lambda s: s.x0)
        cells = [_segment_text(s, left if mono else None) for s in row]
        separator = "\t" if len(row) == table else " "
        text = cells[0] + "".join(separator + cell.strip() for cell in cells[1:])
        lines.append(_line(row, text, block, mono, width, height))
    return lines


def _segment_text(segment: Segment, code_left: float | None) -> str:
    """The segment's words; code keeps its indentation and inner spacing, measured in glyph widths."""
    glyphs = segment.glyphs
    if code_left is not None:
        advance = (
            median(g.x1 - g.x0 for g in glyphs if g.x1 > g.x0) if any(g.x1 > g.x0 for g in glyphs) else 1.0
        )
        out = [" " * max(0, round((segment.x0 - code_left) / advance))]
        cursor = segment.x0
        for glyph in glyphs:
            if glyph.text.isspace():
                continue
            out.append(" " * max(0, round((glyph.x0 - cursor) / advance)) + glyph.text)
            cursor = glyph.x1
        return "".join(out).rstrip()
    words: list[str] = []
    current = ""
    previous: Glyph | None = None
    for glyph in glyphs:
        if glyph.text.isspace():
            if current:
                words.append(current)
            current, previous = "", None
            continue
        if previous is not None and glyph.x0 - previous.x1 > WORD_GAP_RATIO * max(glyph.size, previous.size):
            words.append(current)
            current = ""
        current += glyph.text
        previous = glyph
    if current:
        words.append(current)
    return " ".join(words)


def _line(row: list[Segment], text: str, block: int, mono: bool, width: float, height: float) -> Line:
    glyphs = [g for s in row for g in s.glyphs if not g.text.isspace()]
    sizes = Counter(round(g.size, 1) for g in glyphs)
    bold = sum(g.bold for g in glyphs) * 2 >= len(glyphs) or any(s.overprinted for s in row)
    return Line(
        text=text,
        size=sizes.most_common(1)[0][0] if sizes else None,
        top=round(min(s.top for s in row) / (height or 1.0), 4),
        x0=round(min(s.x0 for s in row) / (width or 1.0), 4),
        bold=bold,
        block=block,
        monospace=mono,
        color=_color(glyphs),
    )


def _color(glyphs: list[Glyph]) -> str | None:
    colors = Counter(repr(g.color) for g in glyphs)
    if not colors:
        return None
    value = _color_numbers(colors.most_common(1)[0][0])
    return ",".join(f"{float(part):g}" for part in value) if value is not None else None


def _color_numbers(text: str) -> tuple[float, ...] | None:
    """A colour pdfminer gave (a number, a tuple, or None) back from its repr, as a tuple of numbers."""
    numbers = re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)
    return tuple(float(n) for n in numbers) if numbers else None
