"""Whole rendered public pages in Django's cache, all made stale at once on any change.

Every key carries a generation number; invalidate() bumps it, so no list of
affected URLs is ever needed. public.apps calls invalidate_on_change() for
every model the pages show (saves and deletes), and listens to
articles_changed and linking's links_changed for bulk writes, which send no
save signals; the apps below never import this module. Old entries simply expire. The
generation lives in the same cache, so every process sharing the cache sees
the bump; with the default per-process LocMemCache, PAGE_CACHE_SECONDS bounds
how stale another process can be.
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "newsroom:pages:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Start from the clock, not 1, so a generation evicted from the cache
        # never comes back to a number that old pages were stored under.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def invalidate() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value is a new generation
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate_on_change(*models: type[Model]) -> None:
    """Make every cached page stale whenever a row of these models is saved or deleted."""
    for model in models:
        label = model._meta.label
        post_save.connect(on_change, sender=model, dispatch_uid=f"pagecache.save.{label}")
        post_delete.connect(on_change, sender=model, dispatch_uid=f"pagecache.delete.{label}")


def on_change(sender, **kwargs) -> None:
    """A signal receiver for invalidate()."""
    invalidate()


def cached_page(view):
    """Serve a GET view's 200 responses from the cache until the next change."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper


def _key(request: HttpRequest) -> str:
    url = request.build_absolute_uri()  # host included: canonical links differ per host
    return f"newsroom:page:{generation()}:{hashlib.sha256(url.encode()).hexdigest()}"
