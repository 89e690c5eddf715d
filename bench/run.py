"""Benchmarks, runnable with one command: `make bench` (or `python bench/run.py import`).

Prints a table per benchmark. Figures are for the machine they run on; the
goals are in the table so a run says at a glance whether they are met.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("which", nargs="?", default="import", choices=["import", "links", "site", "search", "article", "cache", "served", "screening"])
    parser.add_argument("--pages", type=int, default=1000, help="pages for the largest run")
    parser.add_argument("--articles", type=int, help="synthetic articles in the archive (links, site, search: 100,000; served, article: 10,000)")
    parser.add_argument("--new", type=int, default=50, help="links: new articles to time")
    parser.add_argument("--minutes", type=int, default=10, help="cache: simulated minutes")
    parser.add_argument("--rate", type=int, default=5, help="cache: reader requests per simulated second")
    parser.add_argument("--seconds", type=int, default=20, help="served: wrk duration per page")
    parser.add_argument("--servers", default="gunicorn", help="served: comma-separated, gunicorn and/or granian")
    parser.add_argument("--keep", action="store_true",
                        help="site, article, search: build the archive once into a kept database and reuse it on later runs")
    parser.add_argument("--no-search", action="store_true", help="site: time the pages only, not the searches")
    parser.add_argument("--words", type=int, default=10_000, help="screening, import: sensitive words in the list")
    parser.add_argument("--throughput", type=int, default=300, help="links: articles to link per batch size for articles/s (0: skip)")
    parser.add_argument("--dump", default="",
                        help="links: write every linking decision of the bench database to this file (compare two runs with cmp)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    if args.which == "site":
        from bench import site_bench

        site_bench.run(articles=args.articles or 100_000, keep=args.keep, search=not args.no_search)
        return
    if args.which == "search":
        from bench import search_bench

        search_bench.run(articles=args.articles or 100_000, keep=args.keep)
        return
    if args.which == "article":
        from bench import article_bench

        article_bench.run(articles=args.articles or 10_000, keep=args.keep)
        return
    if args.which == "served":
        from bench import wrk_bench

        wrk_bench.run(articles=args.articles or 10_000, seconds=args.seconds,
                      servers=args.servers.split(","))
        return
    if args.which == "screening":
        from bench import screening_bench

        screening_bench.run(words=args.words)
        return
    if args.which == "cache":
        from bench import cache_bench

        cache_bench.run(minutes=args.minutes, rate=args.rate)
        return
    if args.which == "links":
        # The seed articles are linked as they are imported, in this process.
        os.environ["TASKS_BACKEND"] = "immediate"
        from bench import link_bench

        link_bench.run(articles=args.articles or 100_000, new=args.new, throughput=args.throughput, dump=args.dump)
        return
    from bench import import_bench

    import_bench.run(pages=args.pages, words=args.words)


if __name__ == "__main__":
    main()
