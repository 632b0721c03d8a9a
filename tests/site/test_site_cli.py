"""The site commands: build, add (the instructor's flow, on a real seed file), serve on 127.0.0.1."""

from __future__ import annotations

import shutil
import threading
import time
import tomllib
import urllib.request

from click.testing import CliRunner
from site_support import build, load_fixture_course

from lecturekit.cli import main
from lecturekit.course import register_sources
from lecturekit.errors import UsageError
from lecturekit.pipeline import bundled_seeds
from lecturekit.site.serve import HOST, make_server, watch
from lecturekit.workflows import summarize

SEED_2024 = "004_6907600352c4fa8e.txt"


def test_site_register_sources_appends_and_merges(tmp_path):
    config = tmp_path / "course.toml"
    config.write_text('# my course\ntitle = "T"\n', encoding="utf-8")
    register_sources(config, "week1", ["a.pdf"])
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# my course") and '[[lectures]]\nid = "week1"\nsources = ["a.pdf"]' in text
    register_sources(config, "week1", ["b.txt"])  # the lecture exists now: edited in place, comments kept
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# my course\n") and tomllib.loads(text)["title"] == "T"
    assert tomllib.loads(text)["lectures"] == [{"id": "week1", "sources": ["a.pdf", "b.txt"]}]


def test_site_summarize_counts_what_a_source_brought():
    found = summarize(load_fixture_course(), ["001_9877fb9ea88e89b7.txt"])
    assert found.lectures == ["2026-01-14"]
    assert (found.slides, found.builds_collapsed, found.ocr_pages) == (1, 2, 3)
    assert (found.questions, found.unkeyed) == (2, 0)


