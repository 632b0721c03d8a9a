"""The search index, built in Python at build time and emitted as a classic script setting a global."""

from __future__ import annotations

import json
import re

from lecturekit.models import Course, Model
from lecturekit.site import links
from lecturekit.site.pages import ordered_lectures

INDEX_FILE = "search-index.js"
WORD = re.compile(r"[^\W_]{2,}")
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


def stem(word: str) -> str:
    """A plural s taken off ("gradients" → "gradient"); site.js's stem() does the same to query words."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> set[str]:
    """The index terms of a text: lower-cased, stemmed words; stop words and very long runs left out."""
    return {stem(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS and len(w) <= MAX_TERM}


def collect(course: Course) -> SearchIndex:
    """One search document per slide, quiz question and topic, in site order."""
    groups: list[str] = []
    docs: list[SearchDoc] = []
    for lecture in ordered_lectures(course):
        groups.append(lecture.title)
        page = links.lecture_href(lecture)
        for slide in lecture.slides:
            docs.append(SearchDoc(title=slide.title, href=f"{page}#{links.slide_anchor(slide.id)}", group=len(groups) - 1, text=slide.text))
    if course.questions:
        groups.append("Quizzes")
        for q in sorted(course.questions, key=lambda q: q.id):
            href = f"{links.quiz_href(q.lecture)}#{links.question_anchor(q.id)}"
            docs.append(SearchDoc(title=q.label, href=href, group=len(groups) - 1, text=q.stem))
    if course.topics:
        groups.append("Topics")
        for topic in sorted(course.topics, key=lambda t: t.id):
            text = " ".join([topic.name, *topic.aliases, topic.summary])
            docs.append(SearchDoc(title=topic.name, href=links.topic_href(topic.id), group=len(groups) - 1, text=text))
    return SearchIndex(groups=groups, docs=docs)


def _postings(index: SearchIndex) -> dict[str, str]:
    """term → ascending doc numbers, delta-encoded and comma-joined (keeps the file small)."""
    found: dict[str, list[int]] = {}
    for number, doc in enumerate(index.docs):
        for term in terms(doc.title + "\n" + doc.text):
            found.setdefault(term, []).append(number)
    encoded = {}
    for term in sorted(found):
        numbers = found[term]
        deltas = [numbers[0]] + [b - a for a, b in zip(numbers, numbers[1:])]
        encoded[term] = ",".join(map(str, deltas))
    return encoded


def index_script(course: Course) -> str:
    """The index as `window.LECTUREKIT_SEARCH = {...};` (a classic script works from file://)."""
    index = collect(course)
    payload = {
        "groups": index.groups,
        "docs": [[d.title, d.href, d.group] for d in index.docs],
        "terms": _postings(index),
        "stop": sorted(STOPWORDS),  # the query side leaves out the same words
    }
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</" can never close a <script> here (the file is loaded by src), but keep the JSON inert anyway.
    return "window.LECTUREKIT_SEARCH=" + body.replace("</", "<\\/") + ";\n"
