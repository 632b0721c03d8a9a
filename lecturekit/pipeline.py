"""The linear recipe from a course folder to a validated Course model; the CLI and library share it."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lecturekit.cleaner import clean_course
from lecturekit.course import CourseConfig, discover_sources
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, ingest_paths, picture_targets, slide_pictures
from lecturekit.models import Course, Lecture, Question, Source
from lecturekit.quiz import extract_course_questions
from lecturekit.topics import prepare_examples, tag_course

DEFAULT_TITLE = "Course"


def bundled_seeds() -> Path:
    """The demo course shipped with lecturekit (the repository's seeds/ folder)."""
    packaged = Path(__file__).parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


def ingest(paths: list[Path], options: IngestOptions, diag: Diagnostics) -> tuple[CourseConfig, list[Source]]:
    """Read every source under PATHS into pages; a bad source becomes a diagnostic, not a stop."""
    result = ingest_paths(paths, options, diag)
    return result.config, result.sources


def clean(sources: list[Source], config: CourseConfig, diag: Diagnostics) -> list[Lecture]:
    """Pages → clean slides grouped into lectures (normalize, furniture, builds, merge)."""
    return clean_course(sources, config, diag)


def extract_questions(
    lectures: list[Lecture], root: Path | None, config: CourseConfig, diag: Diagnostics
) -> list[Question]:
    """Find the exercises in the slides and overlay the course's answer keys."""
    return extract_course_questions(lectures, root, config, diag)


def load_course(
    paths: list[Path],
    options: IngestOptions | None = None,
    diag: Diagnostics | None = None,
    run_examples: bool = True,
    images: bool = True,
) -> Course:
    """Read and validate everything (no writing): sources → lectures → questions → topics (→ slide pictures).

    RUN_EXAMPLES False finds the examples without running them: only the site shows their output.
    IMAGES False leaves out the slides' page pictures.
    """
    diag = diag if diag is not None else Diagnostics()
    options = options or IngestOptions()
    config, sources = ingest(paths, options, diag)
    root, _ = discover_sources(paths)
    # The examples need no lectures: they run in the background while the sources are cleaned, questions
    # found and slides tagged. Not before ingest: an example that reads the course (semantic_search)
    # ingests it too, and after ingest() it finds every source in the cache instead of reading it again.
    with ThreadPoolExecutor(max_workers=2) as background:
        examples = background.submit(prepare_examples, root, run=run_examples)
        lectures = clean(sources, config, diag)
        # Slide pictures are drawn and encoded outside the GIL, alongside questions and topics.
        targets = picture_targets(sources, lectures) if images else []
        pictures = background.submit(slide_pictures, sources, targets, options)
        # Questions before topics: topic tagging looks at question stems too.
        questions = extract_questions(lectures, root, config, diag)
        course = Course(
            title=config.title or (root.name if root else DEFAULT_TITLE),
            root=str(root or Path.cwd()),
            lectures=lectures,
            questions=questions,
        )
        course = tag_course(course, root, config, diag, examples.result)
    course.images = pictures.result().report(diag)
    course.diagnostics = list(diag.items)
    return course
