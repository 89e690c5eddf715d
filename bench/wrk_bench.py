"""Served speed: wrk against real server processes, every page as a share of a bare Django view.

The same synthetic archive for every run (site_bench's, --articles, default
10,000), the same server and settings: DEBUG=0, 2 sync workers, CONN_MAX_AGE
on, `wrk -t2 -c16 -d20s` (--seconds). The bare view goes through the same
middleware (the page cache does not look it up), so its req/s is what Django
and the server cost; a page's share of it is what our code costs. Each page
runs with the page cache off (PAGE_CACHE_SECONDS=0: every request renders) and
on, after unmeasured runs that fill the cache (the hits are measured).
In-process ms and queries are measured in this process with Django's test
client, cache off.
Every request picks one of many URLs of its kind (a wrk Lua script), so the
article row is many articles, not one hot row. Runs on a throw-away database
(SQLite file, or a bench database next to DATABASE_URL).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from bench.import_bench import throwaway_database
from bench.table import print_table

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8765"))  # another on a shared machine: BENCH_PORT=…
GOALS = {"article": 25, "home": 20, "search": 20, "issue": 20, "page": 20}  # % of bare, cache off
CACHED_GOAL = 80  # % of bare, cache on
ARTICLE_MS_GOAL = 3.0  # in-process, cache off
SEARCH_WORDS = ["电商", "青岛", "崂山区", "直播", "西海岸新区", "平度"]


def run(*, articles: int, seconds: int, servers: list[str]) -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    with throwaway_database() as database:
        from django.core.management import call_command

        from bench import site_bench

        database.connection.settings_dict["CONN_MAX_AGE"] = None
        call_command("loaddata", str(ROOT / "fixtures" / "sections.json"), verbosity=0)
        site_bench._archive(articles)
        urls = _urls()
        in_process = _in_process(urls)
        env = _server_env(database.connection.settings_dict)
        _collectstatic(env)
        rows = []
        for server in servers:
            for cached in (False, True):
                with _serving(server, env, cached=cached):
                    bare = _wrk(["/__bench__/bare/"], seconds)
                    rows.append((server, "bare", cached, bare, bare, None))
                    for kind, paths in urls.items():
                        if cached:
                            _warm(paths)
                        rows.append((server, kind, cached, _wrk(paths, seconds), bare, in_process[kind]))
        _print(rows, articles, seconds, database.connection.vendor)


def _urls() -> dict[str, list[str]]:
    from articles.models import Article, Issue

    rng = random.Random(2)
    ids = list(Article.objects.published().values_list("pk", flat=True))
    chosen = Article.objects.filter(pk__in=rng.sample(ids, min(200, len(ids)))).select_related("source_page")
    articles = [a.get_absolute_url() for a in chosen]  # dated by the edition, as the view wants
    urls = {
        "article": articles,
        "home": ["/"],
        "search": [f"/search/?q={quote(w)}" for w in SEARCH_WORDS],
    }
    front_pages = Issue.objects.filter(pages__number=1).select_related("publication").order_by("-edition_date")
    urls.update(_edition_urls(list(front_pages[:30])))
    return urls


def _edition_urls(issues) -> dict[str, list[str]]:
    """The 数字报's issue and page views of the newest issues."""
    from django.urls import reverse

    def url(name: str, issue, **extra) -> str:
        return reverse(name, kwargs={"publication": issue.publication.slug, "day": issue.edition_date.isoformat(), **extra})

    return {
        "issue": [url("public:issue", i) for i in issues],
        "page": [url("public:edition_page", i, number="01") for i in issues],
    }


def _in_process(urls: dict[str, list[str]]) -> dict[str, tuple[float, int]]:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    measured = {}
    with override_settings(PAGE_CACHE_SECONDS=0, ROOT_URLCONF="bench.served_urls"):
        for kind, paths in urls.items():
            for path in paths[:5]:
                client.get(path)  # warm templates and connections
            times, queries = [], []
            for n in range(60):
                path = paths[n % len(paths)]
                with CaptureQueriesContext(connection) as ctx:
                    started = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
                queries.append(len(ctx.captured_queries))
            measured[kind] = (statistics.median(times), max(queries))
    return measured


def _server_env(db: dict) -> dict[str, str]:
    if db["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{db['NAME']}"
    else:
        url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.served_settings", "DEBUG": "0",
        "SECRET_KEY": "bench-only", "SECURE_SSL_REDIRECT": "0", "CONN_MAX_AGE": "600",
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "LOG_LEVEL": "ERROR", "PYTHONPATH": str(ROOT),
    }


def _collectstatic(env: dict[str, str]) -> None:
    # DEBUG=0 serves hashed static names from the manifest collectstatic writes.
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


class _serving:
    """A server process on PORT for the length of a with-block."""

    def __init__(self, server: str, env: dict[str, str], *, cached: bool):
        bin_dir = Path(sys.executable).parent
        commands = {
            "gunicorn": [str(bin_dir / "gunicorn"), "bench.served_wsgi:application", "--workers", "2",
                         "--bind", f"127.0.0.1:{PORT}", "--log-level", "error"],
            "granian": [str(bin_dir / "granian"), "--interface", "wsgi", "--workers", "2", "--host", "127.0.0.1",
                        "--port", str(PORT), "--log-level", "error", "bench.served_wsgi:application"],
        }
        self.command = commands[server]
        self.env = {**env, "PAGE_CACHE_SECONDS": "600" if cached else "0"}

    def __enter__(self):
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/__bench__/bare/", timeout=1)
                return self
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise RuntimeError(f"server did not start: {' '.join(self.command)}")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def _warm(paths: list[str]) -> None:
    """Every path rendered by every worker (a LocMemCache is one worker's): at least 12 requests
    a path, and until the rate stops rising (a render on a loaded machine can take a second)."""
    served, rate = 0, 0.0
    for _ in range(60):  # two minutes at most
        result = _wrk(paths, 2)
        served += result["requests"]
        if served >= 12 * len(paths) and result["rps"] < 1.1 * rate:
            return
        rate = result["rps"]


def _wrk(paths: list[str], seconds: int) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        listed = ", ".join(f'"{p}"' for p in paths)
        script.write(f"local paths = {{{listed}}}\n"
                     "request = function() return wrk.format(nil, paths[math.random(#paths)]) end\n")
    try:
        out = subprocess.run(
            ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "-s", script.name, f"http://127.0.0.1:{PORT}"],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    if re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise RuntimeError(f"errors while serving {paths[0]}:\n{out}")
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1)),
        "p99": _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1)),
    }


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def _print(rows, articles: int, seconds: int, vendor: str) -> None:
    print(f"served speed ({vendor}, {articles:,} articles, 2 sync workers, wrk -t2 -c16 -d{seconds}s)")
    table = []
    for server, kind, cached, result, bare, in_process in rows:
        share = 100 * result["rps"] / bare["rps"]
        goal = "" if kind == "bare" else f">= {CACHED_GOAL if cached else GOALS.get(kind, 20)}%"
        ms, queries = (f"{in_process[0]:.1f}", str(in_process[1])) if in_process else ("", "")
        table.append((server, kind, "on" if cached else "off", f"{result['rps']:.0f}", f"{share:.1f}%", goal,
                      f"{result['p50']:.1f}", f"{result['p99']:.1f}", ms, queries))
    print_table(("server", "page", "cache", "req/s", "of bare", "goal", "p50 ms", "p99 ms", "in-process ms", "queries"), table)
    print(f"in-process ms: median, page cache off; goal for the article page < {ARTICLE_MS_GOAL} ms")
