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


def test_get_valid_parses_into_the_model_and_treats_a_damaged_entry_as_a_miss(tmp_path):
    from pydantic import TypeAdapter

    from lecturekit.models import PageRef, TopicTag

    cache = Cache("decks", root=tmp_path)
    good, damaged, foreign = content_key("good"), content_key("damaged"), content_key("foreign")
    cache.put(good, {"source": "001_x.txt", "page": 3, "method": "ocr"})
    cache.put(foreign, {"source": "001_x.txt"})  # written by older code: a field is missing
    cache.put(damaged, {"source": "001_x.txt", "page": 3, "method": "ocr"})
    path = cache.dir / damaged[:2] / f"{damaged}.json"
    path.write_bytes(path.read_bytes()[:-7])  # cut short, as by a full disk
    assert cache.get_valid(good, PageRef) == PageRef(source="001_x.txt", page=3, method="ocr")
    assert cache.get_valid(damaged, PageRef) is None and cache.get_valid(foreign, PageRef) is None
    tags = TypeAdapter(list[TopicTag])
    cache.put(good, [{"topic": "sgd", "score": 2.5}])
    assert cache.get_valid(good, tags) == [TopicTag(topic="sgd", score=2.5)]
    assert (cache.hits, cache.misses) == (2, 2)
