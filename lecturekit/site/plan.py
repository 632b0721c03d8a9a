"""Turn a Course into the list of pages to render, each with the input model it depends on."""

from __future__ import annotations

from lecturekit.cache import Cache
from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Question
from lecturekit.site import links
from lecturekit.site.examplecache import ExampleInputs
from lecturekit.site.markup import snippet_text
from lecturekit.site.pages import (
    HomeEntry,
    HomeInput,
    LecturePageInput,
    PagePlan,
    QuizPageInput,
    QuizSection,
    SlideRef,
    TopicIndexInput,
    TopicPageInput,
    TopicRef,
    TopicSlideInput,
    edition_links,
    lecture_ref,
    ordered_lectures,
    ordered_topics,
    questions_by_lecture,
    quiz_slide_refs,
    quiz_topic_ids,
    slide_refs,
    topic_refs,
)


def plan_pages(course: Course, diag: Diagnostics, cache: Cache | None = None) -> list[PagePlan]:
    """Every page of the site, in a stable order (CACHE: where example inputs are kept between builds)."""
    refs = slide_refs(course)
    grouped = questions_by_lecture(course)
    plans = [_home(course, grouped)]
    plans += _lectures(course, refs, grouped)
    plans += _quizzes(course, refs, grouped)
    if course.topics:
        plans += _topics(course, refs, diag, cache)
    return plans


def _home(course: Course, grouped: dict[str, list[Question]]) -> PagePlan:
    entries = [
        HomeEntry(
            lecture=lecture_ref(lec),
            notes=links.is_notes(lec),
            slides=len(lec.slides),
            questions=grouped.get(lec.id, []),
        )
        for lec in ordered_lectures(course)
    ]
    topics = topic_refs(course, {t.id for t in course.topics})
    return PagePlan(links.HOME_HREF, "home.html", course.title, HomeInput(entries=entries, topics=topics))


def _lectures(
    course: Course, refs: dict[str, SlideRef], grouped: dict[str, list[Question]]
) -> list[PagePlan]:
    lectures = ordered_lectures(course)
    by_id = {lec.id: lec for lec in lectures}
    images = {
        image.slide: image for image in course.images if image.data
    }  # without bytes there is no file to show
    plans = []
    for i, lec in enumerate(lectures):
        editions = edition_links(course, lec)
        others = sorted({d.other for e in editions for d in e.slides if d.other and d.other in refs})
        data = LecturePageInput(
            lecture=lec,
            notes=links.is_notes(lec),
            prev=lecture_ref(lectures[i - 1]) if i > 0 else None,
            next=lecture_ref(lectures[i + 1]) if i + 1 < len(lectures) else None,
            editions=editions,
            edition_refs=[lecture_ref(by_id[e.lecture]) for e in editions if e.lecture in by_id],
            edition_slides=[refs[o] for o in others],
            topics=topic_refs(course, {tag.topic for s in lec.slides for tag in s.topics}),
            questions=grouped.get(lec.id, []),
            images=[images[s.id] for s in lec.slides if s.id in images],
        )
        template = "notes.html" if data.notes else "lecture.html"
        plans.append(PagePlan(links.lecture_href(lec), template, lec.title, data))
    return plans


def _quizzes(course: Course, refs: dict[str, SlideRef], grouped: dict[str, list[Question]]) -> list[PagePlan]:
    lectures = [lec for lec in ordered_lectures(course) if grouped.get(lec.id)]
    plans = []
    for lec in lectures:
        questions = grouped[lec.id]
        data = QuizPageInput(
            scope=lec.id,
            heading=f"Quiz: {lec.title}",
            sections=[QuizSection(lecture=lecture_ref(lec), questions=questions)],
            slides=quiz_slide_refs(questions, refs),
            topics=topic_refs(course, quiz_topic_ids(questions)),
        )
        plans.append(PagePlan(links.quiz_href(lec.id), "quiz.html", data.heading, data))
    if lectures:
        sections = [QuizSection(lecture=lecture_ref(lec), questions=grouped[lec.id]) for lec in lectures]
        every = [q for s in sections for q in s.questions]
        data = QuizPageInput(
            scope="all",
            heading="Practice everything",
            sections=sections,
            slides=quiz_slide_refs(every, refs),
            topics=topic_refs(course, quiz_topic_ids(every)),
        )
        plans.append(PagePlan(links.PRACTICE_HREF, "quiz.html", data.heading, data))
    return plans


def _topics(
    course: Course, refs: dict[str, SlideRef], diag: Diagnostics, cache: Cache | None
) -> list[PagePlan]:
    examples = {ex.name: ex for ex in course.examples}
    topics = ordered_topics(course)
    names = {t.id: t.name for t in topics}
    inputs = ExampleInputs(course, names, cache)
    slides = _topic_slides(course, refs)
    questions = _topic_questions(course)
    plans = [
        PagePlan(
            links.TOPICS_HREF,
            "topics.html",
            "Topics",
            TopicIndexInput(
                topics=[TopicRef(id=t.id, name=t.name, slides=len(slides.get(t.id, []))) for t in topics]
            ),
        )
    ]
    for i, topic in enumerate(topics):
        data = TopicPageInput(
            topic=TopicRef(id=topic.id, name=topic.name),
            summary=topic.summary,
            aliases=topic.aliases,
            related=[TopicRef(id=r, name=names[r]) for r in topic.related if r in names],
            slides=slides.get(topic.id, []),
            questions=questions.get(topic.id, []),
            examples=[inputs.get(examples[name], diag) for name in topic.examples if name in examples],
            prev=TopicRef(id=topics[i - 1].id, name=topics[i - 1].name) if i > 0 else None,
            next=TopicRef(id=topics[i + 1].id, name=topics[i + 1].name) if i + 1 < len(topics) else None,
        )
        plans.append(PagePlan(links.topic_href(topic.id), "topic.html", topic.name, data))
    return plans


def _topic_slides(course: Course, refs: dict[str, SlideRef]) -> dict[str, list[TopicSlideInput]]:
    """Each topic's tagged slides, across lectures and editions, best score first (one pass over the course)."""
    found: dict[str, list[TopicSlideInput]] = {}
    for lecture in course.lectures:
        for slide in lecture.slides:
            if not slide.topics or slide.id not in refs:
                continue
            ref, snippet = refs[slide.id], snippet_text(slide.text.partition("\n")[2])
            for tag in slide.topics:
                # Parts of a validated Course: no need to check them again, thousands of times per build.
                item = TopicSlideInput.model_construct(slide=ref, score=tag.score, snippet=snippet)
                found.setdefault(tag.topic, []).append(item)
    for items in found.values():
        items.sort(key=lambda s: (-s.score, s.slide.id))
    return found


def _topic_questions(course: Course) -> dict[str, list[Question]]:
    """Each topic's tagged questions, by question id (a question tagged twice with a topic listed once)."""
    found: dict[str, list[Question]] = {}
    for question in sorted(course.questions, key=lambda q: q.id):
        for topic in dict.fromkeys(tag.topic for tag in question.topics):
            found.setdefault(topic, []).append(question)
    return found
