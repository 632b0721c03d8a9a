"""The content-hash cache: hits, misses, atomic writes, and never failing a build."""

from lecturekit.cache import Cache, content_key


def test_content_key_is_length_prefixed_and_stable():
    assert content_key("ab", "c") != content_key("a", "bc")
    assert content_key(b"page", "eng") == content_key("page", "eng")


def test_cache_round_trip_counts_hits_and_misses(tmp_path):
    cache = Cache("ocr", root=tmp_path)
    key = content_key("image-bytes")
    assert cache.get(key) is None
    cache.put(key, {"text": "Back prop", "confidence": 91.5})
    assert cache.get(key) == {"text": "Back prop", "confidence": 91.5}
    assert (cache.hits, cache.misses) == (1, 1)


def test_disabled_cache_stores_nothing(tmp_path):
    cache = Cache("ocr", root=tmp_path, enabled=False)
    cache.put("k" * 64, 1)
    assert cache.get("k" * 64) is None
    assert not (tmp_path / "ocr").exists()


def test_unwritable_cache_does_not_raise(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = Cache("ocr", root=blocker)
    cache.put(content_key("x"), [1, 2])
    assert cache.get(content_key("x")) is None
