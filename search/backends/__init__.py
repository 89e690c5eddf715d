"""One search backend per database vendor, picked by get_backend() (as in
Wagtail's wagtail/search/backends/database/).

A backend only answers "which articles match every group" (a group: any of
its alternatives, an alternative: all of its words; see search.selectors):
its filter() restricts an Article queryset with the vendor's full-text index.
Segmentation (search.analysis) and ranking (search.selectors) are shared.
"""

from __future__ import annotations

from importlib import import_module

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

BACKENDS = {
    "postgresql": "search.backends.postgres",
    "sqlite": "search.backends.sqlite",
}
FALLBACK = "search.backends.fallback"


def get_backend(connection: BaseDatabaseWrapper | None = None):
    connection = connection or connections["default"]
    return import_module(BACKENDS.get(connection.vendor, FALLBACK)).SearchBackend()
