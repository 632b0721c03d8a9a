"""Honest exit codes for output problems: checked before the read phase, an I/O error (74), never 70."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lecturekit.cli import main
from lecturekit.errors import ExitCode
from lecturekit.site.atomic import MARKER, remove_leftovers

DECK = " Gradient Descent\nWe step against the gradient.\n Momentum\nMomentum averages past gradients.\n"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-lecture course with a broken link: reading it would print that link's error line."""
    monkeypatch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "lecture.txt").write_text(DECK)
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    return folder


def _build(course: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(course), "--out", str(out)])
    return result.exit_code, result.stderr


def _mount_tmpfs(folder: Path, options: str) -> bool:
    """Mount a small tmpfs at FOLDER (root only); False when this machine does not allow it."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def mounts():
    mounted: list[Path] = []
    yield mounted
    for folder in mounted:
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_out_under_a_file_fails_before_reading(course: Path, tmp_path: Path):
    (tmp_path / "notes.txt").write_text("a file")
    code, err = _build(course, tmp_path / "notes.txt" / "site")
    assert code == ExitCode.IO_ERROR
    # and no line about gone.txt
    assert err.strip() == (
        f"lecturekit: {tmp_path / 'notes.txt' / 'site'}: cannot create the output folder: "
        f"{tmp_path / 'notes.txt'} is a file, not a folder"
    )


def test_out_that_is_a_file_is_an_io_error(course: Path, tmp_path: Path):
    (tmp_path / "site").write_text("not a folder")
    code, err = _build(course, tmp_path / "site")
    assert code == ExitCode.IO_ERROR and "output exists and is not a folder" in err and "gone.txt" not in err


def test_unwritable_folder_fails_before_reading(course: Path, tmp_path: Path, mounts: list[Path]):
    readonly = tmp_path / "readonly"
    if _mount_tmpfs(readonly, "ro,size=64k"):
        mounts.append(readonly)
    else:
        readonly.chmod(0o555)
    code, err = _build(course, readonly / "site")
    assert code == ExitCode.IO_ERROR, err
    assert "cannot write the site" in err and "gone.txt" not in err and "internal error" not in err


def test_full_disk_is_an_io_error_and_keeps_the_old_site(course: Path, tmp_path: Path, mounts: list[Path]):
    first = tmp_path / "first"
    assert _build(course, first)[0] == ExitCode.INPUT_ERRORS  # built; the broken link is one input error
    size = sum(p.stat().st_size for p in first.rglob("*") if p.is_file())
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, f"size={size + size // 2 + 65536}"):
        pytest.skip("needs root and tmpfs to make a small disk")
    mounts.append(disk)
    assert _build(course, disk / "site")[0] == ExitCode.INPUT_ERRORS
    before = {p: p.read_bytes() for p in (disk / "site").rglob("*") if p.is_file()}
    fill(disk / "filler")
    (course / "lecture.txt").write_text(DECK + " Adam\nAdam keeps two moving averages.\n" * 50)
    code, err = _build(course, disk / "site")
    assert code == ExitCode.IO_ERROR, err
    assert f"{disk / 'site'}: cannot write the site: No space left on device; free some disk space" in err
    assert {p: p.read_bytes() for p in (disk / "site").rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in disk.iterdir()) == ["filler", "site"]  # no staging folder left behind


def fill(path: Path) -> None:
    """Write PATH until its disk is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def test_stale_staging_folders_of_killed_builds_are_removed(course: Path, tmp_path: Path):
    out = tmp_path / "site"
    dead = _dead_pid()
    stale = [tmp_path / f".site.build-{dead}-abc123", tmp_path / f".site.old-{dead}-xyz"]
    for folder in stale:
        (folder / "static").mkdir(parents=True)
        (folder / "index.html").write_text("half written")
    running = tmp_path / f".site.build-{os.getppid()}-live"  # a build in a process that is alive
    running.mkdir()
    other = tmp_path / f".other.build-{dead}-abc"  # another site's leftovers are not ours to remove
    other.mkdir()
    code, _ = _build(course, out)
    assert code == ExitCode.INPUT_ERRORS and (out / MARKER).is_file()
    assert not any(folder.exists() for folder in stale)
    assert running.is_dir() and other.is_dir()
    assert remove_leftovers(out) == []


def _dead_pid() -> int:
    """The pid of a process that has exited."""
    done = subprocess.Popen(["true"])
    done.wait()
    return done.pid
