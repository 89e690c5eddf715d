"""Rows named after Chinese text: unique pinyin slugs, and a new reporter with one.

The one unique-slug rule for every model with a unique ``slug`` (columns,
reporters, entities, tags): the pinyin slug, then -2, -3 … while taken.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model

from articles.models import Reporter, ReporterAlias
from text.slugs import pinyin_slug

BULK_TRIES = 5  # suffixes looked up at once; rarer clashes are looked up one by one


def unique_slug(model: type[Model], text: str) -> str:
    """The pinyin slug of text, with -2, -3 … when another row of model has it."""
    return unique_slugs(model, [text])[text]


def unique_slugs(model: type[Model], texts: Iterable[str]) -> dict[str, str]:
    """unique_slug() for many texts in one query (more only when a slug is taken BULK_TRIES times),
    each also unique among the others."""
    bases = {text: pinyin_slug(text) for text in texts}
    tries = {text: [base, *(f"{base}-{n}" for n in range(2, BULK_TRIES + 1))] for text, base in bases.items()}
    taken = _taken(model, [s for t in tries.values() for s in t])
    slugs: dict[str, str] = {}
    for text, base in bases.items():
        slug = next((s for s in tries[text] if s not in taken), None)
        n = BULK_TRIES
        while slug is None:
            n += 1
            candidate = f"{base}-{n}"
            if candidate not in taken and not _taken(model, [candidate]):
                slug = candidate
        taken.add(slug)
        slugs[text] = slug
    return slugs


def _taken(model: type[Model], slugs: list[str]) -> set[str]:
    """The slugs rows of model have, and for reporters the old slugs of merged ones: those
    addresses redirect to the reporter they were merged into, and stay its."""
    taken = model.objects.filter(slug__in=slugs).order_by().values_list("slug", flat=True)
    if model is Reporter:  # in the same query
        taken = taken.union(ReporterAlias.objects.filter(slug__in=slugs).order_by().values_list("slug", flat=True)).order_by()
    return set(taken)


def reporter_create(*, name: str, outlet: str) -> Reporter:
    reporter = Reporter(name=name, outlet=outlet, slug=unique_slug(Reporter, name))
    reporter.full_clean()
    reporter.save()
    return reporter
