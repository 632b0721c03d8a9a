"""The instructor's use cases behind `lecturekit build` and `lecturekit add`: read a course, then render its site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from pydantic import Field

from lecturekit.course import COURSE_FILE, answers_file, is_source_candidate, load_config, register_sources
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.models import Course, Method, Model
from lecturekit.pipeline import bundled_seeds, clean, ingest, load_course
from lecturekit.quiz import scaffold_answers
from lecturekit.site import BuildReport, SiteOptions, build_site, check_output

LECTURE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def load(course_dir: Path | None, diag: Diagnostics, images: bool = True) -> Course:
    """The Course of COURSE_DIR (default: the bundled demo seeds), read and validated (IMAGES: with slide pictures)."""
    folder = course_dir if course_dir is not None else bundled_seeds()
    if not folder.is_dir():
        raise UsageError("not a course folder", file=folder)
    course = load_course([folder], IngestOptions(), diag, images=images)
    ensure_usable(course, folder, diag)
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


def build_course(
    course_dir: Path | None, out: Path, diag: Diagnostics, options: SiteOptions | None = None
) -> BuildReport:
    """Load a course folder and write its site to OUT."""
    options = options or SiteOptions()
    check_output(out)  # an output that cannot be written fails now, not after the whole read phase
    return build_site(load(course_dir, diag, options.images), out, diag, options)


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


def usable_files(files: list[Path], diag: Diagnostics) -> list[Path]:
    """The FILES that can be read (ingested from where they are); each refused file is one error in DIAG."""
    for file in files:
        if not file.is_file():
            raise UsageError("no such file", file=file)
    checked = Diagnostics()
    sources = read_sources(files, IngestOptions(), checked)
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
    """Write answer-key skeletons for unkeyed questions into the course's answers file (course.toml `answers`)."""
    return scaffold_answers(course, answers_file(course_dir, load_config(course_dir)))


def add_sources(
    files: list[Path],
    course_dir: Path,
    lecture_id: str | None,
    out: Path,
    diag: Diagnostics,
    options: SiteOptions | None = None,
) -> tuple[AddReport, BuildReport]:
    """Copy sources into the course, load it, scaffold answer keys, and rebuild the site."""
    check_output(out)
    names = copy_sources(usable_files(files, diag), course_dir, lecture_id)
    options = options or SiteOptions()
    first = Diagnostics()
    course = load(course_dir, first, options.images)
    report = summarize(course, names)
    report.keys_scaffolded = scaffold_keys(course, course_dir)
    if report.keys_scaffolded:
        course = load(
            course_dir, diag, options.images
        )  # reload so the site shows the scaffolded state (and its messages)
    else:
        diag.extend(first.items)
    return report, build_site(course, out, diag, options)
