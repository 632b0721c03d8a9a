"""Read each source with the reader its content calls for; one bad file becomes a diagnostic, not a stop."""

from __future__ import annotations

import hashlib
import logging
import stat
from pathlib import Path

from pydantic import Field

from lecturekit.cache import Cache, code_version, content_key
from lecturekit.course import CourseConfig, discover_sources, load_config, named_source_files
from lecturekit.errors import Diagnostics, ExitCode, LecturekitError, SourceError, UsageError
from lecturekit.ingest.limits import MAX_TEXT_MB_ENV, MB, Limits
from lecturekit.ingest.options import IngestOptions
from lecturekit.ingest.sniff import SNIFF_BYTES, SUPPORTED, SourceFormat, decode_text, sniff
from lecturekit.ingest.text import classify_text, read_text_pages
from lecturekit.models import Diagnostic, Model, Source

log = logging.getLogger(__name__)


class CachedSource(Model):
    """A source as read, with the warnings reading it gave, so a cache hit reports them again."""

    source: Source
    diagnostics: list[Diagnostic] = Field(default_factory=list)


class Failure(Model):
    """A source that could not be used, and the exit code its error carries."""

    file: str
    exit_code: ExitCode


class IngestResult(Model):
    """Everything one ingest run produced: the usable sources and the files that failed."""

    config: CourseConfig = Field(default_factory=CourseConfig)
    sources: list[Source] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)


def ingest_paths(paths: list[Path], options: IngestOptions, diag: Diagnostics) -> IngestResult:
    """Expand PATHS (files or a course folder), load course.toml, and read every source."""
    root, files = discover_sources(paths, diag)
    # course.toml first: a path it names is checked before anything is read, and may add a source.
    config = load_config(root, diag) if root else CourseConfig()
    listed = {path.resolve() for path in files}
    files += [path for path in named_source_files(config) if path.resolve() not in listed]
    if not files:
        raise UsageError(f"no lecture sources in it; {SUPPORTED}", file=root)
    result = ingest_files(files, options, diag)
    result.config = config
    return result


def ingest_files(files: list[Path], options: IngestOptions, diag: Diagnostics) -> IngestResult:
    """Read FILES in the order given; each failure is recorded in DIAG and the rest go on."""
    result = IngestResult()
    seen: dict[str, Path] = {}
    for path in files:
        resolved = str(path.resolve()) if path.exists() else str(path)
        if resolved in seen:
            diag.warn(path, f"given twice (as {seen[resolved]}); read once")
            continue
        seen[resolved] = path
        try:
            source = read_source(path, options, diag)
        except LecturekitError as exc:
            exc.file = exc.file or str(path)  # e.g. a missing tesseract: the error knows no file
            diag.add_error(exc)
            result.failures.append(Failure(file=str(path), exit_code=exc.exit_code))
            continue
        _warn_on_name_clash(source, result.sources, path, diag)
        result.sources.append(source)
    return result


def _warn_on_name_clash(source: Source, earlier: list[Source], path: Path, diag: Diagnostics) -> None:
    for other in earlier:
        if other.name == source.name:
            diag.warn(
                path,
                f"another source is also named {source.name!r} ({other.path}); provenance will not tell them apart",
            )


def read_source(path: Path, options: IngestOptions, diag: Diagnostics) -> Source:
    """One file → Source, by what its bytes are (PDF, image, text); raise SourceError when unusable.

    Sources are cached by the hash of their bytes, the reading options and the readers' code, so a
    rebuild re-reads only the files that changed.
    """
    data = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    cache = Cache("sources", Path(options.cache_dir) if options.cache_dir else None, enabled=options.cache)
    reading = options.model_dump_json(exclude={"progress", "jobs", "cache"})
    key = content_key(digest, path.name, reading, code_version("ingest"))
    if (entry := cache.get_valid(key, CachedSource)) is not None:
        # The same bytes may sit at another path this time: messages name the path given now.
        diag.extend(
            [
                d.model_copy(update={"file": str(path)}) if d.file == entry.source.path else d
                for d in entry.diagnostics
            ]
        )
        return _with_identity(entry.source, path, digest)
    local = Diagnostics()
    source = _with_identity(_read_uncached(path, data, options, local), path, digest)
    if local.errors and not any(page.text.strip() for page in source.pages):
        diag.extend(local.warnings)
        raise nothing_usable_error(path, local)
    diag.extend(local.items)
    if not local.errors:  # a page that failed (an OCR timeout, say) must be tried again next time
        cache.put(key, CachedSource(source=source, diagnostics=local.items))
    return source


