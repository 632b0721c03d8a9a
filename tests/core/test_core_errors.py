"""The error hierarchy, exit codes and the diagnostics collector."""

from lecturekit.errors import (
    Diagnostics,
    ExitCode,
    MissingDependency,
    SourceError,
    UsageError,
)


def test_error_message_names_file_and_location():
    exc = SourceError("page has no text and OCR is off", file="deck.pdf", location="p. 3")
    assert str(exc) == "deck.pdf:p. 3: page has no text and OCR is off"
    assert exc.exit_code is ExitCode.INPUT_ERRORS


def test_each_error_kind_has_its_exit_code():
    assert UsageError("x").exit_code is ExitCode.USAGE
    assert MissingDependency("x").exit_code is ExitCode.MISSING_DEPENDENCY
    assert int(ExitCode.USAGE) == 2


def test_diagnostics_exit_code_counts_errors_then_strict_warnings():
    diag = Diagnostics()
    assert diag.exit_code() is ExitCode.OK
    diag.warn("answers.toml", "no key for 2026-01-14/ice-2", location=12)
    assert diag.exit_code() is ExitCode.OK
    assert diag.exit_code(strict=True) is ExitCode.STRICT_WARNINGS
    diag.add_error(SourceError("truncated PDF", file="a.pdf"))
    assert diag.exit_code() is ExitCode.INPUT_ERRORS
    assert [str(d) for d in diag.items] == [
        "answers.toml:12: warning: no key for 2026-01-14/ice-2",
        "a.pdf: error: truncated PDF",
    ]
