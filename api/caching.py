"""HTTP caching of API answers: revalidated by ETag, never kept stale on the server.

The API keeps no copy of its answers. Each answer carries an ETag made from
what every answer depends on (api.selectors.newest_change: the newest
Article.updated_at, the number of articles and the newest id; every
editorial save, status change included, moves updated_at), so a client or a
proxy that sends it back (If-None-Match) gets a 304 for the price of one
indexed query until any article changes, and the new answer as soon as one
does: an unpublished story is gone from the next request. Cache-Control lets
clients keep an answer API_CACHE_SECONDS without asking (0 by default: always
revalidate, so no cache may show a story after it is taken down).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition

from api.selectors import newest_change


def current_etag(request: HttpRequest, *args: object, **kwargs: object) -> str:
    newest, count, last = newest_change()
    # The language too: error messages are translated, and an install may
    # switch its language (NEWSROOM_LANGUAGE) between two requests of a client.
    state = f"{newest}|{count}|{last}|{get_language()}"
    return hashlib.sha256(state.encode()).hexdigest()[:24]


def revalidated(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """ETag and conditional GET (a 304 when nothing changed), and Cache-Control, on every answer."""
    conditional = condition(etag_func=current_etag)(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        response = conditional(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS, must_revalidate=True)
        return response

    return wrapper
