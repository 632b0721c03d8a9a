"""Build ground truth JSON per deck of the development corpus: DECKS/truth/<deck>.json.

Beamer: frames and titles from the .tex (AtBeginSection frames expanded, \\maketitle, \\againframe),
pages per frame from /PageLabels (runs of equal labels), or from a handout when given.
PPTX: title placeholder text per shown slide (python-pptx), one PDF page per shown slide.
Every truth title is checked against the PDF text of its last page (`verified`).
The decks (listed with their origin in bench/realdecks.json) are never committed: fetch them into DECKS
($LECTUREKIT_DECKS, else ./decks) at the paths the list gives. Needs pypdf and python-pptx (the `fixtures` extra).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdf
from rapidfuzz import fuzz

DECKS = Path(os.environ.get("LECTUREKIT_DECKS", "decks")).resolve()
SPEC = Path(__file__).with_name("realdecks.json")
SECTION_NAME = "<section name>"

GREEK = {
    name: chr(code)
    for name, code in [
        ("alpha", 0x3B1),
        ("beta", 0x3B2),
        ("gamma", 0x3B3),
        ("delta", 0x3B4),
        ("epsilon", 0x3B5),
        ("theta", 0x3B8),
        ("lambda", 0x3BB),
        ("mu", 0x3BC),
        ("pi", 0x3C0),
        ("sigma", 0x3C3),
        ("phi", 0x3C6),
        ("psi", 0x3C8),
        ("omega", 0x3C9),
        ("Theta", 0x398),
        ("Sigma", 0x3A3),
    ]
}


def strip_comments(tex: str) -> str:
    return "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in tex.splitlines())


def balanced(s: str, i: int, open_: str = "{", close: str = "}") -> tuple[str, int]:
    """Return the content of the group opening at s[i] and the index after it."""
    assert s[i] == open_
    depth = 0
    for j in range(i, len(s)):
        k = j
        while k > 0 and s[k - 1] == "\\":
            k -= 1
        if (j - k) % 2:  # an odd run of backslashes escapes the brace
            continue
        if s[j] == open_:
            depth += 1
        elif s[j] == close:
            depth -= 1
            if depth == 0:
                return s[i + 1 : j], j + 1
    return s[i + 1 :], len(s)


def skip_ws(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


def detex(t: str) -> str:
    for cmd in ("footnote", "thanks", "label"):
        while m := re.search(r"\\" + cmd + r"\s*(\[[^\]]*\])?\s*\{", t):
            t = t[: m.start()] + t[balanced(t, m.end() - 1)[1] :]
    t = re.sub(r"\\(?:newline|\\)(\[[^\]]*\])?", " ", t)
    t = re.sub(r"\\(" + "|".join(GREEK) + r")\b", lambda m: GREEK[m.group(1)], t)
    t = re.sub(r"<[^>]*>", "", t)  # overlay specs
    for _ in range(4):
        t = re.sub(
            r"\\(?:textbf|emph|alert|textit|texttt|textsc|mathrm|mathbf|text|mbox|structure|"
            r"textcolor\{[^}]*\}|color\{[^}]*\}|hl|underline|mathcal|operatorname|boldsymbol|"
            r"bm|mathit|textrm|textsf|footnotesize|small|large|Large|huge)\s*\{([^{}]*)\}",
            r"\1",
            t,
        )
    t = re.sub(r"\\(?:color|usebeamercolor|usebeamerfont|setbeamercolor)\s*(\[[^\]]*\])?\s*\{[^}]*\}", "", t)
    t = re.sub(r"\\(?:footnotesize|small|large|Large|huge|normalsize|bf|it|tt|centering)\b", "", t)
    t = t.replace("\\&", "&").replace("~", " ").replace("\\%", "%").replace("\\_", "_").replace("\\$", "$")
    t = t.replace("``", "\u201c").replace("''", "\u201d").replace("---", "\u2014").replace("--", "\u2013")
    t = re.sub(r"\\[a-zA-Z]+\*?", "", t)
    t = t.replace("$", "").replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", t).strip()


def read_frame_title(body: str, after_begin: int) -> tuple[str | None, bool]:
    """Title of a frame env starting just after '\\begin{frame}'; also whether it is a title page."""
    i = skip_ws(body, after_begin)
    while i < len(body) and body[i] in "<[":
        close = ">" if body[i] == "<" else "]"
        i = body.index(close, i) + 1
        i = skip_ws(body, i)
    title = None
    if i < len(body) and body[i] == "{":
        title, _ = balanced(body, i)
    end = body.find("\\end{frame}", i)
    inner = body[i:end]
    m = re.search(r"\\frametitle\s*(<[^>]*>)?\s*(\[[^\]]*\])?\s*\{", inner)
    if title is None and m:
        title, _ = balanced(inner, m.end() - 1)
    is_titlepage = "\\titlepage" in inner or "\\maketitle" in inner
    return (detex(title) if title else None), is_titlepage


def tex_frames(tex_path: Path) -> list[dict]:
    tex = strip_comments(tex_path.read_text(errors="replace"))
    doc_title = None
    m = re.search(r"\\title\s*(\[[^\]]*\])?\s*\{", tex)
    if m:
        doc_title = detex(balanced(tex, m.end() - 1)[0])
    pre, _, body = tex.partition("\\begin{document}")
    body = body.split("\\end{document}")[0]
    section_frame = subsection_frame = None
    for key in ("AtBeginSection", "AtBeginSubsection"):
        m = re.search(r"\\" + key + r"\s*(\[[^\]]*\])?\s*\{", pre)
        if m:
            content, _ = balanced(pre, m.end() - 1)
            if "frame" in content:
                mt = re.search(r"\\frametitle\s*\{", content) or re.search(
                    r"\\begin\{frame\}\s*(\[[^\]]*\])?\s*\{", content
                )
                t = detex(balanced(content, mt.end() - 1)[0]) if mt else None
                if t is None and "\\insertsection" in content:
                    t = SECTION_NAME
                if key == "AtBeginSection":
                    section_frame = t or "Outline"
                else:
                    subsection_frame = t or "Outline"
    frames: list[dict] = []
    labels: dict[str, dict] = {}
    pat = re.compile(
        r"\\begin\{frame\}|\\frame\s*(?=[\[{<])|\\maketitle|\\makebeamertitle|\\section\s*(\[[^\]]*\])?\s*\{|"
        r"\\subsection\s*(\[[^\]]*\])?\s*\{|\\againframe\s*(<[^>]*>)?\s*\{|\\appendix"
    )
    i = 0
    while True:
        m = pat.search(body, i)
        if not m:
            break
        tok = m.group(0)
        if tok.startswith("\\begin{frame}"):
            title, tp = read_frame_title(body, m.end())
            end = body.find("\\end{frame}", m.end())
            head = body[m.end() : m.end() + 200]
            lab = re.search(r"label=([\w:-]+)", head.split("\n")[0])
            fr = {
                "title": doc_title if tp and not title else title,
                "titlepage": tp,
                "plain": "plain" in head.split("{")[0],
            }
            if "allowframebreaks" in head.split("\n")[0]:
                fr["framebreaks"] = True
            frames.append(fr)
            if lab:
                labels[lab.group(1)] = fr
            i = end + len("\\end{frame}") if end >= 0 else len(body)
        elif tok.startswith("\\frame"):
            j = skip_ws(body, m.end())
            while body[j] in "<[":
                j = body.index(">" if body[j] == "<" else "]", j) + 1
                j = skip_ws(body, j)
            content, k = balanced(body, j)
            tp = "\\titlepage" in content
            mt = re.search(r"\\frametitle\s*\{", content)
            t = detex(balanced(content, mt.end() - 1)[0]) if mt else None
            frames.append({"title": doc_title if tp and not t else t, "titlepage": tp})
            i = k
        elif tok in ("\\maketitle", "\\makebeamertitle"):
            frames.append({"title": doc_title, "titlepage": True})
            i = m.end()
        elif tok.startswith("\\section"):
            content, k = balanced(body, m.end() - 1)
            if section_frame and "*" not in tok:
                frames.append(
                    {
                        "title": detex(content) if section_frame == SECTION_NAME else section_frame,
                        "section": detex(content),
                    }
                )
            i = k
        elif tok.startswith("\\subsection"):
            content, k = balanced(body, m.end() - 1)
            if subsection_frame:
                frames.append(
                    {
                        "title": detex(content) if subsection_frame == SECTION_NAME else subsection_frame,
                        "section": detex(content),
                    }
                )
            i = k
        elif tok.startswith("\\againframe"):
            content, k = balanced(body, m.end() - 1)
            if content in labels:
                frames.append(dict(labels[content]))
            i = k
        else:
            i = m.end()
    return frames


def label_groups(pdf: Path) -> list[list[int]]:
    labels = list(pypdf.PdfReader(pdf).page_labels)
    groups: list[list[int]] = []
    for n, lab in enumerate(labels, start=1):
        if groups and labels[n - 2] == lab:
            groups[-1].append(n)
        else:
            groups.append([n])
    return groups


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return out.split("\f")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return " ".join(re.findall(r"\w+", s))


def verify(title: str | None, text: str) -> bool:
    if not title:
        return False
    return fuzz.partial_ratio(norm(title), norm(text)) >= 85


def beamer_truth(deck: str, course: str, tex: Path, pdf: Path, handout: Path | None) -> dict:
    frames = tex_frames(tex)
    has_labels = "/PageLabels" in pypdf.PdfReader(pdf).trailer["/Root"]
    texts = page_texts(pdf)
    npages = len(pypdf.PdfReader(pdf).pages)
    groups = label_groups(pdf) if has_labels else None
    if groups is None and npages == len(frames):  # no labels and no builds: one page per frame
        groups = [[n] for n in range(1, npages + 1)]
    note = ""
    if groups is None or len(groups) != len(frames):
        note = f"tex frames {len(frames)} vs label groups {len(groups) if groups else 'none'}"
        groups = None
    slides = []
    if groups:
        for fr, pages in zip(frames, groups, strict=True):
            title = fr.get("title")
            slides.append(
                {
                    "title": title,
                    "pages": pages,
                    "titlepage": bool(fr.get("titlepage")),
                    "verified": verify(title, texts[pages[-1] - 1]),
                }
            )
    return {
        "deck": deck,
        "course": course,
        "kind": "beamer",
        "pdf": str(pdf.relative_to(DECKS)),
        "tex": str(tex.relative_to(DECKS)),
        "handout": str(handout.relative_to(DECKS)) if handout else None,
        "page_labels": has_labels,
        "pages": len(texts) - (1 if texts and not texts[-1].strip() else 0),
        "slides": slides,
        "tex_frames": [f.get("title") for f in frames],
        "note": note,
    }


def shape_paragraphs(shape) -> list[str]:
    if not shape.has_text_frame:
        return []
    out = []
    for para in shape.text_frame.paragraphs:
        text = re.sub(r"\s+", " ", "".join(r.text for r in para.runs).replace("\x0b", " ")).strip()
        if len(text.split()) >= 5 and not re.search(r"[\ue000-\uf8ff]", text):
            out.append(text)
    return out


def slide_paragraphs(slide, width: int, height: int) -> tuple[list[str], list[list[str]]]:
    """Paragraphs of >= 5 words from the slide's text shapes; and [left, right] pairs of side-by-side bodies."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    boxes = []
    for shp in slide.shapes:
        if (
            shp.left is None
            or shp.top is None
            or shp.left < 0
            or shp.top < 0
            or shp.left >= width
            or shp.top >= height
        ):
            continue
        if shp.is_placeholder and shp.placeholder_format.type in (
            PP_PLACEHOLDER.TITLE,
            PP_PLACEHOLDER.CENTER_TITLE,
        ):
            continue
        paras = shape_paragraphs(shp)
        if paras:
            boxes.append((shp, paras))
    columns = []
    for a, pa in boxes:
        for b, pb in boxes:
            side_by_side = a.left + a.width <= b.left + width * 0.02
            overlap = min(a.top + a.height, b.top + b.height) - max(a.top, b.top)
            if (
                a is not b
                and side_by_side
                and overlap > 0.5 * min(a.height, b.height)
                and a.width < width * 0.6
            ):
                columns.append([pa[-1], pb[0]])  # the left column's end comes before the right column's start
    return [p for _, ps in boxes for p in ps], columns


