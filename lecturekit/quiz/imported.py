"""Questions imported into a course (`lecturekit quiz import --course`): their ids, kept as JSON under quiz/."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from lecturekit.course import course_path, escape_reason
from lecturekit.errors import Diagnostics
from lecturekit.models import Question
from lecturekit.quiz.merge import stem_hash
from lecturekit.quiz.model import QuestionSet

IMPORT_DIR = "quiz"  # a folder: course discovery reads files at the top level only


def imported_dir(root: Path) -> Path:
    return course_path(root, IMPORT_DIR)  # never a link out of the course: imports are written there


def load_imported(root: Path, diag: Diagnostics) -> list[Question]:
    """Every question saved by `quiz import` in ROOT/quiz/*.json; a broken file is one error."""
    questions: list[Question] = []
    for path in sorted(imported_dir(root).glob("*.json")):
        if (reason := escape_reason(root, path)) is not None:
            diag.error(path, f"{reason}; not read")
            continue
        try:
            questions += QuestionSet.model_validate_json(path.read_text(encoding="utf-8")).questions
        except (OSError, UnicodeDecodeError, ValidationError) as exc:
            diag.error(path, f"not a lecturekit question file: {str(exc).splitlines()[0]}")
    return questions


def save_imported(root: Path, name: str, questions: list[Question]) -> Path:
    """Write QUESTIONS to ROOT/quiz/NAME.json (replacing an earlier import of the same file)."""
    folder = imported_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(QuestionSet(questions=questions).model_dump_json(indent=2) + "\n", encoding="utf-8")
    return path


def imported_id(source: str, title: str | None, stem: str) -> tuple[str, str]:
    """(id, lecture) of an imported question: the file's own id when it has one ("lecture/ice-1")."""
    if title and "/" in title and " " not in title.strip():
        return title.strip(), title.strip().rsplit("/", 1)[0]
    lecture = Path(source).stem
    return f"{lecture}/q-{stem_hash(stem)}", lecture
