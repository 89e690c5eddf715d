"""Whole rendered public pages in Django's cache, made stale by scope.

A *scope* names something pages show: ``article:<id>``, ``section:<slug>``,
``column:<slug>``, ``reporter:<slug>``, ``tag:<slug>``, ``entity:<slug>``,
``page:<id or file name>``, ``issue:<publication slug>:<yyyy-mm-dd>`` (the
e-paper's issue and its pages' views), ``publication:<slug>`` (its front and
往期 calendars: any issue's change), ``archive:<yyyy-mm-dd>``, ``archive:<yyyy-mm>``,
``home``, ``search``, ``feeds``, ``public`` (any public article: pages of views
this module does not know) and ``all`` (every page, and the section menu).
Each scope has a generation in the cache (``newsroom:gen:<scope>``), a random
token; bump() gives each scope it names a new token.

A cached page depends on ``all``, on the scopes of its address (the section of
``/sections/<slug>/``, the day of an archive day …), on those its view names
with depends_on() (an article page: its printed page's), and on ``article:<id>``
for every article loaded while it rendered (its listing, its related
articles): it is stored with those generations as they were, and it is stale
as soon as any of them differs. So a page stops showing an article the moment
that article's scope is bumped, whichever list it was on, and a listing shows
a newly published article once its section, reporter, tag, day … is bumped.

What is bumped (receivers connected by connect(), from public.apps):

- An article saved or deleted that was public before or is public after
  (its state before is kept from when it was loaded, or read in pre_save):
  its own scope, home, search, feeds, ``public``, its sections (and their
  parents), column, printed page, its issue and publication, day and month, reporters, tags, entities,
  and the articles that show it as related. A draft that was never public
  bumps nothing, so it costs readers no cache hit.
- articles_changed (queryset updates, after commit) and links_changed: the
  same for the articles among them that are public now, or unpublished; all
  pages for links_changed(article_ids=None).
- Bylines, tags, mentions and related links of public articles: that article's scopes.
- A printed page saved (its picture, 版名, 版次): its scopes and its issue's; given
  another issue or date (a re-import, an editor), also those of the issue it
  left (as loaded, or read in pre_save) and its stories' scopes before they
  follow it: the old day's archive and the old paper's front and calendar list
  them without loading them, and the importer's later announcement names only
  where they are then.
- Sections (the menu is on every page), and renames or deletions of columns,
  reporters, entities, aliases, tags, publications and issues: ``all``. Creating one bumps nothing:
  it shows nowhere until a public article uses it.

Bumps happen at once and again when the transaction commits, so no other
process can keep a page rendered from the data before the commit. A global
clock token changes with every bump: a page is stored only if the clock did
not move while it rendered (otherwise it might hold data from before a bump
it did not see), and a cached page whose clock is still current is served
without reading its scopes.

PageCacheMiddleware serves the hits, early in MIDDLEWARE: before sessions,
CSRF, users, URL resolution and the view, so a hit costs less than the
barest view (the headers the later middleware adds are stored with the page).
Cost per request: a hit is one get_many (the page and the clock); the first
hit after a bump adds one get_many of the clock and its scopes and, if they
are unchanged, stores the page again under that clock, so the next hits are
one round trip again; a miss adds one get_many and one set. cached_page marks
a view's pages as ones to store, and the middleware stores them on their way
out.

PAGE_CACHE_SECONDS=0 turns it off: every request renders, and the cache is
not asked for pages at all (the section menu is still kept per generation, and,
with a shared cache, so are the reads kept() keeps in each process for a minute at
most: the home's, an issue's 往期 calendar).

The cache is Django's default cache: the per-process LocMemCache unless
REDIS_URL is set (newsroom/settings.py); with more than one process, only a
shared cache makes a change reach every process at once.
"""

from __future__ import annotations

import contextvars
import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import partial, wraps
from typing import TypeVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_init, post_save, pre_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Column, Issue, Publication, Reporter, Section, SourcePage
from articles.signals import articles_changed
from linking.models import Alias, Entity, Mention, RelatedLink
from linking.signals import links_changed
from public.scripts import in_reader_script

logger = logging.getLogger(__name__)

T = TypeVar("T")

