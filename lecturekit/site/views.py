"""View models: exactly what each template shows, with HTML fields already escaped and rendered."""

from __future__ import annotations

from pydantic import Field

from lecturekit.models import Model


class Link(Model):
    href: str
    text: str
    note: str = ""


class EditionBadge(Model):
    """How one slide relates to the other edition (status and a link to its counterpart)."""

    status: str
    text: str
    href: str | None = None


class ImageView(Model):
    """A slide's page picture: shown beside its text, or as the slide itself when it has little text."""

    href: str
    width: int
    height: int
    alt: str
    label: str  # the enlarge link's accessible name
    large: bool  # the slide is a figure: the picture is the slide, shown at full width


class SlideView(Model):
    anchor: str
    number: int
    kind: str
    title_html: str
    body_html: str
    note: str = ""  # shown (escaped, muted) in place of an empty body, e.g. on a figure-only slide
    provenance: str  # one short line, e.g. "from 001 pp. 12–14 (builds), 000 p. 9"
    pages: list[str] = Field(default_factory=list)  # the expanded provenance, one line per page
    removed: list[str] = Field(default_factory=list)
    merged_by: list[str] = Field(default_factory=list)
    topics: list[Link] = Field(default_factory=list)
    editions: list[EditionBadge] = Field(default_factory=list)
    questions: list[Link] = Field(default_factory=list)
    image: ImageView | None = None


class EditionView(Model):
    href: str
    title: str
    counts: str  # "12 unchanged, 3 edited, 2 new, 1 removed"
    only_there: list[Link] = Field(default_factory=list)  # slides the other edition has and this one lacks


class PageMeta(Model):
    """Shared chrome of every page: title, navigation, table of contents."""

    path: str
    title: str  # the page's own title; "" on the home page, whose <title> is the course title alone
    kind: str
    toc: list[Link] = Field(default_factory=list)
    prev: Link | None = None
    next: Link | None = None


class LectureView(Model):
    meta: PageMeta
    title: str
    date: str | None
    sources: list[str]
    slides: list[SlideView]
    editions: list[EditionView] = Field(default_factory=list)
    quiz: Link | None = None
    admin_count: int = 0
    images: bool = False  # some slide shows its page picture (the page loads the enlarge script)


class OptionView(Model):
    key: str
    input_id: str
    html: str


class QuestionView(Model):
    id: str
    anchor: str
    label: str
    kind: str  # mcq | discussion
    multiple: bool
    keyed: bool
    answer_json: str  # option keys, for the page's script (self-study: keys are in the source)
    stem_html: str
    options: list[OptionView] = Field(default_factory=list)
    explanation_html: str = ""
    review: Link | None = None
    topics: list[Link] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    key_text: str = ""  # a typed question's key as text, shown after checking ("Mars", "9.81 ± 0.05")
    rows: list[str] = Field(default_factory=list)  # a matching question's left items (HTML)
    choices: list[str] = Field(default_factory=list)  # a matching question's right items, sorted (plain text)


class QuizGroup(Model):
    lecture: Link
    questions: list[QuestionView]


class QuizView(Model):
    meta: PageMeta
    heading: str
    scope: str  # quiz-set id for storage: a lecture id, or "all"
    groups: list[QuizGroup]
    keyed_count: int
    pending_count: int


class HomeLecture(Model):
    link: Link
    date: str | None
    slides: int
    quiz: Link | None = None
    question_ids: list[str] = Field(default_factory=list)
    keyed_ids: list[str] = Field(default_factory=list)


class HomeView(Model):
    meta: PageMeta
    lectures: list[HomeLecture]
    notes: list[HomeLecture]
    topics: list[Link]
    practice: Link | None
    question_count: int
    pending_count: int


class ExampleView(Model):
    name: str
    title: str
    code_html: str
    code_text: str
    output: str
    figure_href: str | None = None
    py_href: str
    ipynb_href: str | None = None
    helpers: list[Link] = Field(default_factory=list)  # modules the .py needs next to it
    command: str
    files_json: str  # {"py": source, "ipynb": notebook} for downloads from file:// (every "<" as \u003c)
    topics: list[Link] = Field(default_factory=list)


class TopicSlide(Model):
    link: Link
    lecture: str
    score: float
    snippet: str
    snippet_html: str = ""  # the snippet with its $math$ rendered, everything else escaped


class TopicQuestion(Model):
    """A practice question on a topic page: a link by its label and the start of its stem."""

    link: Link
    stem_html: str  # the stem's start with marks and $math$ rendered, everything else escaped


class TopicView(Model):
    meta: PageMeta
    name: str
    aliases: list[str]
    summary_html: str
    related: list[Link]
    slides: list[TopicSlide]
    questions: list[TopicQuestion]
    examples: list[ExampleView]


class TopicIndexView(Model):
    meta: PageMeta
    topics: list[Link]
