"""Write a build's files into its staging folder, hard-linking those the previous site already has byte for byte."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path


class SiteFiles:
    """The files of one build under ROOT; a file equal to PREVIOUS's copy is linked to it instead of written.

    Creating a file costs far more than linking one, and most files of a rebuild are unchanged. The link is
    safe because a site is never edited in place: the previous folder is swapped out and deleted after the build.
    """

    def __init__(self, root: Path, previous: Path | None = None) -> None:
        self.root = root
        self.previous = previous if previous is not None and previous.is_dir() else None
        self.linked = 0
        self.written = 0

    def write_text(self, name: str, text: str) -> None:
        """Write TEXT as UTF-8 with "\\n" line ends to NAME (a path relative to the site root)."""
        path = self._target(name)
        data = text.encode("utf-8")
        if not self._link_if(name, path, lambda old: old.read_bytes() == data, len(data)):
            path.write_bytes(data)
            self.written += 1

    def write_bytes(self, name: str, data: bytes) -> None:
        """Write DATA to NAME (a path relative to the site root)."""
        path = self._target(name)
        if not self._link_if(name, path, lambda old: old.read_bytes() == data, len(data)):
            path.write_bytes(data)
            self.written += 1

    def copy(self, source: Path, name: str) -> None:
        """Copy SOURCE (contents, mode and times, as shutil.copy2) to NAME."""
        path = self._target(name)
        same = lambda old: old.read_bytes() == source.read_bytes()  # noqa: E731
        if not self._link_if(name, path, same, source.stat().st_size):
            shutil.copy2(source, path)
            self.written += 1

    def copy_tree(
        self,
        source: Path,
        name: str,
        skip: tuple[str, ...] = ("__pycache__",),
        suffixes: tuple[str, ...] = (".pyc",),
    ) -> None:
        """Every file under SOURCE, to the same relative place under NAME (SKIP: folder names, SUFFIXES: files left out)."""
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source)
            if path.is_file() and not set(rel.parts) & set(skip) and path.suffix not in suffixes:
                self.copy(path, f"{name}/{rel.as_posix()}")

    def _target(self, name: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _link_if(self, name: str, path: Path, same, size: int) -> bool:
        """Link the previous site's NAME to PATH when it is a regular file of SIZE bytes and SAME(it) holds."""
        if self.previous is None:
            return False
        old = self.previous / name
        try:
            info = old.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size != size or not same(old):
                return False
            os.link(old, path, follow_symlinks=False)
        except OSError:  # gone, unreadable, or another file system: write it instead
            return False
        self.linked += 1
        return True