ALL = "all"
PUBLIC = "public"
HOME = "home"
SEARCH = "search"
FEEDS = "feeds"
CLOCK_KEY = "newsroom:pages:clock"
# Any lifetime is correct (a generation that is gone matches no stored page);
# this one only keeps idle generations from piling up in the cache.
GENERATION_SECONDS = 24 * 60 * 60


class _Rendering:
    """What a request's page depends on, noted while it renders (see cached_page)."""

    __slots__ = ("shown", "named", "scopes")

    def __init__(self) -> None:
        self.shown: set[int] = set()  # the articles loaded
        self.named: set[str] = set()  # the scopes its view named (depends_on)
        self.scopes: set[str] | None = None  # those of its address; None: not a cached page


# The page rendering now (set by PageCacheMiddleware for the length of a request it may store).
_rendering: contextvars.ContextVar[_Rendering | None] = contextvars.ContextVar("pagecache_rendering", default=None)


# What of an article decides where it is shown, as loaded (see _remember).
_STATE_FIELDS = ("status", "published_at", "section_id", "column_id", "source_page_id")


# --- generations -----------------------------------------------------------------


def _gen_key(scope: str) -> str:
    key = f"newsroom:gen:{scope}"
    if len(key) > 200:  # long slugs: keep within every backend's key length
        key = "newsroom:gen:#" + hashlib.sha256(scope.encode()).hexdigest()
    return key


def _token() -> str:
    return secrets.token_hex(8)


def bump(scopes: Iterable[str]) -> None:
    """Make stale every cached page that depends on one of these scopes: now, and again on commit."""
    scopes = frozenset(scopes)
    if not scopes:
        return
    _bump_now(scopes)
    if transaction.get_connection().in_atomic_block:
        # A page rendered by another process between now and the commit still
        # read the old rows; the second bump makes it stale too.
        transaction.on_commit(partial(_bump_now, scopes))


def _bump_now(scopes: frozenset[str]) -> None:
    token = _token()
    values = {CLOCK_KEY: token}  # first: whoever sees a new generation sees the new clock
    values.update((_gen_key(scope), token) for scope in sorted(scopes))
    cache.set_many(values, GENERATION_SECONDS)
    # And last: a clock read after this bump's generations were all written (a cache
    # whose set_many is not atomic, LocMemCache, writes them one by one) differs from
    # any read before, so a page found fresh under it (_fresh) may keep it.
    cache.set(CLOCK_KEY, _token(), GENERATION_SECONDS)


def generation() -> str:
    """The generation of ``all``: changes when every page does (the section menu's key)."""
    key = _gen_key(ALL)
    value = cache.get(key)
    if value is None:
        cache.add(key, _token(), GENERATION_SECONDS)
        value = cache.get(key, "")
    return value


# --- reads kept per process while their scopes' generations last -----------------------

KEPT_MAX = 256  # values kept per process (kept()); the least recently used go first
# And for a minute at most: with a per-process cache (no REDIS_URL), a change made in
# another process (a second web worker, the scheduled-publishing job) bumps only that
# process's generations, and a kept value must not outlive what a cached page would.
KEPT_SECONDS = 60
# (key, scopes) -> (their generations and the time it was built, the value, the articles it loaded, the scopes it named)
_kept: OrderedDict[tuple, tuple[tuple, object, frozenset[int], frozenset[str]]] = OrderedDict()
_kept_lock = threading.Lock()


