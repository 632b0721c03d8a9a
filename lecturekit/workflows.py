"""The instructor's use cases: which course and site a command means, build, add, init, the slide list."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pydantic import Field

from lecturekit.cache import trim_cache
from lecturekit.course import (
    ANSWERS_FILE,
    COURSE_FILE,
    BuildConfig,
    answers_file,
    is_source_candidate,
    load_config,
    register_sources,
)
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.models import Course, Method, Model, QuestionKind
from lecturekit.pipeline import bundled_seeds, clean, ingest, load_course
from lecturekit.quiz import ANSWERS_HEADER, scaffold_answers
from lecturekit.site import MARKER, BuildReport, SiteOptions, build_site, check_output
from lecturekit.suggest import did_you_mean

LECTURE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
SITE_DIR = "_site"  # the one default site location: COURSE/_site (ignored as a source: it starts with "_")
# Only to recognise a course folder when no COURSE is given; sources themselves are read by content.
SOURCE_SUFFIXES = (
    ".pdf",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
    ".txt",
    ".md",
    ".markdown",
    ".text",
    ".notes",
)
NO_COURSE_HINT = (
    "no course here (no course.toml, no lecture sources); pass COURSE (a course folder), "
    "or start one with `lecturekit init COURSE` (the bundled demo: `lecturekit build --demo --out DIR`)"
)


def is_course(folder: Path) -> bool:
    """Whether FOLDER holds a course: a course.toml, or lecture sources."""
    if (folder / COURSE_FILE).is_file():
        return True
    return folder.is_dir() and any(
        is_source_candidate(path) and path.suffix.lower() in SOURCE_SUFFIXES for path in folder.iterdir()
    )


def course_folder(course: Path | None, demo: bool = False) -> Path:
    """The folder a command works on: COURSE, the bundled demo when asked for by name, else the current folder."""
    if demo:
        if course is not None:
            raise UsageError(f"give COURSE ({course}) or --demo, not both")
        return bundled_seeds()
    if course is None:
        if not is_course(Path(".")):
            raise UsageError(NO_COURSE_HINT, file=Path.cwd())
        return Path(".")
    if not course.is_dir():
        raise UsageError("not a course folder", file=course)
    return course


def site_folder(course: Path, out: Path | None) -> Path:
    """Where the site of COURSE goes: OUT when given, else COURSE/_site."""
    return out if out is not None else course / SITE_DIR


def read_course(course: Path, diag: Diagnostics) -> Course:
    """The Course of COURSE as the read-only commands need it: no example runs, no slide pictures."""
    return load_course([course.resolve()], diag=diag, run_examples=False, images=False)


def load(
    course_dir: Path, diag: Diagnostics, images: bool = True, ingest_options: IngestOptions | None = None
) -> Course:
    """The Course of COURSE_DIR, read and validated (IMAGES: with slide pictures)."""
    if not course_dir.is_dir():
        raise UsageError("not a course folder", file=course_dir)
    course = load_course([course_dir], ingest_options or IngestOptions(), diag, images=images)
    ensure_usable(course, course_dir, diag)
    return course


def ensure_usable(course: Course, folder: Path, diag: Diagnostics) -> None:
    """Refuse (exit 2) a course with no slide and no question: building it would replace a good site with an empty one."""
    if course.questions or any(lecture.slides for lecture in course.lectures):
        return
    errors = diag.errors
    why = (
        f"{len(errors)} source error(s), first: {errors[0].file}: {errors[0].message}"
        if errors
        else "no lecture source found"
    )
    raise UsageError(
        f"unusable course, nothing to build ({why}); the existing site is left as it was", file=folder
    )


def prepare_output(out: Path, force: bool = False) -> None:
    """Refuse an output that cannot be written, or a folder lecturekit did not make unless FORCE is given."""
    try:
        check_output(out)  # an output that cannot be written fails now, not after the whole read phase
    except UsageError as exc:
        if not force or not out.is_dir() or out.is_symlink():
            raise UsageError(f"{exc.message}, or pass --force to replace it", file=out) from exc
        # --force: the instructor lets lecturekit replace this folder, so it is marked as a site of ours.
        (out / MARKER).write_text("adopted by lecturekit build --force; safe to replace\n", encoding="utf-8")
        check_output(out)


class CourseSummary(Model):
    """What `build` and `add` tell the instructor afterwards (and print as JSON with --json)."""

    course: str
    lectures: int = 0
    slides: int = 0
    questions: int = 0
    keyed: int = 0
    unkeyed: int = 0
    flagged: int = 0  # questions read as ambiguous, garbled, … (`lecturekit check` says which)
    topics: int = 0
    errors: int = 0
    warnings: int = 0
    list_warnings: str  # the command that lists them
    site: str
    open: str  # the site's front page, a file a browser opens from disk
    serve: str  # the command that previews it on 127.0.0.1
    build: BuildReport


def summarize_course(
    course: Course, course_dir: Path, site: Path, built: BuildReport, diag: Diagnostics
) -> CourseSummary:
    """The counts of COURSE, its problems in DIAG, and where its site is (SITE as the user named it)."""
    answerable = [q for q in course.questions if q.kind is not QuestionKind.DISCUSSION]
    unkeyed = sum(1 for q in answerable if q.unkeyed)
    folder = "" if course_dir == Path(".") else f" {course_dir}"
    return CourseSummary(
        course=str(course_dir),
        lectures=len(course.lectures),
        slides=sum(len(lecture.slides) for lecture in course.lectures),
        questions=len(course.questions),
        keyed=len(answerable) - unkeyed,
        unkeyed=unkeyed,
        flagged=sum(1 for q in course.questions if q.flags),
        topics=len(course.topics),
        errors=len(diag.errors),
        warnings=len(diag.warnings),
        list_warnings=f"lecturekit check{folder}",
        site=str(site),
        open=str(site / "index.html"),
        serve=f"lecturekit serve {site}",
        build=built,
    )


def format_summary(summary: CourseSummary) -> str:
    """The summary as the few lines a person reads after `build` or `add`."""
    lines = [
        f"{summary.lectures} lecture(s), {summary.slides} slides, {summary.questions} question(s) "
        f"({summary.keyed} keyed, {summary.unkeyed} unkeyed, {summary.flagged} flagged), {summary.topics} topics"
    ]
    if summary.errors or summary.warnings:
        lines.append(
            f"{summary.errors} error(s), {summary.warnings} warning(s): `{summary.list_warnings}` lists them"
        )
    lines.append(
        f"site: {summary.site} ({summary.build.pages} pages, {summary.build.rendered} rendered); "
        f"open {summary.open} in a browser, or `{summary.serve}`"
    )
    return "\n".join(lines)


def reading_options(
    course_dir: Path,
    ocr: str | None = None,
    jobs: int | None = None,
    lang: str | None = None,
    progress: bool = False,
) -> IngestOptions:
    """How to read COURSE_DIR's sources: what the command line says, else course.toml's [build], else the defaults."""
    configured = load_config(course_dir, Diagnostics()).build if course_dir.is_dir() else BuildConfig()
    chosen = {"ocr": ocr or configured.ocr, "jobs": jobs or configured.jobs, "lang": lang or configured.lang}
    return IngestOptions.model_validate(
        {"progress": progress, **{k: v for k, v in chosen.items() if v is not None}}
    )


def build_course_summary(
    course_dir: Path,
    out: Path,
    diag: Diagnostics,
    options: SiteOptions | None = None,
    ingest_options: IngestOptions | None = None,
    force: bool = False,
) -> CourseSummary:
    """Load a course folder, write its site to OUT (FORCE: even over a folder lecturekit did not make), sum it up."""
    options = options or SiteOptions()
    prepare_output(out, force)
    course = load(course_dir, diag, options.images, ingest_options)
    built = build_site(course, out, diag, options)
    trim_cache(Path(options.cache_dir) if options.cache_dir else None)
    return summarize_course(course, course_dir, out, built, diag)


def build_course(
    course_dir: Path,
    out: Path,
    diag: Diagnostics,
    options: SiteOptions | None = None,
    ingest_options: IngestOptions | None = None,
    force: bool = False,
) -> BuildReport:
    """Load a course folder and write its site to OUT (FORCE: even over a folder lecturekit did not make)."""
    return build_course_summary(course_dir, out, diag, options, ingest_options, force).build


class AddReport(Model):
    """What `lecturekit add` found in the sources it copied into the course."""

    copied: list[str] = Field(default_factory=list)
    lectures: list[str] = Field(default_factory=list)
    slides: int = 0
    builds_collapsed: int = 0  # source pages folded into a slide as animation builds
    questions: int = 0
    unkeyed: int = 0
    ocr_pages: int = 0
    keys_scaffolded: int = 0


def copy_sources(files: list[Path], course_dir: Path, lecture_id: str | None) -> list[str]:
    """Copy FILES into the course folder (and register them under LECTURE_ID in course.toml).

    A file whose name the course already uses for other bytes is refused before anything is copied:
    replacing a source silently would re-point its questions and orphan their answer keys.
    """
    if lecture_id is not None and not LECTURE_ID.fullmatch(lecture_id):
        raise UsageError(
            f"lecture id {lecture_id!r}: use letters, digits, '-', '_' and '.' (ids become file names "
            "and links), e.g. 2026-01-21 or week-3"
        )
    for file in files:
        if not file.is_file():
            raise UsageError("no such file", file=file)
        target = course_dir / file.name
        if (
            target.is_file()
            and file.resolve() != target.resolve()
            and target.read_bytes() != file.read_bytes()
        ):
            raise UsageError(
                f"the course already has a different {file.name}; nothing added (rename the new file, "
                f"or remove {target} first to replace it)",
                file=file,
            )
    grouped = lecture_sources(course_dir, lecture_id) if lecture_id else []
    course_dir.mkdir(parents=True, exist_ok=True)
    for file in files:
        if file.resolve() != (course_dir / file.name).resolve():
            shutil.copy2(file, course_dir / file.name)
    names = [file.name for file in files]
    if lecture_id:
        register_sources(course_dir / COURSE_FILE, lecture_id, names, grouped)
    return names


def lecture_sources(course_dir: Path, lecture_id: str) -> list[str]:
    """The sources lecture LECTURE_ID has as the course groups it now ([] when the course has no such lecture)."""
    if not course_dir.is_dir() or not any(is_source_candidate(path) for path in course_dir.iterdir()):
        return []
    quiet = Diagnostics()  # the build that follows reports the course's problems once
    config, sources = ingest([course_dir], IngestOptions(), quiet)
    return next(
        (lecture.sources for lecture in clean(sources, config, quiet) if lecture.id == lecture_id), []
    )


def usable_files(files: list[Path], diag: Diagnostics, options: IngestOptions | None = None) -> list[Path]:
    """The FILES that can be read (ingested from where they are); each refused file is one error in DIAG."""
    for file in files:
        if not file.is_file():
            raise UsageError("no such file", file=file)
    checked = Diagnostics()
    sources = read_sources(files, options or IngestOptions(), checked)
    readable = {Path(s.path).resolve() for s in sources if any(p.text.strip() for p in s.pages)}
    refused = [f for f in files if f.resolve() not in readable]
    for file in refused:
        why = (
            "; ".join(d.message for d in checked.errors if Path(d.file).resolve() == file.resolve())
            or "no text could be read"
        )
        if len(refused) == len(files):
            raise UsageError(f"nothing added, it cannot be read: {why}", file=file)
        diag.error(file, f"not added to the course: {why}")
    return [f for f in files if f.resolve() in readable]


def summarize(course: Course, names: list[str]) -> AddReport:
    """Count what the course holds that came from the sources NAMES."""
    added = set(names)
    report = AddReport(copied=names)
    ocr_pages: set[tuple[str, int]] = set()
    for lecture in course.lectures:
        slides = [s for s in lecture.slides if any(p.source in added for p in s.pages)]
        if slides or added & set(lecture.sources):
            report.lectures.append(lecture.id)
        report.slides += len(slides)
        for slide in slides:
            for source in added:
                pages = {p.page for p in slide.pages if p.source == source}
                report.builds_collapsed += max(0, len(pages) - 1)
            ocr_pages |= {
                (p.source, p.page) for p in slide.pages if p.source in added and p.method is Method.OCR
            }
    report.ocr_pages = len(ocr_pages)
    questions = [q for q in course.questions if q.lecture in report.lectures]
    report.questions = len(questions)
    report.unkeyed = sum(1 for q in questions if q.unkeyed)
    return report


def scaffold_keys(course: Course, course_dir: Path) -> int:
    """Write answer-key skeletons for unkeyed questions into the answers file course.toml names."""
    return scaffold_answers(course, answers_file(course_dir, load_config(course_dir)))


def add_sources(
    files: list[Path],
    course_dir: Path,
    lecture_id: str | None,
    out: Path,
    diag: Diagnostics,
    options: SiteOptions | None = None,
    ingest_options: IngestOptions | None = None,
    force: bool = False,
) -> tuple[AddReport, CourseSummary]:
    """Copy sources into the course, load it, scaffold answer keys, rebuild the site, sum the course up."""
    prepare_output(out, force)
    names = copy_sources(usable_files(files, diag, ingest_options), course_dir, lecture_id)
    options = options or SiteOptions()
    first = Diagnostics()
    course = load(course_dir, first, options.images, ingest_options)
    report = summarize(course, names)
    report.keys_scaffolded = scaffold_keys(course, course_dir)
    if report.keys_scaffolded:
        # reload so the site shows the scaffolded state (and its messages)
        course = load(course_dir, diag, options.images, ingest_options)
    else:
        diag.extend(first.items)
    built = build_site(course, out, diag, options)
    trim_cache(Path(options.cache_dir) if options.cache_dir else None)
    return report, summarize_course(course, course_dir, out, built, diag)


COURSE_TEMPLATE = """\
# The settings of this course; every one is optional (lecturekit finds lectures by itself without them).
# title = "Machine Learning 101"

