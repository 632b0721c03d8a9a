"""`lecturekit serve`: the built site on 127.0.0.1, optionally rebuilt when the course folder changes."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from lecturekit.errors import LecturekitError, UsageError

HOST = "127.0.0.1"  # preview only: never listen on other interfaces


def snapshot(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime) of every file under FOLDER: cheap change detection."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def watch(folder: Path, rebuild: Callable[[], None], interval: float = 1.0, stop: threading.Event | None = None) -> None:
    """Call REBUILD whenever a file under FOLDER changes (polling; no extra dependency)."""
    stop = stop or threading.Event()
    seen = snapshot(folder)
    while not stop.wait(interval):
        now = snapshot(folder)
        if now != seen:
            seen = now
            try:
                rebuild()
            except LecturekitError as exc:  # e.g. a course emptied mid-edit: say why, keep serving the last good site
                print(f"lecturekit: {exc}", file=sys.stderr)


def make_server(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    """A server of SITE on 127.0.0.1:PORT; a port that cannot be had is a usage error, not a crash."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    try:
        return http.server.ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise UsageError(f"cannot serve on {HOST}:{port} ({exc.strerror}); choose another port with --port",
                         file=site) from exc


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        pass


def serve(site: Path, port: int, course: Path | None = None, rebuild: Callable[[], None] | None = None,
          announce: Callable[[str], None] = print) -> None:
    """Serve SITE until interrupted; with COURSE and REBUILD, rebuild on every change of the course."""
    server = make_server(site, port)
    announce(f"serving {site} on http://{HOST}:{server.server_address[1]}/ (Ctrl-C to stop)")  # once it listens
    if course is not None and rebuild is not None:
        threading.Thread(target=watch, args=(course, rebuild), daemon=True).start()
    try:
        server.serve_forever()
    finally:
        server.server_close()