def kept(key: tuple, scopes: Iterable[str], build: Callable[[], T]) -> T:
    """build()'s value, built once in this process for as long as the generations of
    these scopes (and ``all``) stay as they were when it was built, page cache on or off.

    For a page's reads that a change always bumps a scope of (the home's lists: ``home``;
    an issue's 往期 calendar: ``publication:<slug>``): what bumps the scope makes the value
    go with the pages. The generations are read before build() runs, so a change while it
    reads is a newer generation than the value's (bumps come at once and again on commit).
    The articles build() loaded are noted on the page rendering now each time the value is
    used, as if loaded again, so a cached page depends on their scopes all the same. With a
    cache that keeps nothing (no generation can be read back), nothing is kept either; and
nothing for longer than _max_age() allows (a per-process cache with the page cache off: nothing)."""
    max_age = min(KEPT_SECONDS, _max_age())
    if max_age <= 0:
        return build()
    names = sorted({ALL, *scopes})
    keys = [_gen_key(scope) for scope in names]
    found = cache.get_many(keys)
    if len(found) < len(keys):
        for missing in set(keys) - found.keys():  # never bumped (or expired): as generation() does
            cache.add(missing, _token(), GENERATION_SECONDS)
        found = cache.get_many(keys)
        if len(found) < len(keys):
            return build()
    generations = tuple(found[k] for k in keys)
    slot = (key, tuple(names))
    now = time.monotonic()
    with _kept_lock:
        entry = _kept.get(slot)
        fresh = entry is not None and entry[0][0] == generations and now - entry[0][1] < max_age
        if fresh:
            _kept.move_to_end(slot)
    if fresh:
        _note(entry[2], entry[3])
        return entry[1]
    loading = _Rendering()
    token = _rendering.set(loading)
    try:
        value = build()
    finally:
        _rendering.reset(token)
    shown, named = frozenset(loading.shown), frozenset(loading.named)
    _note(shown, named)
    with _kept_lock:
        _kept[slot] = ((generations, now), value, shown, named)
        _kept.move_to_end(slot)
        while len(_kept) > KEPT_MAX:
            _kept.popitem(last=False)
    return value


def _max_age() -> float:
    """How long a kept value may live: no longer than a cached page would. With the page
    cache off, KEPT_SECONDS where the generations are shared by every process (Redis),
    and not at all with a per-process cache: a change made in another process would not
    reach this one, and with the page cache off readers are promised what is stored now."""
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds > 0:
        return seconds
    return KEPT_SECONDS if _generations_shared() else 0


def _generations_shared() -> bool:
    """Whether every process reads the same generations: any cache but the per-process LocMemCache."""
    return not settings.CACHES["default"]["BACKEND"].endswith(".LocMemCache")


def forget_kept() -> None:
    """Drop what kept() keeps in this process (the benchmark's rows after a change)."""
    with _kept_lock:
        _kept.clear()


def _note(shown: frozenset[int], named: frozenset[str]) -> None:
    rendering = _rendering.get()
    if rendering is not None:
        rendering.shown |= shown
        rendering.named |= named


def invalidate() -> None:
    """Make every cached page stale."""
    bump([ALL])


def on_change(sender=None, **kwargs) -> None:
    """A signal receiver for invalidate()."""
    invalidate()


# --- what a change bumps -----------------------------------------------------------


def _day_scopes(published_at) -> set[str]:
    if published_at is None:
        return set()
    day = timezone.localtime(published_at).date() if timezone.is_aware(published_at) else published_at.date()
    return {f"archive:{day:%Y-%m-%d}", f"archive:{day:%Y-%m}"}


def _page_scopes(page_id: int | None, file_name: str | None) -> set[str]:
    scopes = {f"page:{page_id}"} if page_id is not None else set()
    if file_name:
        scopes |= {f"page:{file_name}", f"page:{file_name.removesuffix('.txt')}"}
    return scopes


def _edition_scopes(rows: Iterable[tuple[str | None, object]]) -> set[str]:
    """The e-paper scopes of pages in issues: rows of (publication slug, edition date)."""
    scopes = set()
    for slug, day in rows:
        if slug and day:
            scopes |= {f"issue:{slug}:{day:%Y-%m-%d}", f"publication:{slug}"}
    return scopes


def _page_edition_scopes(page_ids: Iterable[int | None]) -> set[str]:
    ids = {pk for pk in page_ids if pk is not None}
    if not ids:
        return set()
    return _edition_scopes(
        SourcePage.objects.filter(pk__in=ids, issue__isnull=False)
        .values_list("issue__publication__slug", "issue__edition_date")
    )


def _section_scopes(section_ids: Iterable[int | None]) -> set[str]:
    wanted = {pk for pk in section_ids if pk is not None}
    if not wanted:
        return set()
    sections = {pk: (slug, parent) for pk, slug, parent in Section.objects.values_list("pk", "slug", "parent_id")}
    scopes = set()
    for pk in wanted:
        seen = set()
        while pk is not None and pk in sections and pk not in seen:  # the section, then its parents
            seen.add(pk)
            slug, pk = sections[pk]
            scopes.add(f"section:{slug}")
    return scopes


