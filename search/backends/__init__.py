"""One search backend per database vendor, picked by get_backend() (as in
Wagtail's wagtail/search/backends/database/).

A backend only answers "which articles match every group" (a group: any of
its alternatives, an alternative: all of its words; see search.selectors):
its filter() restricts an Article queryset with the vendor's full-text index.
Segmentation (search.analysis) and ranking (search.selectors) are shared.
"""

from __future__ import annotations

from importlib import import_module

import numpy as np
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


def ids_from_text(found: str | None) -> np.ndarray:
    """Ids aggregated into one comma-separated string by the database (one value per
    set, not a row per hit: 94,000 ids read in a few ms), as an array."""
    return np.fromstring(found, dtype=np.int64, sep=",") if found else np.empty(0, dtype=np.int64)
