"""One error hierarchy with exit codes, and the collector that counts warnings and errors per input."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from lecturekit.models import Diagnostic, Severity


class ExitCode(IntEnum):
    OK = 0
    INPUT_ERRORS = 1  # finished, but some inputs had errors (the rest was built)
    USAGE = 2  # bad usage or an unusable course
    MISSING_DEPENDENCY = 3  # an external tool (tesseract) is needed and absent
    STRICT_WARNINGS = 4  # --strict and at least one warning
    INTERNAL_ERROR = 70  # a bug in lecturekit, not in the input (sysexits EX_SOFTWARE)
    IO_ERROR = 74  # the output cannot be written: unwritable, not a folder, disk full (sysexits EX_IOERR)
    INTERRUPTED = 130


class LecturekitError(Exception):
    """Base of every error lecturekit raises on purpose; carries its exit code and location."""

    exit_code = ExitCode.INPUT_ERRORS

    def __init__(self, message: str, file: str | Path | None = None, location: str | int | None = None):
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.location = str(location) if location is not None else None

    def __str__(self) -> str:
        if self.file is None:
            return self.message
        where = f"{self.file}:{self.location}" if self.location else self.file
        return f"{where}: {self.message}"

    def to_diagnostic(self) -> Diagnostic:
        return Diagnostic(
            severity=Severity.ERROR, file=self.file or "-", location=self.location, message=self.message
        )


class UsageError(LecturekitError):
    """The command line or the course folder cannot be used at all."""

    exit_code = ExitCode.USAGE


class SourceError(LecturekitError):
    """One source file cannot be read; the other sources still go through."""


class AnswerKeyError(LecturekitError):
    """An answers.toml (or an imported quiz file) is malformed."""


class OutputError(LecturekitError):
    """The output (a site folder, an export file) cannot be written; nothing was replaced."""

    exit_code = ExitCode.IO_ERROR


class MissingDependency(LecturekitError):
    """An external program lecturekit needs for this input is not installed."""

    exit_code = ExitCode.MISSING_DEPENDENCY


class Diagnostics:
    """Collects warnings and errors from every stage so a run reports all of them at the end."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def warn(self, file: str | Path, message: str, location: str | int | None = None) -> None:
        self._add(Severity.WARNING, file, message, location)

    def error(self, file: str | Path, message: str, location: str | int | None = None) -> None:
        self._add(Severity.ERROR, file, message, location)

    def add_error(self, exc: LecturekitError) -> None:
        self.items.append(exc.to_diagnostic())

    def extend(self, items: list[Diagnostic]) -> None:
        self.items.extend(items)

    def _add(self, severity: Severity, file: str | Path, message: str, location: str | int | None) -> None:
        loc = str(location) if location is not None else None
        self.items.append(Diagnostic(severity=severity, file=str(file), location=loc, message=message))

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    def exit_code(self, strict: bool = False) -> ExitCode:
        """The exit code this run deserves: errors first, then warnings under --strict."""
        if self.errors:
            return ExitCode.INPUT_ERRORS
        if strict and self.warnings:
            return ExitCode.STRICT_WARNINGS
        return ExitCode.OK
