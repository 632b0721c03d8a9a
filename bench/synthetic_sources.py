"""A synthetic course ON DISK in the seeds' style: text dumps with builds and footers, ICE slides, a few PDFs."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

FOOTER = "(Univ. of Somewhere) CS 101: Deep Learning"
OCR_BULLETS = ("@", "©", "o", "@")  # how OCR reads slide bullets (see seeds/001)
PDF_EVERY = 13  # every 13th lecture is a real text-layer PDF (fpdf2), the rest text dumps
OCR_EVERY = 4  # every 4th text dump is an OCR reading: bullets as @ and ©
FIRST_DATE = dt.date(2026, 1, 6)


@dataclass
class Frame:
    """One slide of a deck: a title and its bullets; BUILDS shows them one page per bullet."""

    title: str
    bullets: list[str] = field(default_factory=list)
    builds: bool = False


def vocabulary() -> tuple[list[str], list[str]]:
    """(plain words of the seed lectures, topic alias phrases of the shipped taxonomy)."""
    from synthetic_course import vocabulary as seed_words

    from lecturekit.topics.taxonomy import load_shipped

    aliases = sorted({alias for topic in load_shipped() for alias in topic.aliases if alias.isascii()})
    return [w for w in seed_words() if w.isascii()], aliases


def sentence(rng: random.Random, words: list[str], aliases: list[str]) -> str:
    """A bullet of 6–14 lecture words with a topic phrase in it now and then."""
    parts = [rng.choice(words) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.4:
        parts.insert(rng.randrange(len(parts)), rng.choice(aliases))
    return " ".join(parts).capitalize()


def lecture_frames(number: int, slides: int, seed: int = 0) -> list[Frame]:
    """The SLIDES frames of lecture NUMBER: title card, logistics, content with builds, one ICE."""
    rng = random.Random(seed * 100_003 + number)
    words, aliases = vocabulary()
    subject = rng.choice(aliases).title()
    frames = [
        Frame(f"Lecture {number}: {subject}", [f"Today: {subject} and {rng.choice(aliases)}"]),
        Frame("Logistics", ["Assignment due next Friday", "Office hours moved to Thursday"]),
    ]
    ice_at = slides // 2
    while len(frames) < slides:
        if len(frames) == ice_at:
            frames.append(ice_frame(rng, words, aliases))
            continue
        title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 4))).title()
        bullets = [sentence(rng, words, aliases) for _ in range(rng.randint(2, 5))]
        frames.append(Frame(title, bullets, builds=rng.random() < 0.4))
    return frames


def ice_frame(rng: random.Random, words: list[str], aliases: list[str]) -> Frame:
    """An in-class exercise: a stem and four numbered options, as on the seed slides."""
    stem = f"Which statement about {rng.choice(aliases)} is right?"
    options = [f"{k} {' '.join(rng.choice(words) for _ in range(rng.randint(2, 5)))}" for k in range(1, 5)]
    return Frame("ICE #1", [stem, *options])


def lecture_date(number: int) -> dt.date:
    return FIRST_DATE + dt.timedelta(days=2 * number)


def footer(number: int, slide: int, total: int) -> str:
    date = lecture_date(number)
    return f"{FOOTER} {date:%B} {date.day}, {date.year} {slide}/{total}"


def pages_of(number: int, frames: list[Frame], ocr: bool) -> list[list[str]]:
    """Each page's lines: a build frame gives one page per bullet step, every page has the footer."""
    pages = []
    for slide, frame in enumerate(frames, start=1):
        steps = range(1, len(frame.bullets) + 1) if frame.builds else [len(frame.bullets)]
        for step in steps:
            body = [
                f"{OCR_BULLETS[k % 4]} {b}" if ocr and not frame.title.startswith("ICE") else b
                for k, b in enumerate(frame.bullets[:step])
            ]
            pages.append([frame.title, *body, footer(number, slide, len(frames))])
    return pages


def text_dump(pages: list[list[str]]) -> str:
    """Pages as the seeds' text dumps write them: a page starts at a line opening with one space."""
    blocks = []
    for lines in pages:
        blocks.append(" " + lines[0] + "\n\n" + "\n\n".join(lines[1:]) + "\n")
    return "".join(blocks)


def write_pdf(pages: list[list[str]], path: Path) -> None:
    """A real text-layer PDF, one page per build step (4:3 frames, footer at the bottom)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="pt", format=(272, 363))
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.set_xy(20, 18)
        pdf.cell(323, 18, lines[0])
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 44)
        for text in lines[1:-1]:
            pdf.multi_cell(323, 11, text)
            pdf.ln(3)
        pdf.set_font("Helvetica", size=5)
        pdf.set_xy(20, 258)
        pdf.cell(323, 6, lines[-1])
    pdf.output(str(path))


def write_lecture(folder: Path, number: int, slides: int) -> Path:
    """Write lecture NUMBER into FOLDER as a text dump (or a PDF every PDF_EVERY lectures)."""
    frames = lecture_frames(number, slides)
    if number % PDF_EVERY == 0:
        path = folder / f"lecture_{number:03d}.pdf"
        write_pdf(pages_of(number, frames, ocr=False), path)
        return path
    path = folder / f"lecture_{number:03d}.txt"
    path.write_text(text_dump(pages_of(number, frames, ocr=number % OCR_EVERY == 0)), encoding="utf-8")
    return path


def write_course(folder: Path, lectures: int, slides: int) -> list[Path]:
    """A course folder of LECTURES lectures × SLIDES slides with a course.toml naming the course."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "course.toml").write_text('title = "CS 101: Deep Learning (synthetic)"\n', encoding="utf-8")
    return [write_lecture(folder, n, slides) for n in range(1, lectures + 1)]
