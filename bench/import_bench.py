"""Import benchmark: parse-only and parse+persist throughput and peak memory.

Persisting runs against a throw-away database: a temporary SQLite file unless
DATABASE_URL points elsewhere (then a `bench_` test database is created there),
with a sensitive-word list of `words` words (screening runs on every import),
and announcing as pages_import does (articles.signals.announcing_together:
batches of 500 articles, so search indexing and linking are enqueued for the
worker, which this benchmark does not run). The last row mutes the
articles_changed receivers (screening, the page cache, the enqueuing).

Parse + persist on the shared 2-core development machine, in articles per
CPU-second (120 pages, 10,000 words, the machine loaded by other work: load
9-15, so CPU seconds are inflated too): SQLite 100 (muted 240) before, 415-480
(muted 465-530) once pages were announced in batches (search indexing left
each page's receiver for a task), a page's new articles and bylines were
inserted in two statements, and 字数 and the decoder's control-character check
stopped looking at characters one by one; PostgreSQL 105 (220) before, 360-395
(410-460) after. Less loaded and without words, SQLite reached 535 (555 muted).
1,000 pages, back to back at load 1.4-4 (issue #11, round 2: headlines cut with
rjieba's dictionary walk, jump warnings written with their parts, the page's
reads prepared): PostgreSQL 444-465 -> 596-598 (muted 524-580 -> 735-743),
174-241 -> 426-433 articles/s wall; SQLite 592 -> 723, 573 -> 693 wall.
Round 3 (screening's hits written as VALUES rows, no parts read on a page of no
issue without jumps), at load 2-8: within the noise of the whole run (PostgreSQL
351-379 -> 358-377 per CPU-second); screening alone, 908 articles, 0.45 -> 0.37 CPU-s.
"""

from __future__ import annotations

import gc
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.synthetic import parse_bytes, synthetic_pages
from bench.table import print_table

PARSE_GOAL = 200  # pages/s
PERSIST_GOAL_SECONDS = 60  # for 1,000 pages
PERSIST_GOAL_ARTICLES = 500  # articles/s parsed and persisted (issue #11), linking left to the worker


def run(*, pages: int, words: int = 10_000) -> None:
    _parse(5)  # warm up: jieba's dictionary and regex compilation are paid once, not per page
    sizes = sorted({max(pages // 4, 1), max(pages // 2, 1), pages})
    rows = []
    for size in sizes:
        rows.append(("parse only", size, *_measure(lambda n=size: _parse(n))))
    with throwaway_database():
        from articles.services.importing import page_import

        for size in sizes:
            _reset_database(words=words)
            rows.append(("parse + persist", size, *_measure(lambda n=size: _persist(n, page_import))))
        _reset_database(words=words)
        with _receivers_muted():
            rows.append(("  receivers muted", pages, *_measure(lambda: _persist(pages, page_import))))
    _print(rows, pages, words=words)


def _parse(count: int) -> int:
    articles = 0
    for name, data in synthetic_pages(count):
        articles += len(parse_bytes(name, data).articles)
    return articles


def _persist(count: int, page_import) -> int:
    from articles.signals import announcing_together

    articles = 0
    with announcing_together():  # as pages_import does
        for name, data in synthetic_pages(count):
            articles += page_import(page=parse_bytes(name, data)).articles
    return articles


@contextmanager
def _receivers_muted() -> Iterator[None]:
    from articles.signals import articles_changed

    receivers = articles_changed.receivers
    articles_changed.receivers = []
    articles_changed.sender_receivers_cache.clear()
    try:
        yield
    finally:
        articles_changed.receivers = receivers
        articles_changed.sender_receivers_cache.clear()


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


def _reset_database(*, words: int) -> None:
    # flush deletes in SQL; QuerySet.delete() would load every row to cascade.
    import random

    from django.core.management import call_command

    from bench.screening_bench import _dictionary_words
    from screening.services import words_import
    from screening.wordlist import current_matcher

    call_command("flush", interactive=False, verbosity=0)
    if words:
        listed = _dictionary_words(random.Random(10), words)
        words_import(lines=[f"{word},bench,{'banned' if i % 2 else 'notice'}" for i, word in enumerate(listed)])
        current_matcher()  # built once, as a server process does before its first import


def _print(rows, pages: int, *, words: int) -> None:
    from django.db import connection

    print(f"import benchmark ({connection.vendor}), synthetic pages recombined from seeds/, {words:,} sensitive words")
    print_table(
        ("step", "pages", "seconds", "pages/s", "articles", "articles/s", "articles/CPU s", "peak RSS MiB"),
        [
            (step, str(n), f"{sec:.2f}", f"{n / sec:.0f}", str(arts), f"{arts / sec:.0f}", f"{arts / cpu:.0f}", f"{mib:.1f}")
            for step, n, sec, mib, arts, cpu in rows
        ],
    )
    print(f"goals: parse >= {PARSE_GOAL} pages/s; {pages} pages persisted in < {PERSIST_GOAL_SECONDS} s on SQLite; "
          f"parse + persist >= {PERSIST_GOAL_ARTICLES} articles/s; peak memory flat as pages grow")
