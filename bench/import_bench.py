"""Import benchmark: parse-only and parse+persist throughput and peak memory.

Persisting runs against a throw-away database: a temporary SQLite file unless
DATABASE_URL points elsewhere (then a `bench_` test database is created there).

Parse + persist on the shared 2-core development machine, SQLite, in articles
per CPU-second: 128 before and 178 after the writer read a page's reporters
and columns once and stopped re-checking foreign keys it had just saved (256
and 444 with the articles_changed receivers muted). Short of
PERSIST_GOAL_ARTICLES: about half of the rest is search indexing (jieba's
cut_for_search in search's receiver, run at once for a page's articles),
then pinyin slugs and one INSERT per article and per page's bylines.
"""

from __future__ import annotations

import gc
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import parse_bytes, synthetic_pages
from bench.table import print_table

PARSE_GOAL = 200  # pages/s
PERSIST_GOAL_SECONDS = 60  # for 1,000 pages
PERSIST_GOAL_ARTICLES = 500  # articles/s parsed and persisted (issue #11), linking left to the worker


def run(*, pages: int) -> None:
    _parse(5)  # warm up: jieba's dictionary and regex compilation are paid once, not per page
    sizes = sorted({max(pages // 4, 1), max(pages // 2, 1), pages})
    rows = []
    for size in sizes:
        rows.append(("parse only", size, *_measure(lambda n=size: _parse(n))))
    with throwaway_database():
        from articles.services.importing import page_import

        for size in sizes:
            _reset_database()
            rows.append(("parse + persist", size, *_measure(lambda n=size: _persist(n, page_import))))
    _print(rows, pages)


def _parse(count: int) -> int:
    articles = 0
    for name, data in synthetic_pages(count):
        articles += len(parse_bytes(name, data).articles)
    return articles


def _persist(count: int, page_import) -> int:
    articles = 0
    for name, data in synthetic_pages(count):
        articles += page_import(page=parse_bytes(name, data)).articles
    return articles


def _measure(work: Callable[[], int]) -> tuple[float, float, int, float]:
    """(seconds, the process's peak resident memory in MiB so far, articles, CPU seconds).

    Sizes run smallest first, so a peak that stays put as pages grow is flat
    memory. (tracemalloc would slow the parser down several-fold.)"""
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    articles = work()
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, articles, time.process_time() - cpu


class throwaway_database:
    """A test database for a benchmark, dropped at the end, or with keep (a name) kept
    and reused by the next run with the same keep: the SQLite file
    var/bench-<keep>.sqlite3, or
    <NAME>_bench_<keep> next to DATABASE_URL. Migrations run on a kept one too."""

    def __init__(self, *, keep: str = ""):
        self.keep = keep

    def __enter__(self):
        import django
        from django.test.utils import setup_test_environment

        django.setup()
        setup_test_environment()
        from django.conf import settings

        # With DEBUG on, Django keeps the last 9,000 queries: memory that grows with the run.
        settings.DEBUG = False
        from django.db import connection

        test = connection.settings_dict["TEST"]
        if connection.vendor == "sqlite":
            # Django's SQLite test database lives in memory, which would count the
            # stored pages as the importer's memory; use a file as `make run` does.
            if self.keep:
                kept = Path(__file__).resolve().parent.parent / "var"  # var/ is git-ignored
                kept.mkdir(exist_ok=True)
                test["NAME"] = str(kept / f"bench-{self.keep}.sqlite3")
            else:
                self.tmpdir = tempfile.TemporaryDirectory()
                test["NAME"] = str(Path(self.tmpdir.name) / "bench.sqlite3")
        elif self.keep:
            test["NAME"] = f"{connection.settings_dict['NAME']}_bench_{self.keep}"
        self.connection = connection
        self.old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=bool(self.keep))
        return self

    def __exit__(self, *exc):
        self.connection.creation.destroy_test_db(self.old_name, verbosity=0, keepdb=bool(self.keep))


def _reset_database() -> None:
    # flush deletes in SQL; QuerySet.delete() would load every row to cascade.
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def _print(rows, pages: int) -> None:
    from django.db import connection

    print(f"import benchmark ({connection.vendor}), synthetic pages recombined from seeds/")
    print_table(
        ("step", "pages", "seconds", "pages/s", "articles", "articles/s", "articles/CPU s", "peak RSS MiB"),
        [
            (step, str(n), f"{sec:.2f}", f"{n / sec:.0f}", str(arts), f"{arts / sec:.0f}", f"{arts / cpu:.0f}", f"{mib:.1f}")
            for step, n, sec, mib, arts, cpu in rows
        ],
    )
    print(f"goals: parse >= {PARSE_GOAL} pages/s; {pages} pages persisted in < {PERSIST_GOAL_SECONDS} s on SQLite; "
          f"parse + persist >= {PERSIST_GOAL_ARTICLES} articles/s; peak memory flat as pages grow")
