"""Jumps (转版): a story printed in two parts on two pages of one issue is one article.

The first part ends with (下转第二版) (``Article.continues_to``), the later part
opens with (上接第一版) (``continued_from``). When both pages of an issue are
imported, in either order, the later part gets ``continuation_of`` = the first
part: both keep their own page and span, readers see the first part with both
bodies (``Article.full_body``), and ``published()`` never lists the later part.

Parts are matched per pair of pages (the first part's page, the page its jump
line names) by title similarity, since the later part usually repeats the
title, else by printed order. A part whose other half is not imported stays
unjoined, is flagged with a warning, and the import's --publish leaves it
alone: an editor decides whether it goes out on its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from articles.models import Article, SourcePage
from articles.parsing.warnings import WarningDict, about, warning
from articles.prepared import Prepared
from articles.services import editions

JUMP_CODES = frozenset({"jump_rest_missing", "jump_start_missing"})  # the warnings this module adds and removes
TITLE_MATCH = 0.5  # similarity from which a later part's title names the first part


def is_jump_part(record) -> bool:
    """A parsed article printed in parts (ArticleRecord or Article): it is published by join_issue, not alone."""
    return bool(record.continues_to or record.continued_from)


def title_similarity(a: str, b: str) -> float:
    """1.0 when one title contains the other, else the Dice coefficient of their character bigrams."""
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    ga, gb = _bigrams(a), _bigrams(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def _plain(text: str) -> str:
    return "".join(ch for ch in text or "" if ch.isalnum())


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def pair_parts(firsts: list, laters: list) -> list[tuple[object, object]]:
    """Pairs (first part, later part) between two pages; both lists in printed order.

    Titles first (best similarity, at least TITLE_MATCH), then what is left in order.
    Items need ``title``; pure, so it is tested without a database.
    """
    scored = sorted(
        ((title_similarity(f.title, l.title), i, j) for i, f in enumerate(firsts) for j, l in enumerate(laters)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_f, used_l, pairs = set(), set(), []
    for score, i, j in scored:
        if score < TITLE_MATCH:
            break
        if i in used_f or j in used_l:
            continue
        used_f.add(i)
        used_l.add(j)
        pairs.append((i, j))
    rest_f = [i for i in range(len(firsts)) if i not in used_f]
    rest_l = [j for j in range(len(laters)) if j not in used_l]
    pairs.extend(zip(rest_f, rest_l))
    return [(firsts[i], laters[j]) for i, j in sorted(pairs)]


def _page_matches(page: SourcePage, label: str) -> bool:
    """Whether a jump line's page (第二版, A02, 2版) names this page."""
    if not label:
        return False
    number = editions.page_number(label)
    if number is not None and page.number is not None:
        return number == page.number
    return _norm_label(label) == _norm_label(page.page_label)


def _norm_label(label: str) -> str:
    label = (label or "").strip()
    number = editions.page_number(label)
    prefix = "".join(ch for ch in label.lstrip("第") if ch.isascii() and ch.isalpha())
    return f"{prefix.upper()}{number}" if number is not None else label


# Read for every imported page: compiled to SQL once per connection (articles.prepared).
_PAGE_PARTS = Prepared(
    lambda page: Article.objects.filter(source_page=page).filter(~Q(continues_to="") | ~Q(continued_from="")), "page"
)
_ISSUE_PARTS = Prepared(
    lambda issue: Article.objects.filter(source_page__issue_id=issue).filter(
        ~Q(continues_to="") | ~Q(continued_from="") | Q(continuation_of__isnull=False)
    ),
    "issue",
)


