"""Build a site in a temp dir next to the output and swap it in, so the old site survives any failure."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lecturekit.errors import UsageError

MARKER = ".lecturekit-site"  # present in every site we write: we only ever replace our own output
T = TypeVar("T")


def check_output(out: Path) -> None:
    """Refuse to replace a folder that is not empty and not a lecturekit site (e.g. --out .)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise UsageError("output exists and is not a folder", file=out)
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise UsageError("output folder is not empty and was not written by lecturekit; choose another --out", file=out)


def atomic_build(out: Path, write: Callable[[Path], T]) -> T:
    """Call WRITE(staging dir), then swap the staging dir into OUT; on any failure OUT is left as it was."""
    out = out.resolve()
    check_output(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    try:
        result = write(staging)
        (staging / MARKER).write_text("written by lecturekit build; safe to replace\n", encoding="utf-8")
        os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a served site must be readable
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return result


def _swap(staging: Path, out: Path) -> None:
    # Two renames on one file system: the window without OUT is a few microseconds, and a crash in it
    # leaves the old site complete under its .old name rather than a half-written one at OUT.
    if not out.exists():
        os.replace(staging, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(old)
    os.replace(out, old)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
