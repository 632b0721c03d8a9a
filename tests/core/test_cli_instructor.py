"""The instructor's flow, command by command, as a person types it: init → add a PDF → keys → check → build →
export → serve --watch picks up an edit. Each step checks what the user sees and what is written where."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

LECTUREKIT = str(Path(sys.executable).with_name("lecturekit"))
PAGE = (363.0, 272.0)  # Beamer's 4:3 frame in points
SLIDES = [
    ("Gradient descent", ["Step against the gradient", "The learning rate sets the step size"]),
    (
        "Adaptive learning rates",
        ["ADAM keeps a running estimate per parameter", "RMSprop scales by recent gradients"],
    ),
    ("ICE #1", ["Which optimiser adapts the learning rate per parameter?", "1) SGD", "2) ADAM"]),
    ("Regularisation", ["Dropout switches units off at random"]),
]
pytestmark = pytest.mark.slow


def make_deck(path: Path) -> None:
    """A real slide PDF with a text layer: a bold title band and body lines, one slide per page."""
    pdf = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    for title, lines in SLIDES:
        pdf.setFont("Helvetica-Bold", 14.4)
        pdf.drawString(20, PAGE[1] - 30, title)
        pdf.setFont("Helvetica", 11)
        for row, line in enumerate(lines):
            pdf.drawString(24, PAGE[1] - 70 - 18 * row, line)
        pdf.showPage()
    pdf.save()


def lecturekit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([LECTUREKIT, *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as reply:
        return reply.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_init_add_keys_check_build_export_serve_watch(tmp_path):
    env = {**os.environ, "LECTUREKIT_CACHE": str(tmp_path / "cache"), "LECTUREKIT_RUN_EXAMPLES": "0"}
    env.pop("CI", None)
    home = tmp_path / "home"
    home.mkdir()
    deck = home / "week-1.pdf"
    make_deck(deck)

    # init: three files, and what to do next
    done = lecturekit("init", "ml-101", cwd=home, env=env)
    assert done.returncode == 0, done.stderr
    course = home / "ml-101"
    assert "next: lecturekit add LECTURE.pdf --course ml-101" in done.stdout
    assert sorted(p.name for p in course.iterdir()) == ["README.md", "answers.toml", "course.toml"]

    # add the PDF from inside the course: copied, read, keys scaffolded, site built in COURSE/_site
    done = lecturekit("add", str(deck), "--lecture", "week-1", cwd=course, env=env)
    assert done.returncode == 0, done.stderr
    assert (course / "week-1.pdf").read_bytes() == deck.read_bytes()
    assert 'id = "week-1"' in (course / "course.toml").read_text(encoding="utf-8")
    assert "added week-1.pdf → lectures week-1: 4 slides" in done.stdout
    assert "1 lecture(s), 4 slides, 1 question(s) (0 keyed, 1 unkeyed, 0 flagged)" in done.stdout
    assert "`lecturekit check` lists them" in done.stdout and "site: _site" in done.stdout
    assert (course / "_site" / "lecture-week-1.html").is_file() and not (home / "_site").exists()

    # the scaffold: stem, options and the slides near it as review candidates
    answers = course / "answers.toml"
    text = answers.read_text(encoding="utf-8")
    assert "#   1) SGD\n#   2) ADAM" in text
    assert "#   week-1/adaptive-learning-rates  Adaptive learning rates" in text
    listed = lecturekit("slides", cwd=course, env=env)
    assert "week-1/adaptive-learning-rates  Adaptive learning rates" in listed.stdout

    # fill in the key; check passes even under --strict
    text = text.replace("answer = []", 'answer = ["2"]').replace(
        'review = ""', 'review = "week-1/adaptive-learning-rates"'
    )
    text = text.replace('explanation = ""', 'explanation = "ADAM keeps per-parameter estimates."')
    answers.write_text(text, encoding="utf-8")
    done = lecturekit("check", "--strict", cwd=course, env=env)
    assert done.returncode == 0, done.stderr
    assert "1 question(s), 0 needing attention" in done.stdout and done.stderr == ""

    # build: the summary, the site where it always is
    done = lecturekit("build", cwd=course, env=env)
    assert done.returncode == 0, done.stderr
    assert "(1 keyed, 0 unkeyed, 0 flagged)" in done.stdout and "open _site/index.html" in done.stdout
    quiz_page = next((course / "_site").glob("quiz-*.html")).read_text(encoding="utf-8")
    assert "ADAM keeps per-parameter estimates." in quiz_page

    # export: the file asked for, and nothing else written into the course
    before = sorted(p.name for p in course.iterdir())
    done = lecturekit(
        "quiz", "export", "--format", "gift", "-o", str(home / "quiz.gift"), cwd=course, env=env
    )
    assert done.returncode == 0, done.stderr
    assert "=ADAM" in (home / "quiz.gift").read_text(encoding="utf-8")
    assert sorted(p.name for p in course.iterdir()) == before

    # serve --watch: pages carry the reload script; an edit to answers.toml rebuilds and changes the stamp
    port = free_port()
    server = subprocess.Popen(
        [LECTUREKIT, "serve", "--watch", "--port", str(port)],
        cwd=course,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert wait_for(lambda: "__lecturekit/stamp" in fetch(f"{base}/index.html")), "server did not come up"
        quiz_name = next((course / "_site").glob("quiz-*.html")).name
        stamp = fetch(f"{base}/__lecturekit/stamp")
        assert re.fullmatch(r"\d+", stamp)
        time.sleep(1.5)  # the watcher is up
        answers.write_text(
            text.replace("ADAM keeps per-parameter estimates.", "Adam scales each step."), encoding="utf-8"
        )
        assert wait_for(lambda: fetch(f"{base}/__lecturekit/stamp") != stamp, 120), (
            "no rebuild after the edit"
        )
        page = fetch(f"{base}/{quiz_name}")
        assert "Adam scales each step." in page and "ADAM keeps per-parameter estimates." not in page
        assert page.rstrip().endswith("</html>") and page.count("__lecturekit/stamp") == 1
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert f"serving _site on http://127.0.0.1:{port}/" in err and "Traceback" not in err
    rebuilt = re.findall(r"wrote (\d+) pages \((\d+) rendered, (\d+) reused\)", err)
    # only what the edit touched is redone
    assert rebuilt and all(int(reused) > 0 for _, _, reused in rebuilt)