# One [[lectures]] table per lecture: its id (a file-safe name), title, date and the sources that make it.
# `lecturekit add FILE --course . --lecture week-1` writes these for you.
# [[lectures]]
# id = "week-1"
# title = "Introduction"
# date = 2026-01-14
# sources = ["lecture-01.pdf", "lecture-01-notes.md"]
# edition_of = "week-1-2025"   # the same lecture in an earlier year

# answers = "answers.toml"     # the answer keys (default)
# topics = "topics.toml"       # extra or overriding topics (default)

# How `lecturekit build` and `lecturekit add` read sources; their --ocr/--jobs/--lang win over these.
[build]
# ocr = "auto"                 # auto: OCR only pages without a text layer; always; never
# jobs = 2                     # parallel OCR workers (default: one per core)
# lang = "eng"                 # tesseract language(s), e.g. "eng+deu"
"""
README_TEMPLATE = """\
# {title}

A lecturekit course. Put lecture sources here (PDF, PNG/JPG/TIFF, text dumps, markdown notes), then:

    lecturekit add lecture-01.pdf --course .   # copy a source in, read it, scaffold its answer keys, build
    $EDITOR answers.toml                       # fill in the keys; `lecturekit slides` lists review ids
    lecturekit check                           # what still needs a key or looks garbled
    lecturekit build                           # the study site, in _site/ (open _site/index.html)
    lecturekit serve --watch                   # preview on http://127.0.0.1:8000/, rebuilt as you edit
    lecturekit quiz export --format qti -o quiz.zip   # or gift, aiken, moodle-xml, anki, json, markdown