# What the readers append to a page error; the one-line summary of a failed source leaves it out.
PAGE_LOST_SUFFIXES = ("; skipped", "; the page is left without text")


def nothing_usable_error(path: Path, local: Diagnostics) -> SourceError:
    """One error for a source whose every page failed, quoting the first page's problem."""
    first = local.errors[0]
    message = first.message
    for suffix in PAGE_LOST_SUFFIXES:
        message = message.removesuffix(suffix)
    where = f"{first.location}: " if first.location else ""
    count = len(local.errors)
    more = f"; {count - 1} more page error(s)" if count > 1 else ""
    return SourceError(
        f"nothing usable: no page could be read ({where}{message}{more}); re-download or re-export it", path
    )


def _read_uncached(path: Path, data: bytes, options: IngestOptions, diag: Diagnostics) -> Source:
    label = str(path)
    sniffed = sniff(data, label)
    digest = hashlib.sha256(data).hexdigest()
    try:
        if sniffed.format is SourceFormat.TEXT:
            return read_text_source(path, data, digest, decode_text(data, sniffed, label, diag))
        if sniffed.format is SourceFormat.PDF:
            from lecturekit.ingest.pdf import read_pdf

            return read_pdf(path, options, diag)
        from lecturekit.ingest.ocr import read_image

        return read_image(path, options, diag)
    except LecturekitError:
        raise
    except Exception as exc:  # a reader bug or a library failure we did not foresee: one line, go on
        log.debug("reading %s failed", path, exc_info=True)
        raise SourceError(
            f"could not be read ({type(exc).__name__}: {exc}); please report this", label
        ) from exc


def _with_identity(source: Source, path: Path, digest: str) -> Source:
    # Every reader's Source carries the same identity: basename, path as given, hash of the bytes.
    if source.name == path.name and source.path == str(path) and source.sha256 == digest:
        return source
    pages = [page.model_copy(update={"source": path.name}) for page in source.pages]
    return source.model_copy(update={"name": path.name, "path": str(path), "sha256": digest, "pages": pages})


def read_bytes(path: Path) -> bytes:
    """The file's bytes; folders, FIFOs, devices, broken links and unreadable files raise SourceError."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise SourceError(
                f"broken link to {path.readlink()}; point it at an existing file", path
            ) from exc
        raise SourceError("no such file; check the path", path) from exc
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror}); check the path and its permissions", path) from exc
    if stat.S_ISDIR(mode):
        raise SourceError("is a folder, not a file; give the folder alone to read it as a course", path)
    if not stat.S_ISREG(mode):
        raise SourceError(
            "not a regular file (a FIFO, socket or device); save the material to a file first", path
        )
    _check_text_size(path, path.stat().st_size)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror}); check the file's permissions", path) from exc


def _check_text_size(path: Path, size: int) -> None:
    """Refuse a text source over the configured limit before reading it (its first bytes tell it is text)."""
    limit = Limits.from_env().max_text_bytes
    if size <= limit:
        return
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    try:
        is_text = sniff(head, str(path)).format is SourceFormat.TEXT
    except SourceError:
        is_text = False
    if is_text:
        raise SourceError(
            f"text file of {size / MB:.3g} MB is over the {limit / MB:.3g} MB limit for text "
            f"sources; split it, or raise ${MAX_TEXT_MB_ENV}",
            path,
        )


def read_text_source(path: Path, data: bytes, digest: str, text: str) -> Source:
    """A text dump, notes or markdown file → Source with its pages; an all-blank file is an error."""
    kind = classify_text(text)
    pages = read_text_pages(text, path.name, kind)
    if not any(page.lines for page in pages):
        raise SourceError(f"no text in the file ({len(data)} bytes of blank lines); nothing to read", path)
    return Source(name=path.name, path=str(path), kind=kind, sha256=digest, pages=pages)
