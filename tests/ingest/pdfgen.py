"""Generate real PDFs and slide images for the ingest tests and benchmark: decks, builds, scans, bad files."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

BEAMER_PAGE = (363.0, 272.0)  # 128 mm x 96 mm, Beamer's default 4:3 frame, in points
TITLE_SIZE = 14.4
BODY_SIZE = 11.0
CENTRED_TITLE_SIZE = 20.74  # a title page's huge title
FOOTER_SIZE = 5.0
MARGIN = 20.0
FOOTER = ("Univ. of Somewhere", "CS 101", "January 14, 2026")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Bitstream Vera (DejaVu's parent) ships inside reportlab: the fallback when fonts-dejavu-core is absent.
VERA_DIR = Path(reportlab.__file__).parent / "fonts"


def _font(name: str, fallback: str) -> Path:
    return FONT_DIR / name if (FONT_DIR / name).is_file() else VERA_DIR / fallback


SANS = _font("DejaVuSans.ttf", "Vera.ttf")
SANS_BOLD = _font("DejaVuSans-Bold.ttf", "VeraBd.ttf")
# Embedded TrueType subsets with a ToUnicode map, as LaTeX and office exports write them.
registerFont(TTFont("DejaVuSans", str(SANS)))
registerFont(TTFont("DejaVuSans-Bold", str(SANS_BOLD)))


@dataclass
class Slide:
    """One page of a generated deck: its title, its bullets and how it is drawn."""

    title: str
    bullets: list[str] = field(default_factory=list)
    label: str | None = None  # the /PageLabels entry; Beamer repeats it on every overlay page
    image_only: bool = False  # drawn as one embedded picture, no text layer (a scan)
    fake_bold: bool = False  # title overprinted twice at a tiny offset, as some producers do
    centred: bool = False  # a title page: one large title in the middle of the page


def build_frames(title: str, bullets: list[str], label: str) -> list[Slide]:
    """A Beamer frame with one overlay per bullet: every page shares LABEL and adds one bullet."""
    return [Slide(title, bullets[: n + 1], label=label) for n in range(len(bullets))]


def footer_text(number: int, total: int) -> str:
    """The footer line as a reader should see it (single spaces between the words)."""
    return " ".join([*FOOTER, f"{number}/{total}"]).replace("  ", " ")


def slide_text(slide: Slide, number: int, total: int, footer: bool = True) -> str:
    """The known text of a slide: title, bullets, then the footer, one per line."""
    lines = [slide.title, *slide.bullets] + ([footer_text(number, total)] if footer else [])
    return "\n".join(lines)


def _draw_words(pdf: canvas.Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Place each word on its own, without space characters, the way pdfTeX positions text."""
    space = stringWidth(" ", font, size)
    for word in text.split():
        pdf.setFont(font, size)
        pdf.drawString(x, y, word)
        x += stringWidth(word, font, size) + space


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """TEXT broken into lines no wider than WIDTH, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _draw_footer(pdf: canvas.Canvas, number: int, total: int) -> None:
    """Three small footer boxes like Beamer's infolines theme: institute, course, date and page."""
    width = BEAMER_PAGE[0]
    parts = [*FOOTER[:2], f"{FOOTER[2]} {number}/{total}"]
    starts = [MARGIN, width * 0.42, width * 0.68]
    for x, part in zip(starts, parts, strict=True):
        _draw_words(pdf, x, 6.0, part, "DejaVuSans", FOOTER_SIZE)


def _draw_text_slide(pdf: canvas.Canvas, slide: Slide, number: int, total: int, footer: bool) -> None:
    """Title at the top in a large bold font, bullets below in the body font, footer at the bottom."""
    height = BEAMER_PAGE[1]
    if slide.centred:  # wrapped to the page width, as a title placeholder wraps: a long title takes two lines
        lines = wrap(slide.title, "DejaVuSans-Bold", CENTRED_TITLE_SIZE, BEAMER_PAGE[0] - 4 * MARGIN)
        for number, line in enumerate(lines):
            _draw_words(
                pdf,
                MARGIN * 2,
                height / 2 - number * 1.2 * CENTRED_TITLE_SIZE,
                line,
                "DejaVuSans-Bold",
                CENTRED_TITLE_SIZE,
            )
        return
    title_y = height - MARGIN - TITLE_SIZE
    _draw_words(pdf, MARGIN, title_y, slide.title, "DejaVuSans-Bold", TITLE_SIZE)
    if slide.fake_bold:
        _draw_words(pdf, MARGIN + 0.3, title_y + 0.2, slide.title, "DejaVuSans-Bold", TITLE_SIZE)
    y = title_y - 2.2 * BODY_SIZE
    for bullet in slide.bullets:
        _draw_words(pdf, MARGIN, y, f"\u2022 {bullet}", "DejaVuSans", BODY_SIZE)
        y -= 1.8 * BODY_SIZE
    if footer:
        _draw_footer(pdf, number, total)