def article_scopes(article_ids: Iterable[int], *, before: Iterable[dict] = ()) -> set[str]:
    """Every scope showing these articles, where they are now and where they were (before: their old states)."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return set()
    states = list(before)
    scopes = {HOME, SEARCH, FEEDS, PUBLIC} | {f"article:{pk}" for pk in ids}
    rows = list(Article.objects.filter(pk__in=ids).values(
        *_STATE_FIELDS, "column__slug", "source_page__file_name",
        "source_page__issue__publication__slug", "source_page__issue__edition_date",
    ))
    columns = {row["column__slug"] for row in rows if row["column__slug"]}
    old_columns = {s["column_id"] for s in states if s.get("column_id")} - {r["column_id"] for r in rows}
    columns |= set(Column.objects.filter(pk__in=old_columns).values_list("slug", flat=True)) if old_columns else set()
    scopes |= {f"column:{slug}" for slug in columns}
    scopes |= _section_scopes([row["section_id"] for row in rows] + [s.get("section_id") for s in states])
    for row in rows:
        scopes |= _day_scopes(row["published_at"]) | _page_scopes(row["source_page_id"], row["source_page__file_name"])
    for state in states:
        scopes |= _day_scopes(state.get("published_at")) | _page_scopes(state.get("source_page_id"), None)
    scopes |= _edition_scopes(
        (row["source_page__issue__publication__slug"], row["source_page__issue__edition_date"]) for row in rows
    )
    # A page it moved off (one query, only then): that issue no longer shows it.
    scopes |= _page_edition_scopes({s.get("source_page_id") for s in states} - {r["source_page_id"] for r in rows})
    scopes |= {f"reporter:{s}" for s in Byline.objects.filter(article_id__in=ids).values_list("reporter__slug", flat=True)}
    scopes |= {
        f"tag:{s}"
        for s in TaggedItem.objects.filter(content_type=_article_type(), object_id__in=ids).values_list("tag__slug", flat=True)
    }
    scopes |= {f"entity:{s}" for s in Mention.objects.filter(article_id__in=ids).values_list("entity__slug", flat=True)}
    scopes |= {f"article:{pk}" for pk in RelatedLink.objects.filter(target_id__in=ids).values_list("source_id", flat=True)}
    return scopes


def _article_type() -> ContentType:
    return ContentType.objects.get_for_model(Article)


def _shown_ids(article_ids: Iterable[int]) -> list[int]:
    """Those of the articles that readers may have seen: public now, or unpublished
    (an update that sent no save signal may just have taken them down)."""
    ids = [pk for pk in article_ids if pk is not None]
    if not ids:
        return []
    return list(_seen(Article.objects.filter(pk__in=ids)))


def _seen(articles: QuerySet) -> QuerySet:
    # A draft that is the later part of a public story (转版) is printed inside
    # it and on its own page's view: readers see it too.
    statuses = (*Article.PUBLIC_STATUSES, Article.Status.UNPUBLISHED)
    seen = Q(status__in=statuses) | Q(continuation_of__status__in=Article.PUBLIC_STATUSES)
    return articles.filter(seen).order_by().values_list("pk", flat=True)


def _bump_articles(article_ids: Iterable[int], *extra: str) -> None:
    shown = _shown_ids(article_ids)
    if shown:
        bump(article_scopes(shown) | set(extra))


# --- receivers ---------------------------------------------------------------------


def _state(instance: Article) -> dict | None:
    """The fields deciding where an article shows, as far as loaded (None if its status was deferred)."""
    values = instance.__dict__
    if "status" not in values:
        return None
    return {name: values.get(name) for name in _STATE_FIELDS}


def _remember(sender, instance: Article, **kwargs) -> None:
    """post_init: note the article on the page rendering now, and its state as loaded."""
    rendering = _rendering.get()
    if rendering is not None and instance.pk is not None:
        rendering.shown.add(instance.pk)
    instance._pagecache_before = None if instance._state.adding and instance.pk is None else _state(instance)


def _before_save(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    if instance.pk is None or instance._state.adding:
        instance._pagecache_before = None
    elif getattr(instance, "_pagecache_before", None) is None:  # status deferred when loaded
        instance._pagecache_before = Article.objects.filter(pk=instance.pk).values(*_STATE_FIELDS).first()


def _is_public(state: dict | None) -> bool:
    return state is not None and state.get("status") in Article.PUBLIC_STATUSES


def _article_saved(sender, instance: Article, created: bool = False, raw: bool = False, **kwargs) -> None:
    before = None if created else getattr(instance, "_pagecache_before", None)
    after = _state(instance) or {"status": instance.status}
    if _is_public(before) or _is_public(after):
        bump(article_scopes([instance.pk], before=[before] if before else []))
    instance._pagecache_before = after


def _article_deleted(sender, instance: Article, **kwargs) -> None:
    before = getattr(instance, "_pagecache_before", None) or _state(instance)
    if before is None or _is_public(before) or before.get("status") == Article.Status.UNPUBLISHED:
        # Its rows are gone: the pages that showed it depend on its own scope;
        # the lists it was on, by where it was.
        scopes = {HOME, SEARCH, FEEDS, PUBLIC, f"article:{instance.pk}"}
        if before:
            scopes |= _section_scopes([before.get("section_id")]) | _day_scopes(before.get("published_at"))
            scopes |= _page_scopes(before.get("source_page_id"), None)
            scopes |= _page_edition_scopes([before.get("source_page_id")])
        bump(scopes)


def _byline_changed(sender, instance: Byline, **kwargs) -> None:
    reporter = Reporter.objects.filter(pk=instance.reporter_id).values_list("slug", flat=True).first()
    _bump_articles([instance.article_id], *([f"reporter:{reporter}"] if reporter else []))


def _tagged_item_changed(sender, instance: TaggedItem, **kwargs) -> None:
    if instance.content_type_id == _article_type().pk:
        tag = Tag.objects.filter(pk=instance.tag_id).values_list("slug", flat=True).first()
        _bump_articles([instance.object_id], *([f"tag:{tag}"] if tag else []))


def _mention_changed(sender, instance: Mention, **kwargs) -> None:
    entity = Entity.objects.filter(pk=instance.entity_id).values_list("slug", flat=True).first()
    _bump_articles([instance.article_id], *([f"entity:{entity}"] if entity else []))


def _related_link_changed(sender, instance: RelatedLink, **kwargs) -> None:
    if _shown_ids([instance.source_id]):
        bump([f"article:{instance.source_id}"])


def _edition_state(instance: SourcePage) -> tuple | None:
    """The page's issue and date, as far as loaded (None if either was deferred)."""
    values = instance.__dict__
    if "issue_id" not in values or "edition_date" not in values:
        return None
    return values["issue_id"], values["edition_date"]


