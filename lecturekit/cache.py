"""Content-hash cache for expensive stage results (OCR above all): JSON files, keyed with their code."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from pydantic import BaseModel, TypeAdapter

CACHE_VERSION = "1"
PACKAGE_DIR = Path(__file__).resolve().parent
Value = TypeVar("Value")
Valid = TypeVar("Valid", bound=BaseModel)


DEFAULT_CAP_MB = 2048  # the cache's size cap; $LECTUREKIT_CACHE_MAX_MB overrides it


def default_cache_dir() -> Path:
    """Where the cache lives: $LECTUREKIT_CACHE, else the platform's user cache folder (platformdirs)."""
    if env := os.environ.get("LECTUREKIT_CACHE"):
        return Path(env)
    return Path(platformdirs.user_cache_dir("lecturekit", appauthor=False))


class CacheNamespace(BaseModel):
    """One namespace of the cache (ocr, sources, site-pages, …): its entries and their bytes."""

    name: str
    entries: int
    bytes: int


class CacheInfo(BaseModel):
    """`lecturekit cache info`: where the cache is, how big, and its cap."""

    path: str
    bytes: int
    cap_bytes: int
    namespaces: list[CacheNamespace]


def cache_cap_bytes() -> int:
    """The size cap in bytes: $LECTUREKIT_CACHE_MAX_MB megabytes, else DEFAULT_CAP_MB."""
    try:
        megabytes = float(os.environ.get("LECTUREKIT_CACHE_MAX_MB", DEFAULT_CAP_MB))
    except ValueError:
        megabytes = DEFAULT_CAP_MB
    return int(megabytes * 1024 * 1024)


def _entries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.json") if p.is_file()]


def cache_info(root: Path | None = None) -> CacheInfo:
    """The size of every namespace under ROOT (default: the cache folder)."""
    root = root or default_cache_dir()
    spaces = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        files = _entries(folder)
        spaces.append(
            CacheNamespace(name=folder.name, entries=len(files), bytes=sum(f.stat().st_size for f in files))
        )
    return CacheInfo(
        path=str(root), bytes=sum(n.bytes for n in spaces), cap_bytes=cache_cap_bytes(), namespaces=spaces
    )


def clear_cache(root: Path | None = None) -> int:
    """Delete every namespace under ROOT (files beside them, e.g. the quiz history, stay); bytes freed."""
    root = root or default_cache_dir()
    freed = cache_info(root).bytes
    for folder in (p for p in root.iterdir() if p.is_dir() and not p.is_symlink()) if root.is_dir() else []:
        shutil.rmtree(folder, ignore_errors=True)
    return freed


def trim_cache(root: Path | None = None, cap: int | None = None) -> int:
    """Delete the least recently written entries until the cache fits its cap; bytes freed."""
    root = root or default_cache_dir()
    cap = cache_cap_bytes() if cap is None else cap
    if not root.is_dir():
        return 0
    sized = []
    for path in (p for folder in root.iterdir() if folder.is_dir() for p in _entries(folder)):
        with contextlib.suppress(OSError):  # a parallel build may replace or remove an entry meanwhile
            stat = path.stat()
            sized.append((stat.st_mtime_ns, str(path), stat.st_size))
    total = sum(size for _, _, size in sized)
    freed = 0
    for _, name, size in sorted(sized):
        if total - freed <= cap:
            break
        with contextlib.suppress(OSError):
            os.unlink(name)
            freed += size
    return freed


def content_key(*parts: bytes | str) -> str:
    """A sha256 over the parts, each length-prefixed so ("ab","c") and ("a","bc") differ."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """A namespace of JSON values keyed by content hash; writes are atomic, misses are cheap."""

    def __init__(self, namespace: str, root: Path | None = None, enabled: bool = True):
        self.dir = (root or default_cache_dir()) / namespace
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        """The JSON value under KEY, or None when absent or unreadable."""
        return self._read(key, json.loads)

    def get_valid(self, key: str, schema: type[Valid] | TypeAdapter[Value]) -> Valid | Value | None:
        """The value under KEY as SCHEMA (a pydantic model or TypeAdapter), or None when absent or not valid.

        Parsed and validated in one pass from the file's bytes (faster than get() and then validating); an
        entry that no longer fits its model (damaged on disk, written by other code) is a miss, not an error.
        """
        return self._read(
            key, schema.validate_json if isinstance(schema, TypeAdapter) else schema.model_validate_json
        )

    def _read(self, key: str, parse: Callable[[bytes], Any]) -> Any | None:
        if not self.enabled:
            return None
        try:
            value = parse(self._path(key).read_bytes())
        except (OSError, ValueError):  # a damaged entry is a miss; pydantic's ValidationError is a ValueError
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename, so parallel workers never read a half-written entry.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                if isinstance(
                    value, BaseModel
                ):  # serialised by pydantic directly: no dict of every field in memory
                    handle.write(value.model_dump_json(exclude_defaults=True))
                else:
                    json.dump(value, handle)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full cache must never fail a build


def tree_digest(folder: Path, pattern: str = "*") -> str:
    """A hash over every file matching PATTERN under FOLDER (names and bytes, sorted): code or assets' version."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache
def code_version(*packages: str) -> str:
    """A hash of lecturekit's Python code in PACKAGES ("cleaner", "site"; none: all of it), once per process.

    A cached result keys on the code that made it, so a changed stage never serves stale results.
    """
    folders = [PACKAGE_DIR / name for name in packages] or [PACKAGE_DIR]
    return content_key(*(tree_digest(folder, "*.py") for folder in folders))
