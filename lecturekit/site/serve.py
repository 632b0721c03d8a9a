"""`lecturekit serve`: the built site on 127.0.0.1; with --watch rebuilt on a course change and the page reloaded."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

from lecturekit.errors import LecturekitError, UsageError
from lecturekit.site.atomic import MARKER

HOST = "127.0.0.1"  # preview only: never listen on other interfaces
STAMP_PATH = "/__lecturekit/stamp"  # the build stamp the reload script polls (served, never written)
# Injected into every served page while watching: poll the stamp on this same server, reload when it changes.
RELOAD_SCRIPT = (
    "<script>(function(){var seen=null;setInterval(function(){"
    f'fetch("{STAMP_PATH}",{{cache:"no-store"}}).then(function(r){{return r.text()}})'
    ".then(function(t){if(seen!==null&&t!==seen){location.reload()}seen=t}).catch(function(){})"
    "},1000)})();</script>"
)


def course_change(folder: Path) -> Callable[[watchfiles.Change, str], bool]:
    """A watchfiles filter: a change the course reads (sources, *.toml, quiz/, examples/), not its site or temp files."""
    root = folder.resolve()

    def matters(change: watchfiles.Change, path: str) -> bool:
        try:
            parts = Path(path).resolve().relative_to(root).parts
        except ValueError:
            return False
        # "_site", staging ".x.build-…" folders, editors' ".swp" files: never read as course material.
        return bool(parts) and not any(part.startswith((".", "_")) for part in parts)

    return matters


def watch(
    folder: Path, rebuild: Callable[[], None], interval: float = 1.0, stop: threading.Event | None = None
) -> None:
    """Call REBUILD once per batch of changes under FOLDER (watchfiles; changes within INTERVAL form one batch)."""
    stop = stop or threading.Event()
    for _changes in watchfiles.watch(
        folder,
        watch_filter=course_change(folder),
        stop_event=stop,
        debounce=max(1, int(interval * 1000)),
        step=50,
        rust_timeout=500,
    ):
        try:
            rebuild()
        except (
            LecturekitError
        ) as exc:  # e.g. a course emptied mid-edit: say why, keep serving the last good site
            print(f"lecturekit: {exc}", file=sys.stderr)


def build_stamp(site: Path) -> str:
    """Changes with every build: the marker each build writes into its new site folder."""
    try:
        return str((site / MARKER).stat().st_mtime_ns)
    except OSError:
        return "0"


def make_server(site: Path, port: int, live: bool = False) -> http.server.ThreadingHTTPServer:
    """A server of SITE on 127.0.0.1:PORT (LIVE: pages reload after a rebuild); a taken port is a usage error."""
    handler = functools.partial(_LiveHandler if live else _QuietHandler, directory=str(site))
    try:
        return http.server.ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise UsageError(
            f"cannot serve on {HOST}:{port} ({exc.strerror}); choose another port with --port", file=site
        ) from exc


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        pass


class _LiveHandler(_QuietHandler):
    """Serves the build stamp, and every HTML page with the reload script added before </body>."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == STAMP_PATH:
            self._send(build_stamp(Path(self.directory)).encode(), "text/plain; charset=utf-8")
            return
        file = Path(self.translate_path(path))
        file = file / "index.html" if file.is_dir() else file
        if file.suffix != ".html" or not file.is_file():
            super().do_GET()
            return
        page = file.read_bytes()
        at = page.rfind(b"</body>")
        at = len(page) if at < 0 else at
        self._send(page[:at] + RELOAD_SCRIPT.encode() + page[at:], "text/html; charset=utf-8")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def serve(
    site: Path,
    port: int,
    course: Path | None = None,
    rebuild: Callable[[], None] | None = None,
    announce: Callable[[str], None] = print,
    stop: threading.Event | None = None,
) -> None:
    """Serve SITE until interrupted (or STOP); with COURSE and REBUILD, rebuild on every change and reload pages."""
    live = course is not None and rebuild is not None
    server = make_server(site, port, live)
    # once it listens
    announce(f"serving {site} on http://{HOST}:{server.server_address[1]}/ (Ctrl-C to stop)")
    stop = stop or threading.Event()
    if course is not None and rebuild is not None:
        announce(
            f"watching {course}: a change to a source, answers.toml, course.toml or topics.toml rebuilds"
        )
        threading.Thread(target=watch, args=(course, rebuild, 1.0, stop), daemon=True).start()

    def stop_serving() -> None:
        stop.wait()
        server.shutdown()

    threading.Thread(target=stop_serving, daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.server_close()
