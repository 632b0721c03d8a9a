"""The spaCy pipeline is the same on every machine: blank English with lookup lemmas, trained models ignored."""

from __future__ import annotations

import spacy

from lecturekit.topics import matcher


def test_an_installed_trained_pipeline_is_not_used(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: True)  # as if en_core_web_sm were installed
    monkeypatch.setattr(
        spacy, "load", lambda *args, **kwargs: (_ for _ in ()).throw(AssertionError("loaded"))
    )
    matcher.load_pipeline.cache_clear()
    try:
        nlp = matcher.load_pipeline()
        assert nlp.pipe_names == ["lemmatizer"] and nlp.get_pipe("lemmatizer").mode == "lookup"
    finally:
        matcher.load_pipeline.cache_clear()