def render_slide_png(
    slide: Slide, number: int, total: int, dpi: int = 200, footer: bool = True
) -> Image.Image:
    """The slide drawn as a picture with a real TTF font (what a scanned or image-only page holds)."""
    scale = dpi / 72.0
    size = (round(BEAMER_PAGE[0] * scale), round(BEAMER_PAGE[1] * scale))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.truetype(str(SANS_BOLD), round(TITLE_SIZE * scale))
    body_font = ImageFont.truetype(str(SANS), round(BODY_SIZE * scale))
    y = MARGIN * scale
    draw.text((MARGIN * scale, y), slide.title, font=title_font, fill="black")
    y += 2.6 * BODY_SIZE * scale
    for bullet in slide.bullets:
        draw.text((MARGIN * scale, y), f"\u2022 {bullet}", font=body_font, fill="black")
        y += 1.8 * BODY_SIZE * scale
    if footer:
        footer_font = ImageFont.truetype(str(SANS), round(FOOTER_SIZE * 1.2 * scale))
        draw.text(
            (MARGIN * scale, size[1] - 14 * scale), footer_text(number, total), font=footer_font, fill="black"
        )
    return image


def write_deck(path: Path, slides: list[Slide], footer: bool = True) -> Path:
    """Write SLIDES as a real PDF (text pages, image-only pages, page labels) and return PATH."""
    pdf = canvas.Canvas(str(path), pagesize=BEAMER_PAGE, invariant=1)
    total = len(slides)
    for index, slide in enumerate(slides):
        number = index + 1
        if slide.label is not None:
            _add_label(pdf, index, slide.label)
        if slide.image_only:
            picture = render_slide_png(slide, number, total, footer=footer)
            pdf.drawImage(ImageReader(picture), 0, 0, width=BEAMER_PAGE[0], height=BEAMER_PAGE[1])
        else:
            _draw_text_slide(pdf, slide, number, total, footer)
        pdf.showPage()
    pdf.save()
    return path


def _add_label(pdf: canvas.Canvas, index: int, label: str) -> None:
    """A /PageLabels range starting at INDEX: decimal when LABEL is a number, else a literal prefix."""
    if label.isdigit():
        pdf.addPageLabel(index, style="D", start=int(label))
    else:
        pdf.addPageLabel(index, prefix=label)


def lecture_deck(frames: int = 4, image_only: bool = False) -> list[Slide]:
    """A realistic small lecture: a logistics slide, then frames of 2-3 builds each, labelled per frame."""
    topics = [
        (
            "Training a DNN",
            ["SGD with mini-batch", "Learning rate schedulers such as Adam", "Back-propagation"],
        ),
        ("Understanding Batch Size", ["Full batch gradient descent", "Mini-batch of 8 examples"]),
        (
            "Semantic Search",
            ["Embed the query and the documents", "Rank by cosine similarity", "Return the top k"],
        ),
        (
            "Grid and Random Search",
            ["Grid search tries every combination", "Random search samples the space"],
        ),
    ]
    slides = [Slide("Logistics", ["Paper presentation slots", "Assignment 2 due Friday"], label="1")]
    for frame in range(frames):
        title, bullets = topics[frame % len(topics)]
        slides += build_frames(title, bullets, label=str(frame + 2))
    for slide in slides:
        slide.image_only = image_only
    return slides


def write_encrypted(path: Path, source: Path, password: str = "secret") -> Path:
    """A copy of SOURCE that needs a user password to open."""
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=password, owner_password="owner-" + password, algorithm="AES-128")
    writer.write(str(path))
    return path


def write_truncated(path: Path, source: Path, keep: float = 0.4) -> Path:
    """The first KEEP fraction of SOURCE's bytes: a download cut short."""
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def write_objects(path: Path, objects: list[bytes]) -> Path:
    """A PDF of OBJECTS (numbered from 1, the catalog first) with a correct xref table, written by hand."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


def write_zero_pages(path: Path) -> Path:
    """A well-formed PDF whose page tree is empty (/Count 0), written by hand with a correct xref."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    return write_objects(path, objects)


def write_slide_images(folder: Path, slides: list[Slide], suffix: str = ".png", dpi: int = 200) -> list[Path]:
    """Each slide rendered to its own picture file (PNG or JPG) in FOLDER."""
    paths = []
    for index, slide in enumerate(slides):
        path = folder / f"slide-{index + 1:02d}{suffix}"
        render_slide_png(slide, index + 1, len(slides), dpi=dpi).save(path, dpi=(dpi, dpi))
        paths.append(path)
    return paths


