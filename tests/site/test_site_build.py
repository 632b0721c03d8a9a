"""Build properties: deterministic, atomic, escaped, offline, bad TeX reported, unchanged pages reused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from site_support import build, load_fixture_course, tree

from lecturekit.errors import UsageError
from lecturekit.models import Severity, TopicTag
from lecturekit.site import render
from lecturekit.site.atomic import MARKER


def html_files(out: Path) -> list[Path]:
    return sorted(out.glob("*.html"))


def test_site_build_is_byte_identical_twice(tmp_path):
    build(load_fixture_course(), tmp_path / "a")
    build(load_fixture_course(), tmp_path / "b", cache_dir=tmp_path / "cache")
    build(load_fixture_course(), tmp_path / "c", cache_dir=tmp_path / "cache")  # from the render cache
    first = tree(tmp_path / "a")
    assert first == tree(tmp_path / "b") == tree(tmp_path / "c")
    assert "index.html" in first and "static/katex/katex.min.css" in first


def test_site_failed_build_leaves_previous_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(load_fixture_course(), out)
    before = tree(out)

    def explode(course):
        raise RuntimeError("disk full halfway")

    course = load_fixture_course()
    course.lectures[0].title = "A new title that must not appear"
    monkeypatch.setattr(render, "index_script", explode)  # fails after the pages were written to staging
    with pytest.raises(RuntimeError):
        build(course, out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging dir left behind


def test_site_interrupted_build_leaves_previous_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(load_fixture_course(), out)
    before = tree(out)

    def interrupt(course):
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "index_script", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build(load_fixture_course(), out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_site_rebuild_replaces_old_files(tmp_path):
    out = tmp_path / "site"
    build(load_fixture_course(), out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    build(load_fixture_course(), out)
    assert not (out / "stale.html").exists() and (out / MARKER).is_file()


def test_site_refuses_to_replace_a_foreign_folder(tmp_path):
    out = tmp_path / "mywork"
    out.mkdir()
    (out / "thesis.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(UsageError, match="not written by lecturekit"):
        build(load_fixture_course(), out)
    assert (out / "thesis.tex").read_text(encoding="utf-8") == "precious"


def test_site_escapes_every_piece_of_slide_text(fixture_site):
    out, _, _ = fixture_site
    for page in html_files(out):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page.name
        assert "<img src=x" not in text and "<b>data</b>" not in text, page.name
        assert "<Deep Learning>" not in text, page.name
    lecture = (out / "lecture-2026-01-14.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in lecture
    assert "&lt;img src=x onerror=alert(2)&gt;" in lecture
    doc = lxml_html.fromstring(lecture)
    scripts = [s.get("src") for s in doc.iter("script")]
    assert scripts == ["static/theme.js", "static/site.js"]  # nothing from the input became a script
    assert not [el for el in doc.iter() if any(a.startswith("on") for a in el.attrib)]


def test_site_has_no_external_asset_urls(fixture_site):
    out, _, _ = fixture_site
    pattern = re.compile(r"^(https?:)?//", re.I)
    for page in html_files(out):
        doc = lxml_html.fromstring(page.read_bytes())
        for el in doc.iter():
            for attr in ("src", "href", "srcset", "poster", "data"):
                value = el.get(attr)
                if value is not None:
                    assert not pattern.match(value), f"{page.name}: <{el.tag} {attr}={value}>"
    for css in out.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css
    for js in out.rglob("*.js"):
        text = js.read_text(encoding="utf-8")
        if js.name != "katex.min.js":  # shipped for reference only; math is rendered at build time
            assert "fetch(" not in text and "import(" not in text and "XMLHttpRequest" not in text, js


def test_site_math_is_rendered_at_build_time(fixture_site):
    out, _, _ = fixture_site
    lecture = (out / "lecture-2026-01-14.html").read_text(encoding="utf-8")
    doc = lxml_html.fromstring(lecture)
    slide = doc.get_element_by_id("slide-s02")
    assert slide.find_class("katex-display"), "display math not rendered"
    annotations = [a.text for a in slide.iter("annotation")]
    assert "\\frac{\\partial L}{\\partial w}" in annotations and "x^2" in annotations
    assert "$5 and $10" in slide.text_content()  # dollars that are not math stay text


def test_site_bad_tex_is_a_warning_naming_file_and_slide(fixture_site):
    out, report, diag = fixture_site
    bad = [d for d in diag.items if "bad TeX" in d.message]
    assert len(bad) == 1 and report.warnings >= 1
    assert bad[0].severity is Severity.WARNING
    assert bad[0].file == "000_5e6f1afa6cbb3b19.txt" and bad[0].location == "p. 11"
    assert "2026-01-14/s04" in bad[0].message and "Broken formula" in bad[0].message
    doc = lxml_html.fromstring((out / "lecture-2026-01-14.html").read_bytes())
    code = doc.get_element_by_id("slide-s04").find_class("tex-error")
    assert code and code[0].text == "$\\frac{1}{$"


def test_site_cache_reuses_unchanged_pages_and_replays_warnings(tmp_path):
    cache = tmp_path / "cache"
    first, _ = build(load_fixture_course(), tmp_path / "a", cache_dir=cache)
    assert first.rendered == first.pages and first.reused == 0
    second, diag = build(load_fixture_course(), tmp_path / "b", cache_dir=cache)
    assert second.rendered == 0 and second.reused == second.pages
    assert any("bad TeX" in d.message for d in diag.items)  # a cached page still reports its warnings
    course = load_fixture_course()
    course.lectures[2].slides[1].text += "\nOne more line."
    third, _ = build(course, tmp_path / "c", cache_dir=cache)
    assert third.rendered == 1, "only the changed notes page should be rendered again"


def test_site_admin_slides_are_folded_but_reachable(fixture_site):
    out, _, _ = fixture_site
    doc = lxml_html.fromstring((out / "lecture-2026-01-14.html").read_bytes())
    admin = doc.get_element_by_id("slide-s01")
    assert admin.tag == "details" and admin.get("open") is None
    assert "Office Hours" in admin.text_content()
    toc_targets = [a.get("href") for a in doc.find_class("toc")[0].iter("a")]
    assert "#slide-s01" in toc_targets


def test_site_edition_link_and_per_slide_status(fixture_site):
    out, _, _ = fixture_site
    new = lxml_html.fromstring((out / "lecture-2026-01-14.html").read_bytes())
    edition = new.find_class("edition")[0].text_content()
    assert (
        "Lecture 3 (2024 edition)" in edition
        and "1 unchanged, 1 edited, 1 only here, 1 only in that edition" in edition
    )
    s02 = new.get_element_by_id("slide-s02")
    status = s02.find_class("status-edited")[0].find("a")
    assert status.get("href") == "lecture-2024-01-11.html#slide-s01"
    old = lxml_html.fromstring((out / "lecture-2024-01-11.html").read_bytes())  # the inverse link
    assert "Training and Back-propagation" in old.find_class("edition")[0].text_content()
    assert (
        old.get_element_by_id("slide-s03").find_class("status-only-here")[0].text_content()
        == "not in 2026-01-14"
    )


def test_site_provenance_line(fixture_site):
    out, _, _ = fixture_site
    doc = lxml_html.fromstring((out / "lecture-2026-01-14.html").read_bytes())
    summary = doc.get_element_by_id("slide-s02").find_class("provenance")[0]
    assert summary.find("summary").text == "from 001 pp. 12–14 (builds), 000 p. 9"
    assert "removed: 001_9877fb9ea88e89b7.txt p. 12 (furniture)" in summary.text_content()


def test_site_quiz_pages_hold_questions_by_type(fixture_site):
    out, _, _ = fixture_site
    doc = lxml_html.fromstring((out / "quiz-2026-01-14.html").read_bytes())
    single = doc.get_element_by_id("q-2026-01-14-ice-1")
    multi = doc.get_element_by_id("q-2026-01-14-ice-2")
    assert {i.get("type") for i in single.iter("input")} == {"radio"}
    assert {i.get("type") for i in multi.iter("input")} == {"checkbox"}
    assert single.get("data-answer") == '["2"]' and multi.get("data-answer") == '["1", "2"]'
    assert single.find(".//fieldset/legend") is not None
    assert single.find_class("feedback")[0].get("aria-live") == "polite"
    review = single.find_class("review-link")[0]
    assert review.get("href") == "lecture-2026-01-14.html#slide-s05" and review.text == "Review slide 5"
    old = lxml_html.fromstring((out / "quiz-2024-01-11.html").read_bytes())
    unkeyed = old.get_element_by_id("q-2024-01-11-ice-1")
    assert unkeyed.get("data-keyed") == "false" and "key pending" in unkeyed.text_content()
    discussion = old.get_element_by_id("q-2024-01-11-breakout-1")
    assert not list(discussion.iter("input")) and "discussion" in discussion.text_content()
    practice = lxml_html.fromstring((out / "practice.html").read_bytes())
    assert len(practice.find_class("question")) == 4


def test_site_topic_pages(fixture_site):
    out, _, _ = fixture_site
    doc = lxml_html.fromstring((out / "topic-backpropagation.html").read_bytes())
    slides = [a.get("href") for a in doc.get_element_by_id("slides").iter("a")]
    # best first, across lectures and editions
    assert slides == [
        "lecture-2026-01-14.html#slide-s02",
        "lecture-2024-01-11.html#slide-s01",
        "notes-2020-10-13.html#slide-s01",
    ]
    questions = [a.get("href") for a in doc.get_element_by_id("questions").iter("a")]
    assert questions == ["quiz-2026-01-14.html#q-2026-01-14-ice-2"]
    example = doc.get_element_by_id("example-backprop_demo")
    assert example.find_class("highlight") and "def grad" in example.find_class("highlight")[0].text_content()
    assert "finite difference -0.138861" in example.find_class("output")[0].text
    assert "lecturekit run backprop_demo" in example.text_content()
    assert (
        (out / "examples" / "backprop_demo.py").read_text(encoding="utf-8").startswith('"""Backpropagation')
    )
    lecture = lxml_html.fromstring((out / "lecture-2026-01-14.html").read_bytes())
    tags = [a.get("href") for a in lecture.get_element_by_id("slide-s02").find_class("topic-tag")]
    assert tags == ["topic-backpropagation.html", "topic-learning-rate.html"]
    quiz = lxml_html.fromstring((out / "quiz-2026-01-14.html").read_bytes())
    assert [a.get("href") for a in quiz.get_element_by_id("q-2026-01-14-ice-1").find_class("topic-tag")] == [
        "topic-learning-rate.html"
    ]
    lr = lxml_html.fromstring((out / "topic-learning-rate.html").read_bytes())
    assert (
        lr.find(".//figure/img").get("src") == "examples/lr_demo.svg"
        and (out / "examples/lr_demo.svg").is_file()
    )


