"""Sources are cached by content: a rebuild re-reads only changed files, and warnings come back on a hit."""

from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, dispatch


def _count_reads(monkeypatch):
    calls = []
    original = dispatch._read_uncached

    def counting(path, data, options, diag):
        calls.append(path.name)
        return original(path, data, options, diag)

    monkeypatch.setattr(dispatch, "_read_uncached", counting)
    return calls


def test_unchanged_source_is_not_read_again(tmp_path, monkeypatch):
    calls = _count_reads(monkeypatch)
    deck = tmp_path / "deck.txt"
    deck.write_text(" Training a DNN\n\nSGD with mini-batch\n Back prop\n\nchain rule\n", encoding="utf-8")
    first = dispatch.read_source(deck, IngestOptions(), Diagnostics())
    second = dispatch.read_source(deck, IngestOptions(), Diagnostics())
    assert first == second and [p.title for p in first.pages] == ["Training a DNN", "Back prop"]
    assert calls == ["deck.txt"]
    deck.write_text(" Training a DNN\n\nSGD with momentum\n", encoding="utf-8")
    third = dispatch.read_source(deck, IngestOptions(), Diagnostics())
    assert calls == ["deck.txt", "deck.txt"] and any("momentum" in p.text for p in third.pages)


def test_cache_hit_reports_the_same_warnings_at_the_new_path(tmp_path, monkeypatch):
    latin = "Caf\xe9 notes\n\nThe caf\xe9 lecture on back-propagation.\n".encode("latin-1")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "notes.txt").write_bytes(latin)
    (tmp_path / "b" / "notes.txt").write_bytes(latin)
    first, second = Diagnostics(), Diagnostics()
    dispatch.read_source(tmp_path / "a" / "notes.txt", IngestOptions(), first)
    calls = _count_reads(monkeypatch)
    dispatch.read_source(tmp_path / "b" / "notes.txt", IngestOptions(), second)
    assert calls == []
    assert len(first.warnings) == len(second.warnings) == 1
    assert second.warnings[0].file == str(tmp_path / "b" / "notes.txt")


def test_no_cache_option_always_reads(tmp_path, monkeypatch):
    calls = _count_reads(monkeypatch)
    deck = tmp_path / "deck.txt"
    deck.write_text(" Title\n\nbody\n", encoding="utf-8")
    for _ in range(2):
        dispatch.read_source(deck, IngestOptions(cache=False), Diagnostics())
    assert calls == ["deck.txt", "deck.txt"]


def test_cleaned_decks_are_reused_until_the_source_changes(tmp_path, monkeypatch):
    from lecturekit.cache import Cache
    from lecturekit.cleaner import lectures
    from lecturekit.course import CourseConfig

    calls = []
    original = lectures.clean_source
    monkeypatch.setattr(
        lectures, "clean_source", lambda source: calls.append(source.name) or original(source)
    )
    deck = tmp_path / "deck.txt"
    deck.write_text(" Training a DNN\n\nSGD with mini-batch\n Back prop\n\nchain rule\n", encoding="utf-8")
    cache = Cache("decks", root=tmp_path / "cache")
    source = dispatch.read_source(deck, IngestOptions(), Diagnostics())
    first = lectures.clean_course([source], CourseConfig(), Diagnostics(), cache)
    second = lectures.clean_course([source], CourseConfig(), Diagnostics(), cache)
    assert first == second and calls == ["deck.txt"]
    assert [s.title for s in first[0].slides] == ["Training a DNN", "Back prop"]
