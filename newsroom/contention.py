"""Waiting for a database lock that did not come in time: a refusal to retry, never a server error.

SQLite waits for its write lock up to the busy timeout (settings), PostgreSQL
breaks deadlocks and serialization failures by failing one transaction. Either
way the failed transaction was rolled back, so the person is told their change
was not saved and may simply try again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

BUSY_MESSAGE = _("The database is busy; your change was not saved. Please try again shortly.")

# serialization_failure, deadlock_detected, lock_not_available (lock_timeout, NOWAIT)
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})


def is_lock_timeout(exc: BaseException) -> bool:
    if not isinstance(exc, OperationalError):
        return False
    if "database is locked" in str(exc):  # SQLite's busy timeout ran out
        return True
    return getattr(exc.__cause__, "sqlstate", None) in RETRYABLE_SQLSTATES


class BusyDatabaseMiddleware:
    """Answers 409 with BUSY_MESSAGE when a view failed on a lock.

    The exception left the view, so every transaction it was in has rolled
    back; views that commit in several steps refuse per step themselves
    (editorial.services), so what they report saved stays reported."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_lock_timeout(exception):
            return None
        logger.warning("%s %s refused, the database was busy: %s", request.method, request.path, exception)
        return HttpResponse(str(BUSY_MESSAGE), status=409, content_type="text/plain; charset=utf-8")
