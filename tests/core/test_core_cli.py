"""The CLI shell: errors become one line and an exit code; a traceback only with -v."""

import click
from click.testing import CliRunner

from lecturekit.cli import main
from lecturekit.commands.common import guarded
from lecturekit.errors import ExitCode, SourceError


@main.command("_boom", hidden=True)
@click.argument("kind")
@guarded
def _boom(kind: str) -> int:
    if kind == "source":
        raise SourceError("truncated PDF; export it again", file="deck.pdf", location="p. 4")
    if kind == "bug":
        raise ZeroDivisionError("division by zero")
    return 0


def test_lecturekit_error_is_one_line_with_its_exit_code():
    result = CliRunner().invoke(main, ["_boom", "source"])
    assert result.exit_code == ExitCode.INPUT_ERRORS
    assert result.output.strip() == "lecturekit: deck.pdf:p. 4: truncated PDF; export it again"


def test_internal_error_hides_traceback_unless_verbose():
    quiet = CliRunner().invoke(main, ["_boom", "bug"])
    assert quiet.exit_code == ExitCode.INTERNAL_ERROR
    assert "Traceback" not in quiet.output and "ZeroDivisionError: division by zero" in quiet.output
    loud = CliRunner().invoke(main, ["-v", "_boom", "bug"])
    assert loud.exit_code == ExitCode.INTERNAL_ERROR and "Traceback" in loud.output


def test_every_documented_command_is_registered():
    names = set(main.commands)
    assert {
        "ingest",
        "quiz",
        "check",
        "build",
        "serve",
        "add",
        "topics",
        "run",
        "init",
        "slides",
        "cache",
    } <= names
    assert {"info", "clear"} <= set(main.commands["cache"].commands)
    assert {"extract", "export", "import", "keys", "take"} <= set(main.commands["quiz"].commands)