def test_site_cli_add_real_seed_builds_the_site(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    course = tmp_path / "course"
    result = CliRunner().invoke(
        main, ["add", str(bundled_seeds() / SEED_2024), "--course", str(course), "--lecture", "2024-01-11"]
    )
    assert result.exit_code == 0, result.output
    assert (course / SEED_2024).is_file() and 'id = "2024-01-11"' in (course / "course.toml").read_text(
        encoding="utf-8"
    )
    line = next(out for out in result.stdout.splitlines() if out.startswith("added"))
    assert "→ lectures 2024-01-11" in line and "0 OCR'd pages" in line
    slides = int(line.split(": ", 1)[1].split(" slides")[0])
    builds = int(line.split("slides, ")[1].split(" build")[0])
    assert slides > 10 and builds > 0  # "Outline for Lecture" repeats as builds in this seed
    assert "answer keys scaffolded" in line
    assert (course / "_site" / "lecture-2024-01-11.html").is_file() and (
        course / "_site" / "quiz-2024-01-11.html"
    ).is_file()


def test_site_cli_build_refuses_foreign_output(tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(bundled_seeds() / "003_ac6d1436580ceec6.txt", course)
    result = CliRunner().invoke(main, ["build", str(course), "--out", str(out)])
    assert result.exit_code == 2
    assert "not written by lecturekit" in result.stderr and "Traceback" not in result.output
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_site_serve_answers_on_localhost(tmp_path):
    site = tmp_path / "site"
    build(load_fixture_course(), site)
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == HOST == "127.0.0.1"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lecture-2026-01-14.html", timeout=5) as reply:
            assert reply.status == 200 and b"Training and Back-propagation" in reply.read()
    finally:
        server.shutdown()
        server.server_close()


def test_site_serve_on_a_port_in_use_is_a_usage_error_naming_it(tmp_path):
    site = tmp_path / "site"
    build(load_fixture_course(), site)
    first = make_server(site, 0)
    try:
        port = first.server_address[1]
        result = CliRunner().invoke(main, ["serve", str(site), "--port", str(port)])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
        assert "serving" not in result.stderr  # announced only once it listens
    finally:
        first.server_close()


def test_site_cli_add_to_a_lecture_grouped_by_itself_keeps_its_sources_and_id(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    course, notes = tmp_path / "course", tmp_path / "extra-notes.txt"
    course.mkdir()
    shutil.copy(bundled_seeds() / "003_ac6d1436580ceec6.txt", course)  # no course.toml: grouped as 2020-10-13
    notes.write_text(
        "Worked example\n\nThe chain rule applied to a two-layer network, step by step.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["add", str(notes), "--course", str(course), "--lecture", "2020-10-13"])
    assert result.exit_code == 0, result.output
    listed = tomllib.loads((course / "course.toml").read_text(encoding="utf-8"))["lectures"]
    assert listed == [{"id": "2020-10-13", "sources": ["003_ac6d1436580ceec6.txt", "extra-notes.txt"]}]
    assert "→ lectures 2020-10-13:" in result.stdout and "2020-10-13-2" not in result.output


def test_site_cli_add_refuses_to_replace_a_source_with_other_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    course, newer = tmp_path / "course", tmp_path / "new" / "003_ac6d1436580ceec6.txt"
    course.mkdir()
    newer.parent.mkdir()
    seed = bundled_seeds() / "003_ac6d1436580ceec6.txt"
    shutil.copy(seed, course)
    newer.write_text(
        seed.read_text(encoding="utf-8") + "\nA section added later\n\nMore text.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["add", str(newer), "--course", str(course)])
    assert result.exit_code == 2 and "already has a different 003_ac6d1436580ceec6.txt" in result.stderr
    assert (course / seed.name).read_bytes() == seed.read_bytes()
    again = CliRunner().invoke(main, ["add", str(seed), "--course", str(course)])  # the same bytes: fine
    assert again.exit_code == 0, again.output
    odd = CliRunner().invoke(main, ["add", str(seed), "--course", str(course), "--lecture", "Bad Id!"])
    assert (
        odd.exit_code == 2 and "lecture id 'Bad Id!'" in odd.stderr and not (course / "course.toml").exists()
    )


def test_site_watch_survives_an_unusable_moment(tmp_path, capsys):
    course = tmp_path / "course"
    course.mkdir()
    (course / "a.txt").write_text("one", encoding="utf-8")
    calls = []
    again = threading.Event()

    def rebuild():
        calls.append(1)
        if len(calls) == 1:
            raise UsageError("unusable course, nothing to build", file=course)
        again.set()

    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(course, rebuild, 0.05, stop), daemon=True)
    thread.start()
    try:
        time.sleep(0.3)  # let the watcher take its first snapshot
        (course / "a.txt").write_text("", encoding="utf-8")
        time.sleep(0.3)
        (course / "a.txt").write_text("three again", encoding="utf-8")
        assert again.wait(5) and thread.is_alive()
    finally:
        stop.set()
        thread.join(5)
    assert "unusable course" in capsys.readouterr().err


def test_site_watch_rebuilds_on_change(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    (course / "a.txt").write_text("one", encoding="utf-8")
    rebuilt = threading.Event()
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(course, rebuilt.set, 0.05, stop), daemon=True)
    thread.start()
    try:
        assert not rebuilt.wait(0.3)
        (course / "a.txt").write_text("two, longer", encoding="utf-8")
        assert rebuilt.wait(5)
    finally:
        stop.set()
        thread.join(5)


def _course_with(folder, *seeds, zero_pdf=False):
    folder.mkdir()
    for seed in seeds:
        shutil.copy(bundled_seeds() / seed, folder)
    if zero_pdf:
        (folder / "x.pdf").write_bytes(b"")
    return folder


def test_site_cli_unusable_course_keeps_the_previous_site(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "site"
    good = _course_with(tmp_path / "good", "003_ac6d1436580ceec6.txt", zero_pdf=True)
    result = CliRunner().invoke(main, ["build", str(good), "--out", str(out)])
    assert result.exit_code == 1, result.output  # one bad source: the rest is built
    before = (out / "index.html").read_bytes()
    bad = _course_with(tmp_path / "bad", zero_pdf=True)
    result = CliRunner().invoke(main, ["build", str(bad), "--out", str(out)])
    assert result.exit_code == 2
    lines = [err for err in result.stderr.splitlines() if err.strip()]
    assert (
        len(lines) == 1 and "unusable course" in lines[0] and "x.pdf" in lines[0] and "empty file" in lines[0]
    )
    assert (out / "index.html").read_bytes() == before and "Traceback" not in result.output


def test_site_cli_add_refuses_unreadable_files(tmp_path, monkeypatch):
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "zero.pdf").write_bytes(b"")
    course = tmp_path / "course"
    result = CliRunner().invoke(main, ["add", str(bad / "zero.pdf"), "--course", str(course)])
    assert result.exit_code == 2 and not (course / "zero.pdf").exists()
    assert [err for err in result.stderr.splitlines() if err.strip()] == [
        f"lecturekit: {bad / 'zero.pdf'}: nothing added, it cannot be read: "
        "empty file (0 bytes): nothing to read; replace it with the real export or remove it"
    ]
    seed = bundled_seeds() / "003_ac6d1436580ceec6.txt"
    result = CliRunner().invoke(main, ["add", str(bad / "zero.pdf"), str(seed), "--course", str(course)])
    assert result.exit_code == 1
    assert sorted(p.name for p in course.iterdir() if p.is_file()) == [seed.name]
    assert "zero.pdf: error: not added to the course: empty file" in result.stderr
    assert (course / "_site" / "index.html").is_file()
    rebuilt = CliRunner().invoke(main, ["build", str(course), "--out", str(course / "_site")])
    assert rebuilt.exit_code == 0, rebuilt.output  # the refused file is not reported again on later builds