def _remember_edition(sender, instance: SourcePage, **kwargs) -> None:
    """post_init: the page's issue and date as loaded, to know what it leaves when it is given others."""
    instance._pagecache_before = None if instance.pk is None else _edition_state(instance)


def _before_page_save(sender, instance: SourcePage, raw: bool = False, **kwargs) -> None:
    if instance.pk is not None and not instance._state.adding and getattr(instance, "_pagecache_before", None) is None:
        instance._pagecache_before = SourcePage.objects.filter(pk=instance.pk).values_list("issue_id", "edition_date").first()


def _source_page_changed(sender, instance: SourcePage, created: bool = False, **kwargs) -> None:
    before, after = getattr(instance, "_pagecache_before", None), _edition_state(instance)
    instance._pagecache_before = after
    if created:
        return  # nothing public is on a page being created
    shown = list(_seen(Article.objects.filter(source_page_id=instance.pk)))  # one query, where readers may have seen it
    if not shown:
        # A page of drafts printing no part of a public story is a 404 on every view
        # of it (public.editions), and 404s are not cached: nothing to make stale.
        return
    # Its picture, 版名 or 版次 show on its issue's views and its publication's front.
    scopes = _page_scopes(instance.pk, instance.file_name) | {f"article:{pk}" for pk in shown}
    scopes |= {PUBLIC, HOME} | _page_edition_scopes([instance.pk])
    if before is not None and before != after:
        # Given another issue or date: the old issue's views, its paper's front and
        # calendar, and the archive days its stories are still dated by (the importer
        # re-dates them next, and announces only where they are then) stop listing them.
        scopes |= article_scopes(shown) | _issue_scopes(before[0])
    bump(scopes)