def join_issue(
    source: SourcePage, *, publish: bool = False, changed: list[int] | None = None, hidden: list[int] | None = None
) -> list[WarningDict]:
    """Join the parts of stories continued between the pages of source's issue; returns warnings.

    Idempotent: a pair already joined stays so; a join whose jump lines are gone is undone.
    Ids of articles whose joins or status changed are appended to ``changed``; of
    those, the public ones that became later parts (shown alone until now, only
    inside their first part from now on) to ``hidden`` too.
    """
    changed = changed if changed is not None else []
    hidden = hidden if hidden is not None else []
    dirty: dict[int, tuple[Article, set[str]]] = {}  # written at the end, in a statement or two
    parts = _PAGE_PARTS(page=source.pk) if source.issue_id is None else _ISSUE_PARTS(issue=source.issue_id)
    if not parts:
        return []
    others = {a.source_page_id for a in parts} - {source.pk}  # none without an issue: all parts are source's
    pages = {p.pk: p for p in SourcePage.objects.filter(pk__in=others).defer("raw_text")} if others else {}
    pages[source.pk] = source
    by_id = {a.pk: a for a in parts}

    # Undo joins whose lines no longer say so (a re-import changed a page).
    for later in parts:
        first = by_id.get(later.continuation_of_id)
        if later.continuation_of_id and not (
            first is not None and later.continued_from and first.continues_to
            and _page_matches(pages[later.source_page_id], first.continues_to)
            and _page_matches(pages[first.source_page_id], later.continued_from)
        ):
            later.continuation_of = None
            _mark(later, "continuation_of", dirty, changed)

    joined_firsts = {a.continuation_of_id for a in parts if a.continuation_of_id}
    firsts = [a for a in parts if a.continues_to and a.pk not in joined_firsts]
    laters = [a for a in parts if a.continued_from and not a.continuation_of_id]
    groups: dict[tuple[int, int], tuple[list, list]] = {}
    for first in firsts:
        for page in pages.values():
            if page.pk != first.source_page_id and _page_matches(page, first.continues_to):
                groups.setdefault((first.source_page_id, page.pk), ([], []))[0].append(first)
                break
    for later in laters:
        for (first_page, later_page), (_, bucket) in groups.items():
            if later_page == later.source_page_id and _page_matches(pages[first_page], later.continued_from):
                bucket.append(later)
                break
    for group_firsts, group_laters in groups.values():
        group_firsts.sort(key=lambda a: a.position)
        group_laters.sort(key=lambda a: a.position)
        for first, later in pair_parts(group_firsts, group_laters):
            later.continuation_of = first
            joined_firsts.add(first.pk)
            _mark(later, "continuation_of", dirty, changed)
            if later.is_public:
                hidden.append(later.pk)

    warnings: list[WarningDict] = []
    for article in parts:
        pending = _pending(article, joined_firsts)
        if _flag(article, pending):
            _mark(article, "warnings", dirty, changed)
        if pending:
            warnings.append(about(pending, position=article.position, title=article.display_title))
        elif publish and article.continues_to and article.status not in Article.PUBLIC_STATUSES:
            article.status = Article.Status.PUBLISHED
            article.published_at = editions.publication_time(pages[article.source_page_id].edition_date) or timezone.now()
            _mark(article, "status", dirty, changed, "published_at")
    _write(dirty.values())
    return warnings


def expected_warning(article: Article, *, before: list) -> WarningDict | None:
    """The jump warning join_issue will most likely leave on a part the importer is writing,
    so that it is written with the part and not in a second UPDATE: a new part's other part
    is missing until its page is imported; a stored part keeps such a warning if it had one
    (``before``: its warnings until now). join_issue still decides, and writes where this is wrong."""
    if article.pk is not None and not any(isinstance(w, dict) and w.get("code") in JUMP_CODES for w in before):
        return None
    return _pending(article, set()) if article.continuation_of_id is None else None


def _pending(article: Article, joined_firsts: set[int]) -> WarningDict | None:
    if article.continues_to and article.pk not in joined_firsts:
        return warning("jump_rest_missing", label=article.continues_to)
    if article.continued_from and not article.continuation_of_id:
        return warning("jump_start_missing", label=article.continued_from)
    return None


def _flag(article: Article, pending: WarningDict | None) -> bool:
    """Keep exactly the current jump warning on the article; True when that changed its warnings."""
    kept = [w for w in article.warnings if not (isinstance(w, dict) and w.get("code") in JUMP_CODES)]
    wanted = [*kept, pending] if pending else kept
    if wanted == article.warnings:
        return False
    article.warnings = wanted
    return True


def _mark(article: Article, field: str, dirty: dict, changed: list[int], *more: str) -> None:
    # A new version, so a desk form opened before the join cannot save over it.
    article.version += 1
    dirty.setdefault(article.pk, (article, set()))[1].update((field, *more))
    if article.pk not in changed:
        changed.append(article.pk)


def _write(dirty: Iterable[tuple[Article, set[str]]]) -> None:
    """The parts changed, a statement per set of fields changed, whatever their number.

    A public part is saved on its own, so the page cache hears of it at once through
    its save signals; the others are written in bulk, and the page's announcement
    after the commit refreshes what shows them (a draft part inside its public first part)."""
    now = timezone.now()
    by_fields: dict[tuple[str, ...], list[Article]] = {}
    for article, fields in dirty:
        if article.is_public:
            article.save(update_fields=[*fields, "version", "updated_at"])
        else:
            article.updated_at = now  # bulk_update leaves auto_now alone
            by_fields.setdefault(tuple(sorted(fields)), []).append(article)
    for fields, articles in by_fields.items():
        Article.objects.bulk_update(articles, [*fields, "version", "updated_at"])
