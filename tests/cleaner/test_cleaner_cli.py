"""The JSON contract of `lecturekit ingest seeds/*.txt --json` as other tools read it."""

from __future__ import annotations

import json

from cleaner_support import seed_files
from click.testing import CliRunner

from lecturekit.cli import main


def test_ingest_json_of_the_seeds_has_the_cleaned_lectures():
    result = CliRunner().invoke(main, ["ingest", *map(str, seed_files()), "--json"])
    assert result.exit_code == 0, result.output
    lectures = json.loads(result.stdout)["lectures"]
    assert [lec["id"] for lec in lectures] == ["2020-10-13", "2024-01-11", "2025-02-03", "2026-01-14"]
    jan14 = lectures[-1]
    assert jan14["date"] == "2026-01-14" and len(jan14["sources"]) == 2
    slide = next(s for s in jan14["slides"] if s["title"] == "Training a DNN")
    assert slide["text"].splitlines()[0] == "Training a DNN" and slide["kind"] == "content"
    assert {(p["source"][:3], p["method"]) for p in slide["pages"]} == {("000", "text"), ("001", "text")}
    assert lectures[1]["editions"][0]["lecture"] == "2026-01-14"
