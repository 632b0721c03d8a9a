"""Examples as the site gets them: discovered, run in a subprocess, cached by content, exported as notebooks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from lxml import etree
from topics_support import SEEDS

from lecturekit.cache import Cache
from lecturekit.errors import Diagnostics
from lecturekit.topics.examples import (
    describe,
    discover,
    examples_dir,
    run_all,
    run_cached,
    run_example,
    to_notebook,
)

EXAMPLE_NAMES = [
    "activations",
    "autodiff_engine",
    "backprop_xor",
    "cnn_filters",
    "fine_tuning",
    "hyperparameter_search",
    "initialization",
    "learning_rate",
    "local_minima",
    "lr_schedule",
    "optimizers",
    "overfitting",
    "rnn_sentiment",
    "semantic_search",
    "sgd_minibatch",
    "universal_approximation",
    "xor_handset",
]


@pytest.fixture(scope="module")
def examples():
    diag = Diagnostics()
    found = discover(examples_dir(), diag)
    assert diag.items == []
    return {e.name: e for e in found}


@pytest.fixture(scope="module")
def outputs(examples, tmp_path_factory):
    """Every example run once on the seeds (uncached), by name."""
    diag = Diagnostics()
    done = run_all(list(examples.values()), SEEDS, diag, cache=Cache("examples", enabled=False))
    assert diag.items == []
    return {e.name: e for e in done}


def test_every_example_runs_and_prints_what_it_shows(outputs):
    for example in outputs.values():
        assert example.exit_code == 0 and len(example.output.splitlines()) >= 3, example.name
    assert "XOR solved" in outputs["backprop_xor"].output
    assert "answer to ICE #1: (d, d)" in outputs["sgd_minibatch"].output
    figures = {name for name, e in outputs.items() if e.figure}
    assert figures == {
        "activations",
        "initialization",
        "learning_rate",
        "local_minima",
        "lr_schedule",
        "optimizers",
        "overfitting",
        "universal_approximation",
    }


def test_every_example_is_discovered_with_title_and_topics(examples):
    assert sorted(examples) == EXAMPLE_NAMES  # the _svgplot helper is not an example
    for example in examples.values():
        assert example.title and example.topics and example.description
    assert (
        examples["backprop_xor"].title
        == "Backpropagation from scratch on XOR, checked against finite differences"
    )
    assert examples["backprop_xor"].topics == ["backprop", "mlp-xor", "gradient-descent"]


def test_examples_are_small_numpy_only_scripts(examples):
    for example in examples.values():
        source = Path(example.path).read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 120, example.name
        imports = {
            line.split()[1].split(".")[0]
            for line in source.splitlines()
            if line.startswith(("import ", "from "))
        }
        # semantic search reads the course's cleaned slides through lecturekit itself; its maths stays numpy
        allowed = {"__future__", "numpy", "math", "itertools", "os", "re", "pathlib", "_svgplot"}
        assert imports <= allowed | ({"lecturekit"} if example.name == "semantic_search" else set()), (
            example.name
        )


def test_run_captures_stdout_and_the_svg_figure(examples, tmp_path):
    result = run_example(examples["learning_rate"])
    assert result.exit_code == 0
    assert "diverges" in result.output and "too large (1.05)" in result.output
    svg = etree.fromstring(result.figure.encode())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(svg.findall("{http://www.w3.org/2000/svg}polyline")) == 3
    assert run_example(examples["learning_rate"]).figure == result.figure  # deterministic


def test_run_reads_the_course_given_to_it(examples, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Dropout switches units off at random during training to fight over-fitting "
        "in deep networks with many parameters and little data.\n\n" * 1,
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Momentum accumulates past gradients so the optimizer keeps its direction "
        "through narrow valleys and noisy mini-batch estimates.\n",
        encoding="utf-8",
    )
    result = run_example(examples["semantic_search"], course=tmp_path)
    assert result.exit_code == 0
    assert "2 cleaned slides from" in result.output and "[a.txt p. 1]" in result.output


def test_run_results_are_cached_by_content(examples, tmp_path):
    cache = Cache("examples", root=tmp_path)
    first = run_cached(examples["xor_handset"], None, cache)
    second = run_cached(examples["xor_handset"], None, cache)
    assert (cache.misses, cache.hits) == (1, 1) and first == second


def test_a_failing_example_is_a_warning_and_the_rest_still_run(examples, tmp_path):
    broken_path = tmp_path / "broken.py"
    broken_path.write_text(
        '"""Broken on purpose.\n\nTopics: backprop\n"""\nprint("half")\nraise SystemExit(3)\n'
    )
    diag = Diagnostics()
    cache = Cache("examples", root=tmp_path / "cache")
    done = run_all([describe(broken_path), examples["xor_handset"]], None, diag, cache=cache)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1  # only the good run is cached
    assert [e.exit_code for e in done] == [3, 0]
    assert done[0].output == "half\n"
    assert len(diag.warnings) == 1 and "exit code 3" in str(diag.warnings[0])
    assert str(broken_path) in str(diag.warnings[0])


def test_an_example_that_raises_is_warned_about_in_one_line_naming_the_exception(tmp_path):
    raising = tmp_path / "raising.py"
    raising.write_text(
        '"""Raises.\n\nTopics: sgd\n"""\ndef main():\n    raise ValueError("no slides to search")\nmain()\n'
    )
    diag = Diagnostics()
    run_all([describe(raising)], None, diag, cache=Cache("examples", root=tmp_path / "cache"))
    message = str(diag.warnings[0])
    assert "\n" not in message and "Traceback" not in message and "line " not in message
    assert message.endswith("ValueError: no slides to search")


def test_a_course_given_as_a_relative_path_reaches_the_example(tmp_path, monkeypatch):
    (tmp_path / "mycourse").mkdir()
    probe = tmp_path / "probe.py"
    probe.write_text(
        '"""Prints its course."""\nimport os, pathlib\np = pathlib.Path(os.environ["LECTUREKIT_COURSE"])\n'
        "print(p.is_absolute(), p.is_dir())\n"
    )
    monkeypatch.chdir(tmp_path)  # the example itself runs in a temporary folder of its own
    assert run_example(describe(probe), Path("mycourse")).output == "True True\n"


def test_a_hanging_example_times_out(tmp_path):
    slow = tmp_path / "slow.py"
    slow.write_text('"""Sleeps.\n\nTopics: sgd\n"""\nimport time\ntime.sleep(30)\n')
    result = run_example(describe(slow), timeout=1)
    assert result.exit_code != 0 and "timed out" in result.error


def test_an_unreadable_example_is_reported_with_its_file(tmp_path):
    (tmp_path / "bad.py").write_text("def (:\n")
    (tmp_path / "good.py").write_text('"""Good one."""\n')
    diag = Diagnostics()
    assert [e.name for e in discover(tmp_path, diag)] == ["good"]
    assert str(diag.errors[0]).startswith(f"{tmp_path / 'bad.py'}:1: error: example skipped")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_notebook_is_valid_nbformat_and_runs_on_its_own(examples, outputs, name, tmp_path):
    text = to_notebook(examples[name])
    notebook = nbformat.reads(text, as_version=4)
    nbformat.validate(notebook)
    assert text == to_notebook(examples[name])  # byte-identical on every build
    assert notebook.cells[0].cell_type == "markdown" and examples[name].title in notebook.cells[0].source
    code = "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "_svgplot" not in code  # the helper is inlined, so the download runs without examples/
    env = {"LECTUREKIT_COURSE": str(SEEDS), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == outputs[name].output
