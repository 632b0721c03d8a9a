"""`import lecturekit`: the use cases a notebook needs, typed, loaded only when first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lecturekit

NOTES = """Gradient descent
- Step against the gradient of the loss
- The learning rate sets the step size

ICE 1
Which way does a gradient descent step go?
1. Along the gradient
2. Against the gradient
"""


def test_a_notebook_reads_a_course_and_exports_its_quiz(tmp_path: Path):
    course_dir = tmp_path / "course"
    course_dir.mkdir()
    (course_dir / "week1.txt").write_text(NOTES, encoding="utf-8")
    diag = lecturekit.Diagnostics()
    course = lecturekit.load_course([course_dir], diag=diag, run_examples=False)
    assert isinstance(course, lecturekit.Course) and [q.label for q in course.questions] == ["ICE #1"]
    out = tmp_path / "quiz.gift"
    assert (
        lecturekit.export_questions(course.questions, lecturekit.ExportFormat.GIFT, out, course.title, diag)
        == 1
    )
    assert "Against the gradient" in out.read_text(encoding="utf-8")
    assert callable(lecturekit.build_course) and lecturekit.ExitCode.INTERNAL_ERROR == 70


def test_the_package_is_typed_and_imports_no_stage_until_asked():
    assert (Path(lecturekit.__file__).parent / "py.typed").is_file()
    probe = "import sys, lecturekit; print(sorted(m for m in sys.modules if m.startswith('lecturekit')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['lecturekit']"
    assert set(lecturekit.__all__) >= {
        "load_course",
        "build_course",
        "export_questions",
        "Course",
        "Diagnostics",
    }
