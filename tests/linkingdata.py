"""Shared fixtures for the linking tests: import the names a test module uses."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture
def gazetteer(db) -> None:
    """The places and organisations of fixtures/gazetteer.json, as `make run` loads them."""
    call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
