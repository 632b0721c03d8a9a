"""Page input models → view models: slide text rendered (escaped, math by KaTeX), links resolved."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from lecturekit.models import (
    Diagnostic,
    Question,
    QuestionKind,
    Severity,
    Slide,
    SlideDiff,
    SlideImage,
    SlideKind,
    SlideStatus,
)
from lecturekit.quiz import TYPED_KINDS, match_choices, typed_answer, typed_key
from lecturekit.site import links
from lecturekit.site.markup import TextRenderer
from lecturekit.site.math import MathRenderer
from lecturekit.site.pages import LecturePageInput, LectureRef, QuizPageInput, SlideRef, TopicRef
from lecturekit.site.provenance import provenance_lines, provenance_summary
from lecturekit.site.views import (
    EditionBadge,
    EditionView,
    ImageView,
    LectureView,
    Link,
    OptionView,
    PageMeta,
    QuestionView,
    QuizGroup,
    QuizView,
    SlideView,
)

COUNT_ORDER = ["unchanged", "edited", "only here", "only in that edition"]
FIGURE_ONLY = "(figure only — no text on this slide)"
FIGURE_WORDS = 12  # a slide with fewer words than this beside its title is a figure: its picture is the slide


def relation(diff: SlideDiff) -> str:
    """How a slide pair relates, read from which side exists (statuses may be told from either edition's view)."""
    if diff.slide and not diff.other:
        return "only here"
    if diff.other and not diff.slide:
        return "only in that edition"
    return "unchanged" if diff.status is SlideStatus.UNCHANGED else "edited"


class Renderer:
    """Renders text for one page and collects the warnings (bad TeX) it raises, with file and slide."""

    def __init__(
        self,
        math: MathRenderer | Callable[[], MathRenderer | None] | None,
        snippets: dict[str, str] | None = None,
    ) -> None:
        self.text = TextRenderer(math)
        self.warnings: list[Diagnostic] = []
        self.snippets = snippets if snippets is not None else {}  # shared by a build's pages

    def snippet(self, text: str) -> str:
        """A slide snippet as inline HTML, made once per build; bad TeX is reported by the slide's own page."""
        if text not in self.snippets:
            self.snippets[text] = self.text.inline(text)
            self.text.errors.clear()
        return self.snippets[text]

    def block(self, text: str, file: str, location: str | None, what: str) -> str:
        html = self.text.block(text)
        self._flush(file, location, what)
        return html

    def inline(self, text: str, file: str, location: str | None, what: str) -> str:
        html = self.text.inline(text)
        self._flush(file, location, what)
        return html

    def _flush(self, file: str, location: str | None, what: str) -> None:
        for error in self.text.errors:
            self.warnings.append(
                Diagnostic(
                    severity=Severity.WARNING, file=file, location=location, message=f"{what}: {error}"
                )
            )
        self.text.errors.clear()


def nav_link(ref: LectureRef | TopicRef | None, href: str | None = None) -> Link | None:
    if ref is None:
        return None
    title = ref.title if isinstance(ref, LectureRef) else ref.name
    return Link(href=href or str(getattr(ref, "href", "")), text=title)


def slide_where(slide: Slide, fallback: str) -> tuple[str, str | None]:
    """The file and page a slide came from, for messages."""
    if slide.pages:
        return slide.pages[0].source, f"p. {slide.pages[0].page}"
    return fallback, None


def slide_body(slide: Slide) -> str:
    """The slide text without its first line when that line is the title (shown as the heading)."""
    first, _, rest = slide.text.partition("\n")
    return rest if first.strip() == slide.title.strip() else slide.text


def empty_body_note(slide: Slide, body: str) -> str:
    """What a slide shows when it has only a title: on a slide that is a figure (its text was not kept); else nothing."""
    # A notes section with only a heading is a heading, not a figure.
    return FIGURE_ONLY if not body.strip() and slide.kind is not SlideKind.NOTES else ""


def image_view(image: SlideImage, number: int, slide: Slide, body: str) -> ImageView:
    """How a slide's page picture is shown: at full width when the slide is mostly figure, else beside its text."""
    title = _plain(slide.title)
    return ImageView(
        href=links.image_href(image),
        width=image.width,
        height=image.height,
        alt=f"Slide {number} as drawn in the deck: {title}",
        label=f"Enlarge slide {number}: {title}",
        large=len(body.split()) < FIGURE_WORDS,
    )


def lecture_view(data: LecturePageInput, path: str, r: Renderer) -> LectureView:
    lec = data.lecture
    images = {image.slide: image for image in data.images}
    topic_names = {t.id: t.name for t in data.topics}
    badges = _edition_badges(data)
    asked = _questions_by_slide(data.questions, lec.id)
    slides = []
    for number, slide in enumerate(lec.slides, 1):
        file, location = slide_where(slide, lec.sources[0] if lec.sources else lec.id)
        what = f"slide {slide.id} ({slide.title!r})"
        body = slide_body(slide)
        image = image_view(images[slide.id], number, slide, body) if slide.id in images else None
        slides.append(
            SlideView(
                anchor=links.slide_anchor(slide.id),
                number=number,
                kind=slide.kind.value,
                title_html=r.inline(slide.title, file, location, what),
                body_html=r.block(body, file, location, what),
                note="" if image else empty_body_note(slide, body),
                provenance=provenance_summary(slide),
                pages=provenance_lines(slide),
                removed=[f"{x.source} p. {x.page} ({x.reason.value}): {x.text}" for x in slide.removed],
                merged_by=slide.merged_by,
                topics=[
                    Link(href=links.topic_href(t.topic), text=topic_names[t.topic])
                    for t in sorted(slide.topics, key=lambda t: (-t.score, t.topic))
                    if t.topic in topic_names
                ],
                editions=badges.get(slide.id, []),
                questions=asked.get(slide.id, []),
                image=image,
            )
        )
    toc = [
        Link(href=f"#{s.anchor}", text=_plain(lec.slides[s.number - 1].title), note=s.kind) for s in slides
    ]
    quiz = (
        Link(href=links.quiz_href(lec.id), text=f"Quiz ({len(data.questions)} questions)")
        if data.questions
        else None
    )
    meta = PageMeta(
        path=path,
        title=lec.title,
        kind="notes" if data.notes else "lecture",
        toc=toc,
        prev=nav_link(data.prev),
        next=nav_link(data.next),
    )
    return LectureView(
        meta=meta,
        title=lec.title,
        date=lec.date.isoformat() if lec.date else None,
        sources=lec.sources,
        slides=slides,
        editions=_edition_views(data),
        quiz=quiz,
        admin_count=sum(1 for s in lec.slides if s.kind is SlideKind.ADMIN),
        images=bool(images),
    )


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip() or "(untitled)"


def _questions_by_slide(questions: list[Question], lecture_id: str) -> dict[str, list[Link]]:
    found: dict[str, list[Link]] = {}
    for q in questions:
        if q.slide:
            found.setdefault(q.slide, []).append(
                Link(href=f"{links.quiz_href(lecture_id)}#{links.question_anchor(q.id)}", text=q.label)
            )
    return found


def _edition_badges(data: LecturePageInput) -> dict[str, list[EditionBadge]]:
    refs = {r.id: r for r in data.edition_refs}
    badges: dict[str, list[EditionBadge]] = {}
    for link in data.editions:
        ref = refs.get(link.lecture)
        if ref is None:
            continue
        for diff in link.slides:
            if diff.slide is None:
                continue
            href = f"{ref.href}#{links.slide_anchor(diff.other)}" if diff.other else ref.href
            kind = relation(diff)
            verb = "not in" if kind == "only here" else f"{kind} in"
            text = f"{verb} {ref.date or ref.title}"
            badges.setdefault(diff.slide, []).append(
                EditionBadge(status=kind.replace(" ", "-"), text=text, href=href)
            )
    return badges


def _edition_views(data: LecturePageInput) -> list[EditionView]:
    refs = {r.id: r for r in data.edition_refs}
    titles = {s.id: f"{s.number}. {s.title}" for s in data.edition_slides}
    views = []
    for link in data.editions:
        ref = refs.get(link.lecture)
        if ref is None:
            continue
        counts: dict[str, int] = {}
        for diff in link.slides:
            counts[relation(diff)] = counts.get(relation(diff), 0) + 1
        summary = ", ".join(f"{counts[k]} {k}" for k in COUNT_ORDER if counts.get(k))
        only = [
            Link(href=f"{ref.href}#{links.slide_anchor(d.other)}", text=titles.get(d.other, d.other))
            for d in link.slides
            if d.slide is None and d.other
        ]
        views.append(
            EditionView(
                href=ref.href,
                title=f"{ref.title}" + (f" ({ref.date})" if ref.date else ""),
                counts=summary,
                only_there=only,
            )
        )
    return views


def quiz_view(data: QuizPageInput, path: str, r: Renderer) -> QuizView:
    slides = {s.id: s for s in data.slides}
    topics = {t.id: t.name for t in data.topics}
    groups = []
    toc = []
    for section in data.sections:
        views = [question_view(q, slides, topics, r) for q in section.questions]
        groups.append(
            QuizGroup(lecture=Link(href=section.lecture.href, text=section.lecture.title), questions=views)
        )
        # On the practice page labels repeat ("ICE #1" in every lecture): each TOC entry names its lecture.
        where = section.lecture.date or section.lecture.title
        toc += [
            Link(href=f"#{q.anchor}", text=f"{q.label} · {where}" if len(data.sections) > 1 else q.label)
            for q in views
        ]
    every = [q for g in groups for q in g.questions]
    meta = PageMeta(path=path, title=data.heading, kind="quiz", toc=toc)
    return QuizView(
        meta=meta,
        heading=data.heading,
        scope=data.scope,
        groups=groups,
        keyed_count=sum(1 for q in every if q.keyed),
        pending_count=sum(1 for q in every if q.kind != "discussion" and not q.keyed),
    )


def question_view(
    q: Question, slides: dict[str, SlideRef], topics: dict[str, str], r: Renderer
) -> QuestionView:
    file = q.pages[0].source if q.pages else q.lecture
    location = f"p. {q.pages[0].page}" if q.pages else None
    what = f"question {q.id} ({q.label})"
    anchor = links.question_anchor(q.id)
    keyed = (
        q.kind is not QuestionKind.DISCUSSION and not q.unkeyed and (bool(q.options) or q.kind in TYPED_KINDS)
    )
    target = slides.get(q.review_slide or q.slide or "")
    review = Link(href=target.href, text=f"Review {target.name}", note=target.title) if target else None
    options = [
        OptionView(
            key=o.key,
            input_id=f"{anchor}-o{links.safe_name(o.key)}",
            html=r.inline(o.text, file, location, what),
        )
        for o in q.options
    ]
    return QuestionView(
        id=q.id,
        anchor=anchor,
        label=q.label,
        kind=q.kind.value,
        multiple=q.multiple,
        keyed=keyed,
        answer_json=json.dumps(typed_key(q) if q.kind in TYPED_KINDS else sorted(q.answer or [])),
        stem_html=r.block(q.stem, file, location, what),
        options=options,
        explanation_html=r.block(q.explanation, file, location, what) if q.explanation else "",
        review=review,
        topics=[
            Link(href=links.topic_href(t.topic), text=topics[t.topic])
            for t in sorted(q.topics, key=lambda t: (-t.score, t.topic))
            if t.topic in topics
        ],
        flags=q.flags,
        key_text=typed_answer(q),
        rows=[r.inline(p.left, file, location, what) for p in q.pairs],
        choices=match_choices(q),
    )
