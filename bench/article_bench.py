"""The article page uncached, step by step: where its CPU goes (issue #11 §4).

Times the article view with Django's test Client in-process, page cache off
(PAGE_CACHE_SECONDS=0: every request renders), on the synthetic archive of
bench.site_bench plus the seed articles (which have entities and related
links), and splits each request's CPU time (time.process_time, steadier than
wall time on a loaded machine) among the view's reads and the template. The
goal is 3 ms CPU a request; queries are the most one request made.
"""

from __future__ import annotations

import random
import statistics
import time
from collections import defaultdict
from contextlib import contextmanager

from bench.import_bench import throwaway_database
from bench.table import print_table

GOAL_MS = 3
STEPS = ["article_for_page", "article_tags", "page_headlines", "mentions_for_display", "related_for_display",
         "text_to_blocks", "link_first_mentions", "render"]  # names in public.views; render includes the menu


def run(*, articles: int, keep: bool = False, rounds: int = 3) -> None:
    from bench import site_bench

    with throwaway_database(keep=f"site{articles}" if keep else "") as database:
        from django.core.management import call_command

        database.connection.settings_dict["CONN_MAX_AGE"] = None  # as in production
        if not site_bench._built(articles):
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(site_bench.ROOT / "fixtures" / "sections.json"), verbosity=0)
            site_bench._archive(articles)
        _print(_measure(_urls(), rounds), articles)


def _urls() -> list[str]:
    from articles.models import Article

    rng = random.Random(1)
    published = Article.objects.published()
    ids = list(published.values_list("pk", flat=True))
    seeds = list(published.exclude(source_page__file_name__startswith="bench_").values_list("pk", flat=True))
    chosen = rng.sample(ids, min(150, len(ids))) + seeds[:50]
    return [a.get_absolute_url() for a in Article.objects.filter(pk__in=chosen).select_related("source_page")]


@contextmanager
def _timed_steps():
    """CPU seconds per step of public.views, summed over the requests made inside."""
    from public import views

    spent = defaultdict(float)
    originals = {name: getattr(views, name) for name in STEPS}

    def timed(name, step):
        def run(*args, **kwargs):
            started = time.process_time()
            try:
                return step(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started
        return run

    for name, step in originals.items():
        setattr(views, name, timed(name, step))
    try:
        yield spent
    finally:
        for name, step in originals.items():
            setattr(views, name, step)


def _measure(urls: list[str], rounds: int) -> tuple[list[float], int, dict[str, float]]:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    cpu, queries = [], 0
    with override_settings(PAGE_CACHE_SECONDS=0):
        for url in urls[:10]:
            client.get(url)  # warm templates and connections
        with _timed_steps() as spent:
            for _ in range(rounds):
                for url in urls:
                    with CaptureQueriesContext(connection) as ctx:
                        started = time.process_time()
                        response = client.get(url)
                        cpu.append((time.process_time() - started) * 1000)
                    assert response.status_code == 200, url
                    queries = max(queries, len(ctx.captured_queries))
    return cpu, queries, {name: seconds * 1000 / len(cpu) for name, seconds in spent.items()}


def _print(measured: tuple[list[float], int, dict[str, float]], articles: int) -> None:
    from django.db import connection

    cpu, queries, steps = measured
    ordered = sorted(cpu)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"article page benchmark ({connection.vendor}), {articles:,} synthetic articles and the seeds; page cache off")
    print_table(("measure", "requests", "CPU p50 ms", "CPU p95 ms", "goal", "queries"),
                [("article page", str(len(cpu)), f"{statistics.median(cpu):.2f}", f"{p95:.2f}", f"< {GOAL_MS}", str(queries))])
    print()
    rest = statistics.mean(cpu) - sum(steps.values())
    print_table(("step (public.views)", "CPU ms a request"),
                [(name, f"{ms:.2f}") for name, ms in sorted(steps.items(), key=lambda s: -s[1])]
                + [("the rest (middleware, page cache, client)", f"{rest:.2f}")])
