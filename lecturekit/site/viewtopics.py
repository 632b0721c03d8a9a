"""Home, topic index and topic page views."""

from __future__ import annotations

import json

from lecturekit.models import Question, QuestionKind
from lecturekit.site import links
from lecturekit.site.markup import snippet_text
from lecturekit.site.pages import ExampleInput, HomeInput, TopicIndexInput, TopicPageInput
from lecturekit.site.viewbuild import Renderer
from lecturekit.site.views import (
    ExampleView,
    HomeLecture,
    HomeView,
    Link,
    PageMeta,
    TopicIndexView,
    TopicQuestion,
    TopicSlide,
    TopicView,
)

EXAMPLES_DIR = "examples"


def home_view(data: HomeInput, path: str) -> HomeView:
    lectures: list[HomeLecture] = []
    notes: list[HomeLecture] = []
    for entry in data.entries:
        keyed = [q.id for q in entry.questions if q.kind is QuestionKind.MCQ and q.answer]
        item = HomeLecture(
            link=Link(href=entry.lecture.href, text=entry.lecture.title),
            date=entry.lecture.date,
            slides=entry.slides,
            quiz=Link(href=links.quiz_href(entry.lecture.id), text=f"Quiz ({len(entry.questions)})")
            if entry.questions
            else None,
            question_ids=[q.id for q in entry.questions],
            keyed_ids=keyed,
        )
        (notes if entry.notes else lectures).append(item)
    questions = [q for e in data.entries for q in e.questions]
    toc = [Link(href="#lectures", text="Lectures")] + ([Link(href="#notes", text="Notes")] if notes else [])
    toc += [Link(href="#topics", text="Topics")] if data.topics else []
    return HomeView(
        meta=PageMeta(path=path, title="", kind="home", toc=toc),
        lectures=lectures,
        notes=notes,
        topics=[Link(href=links.topic_href(t.id), text=t.name) for t in data.topics],
        practice=Link(href=links.PRACTICE_HREF, text="Practice everything") if questions else None,
        question_count=len(questions),
        pending_count=sum(1 for q in questions if q.unkeyed),
    )


def topic_index_view(data: TopicIndexInput, path: str) -> TopicIndexView:
    topics = [
        Link(href=links.topic_href(t.id), text=t.name, note=f"{t.slides} slide{'' if t.slides == 1 else 's'}")
        for t in data.topics
    ]
    return TopicIndexView(meta=PageMeta(path=path, title="Topics", kind="topics"), topics=topics)


def embedded_files(data: ExampleInput) -> str:
    """The downloads as JSON safe inside <script type="application/json"> (no "<" survives)."""
    files = {"py": data.code or ""}
    files.update({helper.name: helper.code for helper in data.helpers})
    if data.notebook is not None:
        files["ipynb"] = data.notebook
    return (
        json.dumps(files, sort_keys=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def example_view(data: ExampleInput) -> ExampleView:
    return ExampleView(
        name=data.name,
        title=data.title,
        code_html=data.code_html,
        code_text=data.code or "",
        output=data.output,
        figure_href=f"{EXAMPLES_DIR}/{links.safe_name(data.name)}.svg" if data.figure else None,
        py_href=f"{EXAMPLES_DIR}/{links.safe_name(data.name)}.py",
        ipynb_href=f"{EXAMPLES_DIR}/{links.safe_name(data.name)}.ipynb"
        if data.notebook is not None
        else None,
        helpers=[Link(href=f"{EXAMPLES_DIR}/{h.name}", text=h.name) for h in data.helpers],
        command=f"lecturekit run {data.name}",
        files_json=embedded_files(data),
        topics=[Link(href=links.topic_href(t.id), text=t.name) for t in data.topics],
    )


def topic_question(q: Question, r: Renderer) -> TopicQuestion:
    """A question as a topic page lists it: its stem rendered like a slide snippet (bad TeX is the quiz page's to report)."""
    href = f"{links.quiz_href(q.lecture)}#{links.question_anchor(q.id)}"
    return TopicQuestion(link=Link(href=href, text=q.label), stem_html=r.snippet(snippet_text(q.stem)))


def _spelled(text: str) -> str:
    """TEXT with case, hyphens and spacing left out: "Merge-Sort" and "merge sort" read the same."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def topic_view(data: TopicPageInput, path: str, r: Renderer) -> TopicView:
    slides = [
        TopicSlide(
            link=Link(href=s.slide.href, text=s.slide.title, note=s.slide.name),
            lecture=s.slide.lecture,
            score=round(s.score, 2),
            snippet=s.snippet,
            snippet_html=r.snippet(s.snippet),
        )
        for s in data.slides
    ]
    questions = [topic_question(q, r) for q in data.questions]
    examples = [example_view(e) for e in data.examples]
    toc = [Link(href="#summary", text="Summary"), Link(href="#slides", text=f"Slides ({len(slides)})")]
    toc += [Link(href="#questions", text=f"Questions ({len(questions)})")] if questions else []
    toc += [Link(href=f"#example-{links.safe_name(e.name)}", text=e.title) for e in examples]
    prev = Link(href=links.topic_href(data.prev.id), text=data.prev.name) if data.prev else None
    nxt = Link(href=links.topic_href(data.next.id), text=data.next.name) if data.next else None
    return TopicView(
        meta=PageMeta(path=path, title=data.topic.name, kind="topic", toc=toc, prev=prev, next=nxt),
        name=data.topic.name,
        aliases=[a for a in data.aliases if _spelled(a) != _spelled(data.topic.name)],
        summary_html=r.block(data.summary, "topics", None, f"topic {data.topic.id}"),
        related=[Link(href=links.topic_href(t.id), text=t.name) for t in data.related],
        slides=slides,
        questions=questions,
        examples=examples,
    )
