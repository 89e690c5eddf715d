"""Headless Debian chromium for the browser tests, driven by Playwright.

Playwright never downloads a browser here: it starts the system chromium by
path, with the flags this machine's closed network needs. Without chromium
the browser tests skip with the reason below.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
    # The browser's own widgets (a date field's 年/月/日) in the language of our readers and editors.
    "--lang=zh-CN",
]

requires_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def chromium():
    """One chromium per test module (tests/conftest.py makes it known to every module):
    starting it costs more than half a second, which each browser test paid.
    Each test gets fresh contexts from `browser` and loses them after."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django then
    # refuses ORM calls from it, in the tests and in their fixtures' setup and
    # teardown alike while the browser runs. A MonkeyPatch, not os.environ: a
    # leftover variable would fail `check --deploy` (async.E001) in later modules.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            yield launched
            launched.close()
        connections.close_all()


@pytest.fixture
def browser(chromium):
    yield chromium
    # Nothing of one test (cookies, a logged-in session, open pages) reaches the next.
    for context in chromium.contexts:
        context.close()
    # Queries made while Playwright's loop ran used a connection of their own;
    # close it, or PostgreSQL refuses to drop the test database.
    from django.db import connections

    connections.close_all()
