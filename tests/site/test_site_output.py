"""A rebuild links the files the previous site already has byte for byte and writes only the rest."""

from __future__ import annotations

import os

from site_support import build, load_fixture_course, tree

from lecturekit.site.output import SiteFiles


def inodes(root) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_ino for p in sorted(root.rglob("*")) if p.is_file()}


def test_rebuild_links_unchanged_files_and_writes_changed_ones(tmp_path):
    out = tmp_path / "site"
    first, _ = build(load_fixture_course(), out)
    before, before_inodes = tree(out), inodes(out)
    assert first.linked == 0
    course = load_fixture_course()
    course.lectures[0].slides[0].text += "\nA line added after class"
    report, _ = build(course, out)
    after, after_inodes = tree(out), inodes(out)
    build(course, tmp_path / "cold")
    assert after == tree(tmp_path / "cold")  # linking changes no byte of the result
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed and "static/site.css" not in changed
    kept = [name for name in after if name not in changed and name != ".lecturekit-site"]
    assert all(after_inodes[name] == before_inodes[name] for name in kept)
    assert all(after_inodes[name] != before_inodes.get(name) for name in changed)
    assert report.linked == len(kept)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")]  # the old site is gone


def test_a_file_edited_in_the_old_site_is_written_again_not_linked(tmp_path):
    previous, staging = tmp_path / "previous", tmp_path / "staging"
    (previous / "static").mkdir(parents=True)
    (previous / "index.html").write_text("<p>same</p>", encoding="utf-8")
    (previous / "static" / "site.css").write_text("p{}", encoding="utf-8")  # same size, other bytes below
    os.symlink(previous / "index.html", previous / "link.html")
    files = SiteFiles(staging, previous=previous)
    files.write_text("index.html", "<p>same</p>")
    files.write_text("static/site.css", "a{}")
    files.write_text("link.html", "<p>same</p>")  # a symlink in the old site is never followed
    files.write_text("new.html", "<p>new</p>")
    assert (files.linked, files.written) == (1, 3)
    assert (staging / "index.html").stat().st_ino == (previous / "index.html").stat().st_ino
    assert (staging / "static" / "site.css").read_text(encoding="utf-8") == "a{}"
    assert not (staging / "link.html").is_symlink()


def test_without_a_previous_site_everything_is_written(tmp_path):
    files = SiteFiles(tmp_path / "staging", previous=tmp_path / "missing")
    files.write_text("index.html", "<p>x</p>")
    assert (files.linked, files.written) == (0, 1)