def test_site_practice_page_names_the_lecture_of_each_question(fixture_site):
    out, _, _ = fixture_site
    practice = lxml_html.fromstring((out / "practice.html").read_bytes())
    toc = [a.text for a in practice.find_class("toc")[0].iter("a")]
    assert "ICE #1 · 2024-01-11" in toc and "ICE #1 · 2026-01-14" in toc and len(set(toc)) == len(toc)
    legend = practice.get_element_by_id("q-2026-01-14-ice-1").find(".//legend")
    assert "(Training and Back-propagation)" in legend.text_content()
    labels = [
        label.text_content().strip()
        for label in practice.get_element_by_id("q-2026-01-14-ice-1").iter("label")
    ]
    # shuffled in the browser; the number stays with its option
    assert labels[1] == "Option 2: the learning rate"
    lecture_quiz = lxml_html.fromstring((out / "quiz-2026-01-14.html").read_bytes())
    assert not lecture_quiz.find_class("qlecture")  # one lecture: the heading says it already


def test_site_topic_snippets_render_math(fixture_site):
    out, _, _ = fixture_site
    doc = lxml_html.fromstring((out / "topic-backpropagation.html").read_bytes())
    snippet = doc.find_class("snippet")[0]
    assert [a.text for a in snippet.iter("annotation")] == ["\\frac{\\partial L}{\\partial w}", "x^2", "2x"]
    assert "It costs $5 and $10" in snippet.text_content()  # money is not math
    visible = "".join(
        t
        for e in snippet.iter()
        if e.tag != "annotation" and "katex-mathml" not in (e.get("class") or "")
        for t in [e.text or ""]
    )
    assert "\\frac" not in visible


