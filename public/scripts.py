"""简/繁: the public site in traditional characters under the /hant/ prefix.

No cookie: the script is in the address, so a page's cache key (its URL)
holds it and a shared link opens in the script it was sent in. The
middleware strips the prefix before URL resolution and sets it as the
script prefix while the request runs, so every reverse() and
get_absolute_url() on the page stays in traditional. The page cache
converts a page before storing it (cached_page calls in_reader_script), so
a traditional page is converted once per change, as it renders: about 2 ms
per 25 KB of HTML.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, get_script_prefix, resolve, set_script_prefix

from text.scripts import to_traditional

HANT = "hant"
HANS = "hans"
PREFIX = f"/{HANT}/"

# Markup that is not text a reader reads: tags with their attributes (URLs
# among them), comments, and script and style elements (JSON-LD) whole.
_NOT_TEXT = re.compile(r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I)


class ScriptPrefixMiddleware:
    """/hant/<a public path> is that page in traditional characters; request.script says which."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.script = HANS
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        request.script = HANT
        request.path_info = request.path_info[len(PREFIX) - 1:]
        outer = get_script_prefix()
        set_script_prefix(outer + PREFIX.lstrip("/"))
        try:
            _require_public(request.path_info)  # an Http404 here becomes the 404 page, as in a view
            response = self.get_response(request)
            # A missing page is Django's 404 handler's, not a view's that converts its own.
            return in_reader_script(request, response) if response.status_code == 404 else response
        finally:
            set_script_prefix(outer)


# Public addresses that are not pages: feeds, sitemaps and robots.txt exist
# once, so crawlers are not handed every URL twice.
NOT_PAGES = {"rss", "atom", "section_rss", "section_atom", "reporter_rss", "reporter_atom",
             "sitemap_index", "news_sitemap", "sitemap_section", "robots"}


def _require_public(path: str) -> None:
    # Only the site's pages have a traditional version, not the desk or the admin.
    try:
        match = resolve(path)
    except Resolver404:
        return  # the normal 404 (or APPEND_SLASH redirect) follows
    if match.namespace != "public" or match.url_name in NOT_PAGES:
        raise Http404("no traditional version")


def in_reader_script(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """response in the script the request asked for: an HTML page under /hant/ converted to traditional."""
    if getattr(request, "script", HANS) != HANT or response.streaming:
        return response
    if not response.get("Content-Type", "").startswith("text/html"):
        return response
    response.content = traditional_html(response.content.decode(response.charset)).encode(response.charset)
    return response


def traditional_html(html: str) -> str:
    """html with its text in traditional characters; tags, attributes, URLs, comments and scripts kept."""
    parts = _NOT_TEXT.split(html)
    parts[::2] = [to_traditional(text) if text.strip() else text for text in parts[::2]]
    return "".join(parts).replace('<html lang="zh-Hans">', '<html lang="zh-Hant">', 1)


def switch_url(request: HttpRequest) -> str:
    """This page's address in the other script."""
    path = request.get_full_path()
    if getattr(request, "script", HANS) == HANT:
        return path[len(PREFIX) - 1:] if path.startswith(PREFIX) else path
    return PREFIX.rstrip("/") + path
