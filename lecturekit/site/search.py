"""The search index, built in Python at build time and emitted as a classic script setting a global."""

from __future__ import annotations

import json
import re

from pydantic import Field

from lecturekit.models import Course, Model
from lecturekit.site import links
from lecturekit.site.pages import ordered_lectures, ordered_topics

INDEX_FILE = "search-index.js"
WORD = re.compile(r"[^\W_]{2,}")
# "hyper-parameter"; site.js joins query words alike
HYPHENATED = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)+")
LETTERS = re.compile(r"[^\W_]+")
STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were will with "
    "we you your our can not but if then than so do does which what when how".split()
)
MAX_TERM = 24  # longer "words" are OCR noise or TeX runs; not worth index space


class SearchDoc(Model):
    title: str
    href: str
    group: int  # index into SearchIndex.groups (the lecture or section the hit belongs to)
    text: str


class SearchIndex(Model):
    groups: list[str]
    docs: list[SearchDoc]
    # per topic with slides: the numbers of the slides tagged with it
    tagged: list[list[int]] = Field(default_factory=list)
    # alias_key of a topic name or alias → its `tagged` entries
    aliases: dict[str, list[int]] = Field(default_factory=dict)


def stem(word: str) -> str:
    """A plural s taken off ("gradients" → "gradient"); site.js's stem() does the same to query words."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> set[str]:
    """The index terms of a text: lower-cased, stemmed words, hyphenated ones both split and joined ("hyper-parameters"
    → "hyper", "parameter", "hyperparameter"); stop words and very long runs left out."""
    lower = text.lower()
    words = WORD.findall(lower) + ["".join(LETTERS.findall(w)) for w in HYPHENATED.findall(lower)]
    return {stem(w) for w in words if w not in STOPWORDS and len(w) <= MAX_TERM}


def alias_key(name: str) -> str:
    """A topic name or alias as one search word: its letters and digits joined, stemmed ("Back prop" → "backprop").

    site.js makes the same key of each query word (and of the whole query) to look up the topic's tagged slides.
    """
    return stem("".join(LETTERS.findall(name.lower())))


def collect(course: Course) -> SearchIndex:
    """One search document per slide, quiz question and topic, in site order."""
    groups: list[str] = []
    docs: list[SearchDoc] = []
    slides_of: dict[str, list[int]] = {}  # topic id → the doc numbers of its tagged slides
    for lecture in ordered_lectures(course):
        groups.append(lecture.title)
        page = links.lecture_href(lecture)
        for slide in lecture.slides:
            for topic in dict.fromkeys(tag.topic for tag in slide.topics):
                slides_of.setdefault(topic, []).append(len(docs))
            docs.append(
                SearchDoc(
                    title=slide.title,
                    href=f"{page}#{links.slide_anchor(slide.id)}",
                    group=len(groups) - 1,
                    text=slide.text,
                )
            )
    if course.questions:
        groups.append("Quizzes")
        for q in sorted(course.questions, key=lambda q: q.id):
            href = f"{links.quiz_href(q.lecture)}#{links.question_anchor(q.id)}"
            # The lecture in the title: every lecture has an "ICE #1", and results must tell them apart.
            docs.append(
                SearchDoc(title=f"{q.label} ({q.lecture})", href=href, group=len(groups) - 1, text=q.stem)
            )
    if course.topics:
        groups.append("Topics")
        for entry in ordered_topics(course):
            text = " ".join([entry.name, *entry.aliases, entry.summary])
            docs.append(
                SearchDoc(title=entry.name, href=links.topic_href(entry.id), group=len(groups) - 1, text=text)
            )
    index = SearchIndex(groups=groups, docs=docs)
    _add_aliases(index, course, slides_of)
    return index


def _add_aliases(index: SearchIndex, course: Course, slides_of: dict[str, list[int]]) -> None:
    """Let each topic's name and aliases find the slides tagged with it (a query "backprop" finds "Back Propagation")."""
    for topic in ordered_topics(course):
        if not slides_of.get(topic.id):
            continue
        index.tagged.append(slides_of[topic.id])
        for key in sorted({alias_key(name) for name in [topic.name, *topic.aliases]} - {""}):
            index.aliases.setdefault(key, []).append(len(index.tagged) - 1)


def _encode(numbers: list[int]) -> str:
    """Ascending numbers, delta-encoded and comma-joined (keeps the file small)."""
    deltas = [numbers[0]] + [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
    return ",".join(map(str, deltas))


def _postings(index: SearchIndex) -> dict[str, str]:
    """term → ascending doc numbers, delta-encoded and comma-joined (keeps the file small)."""
    found: dict[str, list[int]] = {}
    for number, doc in enumerate(index.docs):
        for term in terms(doc.title + "\n" + doc.text):
            found.setdefault(term, []).append(number)
    return {term: _encode(found[term]) for term in sorted(found)}


def index_script(course: Course) -> str:
    """The index as `window.LECTUREKIT_SEARCH = {...};` (a classic script works from file://)."""
    index = collect(course)
    payload = {
        "groups": index.groups,
        "docs": [[d.title, d.href, d.group] for d in index.docs],
        "terms": _postings(index),
        "stop": sorted(STOPWORDS),  # the query side leaves out the same words
        "tagged": [_encode(numbers) for numbers in index.tagged],
        "aliases": {key: index.aliases[key] for key in sorted(index.aliases)},
    }
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</" can never close a <script> here (the file is loaded by src), but keep the JSON inert anyway.
    return "window.LECTUREKIT_SEARCH=" + body.replace("</", "<\\/") + ";\n"