def test_site_snippet_never_cuts_a_formula_or_a_mark():
    from lecturekit.site.markup import snippet_text

    text = (
        "- Intro "
        + "word " * 24
        + "$\\sum_{i=1}^{d} a_i \\theta_i^2 + b_i \\theta_i + c_i$ and more text after it"
    )
    # the formula that would be cut is left out whole
    assert snippet_text(text) == "Intro" + " word" * 24 + " …"
    assert snippet_text("- short $x^2$ here") == "short $x^2$ here"
    # marks kept
    assert (
        snippet_text("Which is ~~not~~ a **hyper-parameter**?") == "Which is ~~not~~ a **hyper-parameter**?"
    )
    struck = "word " * 30 + "~~a struck phrase that runs on past the end~~ tail"
    assert snippet_text(struck) == ("word " * 30).strip() + " …"
    # whole words
    assert snippet_text("word " * 30 + "dimension of the gradient") == ("word " * 30).strip() + " dimension …"


def test_site_topic_page_question_stems_are_rendered_like_snippets(tmp_path):
    """QA: topic pages showed "~~not~~" and raw "$f(\\theta) = …$" cut mid-word ("dimension of t") with no ellipsis."""
    course = load_fixture_course()
    struck = next(q for q in course.questions if q.id == "2024-01-11/ice-1")
    long = next(q for q in course.questions if q.id == "2026-01-14/ice-1")
    struck.topics = long.topics = [TopicTag(topic="learning-rate", score=1.0)]
    long.stem = (
        "Assume you are minimizing a function as follows:\n$f(\\theta) = \\sum_{i=1}^{d} (a_i\\theta_i^2 + b_i\\theta_i + c_i)$\n"
        "What is the dimension of the gradient with a full-batch size and a batch-size of 8 <b>(assume d > 8)</b>?"
    )
    build(course, tmp_path / "site")
    doc = lxml_html.fromstring((tmp_path / "site" / "topic-learning-rate.html").read_bytes())
    items = {li.find("a").get("href"): li for li in doc.get_element_by_id("questions").iter("li")}
    not_item = items["quiz-2024-01-11.html#q-2024-01-11-ice-1"]
    assert "~~" not in not_item.text_content() and not_item.find(".//del").text == "not"
    math_item = items["quiz-2026-01-14.html#q-2026-01-14-ice-1"]
    assert [a.text for a in math_item.iter("annotation")] == [
        "f(\\theta) = \\sum_{i=1}^{d} (a_i\\theta_i^2 + b_i\\theta_i + c_i)"
    ]
    visible = " ".join(
        t for e in math_item.iter() if e.tag != "annotation" for t in [e.text or "", e.tail or ""]
    )
    assert "$" not in visible and "\\sum" not in visible
    stem = math_item.find_class("stem")[0].text_content()
    # cut after a whole word, never "… of t"
    assert stem.endswith(" …") and stem.split()[-2] in long.stem.split()
    # escaped
    assert "<b>" not in (tmp_path / "site" / "topic-learning-rate.html").read_text(encoding="utf-8")