def _issue_scopes(issue_id: int | None) -> set[str]:
    if issue_id is None:
        return set()
    return _edition_scopes(Issue.objects.filter(pk=issue_id).values_list("publication__slug", "edition_date"))


def _everything_unless_created(sender, created: bool = False, **kwargs) -> None:
    """A rename or removal shows on pages no scope lists (bylines, entity links, tag clouds)."""
    if not created:
        invalidate()


def _articles_announced(sender, article_ids: list[int] | None = None, **kwargs) -> None:
    _bump_articles(article_ids or [])


def _links_announced(sender, article_ids: list[int] | None = None, **kwargs) -> None:
    if article_ids is None:
        invalidate()
    else:
        _bump_articles(article_ids)


def connect() -> None:
    """Connect the receivers (public.apps, once, after search and linking have connected theirs)."""
    uid = "public.pagecache."
    post_init.connect(_remember, sender=Article, dispatch_uid=uid + "article.init")
    pre_save.connect(_before_save, sender=Article, dispatch_uid=uid + "article.pre_save")
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid + "article.save")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid=uid + "article.delete")
    post_init.connect(_remember_edition, sender=SourcePage, dispatch_uid=uid + "page.init")
    pre_save.connect(_before_page_save, sender=SourcePage, dispatch_uid=uid + "page.pre_save")
    for model, receiver in (
        (Byline, _byline_changed), (TaggedItem, _tagged_item_changed), (Mention, _mention_changed),
        (RelatedLink, _related_link_changed), (SourcePage, _source_page_changed),
    ):
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}{model._meta.label}.save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}{model._meta.label}.delete")
    # The menu lists every section: any change to one shows on every page.
    post_save.connect(on_change, sender=Section, dispatch_uid=uid + "section.save")
    post_delete.connect(on_change, sender=Section, dispatch_uid=uid + "section.delete")
    for model in (Column, Reporter, Entity, Alias, Tag, Publication, Issue):
        post_save.connect(_everything_unless_created, sender=model, dispatch_uid=f"{uid}{model._meta.label}.save")
        post_delete.connect(on_change, sender=model, dispatch_uid=f"{uid}{model._meta.label}.delete")
    articles_changed.connect(_articles_announced, dispatch_uid=uid + "articles_changed")
    links_changed.connect(_links_announced, dispatch_uid=uid + "links_changed")


# --- the pages ---------------------------------------------------------------------


def page_scopes(request: HttpRequest, kwargs: dict) -> set[str]:
    """The scopes a page depends on by its address (the articles it loads are added as it renders)."""
    match = request.resolver_match
    name = match.url_name if match is not None else None
    scopes = {ALL}
    if name == "home":
        scopes.add(HOME)
    elif name in ("detail", "short"):
        scopes.add(f"article:{kwargs['pk']}")
    elif name in ("section", "column", "reporter", "tag", "entity"):
        scopes.add(f"{name}:{kwargs['slug']}")
    elif name == "source_page":
        scopes.add(f"page:{kwargs['ref']}")
    elif name == "archive_day":
        scopes.add(f"archive:{kwargs['year']:04d}-{kwargs['month']:02d}-{kwargs['day']:02d}")
    elif name == "archive_month":
        scopes.add(f"archive:{kwargs['year']:04d}-{kwargs['month']:02d}")
    elif name == "search":
        scopes.add(SEARCH)
    elif name in ("issue", "edition_page"):
        # Both list the issue's pages; the issue's own page also has the 往期 calendar.
        scopes.add(f"issue:{kwargs['publication']}:{kwargs['day']}")
        if name == "issue":
            scopes.add(f"publication:{kwargs['publication']}")
    elif name in ("publication", "issue_calendar"):
        scopes.add(f"publication:{kwargs['publication']}")
    else:  # a view this module does not know: stale on any public change
        scopes.add(PUBLIC)
    return scopes


