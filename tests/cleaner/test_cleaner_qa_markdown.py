"""QA 11 and 6: `#` markers leave cleaned titles; fenced code, tables and tab-separated tables render as such."""

from __future__ import annotations

from cleaner_support import lecture

from lecturekit.cleaner import clean_course
from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.site.markup import TextRenderer

CODE_MD = """# Lecture on Autodiff

## Forward mode

Dual numbers carry derivatives.

```python
# compute gradient
def square(x):
    return x ** 2  # $not math$
```

## Reverse mode ##

$$
\\frac{\\partial L}{\\partial x} = \\sum_i \\frac{\\partial L}{\\partial y_i}\\frac{\\partial y_i}{\\partial x}
$$

| op | forward | backward |
|----|---------|----------|
| add | a+b | 1, 1 |
| mul | a*b | b, a |

### # of layers
- depth matters
"""


def clean_markdown(tmp_path, text: str):
    path = tmp_path / "code.md"
    path.write_text(text, encoding="utf-8")
    diag = Diagnostics()
    sources = read_sources([path], IngestOptions(cache=False), diag)
    lectures = clean_course(sources, CourseConfig(), diag)
    assert not diag.errors and len(lectures) == 1
    return lectures[0]


def test_heading_markers_are_not_in_titles(tmp_path):
    lecture = clean_markdown(tmp_path, CODE_MD)
    assert lecture.title == "Lecture on Autodiff"
    assert [s.title for s in lecture.slides] == [
        "Lecture on Autodiff",
        "Forward mode",
        "Reverse mode",
        "# of layers",
    ]
    assert all(s.text.split("\n")[0] == s.title for s in lecture.slides)


def test_fenced_code_is_kept_as_code_with_its_indentation(tmp_path):
    forward = clean_markdown(tmp_path, CODE_MD).slides[1]
    assert forward.text.split("\n")[1:] == [
        "Dual numbers carry derivatives.",
        "```python",
        "# compute gradient",
        "def square(x):",
        "    return x ** 2  # $not math$",
        "```",
    ]


def test_math_block_and_table_with_its_rule_are_kept(tmp_path):
    reverse = clean_markdown(tmp_path, CODE_MD).slides[2]
    lines = reverse.text.split("\n")
    assert lines[1] == "$$" and lines[3] == "$$" and lines[2].startswith("\\frac{\\partial L}")
    assert lines[4:] == [
        "| op | forward | backward |",
        "|----|---------|----------|",
        "| add | a+b | 1, 1 |",
        "| mul | a*b | b, a |",
    ]


def test_seed_004_tab_separated_truth_tables_become_two_pipe_tables(seed_lectures):
    slide = next(s for s in lecture(seed_lectures, "2024-01-11").slides if s.title == "OR and AND Functions")
    lines = slide.text.split("\n")
    assert lines[2:] == [
        "| x_1 | x_2 | y |",
        "|---|---|---|",
        "| 0 | 0 | 0 |",
        "| 0 | 1 | 1 |",
        "| 1 | 0 | 1 |",
        "| 1 | 1 | 1 |",
        "| x_1 | x_2 | y |",
        "|---|---|---|",
        "| 0 | 0 | 0 |",
        "| 0 | 1 | 0 |",
        "| 1 | 0 | 0 |",
        "| 1 | 1 | 1 |",
    ]
    html = TextRenderer(None).block("\n".join(lines[1:]))
    assert html.count("<tr>") == 10 and "<th>x_1</th>" in html and "<td>1</td>" in html