def test_site_home_lists_lectures_by_date_and_notes_apart(fixture_site):
    out, _, _ = fixture_site
    doc = lxml_html.fromstring((out / "index.html").read_bytes())
    lists = doc.find_class("lecture-list")
    assert [a.get("href") for a in lists[0].iter("a") if a.get("href").startswith("lecture")] == [
        "lecture-2024-01-11.html",
        "lecture-2026-01-14.html",
    ]
    assert [a.get("href") for a in lists[1].iter("a")] == ["notes-2020-10-13.html"]
    assert lists[0].find_class("progress")


def test_site_without_v8_shows_tex_and_warns(tmp_path, monkeypatch):
    def no_v8():
        raise ImportError("No module named 'py_mini_racer'")

    monkeypatch.setattr(render, "shared_renderer", no_v8)
    report, diag = build(load_fixture_course(), tmp_path / "site")
    assert any("KaTeX could not start" in d.message for d in diag.warnings)
    doc = lxml_html.fromstring((tmp_path / "site" / "lecture-2026-01-14.html").read_bytes())
    assert not doc.find_class("katex") and doc.find_class("tex")


def test_site_title_only_slide_says_it_is_a_figure(tmp_path):
    """QA: an image-only slide (title, no text) rendered as an empty box; a review link landed on nothing."""
    course = load_fixture_course()
    lecture = next(lec for lec in course.lectures if lec.id == "2024-01-11")
    lecture.slides[1].text = lecture.slides[1].title  # "Learning rate": a figure whose text was not kept
    notes = next(lec for lec in course.lectures if lec.id == "2020-10-13")
    notes.slides[1].text = notes.slides[1].title  # a notes heading with nothing under it is no figure
    build(course, tmp_path / "site")
    doc = lxml_html.fromstring((tmp_path / "site" / "lecture-2024-01-11.html").read_bytes())
    body = doc.get_element_by_id("slide-s02").find_class("slide-body")[0]
    assert [p.text for p in body.find_class("slide-note")] == ["(figure only — no text on this slide)"]
    assert not doc.get_element_by_id("slide-s01").find_class("slide-note")  # slides with text show their text
    notes_doc = lxml_html.fromstring((tmp_path / "site" / "notes-2020-10-13.html").read_bytes())
    assert not notes_doc.find_class("slide-note")


