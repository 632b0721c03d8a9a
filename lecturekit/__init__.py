"""lecturekit: turn messy lecture material into clean slides, quizzes and a static study site.

The use cases a script or notebook needs, the same functions the CLI runs::

    from pathlib import Path
    import lecturekit

    diag = lecturekit.Diagnostics()
    course = lecturekit.load_course([Path("mycourse")], diag=diag)   # read and validate, write nothing
    lecturekit.build_course(Path("mycourse"), Path("site"), diag)     # the static study site
    lecturekit.export_questions(course.questions, lecturekit.ExportFormat.GIFT, Path("quiz.gift"),
                                course.title, diag)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # what type checkers see; at run time __getattr__ below imports these on first use
    from lecturekit.errors import Diagnostics as Diagnostics
    from lecturekit.errors import ExitCode as ExitCode
    from lecturekit.errors import LecturekitError as LecturekitError
    from lecturekit.ingest import IngestOptions as IngestOptions
    from lecturekit.models import Course as Course
    from lecturekit.pipeline import load_course as load_course
    from lecturekit.quiz.formats import ExportFormat as ExportFormat
    from lecturekit.quiz.formats import export_questions as export_questions
    from lecturekit.site import SiteOptions as SiteOptions
    from lecturekit.workflows import build_course as build_course

# Each public name and the module it comes from, imported on first use: `import lecturekit` stays cheap
# (the CLI imports it first) and no stage is loaded by the package itself.
_PUBLIC = {
    "load_course": "lecturekit.pipeline",
    "build_course": "lecturekit.workflows",
    "export_questions": "lecturekit.quiz.formats",
    "ExportFormat": "lecturekit.quiz.formats",
    "Course": "lecturekit.models",
    "Diagnostics": "lecturekit.errors",
    "ExitCode": "lecturekit.errors",
    "LecturekitError": "lecturekit.errors",
    "IngestOptions": "lecturekit.ingest",
    "SiteOptions": "lecturekit.site",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'lecturekit' has no attribute {name!r}")
    return getattr(importlib.import_module(_PUBLIC[name]), name)


def __dir__() -> list[str]:
    return sorted(__all__)
