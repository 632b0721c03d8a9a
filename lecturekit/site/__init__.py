"""The static study site: lecture pages, quizzes, search, math and topic pages, built atomically."""

from lecturekit.site.atomic import MARKER, check_output
from lecturekit.site.options import BuildReport, SiteOptions
from lecturekit.site.render import build_site

__all__ = ["MARKER", "BuildReport", "SiteOptions", "build_site", "check_output"]
