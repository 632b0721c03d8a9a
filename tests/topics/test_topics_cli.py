"""`lecturekit topics` and `lecturekit run` as a user runs them (the installed console script)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lecturekit.topics.taxonomy import load_shipped

LECTUREKIT = str(Path(sys.executable).with_name("lecturekit"))


def lecturekit(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LECTUREKIT_CACHE": str(tmp_path / "cache"), **env}
    return subprocess.run(
        [LECTUREKIT, *args], capture_output=True, text=True, timeout=180, env=environment, cwd=tmp_path
    )


def test_topics_json_on_the_bundled_seeds(tmp_path):
    done = lecturekit("topics", "--demo", "--json", tmp_path=tmp_path, LECTUREKIT_RUN_EXAMPLES="0")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    rows = {row["id"]: row for row in data["topics"]}
    assert set(data["topics"][0]) == {"id", "name", "slides", "questions", "examples"}
    assert rows["backprop"]["name"] == "Backpropagation" and "backprop_xor" in rows["backprop"]["examples"]
    assert any(q.endswith("ice-1") for q in rows["batch-size"]["questions"])
    assert all(
        s.startswith(("2026-01-14/", "2024-01-11/", "2025-02-03/", "2020-10-13/"))
        for s in rows["backprop"]["slides"]
    )
    shipped = {t.id for t in load_shipped()}
    assert [
        t for t in data["coverage"]["taught_without_example"] if t in shipped
    ] == []  # course phrases have none
    assert data["coverage"]["examples_not_in_slides"] == []


def test_topics_table_flags_topics_without_examples(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", course)
    (course / "topics.toml").write_text(
        '[[topic]]\nid = "nn-zoo"\nname = "The neural network zoo"\n'
        'aliases = ["Neural Networks Zoo", "DL architectures"]\n',
        encoding="utf-8",
    )
    done = lecturekit("topics", str(course), tmp_path=tmp_path, LECTUREKIT_RUN_EXAMPLES="0")
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line.strip()}
    assert "backprop_xor" in lines["backprop"] and "! no example" not in lines["backprop"]
    assert "! no example" in lines["nn-zoo"]
    assert "taught in the slides but no example: nn-zoo" in done.stdout


def test_topics_reports_a_bad_topics_toml_by_line_and_still_prints(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", course)
    (course / "topics.toml").write_text(
        '[[topic]]\nid = "ok"\nname = "OK"\naliases = ["staple diet", "SGD with mini-batch"]\n\n'
        '[[topic]]\nid = "broken"\nnmae = "x"\n',
        encoding="utf-8",
    )
    done = lecturekit("topics", str(course), "--json", tmp_path=tmp_path, LECTUREKIT_RUN_EXAMPLES="0")
    assert done.returncode == 1
    assert f"{course / 'topics.toml'}:6: error: topic skipped: nmae" in done.stderr
    assert "Traceback" not in done.stderr
    rows = {row["id"]: row for row in json.loads(done.stdout)["topics"]}
    assert rows["ok"]["slides"]  # "SGD with mini-batch" / "SGD mini-batch is the staple diet"


@pytest.mark.parametrize("name", ["backprop", "Back-Propagation", "backprop_xor"])
def test_run_by_topic_alias_or_example_name(tmp_path, name):
    done = lecturekit("run", name, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "gradient check" in done.stdout and "XOR solved" in done.stdout


def test_run_returns_the_examples_exit_code(tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "failing.py").write_text(
        '"""Fails.\n\nTopics: dropout\n"""\nprint("before")\nraise SystemExit(5)\n'
    )
    done = lecturekit("run", "dropout", tmp_path=tmp_path, LECTUREKIT_EXAMPLES=str(folder))
    assert done.returncode == 5 and done.stdout == "before\n"


@pytest.mark.parametrize(
    "name, message", [("post-training", "has no runnable example yet"), ("nonsense", "no example or topic")]
)
def test_run_unknown_or_exampleless_name_is_a_usage_error(tmp_path, name, message):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "only.py").write_text('"""The only example.\n\nTopics: dropout\n"""\n')
    done = lecturekit("run", name, tmp_path=tmp_path, LECTUREKIT_EXAMPLES=str(folder))
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