def titles(out: Path) -> dict[str, str]:
    return {
        page.name: lxml_html.fromstring(page.read_bytes()).findtext(".//title") for page in html_files(out)
    }


def test_site_page_titles_name_the_course_once(fixture_site):
    """QA: the home page's <title> was the course title twice."""
    out, _, _ = fixture_site
    course = load_fixture_course().title
    found = titles(out)
    assert found["index.html"] == course
    assert found["topics.html"] == f"Topics · {course}"
    assert found["lecture-2026-01-14.html"] == f"Training and Back-propagation · {course}"
    assert all(title.count(course) == 1 for title in found.values())


def test_site_topics_in_name_order_everywhere(tmp_path):
    """QA: the home page listed topics by id while the topics index and prev/next went by name."""
    course = load_fixture_course()
    rate = next(t for t in course.topics if t.id == "learning-rate")
    rate.name = "A learning rate"  # by name it now comes before "Backpropagation"; by id it stays after
    build(course, tmp_path / "site")
    out = tmp_path / "site"
    expected = ["topic-learning-rate.html", "topic-backpropagation.html"]

    def tags(name: str) -> list[str]:
        doc = lxml_html.fromstring((out / name).read_bytes())
        return [a.get("href") for a in doc.find_class("topic-cloud")[0].iter("a")]

    assert tags("index.html") == expected and tags("topics.html") == expected
    first = lxml_html.fromstring((out / expected[0]).read_bytes())
    assert [a.get("href") for a in first.find_class("pager")[0].iter("a")] == [expected[1]]
    index = (out / "search-index.js").read_text(encoding="utf-8")
    assert index.index('"topic-learning-rate.html"') < index.index('"topic-backpropagation.html"')
