"""build_site: render the Course into a static site (jinja2), reusing unchanged pages, swapped in atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2

from lecturekit import __version__
from lecturekit.cache import Cache, content_key, tree_digest
from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Diagnostic, Model
from lecturekit.site import links
from lecturekit.site.atomic import atomic_build
from lecturekit.site.math import MathRenderer, shared_renderer
from lecturekit.site.options import BuildReport, SiteOptions
from lecturekit.site.output import SiteFiles
from lecturekit.site.pages import (
    HomeInput,
    LecturePageInput,
    PagePlan,
    QuizPageInput,
    TopicIndexInput,
    TopicPageInput,
)
from lecturekit.site.plan import plan_pages
from lecturekit.site.search import INDEX_FILE, index_script
from lecturekit.site.topicdata import pygments_css
from lecturekit.site.viewbuild import Renderer, lecture_view, quiz_view
from lecturekit.site.viewtopics import EXAMPLES_DIR, home_view, topic_index_view, topic_view

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class SiteInfo(Model):
    """What every page's chrome shows."""

    title: str
    storage_key: str  # localStorage namespace: sites opened from file:// share one origin
    has_topics: bool
    has_practice: bool


class CachedPage(Model):
    html: str
    warnings: list[Diagnostic]


def template_env(bytecode_dir: Path | None = None) -> jinja2.Environment:
    """Jinja with autoescape everywhere: every piece of course text is escaped unless built as HTML here."""
    bytecode = None
    if bytecode_dir is not None:
        bytecode_dir.mkdir(parents=True, exist_ok=True)
        bytecode = jinja2.FileSystemBytecodeCache(str(bytecode_dir))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=bytecode,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class PageRenderer:
    """Renders page plans to HTML, taking unchanged pages from the content-hash cache."""

    def __init__(self, site: SiteInfo, options: SiteOptions) -> None:
        self.site = site
        self.options = options
        self.cache = Cache(
            "site-pages", Path(options.cache_dir) if options.cache_dir else None, enabled=options.cache
        )
        self.env = template_env(self.cache.dir / "templates" if options.cache else None)
        # The site package's code, templates and assets all shape a page: any change re-renders everything.
        self.fingerprint = content_key(
            __version__, tree_digest(HERE), site.model_dump_json(), str(options.math)
        )
        self._math: MathRenderer | None = None
        self.math_unavailable = ""
        self.rendered = 0
        self.reused = 0
        self.snippets: dict[str, str] = {}  # slide snippets as HTML: most are on several topic pages

    def math(self) -> MathRenderer | None:
        """The KaTeX renderer, loaded on the first page that needs one; None (formulas as code) without V8."""
        if self.options.math and self._math is None and not self.math_unavailable:
            try:
                self._math = shared_renderer()
            except Exception as exc:  # mini-racer missing or V8 unable to start: show TeX, say so once
                self.math_unavailable = (
                    f"math shown as TeX source: KaTeX could not start ({type(exc).__name__}: {exc})"
                )
        return self._math

    def render(self, plan: PagePlan) -> CachedPage:
        key = content_key(
            self.fingerprint,
            plan.path,
            plan.template,
            plan.title,
            type(plan.data).__name__,
            plan.data.model_dump_json(),
        )
        cached = self.cache.get_valid(key, CachedPage)
        if cached is not None:
            self.reused += 1
            return cached
        renderer = Renderer(self.math, self.snippets)  # KaTeX starts only if this page has a formula
        view = self._view(plan, renderer)
        html = self.env.get_template(plan.template).render(page=view, site=self.site)
        page = CachedPage(html=html, warnings=renderer.warnings)
        self.cache.put(key, page.model_dump(mode="json"))
        self.rendered += 1
        return page

    def _view(self, plan: PagePlan, r: Renderer) -> Model:
        data = plan.data
        if isinstance(data, HomeInput):
            return home_view(data, plan.path)
        if isinstance(data, LecturePageInput):
            return lecture_view(data, plan.path, r)
        if isinstance(data, QuizPageInput):
            return quiz_view(data, plan.path, r)
        if isinstance(data, TopicPageInput):
            return topic_view(data, plan.path, r)
        if isinstance(data, TopicIndexInput):
            return topic_index_view(data, plan.path)
        raise TypeError(f"no view for {type(data).__name__}")


def site_info(course: Course) -> SiteInfo:
    key = "lecturekit:" + hashlib.sha256(course.title.encode()).hexdigest()[:12]
    return SiteInfo(
        title=course.title,
        storage_key=key,
        has_topics=bool(course.topics),
        has_practice=bool(course.questions),
    )


def write_examples(plans: list[PagePlan], files: SiteFiles) -> None:
    """The example downloads of topic pages: .py, .ipynb and the figure, once per example."""
    written: set[str] = set()
    for plan in plans:
        if not isinstance(plan.data, TopicPageInput):
            continue
        for example in plan.data.examples:
            name = links.safe_name(example.name)
            if name in written:
                continue
            written.add(name)
            if example.code is not None:
                files.write_text(f"{EXAMPLES_DIR}/{name}.py", example.code)
            if example.notebook is not None:
                files.write_text(f"{EXAMPLES_DIR}/{name}.ipynb", example.notebook)
            if example.figure:
                files.write_text(f"{EXAMPLES_DIR}/{name}.svg", example.figure)
            for helper in example.helpers:
                files.write_text(f"{EXAMPLES_DIR}/{helper.name}", helper.code)


def write_images(course: Course, files: SiteFiles) -> None:
    """The slides' page pictures, one file per distinct picture (named by its content)."""
    distinct = {links.image_href(image): image.data for image in course.images if image.data}
    for name, data in sorted(distinct.items()):
        files.write_bytes(name, data)


def build_site(
    course: Course, out: Path, diag: Diagnostics, options: SiteOptions | None = None
) -> BuildReport:
    """Render COURSE into OUT: every page, assets, search index; written to a temp dir and swapped in."""
    options = options or SiteOptions()
    if not options.images:
        course = course.model_copy(update={"images": []})
    before = len(diag.items)
    renderer = PageRenderer(site_info(course), options)
    plans = plan_pages(course, diag, Cache("site-examples", renderer.cache.dir.parent, enabled=options.cache))
    report = BuildReport(out=str(Path(out).resolve()), pages=len(plans), page_paths=[p.path for p in plans])

    def write(root: Path) -> None:
        files = SiteFiles(root, previous=Path(out).resolve())
        for plan in plans:
            page = renderer.render(plan)
            diag.extend(page.warnings)
            files.write_text(plan.path, page.html)
        files.copy_tree(STATIC, "static")
        files.write_text("static/pygments.css", pygments_css())
        script = index_script(course)
        files.write_text(INDEX_FILE, script)
        report.search_index_bytes = len(script.encode("utf-8"))
        write_examples(plans, files)
        write_images(course, files)
        report.files = sum(1 for p in root.rglob("*") if p.is_file()) + 1  # + the marker
        report.linked = files.linked

    atomic_build(Path(out), write)
    if renderer.math_unavailable:
        diag.warn(report.out, renderer.math_unavailable)
    report.rendered, report.reused = renderer.rendered, renderer.reused
    report.warnings = len(diag.items) - before
    return report
