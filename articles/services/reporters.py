"""Reporters as one person each: merging the rows that name the same person.

Bylines name a person as printed, so one reporter can arrive as two rows: a
page that named the paper and one that did not (张三 and 张三 of 某某日报), or an
editor's spelling and the importer's. A merge keeps one row; what the others
were called stays as an alias, so a later import of their pages credits the
kept reporter, and their old addresses redirect to it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from articles.models import Byline, Reporter, ReporterAlias
from articles.signals import announce_changed


@transaction.atomic
def reporters_merge(*, into: Reporter, others: list[Reporter]) -> Reporter:
    """Credit every byline of `others` to `into`, keep their names and slugs as its aliases,
    then delete them. An article that credited two of them in one role keeps one byline."""
    others = [r for r in others if r.pk != into.pk]
    accounts = {r.user_id for r in [into, *others] if r.user_id}
    if len(accounts) > 1:
        # Two desk accounts are two people; merging would take one's stories from them.
        raise ValidationError(gettext("These reporters are linked to different desk accounts: unlink one first."))
    ids = [r.pk for r in others]
    changed = set(Byline.objects.filter(reporter_id__in=ids).values_list("article_id", flat=True))
    credited = set(Byline.objects.filter(reporter=into).values_list("article_id", "role"))
    for byline in Byline.objects.filter(reporter_id__in=ids).order_by("article_id", "position"):
        if (byline.article_id, byline.role) in credited:
            byline.delete()
        else:
            credited.add((byline.article_id, byline.role))
    Byline.objects.filter(reporter_id__in=ids).update(reporter=into)
    ReporterAlias.objects.filter(reporter_id__in=ids).update(reporter=into)
    for reporter in others:  # one name, one person: an alias of it left at another reporter follows
        ReporterAlias.objects.filter(name=reporter.name, outlet=reporter.outlet).update(reporter=into)
    account = next((r.user for r in others if r.user_id), None)
    aliases = [ReporterAlias(reporter=into, name=r.name, outlet=r.outlet, slug=r.slug) for r in others]
    # The rows go; their names and slugs stay, as aliases of the kept reporter.
    Reporter.objects.filter(pk__in=ids).delete()
    for alias in aliases:
        alias.full_clean()
    ReporterAlias.objects.bulk_create(aliases)
    if account is not None and into.user_id is None:
        into.user = account
        into.full_clean()
        into.save(update_fields=["user"])
    # Their lists, feeds and search facets now belong to the kept reporter.
    announce_changed(sorted(changed))
    return into


def outletless_twins() -> list[tuple[Reporter, Reporter]]:
    """(a reporter printed without a paper, the reporter of that name at the paper of every page
    it is credited on): one person, stored as two rows by imports from before an empty
    byline outlet took the page's paper (the page's outlet, else its publication's name)."""
    named = {(r.name, r.outlet): r for r in Reporter.objects.exclude(outlet="").filter(
        name__in=Reporter.objects.filter(outlet="").values("name"))}
    credited: dict[int, set[str]] = {}
    for reporter_id, outlet, publication in Byline.objects.filter(
        reporter__outlet="", reporter__name__in={name for name, _ in named},
    ).values_list("reporter_id", "article__source_page__outlet", "article__source_page__issue__publication__name").distinct():
        credited.setdefault(reporter_id, set()).add(outlet or publication or "")
    twins = []
    for reporter in Reporter.objects.filter(pk__in=credited).order_by("name", "pk"):
        outlets = credited[reporter.pk]
        twin = named.get((reporter.name, next(iter(outlets)))) if len(outlets) == 1 else None
        if twin is not None:
            twins.append((reporter, twin))
    return twins
