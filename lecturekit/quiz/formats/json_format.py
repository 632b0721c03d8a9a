"""JSON: the QuestionSet model as written by pydantic, and its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from lecturekit.errors import Diagnostics
from lecturekit.models import Question
from lecturekit.quiz.model import QuestionSet


def schema() -> dict:
    """JSON Schema of `{"questions": [...]}`, generated from the pydantic model."""
    return QuestionSet.model_json_schema()


def schema_text() -> str:
    return json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_path(out: Path) -> Path:
    """Where the schema goes beside an export: quiz.json → quiz.schema.json."""
    return out.with_name(out.stem + ".schema.json")


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write `{"questions": [...]}` to OUT and its JSON Schema beside it."""
    out.write_text(QuestionSet(questions=questions).model_dump_json(indent=2) + "\n", encoding="utf-8")
    schema_path(out).write_text(schema_text(), encoding="utf-8")
    return len(questions)


def read(text: str, source: str, diag: Diagnostics) -> list[Question]:
    """Questions from a lecturekit JSON file; validation problems reported, one line each."""
    try:
        return QuestionSet.model_validate_json(text).questions
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            diag.error(source, f"{where}: {error['msg']}")
        return []
