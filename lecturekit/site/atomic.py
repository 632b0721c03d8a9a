"""Build a site in a temp dir next to the output and swap it in, so the old site survives any failure."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from lecturekit.errors import OutputError, UsageError

MARKER = ".lecturekit-site"  # present in every site we write: we only ever replace our own output
T = TypeVar("T")
# Staging and swapped-out folders beside OUT carry the pid of the build that made them, so a later build
# can tell a killed build's leftovers from a build running right now.
LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:build|old)-(?P<pid>\d+)-[^/]+$")


def check_output(out: Path) -> None:
    """Refuse an output that cannot be the site, before anything is read: not a folder, under a file, unwritable.

    A folder that is not empty and not a lecturekit site (e.g. --out .) is a usage error; the rest are
    output errors with their own exit code.
    """
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputError("output exists and is not a folder; choose another --out", file=out)
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise UsageError(
            "output folder is not empty and was not written by lecturekit; choose another --out", file=out
        )
    existing = _nearest_existing(out.absolute().parent)
    if not existing.is_dir():
        raise OutputError(f"cannot create the output folder: {existing} is a file, not a folder", file=out)
    if os.statvfs(existing).f_flag & os.ST_RDONLY:
        raise OutputError(
            f"cannot write the site: {existing} is on a read-only disk; choose another --out", file=out
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write the site: no permission to write in {existing}", file=out)


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def atomic_build(out: Path, write: Callable[[Path], T]) -> T:
    """Call WRITE(staging dir), then swap the staging dir into OUT; on any failure OUT is left as it was.

    A failure to write (no permission, a read-only or full disk) is an OutputError naming the path.
    """
    out = out.absolute()
    check_output(out)
    with _output_errors(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        out = out.resolve()
        remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-{os.getpid()}-", dir=out.parent))
    try:
        with _output_errors(out):
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
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
    os.rmdir(old)
    os.replace(out, old)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def remove_leftovers(out: Path) -> list[Path]:
    """Delete the staging and swapped-out folders of OUT that builds killed mid-way left behind."""
    removed = []
    for path in sorted(out.parent.iterdir()):
        match = LEFTOVER.match(path.name)
        if match is None or match["name"] != out.name or not path.is_dir() or path.is_symlink():
            continue
        if _alive(int(match["pid"])):
            continue  # a build running now (or ours): not a leftover
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


@contextlib.contextmanager
def _output_errors(out: Path) -> Iterator[None]:
    """Turn an OSError about OUT (its staging and old folders, its parents) into an OutputError; others pass."""
    try:
        yield
    except OSError as exc:
        named = [Path(os.fsdecode(name)) for name in (exc.filename, exc.filename2) if name is not None]
        ours = [path for path in named if _is_output(path, out)]
        if named and not ours:  # e.g. a template that cannot be read: not an output problem
            raise
        hint = OUTPUT_HINTS.get(exc.errno or 0, "check the output folder")
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        # Named by OUT: the staging folder a write failed in is gone by the time anyone reads the message.
        raise OutputError(
            f"cannot write the site: {reason}; {hint}; the old site is left as it was", file=out
        ) from exc


OUTPUT_HINTS = {
    errno.ENOSPC: "free some disk space",
    errno.EDQUOT: "free some disk space",
    errno.EROFS: "the disk is read-only; choose another --out",
    errno.EACCES: "check the folder's permissions",
    errno.EPERM: "check the folder's permissions",
    errno.ENOTDIR: "a part of the --out path is a file",
}


def _is_output(path: Path, out: Path) -> bool:
    """Whether PATH is OUT, a folder above it, or inside OUT or one of its staging/old siblings."""
    path = path.absolute()
    if out.is_relative_to(path):
        return True
    return any(
        part == out or (part.parent == out.parent and part.name.startswith(f".{out.name}."))
        for part in [path, *path.parents]
    )