def slide_title(slide) -> str | None:
    from pptx.enum.shapes import PP_PLACEHOLDER

    for shp in slide.placeholders:
        if (
            shp.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
            and shp.has_text_frame
        ):
            return re.sub(r"\s+", " ", shp.text_frame.text.replace("\x0b", " ")).strip() or None
    return None


def signature(slide) -> set[tuple]:
    """Every drawn object of the slide: kind, box, text and picture hash (groups flattened)."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    out: set[tuple] = set()

    def walk(shapes) -> None:
        for sh in shapes:
            if sh.shape_type == MSO_SHAPE_TYPE.GROUP:
                walk(sh.shapes)
                continue
            image = None
            if sh.shape_type == MSO_SHAPE_TYPE.PICTURE:
                try:
                    image = sh.image.sha1
                except Exception:  # noqa: BLE001 - a linked picture has no bytes
                    image = "linked"
            text = sh.text_frame.text if sh.has_text_frame else ""
            out.add((str(sh.shape_type), sh.left, sh.top, sh.width, sh.height, text, image))

    walk(slide.shapes)
    return out


def pptx_truth(deck: str, course: str, pptx_path: Path, pdf: Path) -> dict:
    from pptx import Presentation

    prs = Presentation(str(pptx_path))
    texts = page_texts(pdf)
    npages = len(pypdf.PdfReader(pdf).pages)
    shown = [s for s in prs.slides if s._element.get("show") != "0"]
    titles = [slide_title(s) for s in shown]
    sigs = [signature(s) for s in shown]
    groups: list[list[int]] = []
    for n in range(1, len(shown) + 1):
        # A manual build: the same title, and every object of the slide before is on this one unchanged.
        if groups and titles[n - 1] and titles[n - 2] == titles[n - 1] and sigs[n - 2] <= sigs[n - 1]:
            groups[-1].append(n)
        else:
            groups.append([n])
    slides = []
    for pages in groups:
        n = pages[-1]
        title, slide = titles[n - 1], shown[n - 1]
        paras, columns = slide_paragraphs(slide, prs.slide_width, prs.slide_height)
        page_text = norm(texts[n - 1]) if n <= len(texts) else ""
        slides.append(
            {
                "title": title,
                "pages": pages,
                "verified": verify(title, texts[n - 1]) if n <= len(texts) else False,
                # paragraphs pdftotext finds on the page (so they are drawn as text, not an image)
                "sentences": [p for p in paras if norm(p) in page_text][:6],
                "columns": [c for c in columns if norm(c[0]) in page_text and norm(c[1]) in page_text],
            }
        )
    note = "" if npages == len(shown) else f"pptx shown slides {len(shown)} vs pdf pages {npages}"
    return {
        "deck": deck,
        "course": course,
        "kind": "pptx",
        "pdf": str(pdf.relative_to(DECKS)),
        "pptx": str(pptx_path.relative_to(DECKS)),
        "page_labels": False,
        "pages": npages,
        "slides": slides if not note else [],
        "note": note,
    }


def write_nolabels(pdf: Path, out: Path) -> None:
    """A copy of PDF without /PageLabels (pypdf)."""
    if out.exists():
        return
    out.parent.mkdir(exist_ok=True)
    w = pypdf.PdfWriter(clone_from=str(pdf))
    if "/PageLabels" in w._root_object:
        del w._root_object["/PageLabels"]
    with open(out, "wb") as fh:
        w.write(fh)


def main() -> None:
    spec = json.loads(SPEC.read_text())
    (DECKS / "truth").mkdir(exist_ok=True)
    for d in spec:
        if d["kind"] == "beamer":
            t = beamer_truth(
                d["deck"],
                d["course"],
                DECKS / d["tex"],
                DECKS / d["pdf"],
                DECKS / d["handout"] if d.get("handout") else None,
            )
        else:
            t = pptx_truth(d["deck"], d["course"], DECKS / d["pptx"], DECKS / d["pdf"])
        t["origin"] = d["origin"]
        t["licence"] = d.get("licence")
        if d.get("strip_labels_of"):
            t["derived_from"] = d["strip_labels_of"]
        (DECKS / "truth" / f"{d['deck']}.json").write_text(json.dumps(t, indent=1, ensure_ascii=False))
        stripped = DECKS / "nolabels" / f"{d['deck']}.pdf"
        if t["kind"] == "beamer" and t["page_labels"] and t["slides"]:
            write_nolabels(DECKS / t["pdf"], stripped)
            t2 = dict(
                t,
                deck=t["deck"] + "-nolabels",
                pdf=str(stripped.relative_to(DECKS)),
                page_labels=False,
                derived_from=t["deck"],
            )
            (DECKS / "truth" / f"{t2['deck']}.json").write_text(json.dumps(t2, indent=1, ensure_ascii=False))
        ver = sum(s["verified"] for s in t["slides"])
        print(
            f"{d['deck']:45s} pages={t['pages']:4d} slides={len(t['slides']):3d} verified={ver:3d} {t['note']}",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
