"""The input model of every kind of page: the exact slice of the Course it shows (its cache key)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from lecturekit.models import Course, EditionLink, Lecture, Model, Question, SlideDiff, SlideImage, Topic
from lecturekit.site import links


class LectureRef(Model):
    id: str
    title: str
    href: str
    date: str | None = None


class SlideRef(Model):
    id: str
    href: str
    number: int
    title: str
    lecture: str
    notes: bool = False  # a section of notes (its page numbers nothing), not a numbered slide

    @property
    def name(self) -> str:
        """ "slide 9", or "section 9" in notes."""
        return f"{'section' if self.notes else 'slide'} {self.number}"


class TopicRef(Model):
    id: str
    name: str
    slides: int = 0  # how many slides are tagged with it (shown on the topics index)


class LecturePageInput(Model):
    lecture: Lecture
    notes: bool
    prev: LectureRef | None = None
    next: LectureRef | None = None
    editions: list[EditionLink] = Field(default_factory=list)
    edition_refs: list[LectureRef] = Field(default_factory=list)
    edition_slides: list[SlideRef] = Field(default_factory=list)  # the other editions' slides the diffs name
    topics: list[TopicRef] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    images: list[SlideImage] = Field(default_factory=list)  # page pictures of this lecture's slides


class QuizSection(Model):
    lecture: LectureRef
    questions: list[Question]


class QuizPageInput(Model):
    scope: str
    heading: str
    sections: list[QuizSection]
    slides: list[SlideRef] = Field(default_factory=list)
    topics: list[TopicRef] = Field(default_factory=list)


class HomeEntry(Model):
    lecture: LectureRef
    notes: bool
    slides: int
    questions: list[Question] = Field(default_factory=list)


class HomeInput(Model):
    entries: list[HomeEntry]
    topics: list[TopicRef]


class HelperFile(Model):
    """A local module an example imports (examples/_*.py): shipped next to its download so it runs."""

    name: str  # file name, e.g. "_svgplot.py"
    code: str


class ExampleInput(Model):
    name: str
    title: str
    path: str
    code: str | None  # None when the file cannot be read
    code_html: str  # the code highlighted by Pygments ("" without code)
    output: str
    figure: str | None
    notebook: str | None  # nbformat JSON from the topics stage, None until it provides one
    helpers: list[HelperFile] = Field(default_factory=list)
    topics: list[TopicRef] = Field(default_factory=list)


class TopicSlideInput(Model):
    slide: SlideRef
    score: float
    snippet: str


class TopicPageInput(Model):
    topic: TopicRef
    summary: str
    aliases: list[str]
    related: list[TopicRef]
    slides: list[TopicSlideInput]
    questions: list[Question]
    examples: list[ExampleInput]
    prev: TopicRef | None = None
    next: TopicRef | None = None


class TopicIndexInput(Model):
    topics: list[TopicRef]


@dataclass(frozen=True)
class PagePlan:
    """One page to write: its path, template, and the input model it is rendered (and cached) from."""

    path: str
    template: str
    title: str
    data: Model


def ordered_lectures(course: Course) -> list[Lecture]:
    """Lectures by date (undated last), then id: the order of the home page and of prev/next."""
    return sorted(course.lectures, key=lambda lec: (lec.date is None, lec.date or "", lec.id))


def lecture_ref(lecture: Lecture) -> LectureRef:
    date = lecture.date.isoformat() if lecture.date else None
    return LectureRef(id=lecture.id, title=lecture.title, href=links.lecture_href(lecture), date=date)


def slide_refs(course: Course) -> dict[str, SlideRef]:
    """Every slide of the course by id, with the link to its anchor."""
    refs: dict[str, SlideRef] = {}
    for lecture in course.lectures:
        href = links.lecture_href(lecture)
        for number, slide in enumerate(lecture.slides, 1):
            anchor = links.slide_anchor(slide.id)
            refs[slide.id] = SlideRef(
                id=slide.id,
                href=f"{href}#{anchor}",
                number=number,
                title=slide.title,
                lecture=lecture.title,
                notes=links.is_notes(lecture),
            )
    return refs


def edition_links(course: Course, lecture: Lecture) -> list[EditionLink]:
    """The lecture's own edition links plus the inverse of links other lectures make to it."""
    found = list(lecture.editions)
    known = {link.lecture for link in found}
    for other in course.lectures:
        for link in other.editions:
            if link.lecture == lecture.id and other.id not in known:
                # Pages read the relation from which side exists, so swapping the ids is the whole inverse.
                diffs = [SlideDiff(slide=d.other, other=d.slide, status=d.status) for d in link.slides]
                found.append(EditionLink(lecture=other.id, slides=diffs))
                known.add(other.id)
    return sorted(found, key=lambda link: link.lecture)


def questions_by_lecture(course: Course) -> dict[str, list[Question]]:
    """Each lecture's questions in the order the slides pose them (then by id)."""
    position = {slide.id: n for lec in course.lectures for n, slide in enumerate(lec.slides)}
    grouped: dict[str, list[Question]] = {}
    for question in sorted(
        course.questions, key=lambda q: (position.get(q.slide or "", len(position)), q.id)
    ):
        grouped.setdefault(question.lecture, []).append(question)
    return grouped


def ordered_topics(course: Course) -> list[Topic]:
    """Topics by name (case-insensitive, then id): the order of every topic list and of topic prev/next."""
    return sorted(course.topics, key=lambda t: (t.name.lower(), t.id))


def topic_refs(course: Course, ids: set[str]) -> list[TopicRef]:
    return [TopicRef(id=t.id, name=t.name) for t in ordered_topics(course) if t.id in ids]


def quiz_topic_ids(questions: list[Question]) -> set[str]:
    return {tag.topic for q in questions for tag in q.topics}


def quiz_slide_refs(questions: list[Question], refs: dict[str, SlideRef]) -> list[SlideRef]:
    wanted = {q.review_slide or q.slide for q in questions}
    return [refs[s] for s in sorted(s for s in wanted if s is not None) if s in refs]
