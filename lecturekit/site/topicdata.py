"""Example code for topic pages: reading the .py, Pygments highlighting, and the notebook download."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.models import Example
from lecturekit.site.pages import HelperFile
from lecturekit.topics import to_notebook

PYGMENTS_CSS_LIGHT_STYLE = "xcode"  # every token colour ≥ 4.5:1 on its background (axe colour-contrast)
PYGMENTS_CSS_DARK_STYLE = "lightbulb"  # likewise, for dark mode


def example_file(example: Example, root: Path) -> Path | None:
    """Where an example's .py is: as given, under the course root, or under the working folder."""
    given = Path(example.path)
    for candidate in (given, root / given, Path.cwd() / given):
        if candidate.is_file():
            return candidate
    return None


def read_example_code(example: Example, root: Path, diag: Diagnostics) -> str | None:
    """The example's source, or None (and a warning) when it cannot be read."""
    path = example_file(example, root)
    if path is None:
        diag.warn(example.path, f"example {example.name!r}: file not found; its topic page shows no code")
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        diag.warn(
            example.path, f"example {example.name!r}: cannot read ({exc}); its topic page shows no code"
        )
        return None


def local_helpers(code: str, folder: Path) -> list[HelperFile]:
    """The sibling modules (named _*.py) an example imports, which its .py download needs next to it."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    names = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    helpers = []
    for name in sorted(n for n in names if n.startswith("_") and "." not in n):
        path = folder / f"{name}.py"
        if path.is_file():
            helpers.append(HelperFile(name=path.name, code=path.read_text(encoding="utf-8")))
    return helpers


def build_notebook(example: Example, diag: Diagnostics) -> str | None:
    """The example as nbformat JSON from the topics stage, or None (no download link) when it cannot be made."""
    try:
        return to_notebook(example)
    except Exception as exc:  # a bad example must not stop the site; say which one
        diag.warn(example.path, f"example {example.name!r}: no notebook ({type(exc).__name__}: {exc})")
        return None


@functools.lru_cache(maxsize=256)
def highlight_python(code: str) -> str:
    """Python source as Pygments HTML (classes styled by pygments.css); an example on many topic pages once."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    html = highlight(code, PythonLexer(), HtmlFormatter(cssclass="highlight"))
    return html.replace("<pre>", '<pre tabindex="0">', 1)  # a scrolling block must be reachable by keyboard


def pygments_css() -> str:
    """Highlight styles for light and dark themes, shipped as static/pygments.css."""
    from pygments.formatters import HtmlFormatter

    light = HtmlFormatter(style=PYGMENTS_CSS_LIGHT_STYLE).get_style_defs(".highlight")
    dark = HtmlFormatter(style=PYGMENTS_CSS_DARK_STYLE).get_style_defs("[data-theme=dark] .highlight")
    dark_auto = HtmlFormatter(style=PYGMENTS_CSS_DARK_STYLE).get_style_defs(
        ":root:not([data-theme=light]) .highlight"
    )
    # The style's own background, not the site's code background: its token colours are chosen to contrast with it.
    own_background = ".highlight { border-radius: 6px; }\n.highlight pre { background: transparent; }"
    # Dark colours on screen only, like site.css's palette: printed code is always the light style.
    return (
        f"{light}\n@media screen {{\n{dark}\n}}\n@media screen and (prefers-color-scheme: dark) {{\n{dark_auto}\n}}\n"
        f"{own_background}\n"
    )
