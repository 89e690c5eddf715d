"""The longest test modules first, so that `make test`'s processes finish together.

pytest-xdist's --dist loadfile hands out whole modules, by default the ones
with the most tests first. A browser or server module has one to eight tests
and runs longest (15-35 s), so it came last and one process ran it alone
while the other had finished. Here each module's weight is the seconds its
tests took in the last run that ran them (kept in pytest's cache), and the
processes collect the heaviest first; the Makefile passes
--no-loadscope-reorder so that xdist keeps that order. Without a cache
(a fresh checkout, -p no:cacheprovider) a test that starts a browser or a
live server counts as LIVE_SECONDS, any other as OTHER_SECONDS.

Only the order changes, only under xdist: every test still runs, a module's
tests still together and in their own order.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

CACHE_KEY = "newsroom/test-seconds"
LIVE_FIXTURES = {"live_server", "chromium"}
LIVE_SECONDS = 5.0
OTHER_SECONDS = 0.05

_seconds: dict[str, float] = defaultdict(float)  # this run's, by test id: setup, call and teardown


def module_of(nodeid: str) -> str:
    # The unit xdist's loadfile schedules.
    return nodeid.split("::", 1)[0]


def heaviest_first(items: list, recorded: dict[str, float]) -> list:
    """items (a module's tests together), the modules in decreasing weight, ties in their
    collected order; each module's tests as collected."""
    weight: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        module = module_of(item.nodeid)
        first.setdefault(module, index)
        if item.nodeid in recorded:
            weight[module] += recorded[item.nodeid]
        else:
            live = LIVE_FIXTURES & set(getattr(item, "fixturenames", ()))
            weight[module] += LIVE_SECONDS if live else OTHER_SECONDS
    return sorted(items, key=lambda item: (-weight[module_of(item.nodeid)], first[module_of(item.nodeid)]))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    # The controlling process reads the weights once and hands the same to every
    # process: each reading the cache itself could meet a file another run rewrote
    # in between, and xdist refuses processes that collected different orders.
    cache = getattr(node.config, "cache", None)
    node.workerinput[CACHE_KEY] = cache.get(CACHE_KEY, {}) if cache is not None else {}


def pytest_collection_modifyitems(session, config, items) -> None:
    # Only the xdist processes (each collects, and all must agree on the order): a
    # single process gains nothing from another order and keeps the files' order.
    if not hasattr(config, "workerinput"):
        return
    items[:] = heaviest_first(items, config.workerinput.get(CACHE_KEY, {}))


@pytest.hookimpl(trylast=True)
def pytest_runtest_logreport(report) -> None:
    # In the controlling process too: xdist passes it every process's reports.
    _seconds[report.nodeid] += report.duration


def pytest_sessionfinish(session) -> None:
    config = session.config
    cache = getattr(config, "cache", None)
    if cache is None or hasattr(config, "workerinput") or not _seconds:
        return
    # Merged into what earlier runs recorded: a run of some modules keeps the others' weights.
    cache.set(CACHE_KEY, {**cache.get(CACHE_KEY, {}), **{k: round(v, 3) for k, v in _seconds.items()}})
