"""Furniture learned per deck: page counters, running lines by frequency x position x font size, OCR partials."""

from __future__ import annotations

from cleaner_support import deck
from test_cleaner_builds import layout_page

from lecturekit.cleaner import clean_source
from lecturekit.cleaner.furniture import furniture_key
from lecturekit.models import Method, RemovalReason, Source, SourceKind

FOOTER = "(Univ. of Washington, Seattle) EEP 596: LLMs: From Transformers to GPT January 14, 2026 {}"
TOPICS = ["Attention", "Embeddings", "Tokenizers", "Transformers", "Decoding", "Fine-tuning"]


def furniture_of(drafts):
    return [r for d in drafts for r in d.removed if r.reason is RemovalReason.FURNITURE]


def test_digits_are_normalised_in_keys():
    assert furniture_key("EEP 596 January 14, 2026 3/22") == furniture_key("EEP 596 January 14, 2026 14 /22")


def test_ocr_footer_read_whole_partly_or_not_at_all():
    pages = []
    for n, topic in enumerate(TOPICS, start=1):
        lines = [topic, f"@ {topic} explained in one line", f"@ why {topic.lower()} matters"]
        if n in (1, 2, 4):
            lines.append(FOOTER.format(f"{n}/22" if n != 2 else f"{n} /22"))
        elif n == 5:
            lines.append("(Univ. of Washington, Seattle) EEP 596: LLMs: From Transf")  # partly read
        pages.append(lines)  # 3 and 6: footer missing on the OCR page
    drafts = clean_source(deck("ocr.txt", pages, method=Method.OCR)).drafts
    assert [d.title for d in drafts] == TOPICS
    assert all(len(d.body) == 2 and all(line.startswith("- ") for line in d.body) for d in drafts)
    removed = furniture_of(drafts)
    assert sorted(r.page for r in removed) == [1, 2, 4, 5]
    assert {r.detail for r in removed} == {"footer with page counter", "running header/footer (partly read)"}


def test_a_footer_mid_page_splits_a_text_dump_page():
    pages = [
        ["Pointers", "- form teams of 2", FOOTER.format("3/22"), "-", "Coding Assignment 2", "- due Friday"]
    ]
    drafts = clean_source(deck("dump.txt", pages)).drafts
    assert [(d.title, d.body) for d in drafts] == [
        ("Pointers", ["- form teams of 2"]),
        ("Coding Assignment 2", ["- due Friday"]),
    ]
    assert drafts[0].slide_number == 3 and [p.page for p in drafts[1].pages] == [1]


def test_layout_furniture_needs_edge_position_and_small_type():
    pages = []
    for n, topic in enumerate(TOPICS, start=1):
        pages.append(
            layout_page(
                "deck.pdf",
                n,
                [
                    ("EEP 596 - LLMs", 0.02, 6.0),  # running header: top edge, small
                    (topic, 0.1, 22.0),
                    ("Key idea", 0.3, 12.0),  # repeats on every slide but sits mid-page in body type: content
                    (f"{topic} in practice", 0.45, 12.0),
                    ("Key idea", 0.93, 16.0),  # at the edge but in large type: a callout, not furniture
                    (str(n), 0.97, 6.0),  # page number
                ],
            )
        )
    source = Source(name="deck.pdf", path="deck.pdf", kind=SourceKind.PDF, sha256="0" * 64, pages=pages)
    drafts = clean_source(source).drafts
    assert [d.title for d in drafts] == TOPICS
    assert all(d.body == ["Key idea", f"{d.title} in practice", "Key idea"] for d in drafts)
    details = sorted({r.detail for r in furniture_of(drafts)})
    assert details == ["page number", "running header/footer"]
    assert len(furniture_of(drafts)) == 2 * len(TOPICS)


def test_repeated_slide_titles_are_content():
    titles = ["Recap", "Attention", "Recap", "Decoding", "Recap", "Tokens"]
    pages = [[t, f"- point {n} about {t.lower()}"] for n, t in enumerate(titles)]
    drafts = clean_source(deck("recap.txt", pages)).drafts
    assert [d.title for d in drafts] == ["Recap", "Attention", "Recap", "Decoding", "Recap", "Tokens"]
    assert not furniture_of(drafts)