def cached_page(view):
    """Make a GET view's 200 responses cached pages: PageCacheMiddleware stores them and
    serves them until a scope they depend on changes."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Converted before it is stored: a traditional page (its own URL, its own key) converts once.
        response = in_reader_script(request, view(request, *args, **kwargs))
        rendering = _rendering.get()
        if rendering is not None:
            rendering.scopes = page_scopes(request, kwargs)
        return response

    return wrapper


def depends_on(*scopes: str) -> None:
    """While a cached page renders: it is stale also when one of these scopes is bumped
    (what it shows beyond its address and the articles it loads, e.g. ``page:<id>``)."""
    rendering = _rendering.get()
    if rendering is not None:
        rendering.named.update(scopes)


class PageCacheMiddleware:
    """Serves a cached page before any middleware below it runs, and stores the pages of
    cached_page views as they leave them.

    A hit is one cache get_many (the page and the clock) and a response built
    from what was stored: no session, CSRF, user, URL resolution or view. So it
    goes right after the middleware that must see every request (SecurityMiddleware's
    HTTPS redirect, WhiteNoise's static files), and the headers the middleware
    below adds (CSP, X-Frame-Options, Content-Length) are stored with the page.
    A response that sets a cookie is never stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped = tuple(settings.PAGE_CACHE_SKIPPED_PATHS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.PAGE_CACHE_SECONDS <= 0  # the page cache is off: nothing is stored, so nothing is looked up
            or request.method not in ("GET", "HEAD")
            or request.path_info.startswith(self.skipped)
        ):
            return self.get_response(request)
        key = _key(request)
        try:
            found = cache.get_many([key, CLOCK_KEY])
            entry, clock = found.get(key), found.get(CLOCK_KEY)
            if entry is not None and _fresh(key, entry, clock):
                return HttpResponse(entry[0], headers=entry[1])
        except Exception:  # the cache server is down: render, as if nothing were cached
            logger.exception("page cache unavailable")
            return self.get_response(request)
        rendering = _Rendering()
        token = _rendering.set(rendering)
        try:
            response = self.get_response(request)
        finally:
            _rendering.reset(token)
        if rendering.scopes is not None and response.status_code == 200 and not response.streaming and not response.cookies:
            scopes = rendering.scopes | rendering.named | {f"article:{pk}" for pk in rendering.shown}
            try:
                _store(key, response, scopes, clock)
            except Exception:  # served all the same; the next request renders again
                logger.exception("page cache unavailable")
        return response


def _fresh(key: str, entry: tuple, clock: str | None) -> bool:
    content, headers, stored_clock, generations, expires = entry
    if clock is not None and clock == stored_clock:
        return True  # nothing at all was bumped since it rendered
    # The clock first: read before the generations, it is no newer than they are.
    current = cache.get_many([CLOCK_KEY, *generations])
    if not all(current.get(gen) == value for gen, value in generations.items()):
        return False
    # Fresh as of this clock: stored under it, the next hits need no second read until a bump.
    seconds = int(expires - time.time())
    if current.get(CLOCK_KEY) is not None and seconds > 0:
        cache.set(key, (content, headers, current[CLOCK_KEY], generations, expires), seconds)
    return True


def _store(key: str, response: HttpResponse, scopes: set[str], clock: str | None) -> None:
    if clock is None:  # the first page since the cache started: start the clock, store the next one
        cache.add(CLOCK_KEY, _token(), GENERATION_SECONDS)
        return
    keys = [_gen_key(scope) for scope in scopes]
    current = cache.get_many([*keys, CLOCK_KEY])
    if current.get(CLOCK_KEY) != clock:
        return  # something was bumped while it rendered: it may show what was before
    missing = [k for k in keys if k not in current]
    if missing:
        # Never bumped (or expired): give them a generation. Overwriting a
        # concurrent bump only makes pages stale; the clock check refuses this one.
        token = _token()
        cache.set_many(dict.fromkeys(missing, token), GENERATION_SECONDS)
        if cache.get(CLOCK_KEY) != clock:
            return
        current.update(dict.fromkeys(missing, token))
    generations = {k: current[k] for k in keys}
    expires = time.time() + settings.PAGE_CACHE_SECONDS  # kept when the entry is stored again (_fresh)
    entry = (response.content, dict(response.items()), clock, generations, expires)
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)


def _key(request: HttpRequest) -> str:
    url = request.build_absolute_uri()  # host included: canonical links differ per host; /hant/ too
    return f"newsroom:served:{hashlib.sha256(url.encode()).hexdigest()}"