def write_damaged_page(path: Path, source: Path, index: int) -> Path:
    """A copy of SOURCE whose page INDEX has a content stream that claims Flate but is not."""
    writer = pypdf.PdfWriter(clone_from=str(source))
    stream = pypdf.generic.StreamObject()
    stream.set_data(b"\x00this is not deflate data\xff" * 8)
    stream[pypdf.generic.NameObject("/Filter")] = pypdf.generic.NameObject("/FlateDecode")
    writer.pages[index][pypdf.generic.NameObject("/Contents")] = writer._add_object(stream)
    writer.write(str(path))
    return path


# ---------------------------------------------------------------- traps of real decks (issue 11)

SLIDE_PAGE = (720.0, 405.0)  # a 16:9 PowerPoint slide in points


def write_raw_pdf(
    path: Path,
    pages: list[list[bytes]],
    fonts: dict[str, tuple[bytes, bytes | None]],
    size: tuple[float, float] = SLIDE_PAGE,
    crop: tuple[float, float, float, float] | None = None,
) -> Path:
    """A PDF written object by object: each page's /Contents is an array of indirect references to its
    streams, as some producers write it. FONTS maps resource names to (font dictionary, ToUnicode CMap or
    None); the dictionary names its CMap as `TOUNICODE`."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    tree = add(b"")
    font_refs = {}
    for name, (body, cmap) in fonts.items():
        if cmap is not None:
            body = body.replace(
                b"TOUNICODE",
                b"%d 0 R" % add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"),
            )
        font_refs[name] = add(body)
    resources = (
        b"<< /Font << "
        + b" ".join(b"/%s %d 0 R" % (name.encode(), ref) for name, ref in font_refs.items())
        + b" >> >>"
    )
    kids = []
    for streams in pages:
        refs = [add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream") for data in streams]
        box = b"/MediaBox [0 0 %g %g]" % size + (b" /CropBox [%g %g %g %g]" % crop if crop else b"")
        contents = b"[" + b" ".join(b"%d 0 R" % ref for ref in refs) + b"]"
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R %s /Resources %s /Contents %s >>"
                % (tree, box, resources, contents)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return write_objects(path, objects)


def to_unicode_font(base: str, mapping: dict[int, str]) -> tuple[bytes, bytes]:
    """A Type1 font dictionary and its ToUnicode CMap mapping single-byte codes to any text."""
    lines = b"".join(
        b"<%02X> <%s>\n" % (code, text.encode("utf-16-be").hex().upper().encode())
        for code, text in mapping.items()
    )
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n"
        % len(mapping)
        + lines
        + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /ToUnicode TOUNICODE >>" % base.encode(), cmap


def text_op(font: str, size: float, x: float, y: float, text: bytes, mode: int = 0) -> bytes:
    """One string drawn with FONT at (X, Y), optionally in text render mode MODE."""
    escaped = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"BT /%s %g Tf %d Tr %g %g Td (%s) Tj ET\n" % (font.encode(), size, mode, x, y, escaped)


def canvas_deck(path: Path, draw_pages: list, size: tuple[float, float] = SLIDE_PAGE) -> Path:
    """A PDF with one page per drawing function (each called with a reportlab canvas)."""
    pdf = canvas.Canvas(str(path), pagesize=size, invariant=1)
    for draw in draw_pages:
        draw(pdf)
        pdf.showPage()
    pdf.save()
    return path


def draw_text(
    pdf: canvas.Canvas, x: float, y: float, text: str, size: float = 18.0, font: str = "DejaVuSans"
) -> None:
    """TEXT drawn word by word at (X, Y) from the top-left of a 16:9 slide, as pdfTeX and PowerPoint place it."""
    _draw_words(pdf, x, SLIDE_PAGE[1] - y, text, font, size)


MONO = _font("DejaVuSansMono.ttf", "VeraMono.ttf")
registerFont(TTFont("DejaVuSansMono", str(MONO)))


def write_ligature_deck(path: Path, lines: list[str], wrong: dict[str, str]) -> Path:
    """LINES set by fpdf2 in DejaVu Sans (an embedded subset keeping its glyph names), then the ToUnicode map
    broken as some PowerPoint exports break it: each character in WRONG claims to be another text."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format=(SLIDE_PAGE[1] * 25.4 / 72, SLIDE_PAGE[0] * 25.4 / 72))
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(SANS))
    for number, line in enumerate(lines):
        pdf.set_font("DejaVu", size=28 if number == 0 else 18)
        pdf.text(15, 25 + 15 * number, line)
    pdf.output(str(path))
    writer = pypdf.PdfWriter(clone_from=str(path))
    for font in writer.pages[0]["/Resources"]["/Font"].values():
        cmap = font.get_object()["/ToUnicode"].get_object()
        data = cmap.get_data()
        for char, claimed in wrong.items():
            data = data.replace(
                char.encode("utf-16-be").hex().upper().encode(),
                claimed.encode("utf-16-be").hex().upper().encode(),
            )
        cmap.set_data(data)
    writer.write(str(path))
    return path