course.toml says which sources make each lecture (optional), answers.toml holds the answer keys,
topics.toml adds topics. Files and folders starting with "_" or "." are never read as sources.
"""


def init_course(folder: Path) -> list[Path]:
    """Start a course in FOLDER: a commented course.toml, an empty answers.toml and a README; the files written."""
    if (folder / COURSE_FILE).exists():
        raise UsageError("already a course (it has a course.toml); nothing written", file=folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError("exists and is not a folder", file=folder)
    folder.mkdir(parents=True, exist_ok=True)
    title = folder.resolve().name.replace("-", " ").replace("_", " ").strip() or "My course"
    files = {
        COURSE_FILE: COURSE_TEMPLATE,
        ANSWERS_FILE: ANSWERS_HEADER,
        "README.md": README_TEMPLATE.format(title=title),
    }
    written = []
    for name, text in files.items():
        path = folder / name
        if not path.exists():  # an instructor's own README or answers stay as they are
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


class SlideRow(Model):
    """One slide as `lecturekit slides` lists it: the id to write as `review` in answers.toml."""

    id: str
    title: str
    lecture: str
    kind: str
    pages: list[str] = Field(default_factory=list)  # "deck.pdf p. 4"


class SlideList(Model):
    """`lecturekit slides --json`: {"slides": [...]}."""

    slides: list[SlideRow] = Field(default_factory=list)


def list_slides(course: Course, lecture_id: str | None = None) -> SlideList:
    """The slides of COURSE (of one lecture with LECTURE_ID), in reading order; an unknown lecture is a usage error."""
    lectures = course.lectures
    if lecture_id is not None:
        lectures = [lecture for lecture in lectures if lecture.id == lecture_id]
        if not lectures:
            known = [lecture.id for lecture in course.lectures]
            raise UsageError(f"no lecture {lecture_id!r}{did_you_mean(lecture_id, known)}")
    return SlideList(
        slides=[
            SlideRow(
                id=slide.id,
                title=slide.title,
                lecture=lecture.id,
                kind=slide.kind.value,
                pages=[f"{ref.source} p. {ref.page}" for ref in slide.pages],
            )
            for lecture in lectures
            for slide in lecture.slides
        ]
    )
