"""Template context for every public page: the site's name, its section menu, the 简/繁 switch."""

from __future__ import annotations

import functools
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from public import pagecache, scripts, seo
from public.selectors import section_groups


def site(request: HttpRequest) -> dict:
    # Lazy, and cached per page-cache generation: the menu costs no query on
    # pages that do not show it (the admin) and one query per change elsewhere.
    # The site's links are lazy too: a page without them needs no public URLs.
    return {
        "site_name": settings.SITE_NAME,
        "menu": SimpleLazyObject(partial(_menu, getattr(request, "script", scripts.HANS))),
        "canonical_url": _canonical(request),
        "script": getattr(request, "script", scripts.HANS),
        "script_switch_url": scripts.switch_url(request),
        "site_links": SimpleLazyObject(partial(_site_links, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)),
    }


@functools.lru_cache(maxsize=32)
def _site_links(script_prefix: str, urlconf: str) -> dict[str, str]:
    # The addresses every page links to (the masthead's, the footer's), per script
    # prefix (/hant/) and URL configuration: reverse() costs about 50 µs an address.
    return {name: reverse(f"public:{name}") for name in ("home", "search", "rss", "atom", "sitemap_index", "corrections")}


def _canonical(request: HttpRequest) -> str:
    # The path on SITE_URL; of the query string only a page number counts,
    # and on the search page the query, which is what the page is.
    params = {}
    match = request.resolver_match
    if match is not None and match.view_name == "public:search" and request.GET.get("q", "").strip():
        params["q"] = request.GET["q"].strip()
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        params["page"] = page
    return seo.absolute_url(request.path) + (f"?{urlencode(params)}" if params else "")


def _menu(script: str) -> SafeString:
    # The section links as HTML (public/_menu.html), per script: its links carry
    # the /hant/ prefix or not. Kept as long as the generation it is keyed by,
    # page cache on or off: any change to a section makes a new generation
    # (public.pagecache), so a kept menu is never stale.
    return mark_safe(cache.get_or_set(
        f"newsroom:menu:{script}:{pagecache.generation()}",
        lambda: render_to_string("public/_menu.html", {
            "sections": [(g.section.name, g.section.get_absolute_url()) for g in section_groups()],
        }),
        pagecache.GENERATION_SECONDS,
    ))
