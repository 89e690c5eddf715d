"""Page-cache hit ratio while the desk works: global generation (before) against scopes (now).

Readers ask for public pages (home, articles, sections, reporters, tags,
archive days, search) at a steady rate, most often the newest; a simulated desk
saves a draft every 2 seconds and publishes one a minute. Time is simulated:
each simulated second sends --rate requests and then whatever the desk does,
so ten minutes of newsroom take seconds. The same run is made twice on the
same archive from an empty cache: once as the cache behaved before (every
save of anything made every page stale: one global generation), once as it
behaves now (scoped invalidation). Uses the configured cache (LocMemCache, or
Redis with REDIS_URL) and a throw-away database, as the other benchmarks do.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench.import_bench import throwaway_database
from bench.table import print_table

ROOT = Path(__file__).resolve().parent.parent
DRAFT_EVERY = 2  # simulated seconds
PUBLISH_EVERY = 60
SEARCH_WORDS = ["青岛", "电商", "崂山区", "直播", "平度"]


def run(*, minutes: int = 10, rate: int = 5, pages: int = 30) -> None:
    with throwaway_database() as database:
        database.connection.settings_dict["CONN_MAX_AGE"] = None
        drafts = _archive(pages)
        rows = []
        for mode in ("global", "scoped"):
            rows.append(_simulate(mode, drafts, minutes=minutes, rate=rate))
        _print(rows, minutes, rate)


def _archive(pages: int) -> list[int]:
    """The seed pages published, and synthetic pages: half published, half drafts."""
    from django.core.management import call_command

    from articles.models import Article
    from articles.services.importing import page_import, pages_import
    from bench.synthetic import parse_bytes, synthetic_pages

    call_command("loaddata", str(ROOT / "fixtures" / "sections.json"), verbosity=0)
    pages_import(paths=sorted((ROOT / "seeds").glob("*.txt")), publish=True)
    for n, (name, data) in enumerate(synthetic_pages(pages, seed=7)):
        page_import(page=parse_bytes(name, data), publish=n % 2 == 0)
    return list(Article.objects.exclude(status__in=Article.PUBLIC_STATUSES).order_by("pk").values_list("pk", flat=True))


def _urls(rng: random.Random) -> list[tuple[list[str], list[float]]]:
    from taggit.models import Tag

    from articles.models import Article, Reporter, Section
    from django.utils import timezone

    published = list(Article.objects.published().order_by("-published_at", "-pk")[:300])
    articles = [a.get_absolute_url() for a in published]
    sections = [s.get_absolute_url() for s in Section.objects.all()]
    reporters = [r.get_absolute_url() for r in Reporter.objects.filter(bylines__article__in=published).distinct()[:30]]
    tags = [f"/tags/{t.slug}/" for t in Tag.objects.filter(taggit_taggeditem_items__object_id__in=[a.pk for a in published]).distinct()[:50]]
    days = sorted({timezone.localtime(a.published_at).date() for a in published if a.published_at})[-5:]
    archive = [f"/archive/{d:%Y/%m/%d}/" for d in days]
    search = [f"/search/?q={w}" for w in SEARCH_WORDS]
    # (share of requests, URLs; within a group the first ones are the most read)
    return [(0.15, ["/"]), (0.50, articles), (0.12, sections), (0.06, reporters), (0.06, tags), (0.05, archive), (0.06, search)]


def _pick(rng: random.Random, groups) -> str:
    r = rng.random()
    for share, urls in groups:
        r -= share
        if r <= 0 and urls:
            break
    # Zipf-like: the newest and most prominent are read far more often.
    index = min(int(rng.paretovariate(1.2)) - 1, len(urls) - 1)
    return urls[index]


def _simulate(mode: str, drafts: list[int], *, minutes: int, rate: int) -> tuple[str, ...]:
    from django.core.cache import cache
    from django.db import transaction
    from django.db.models.signals import post_delete, post_save
    from django.test import Client
    from django.utils import timezone

    from articles.models import Article
    from articles.signals import announce_changed, articles_changed
    from linking.signals import links_changed
    from public import pagecache

    cache.clear()
    rng = random.Random(11)
    groups = _urls(rng)
    client = Client()
    hits = requests = 0
    fresh = pagecache._fresh

    def counting(entry, clock):
        nonlocal hits
        ok = fresh(entry, clock)
        hits += ok
        return ok

    pagecache._fresh = counting
    old = []
    if mode == "global":
        # As before: every save of anything the pages show, and every announcement, bumped one generation.
        from public.apps import PublicConfig  # noqa: F401  (models registered)
        from django.apps import apps

        for label in ("articles.Article", "articles.Byline", "articles.Column", "articles.Reporter", "articles.Section",
                      "articles.SourcePage", "taggit.TaggedItem", "linking.Alias", "linking.Entity", "linking.Mention",
                      "linking.RelatedLink"):
            model = apps.get_model(label)
            for signal in (post_save, post_delete):
                signal.connect(pagecache.on_change, sender=model, dispatch_uid=f"bench.global.{label}.{signal}")
                old.append((signal, model, f"bench.global.{label}.{signal}"))
        articles_changed.connect(pagecache.on_change, dispatch_uid="bench.global.ac")
        links_changed.connect(pagecache.on_change, dispatch_uid="bench.global.lc")
    queue = list(drafts if mode == "global" else reversed(drafts))  # each mode publishes its own drafts
    saves = publishes = 0
    started = time.perf_counter()
    try:
        for second in range(minutes * 60):
            for _ in range(rate):
                client.get(_pick(rng, groups))
                requests += 1
            if second % DRAFT_EVERY == 0 and queue:
                with transaction.atomic():
                    article = Article.objects.get(pk=queue[(second // DRAFT_EVERY) % len(queue)])
                    article.body += "\n\n补充一段。"
                    article.save()
                    announce_changed([article.pk])
                saves += 1
            if second % PUBLISH_EVERY == PUBLISH_EVERY - 1 and queue:
                with transaction.atomic():
                    article = Article.objects.get(pk=queue.pop())
                    article.status, article.published_at = Article.Status.PUBLISHED, timezone.now()
                    article.save()
                    announce_changed([article.pk])
                publishes += 1
                groups = _urls(rng)  # readers find the new story
    finally:
        pagecache._fresh = fresh
        for signal, model, uid in old:
            signal.disconnect(sender=model, dispatch_uid=uid)
        articles_changed.disconnect(dispatch_uid="bench.global.ac")
        links_changed.disconnect(dispatch_uid="bench.global.lc")
    elapsed = time.perf_counter() - started
    label = "global generation (before)" if mode == "global" else "scoped (now)"
    return (label, str(requests), str(saves), str(publishes), f"{hits / requests:.1%}", f"{elapsed:.1f}")


def _print(rows, minutes: int, rate: int) -> None:
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"Page cache hit ratio: {minutes} simulated minutes, {rate} requests/s, "
          f"a draft saved every {DRAFT_EVERY} s, one published every {PUBLISH_EVERY} s ({backend})")
    print_table(("invalidation", "requests", "draft saves", "publishes", "hit ratio", "seconds"), rows)
