"""Rows named after Chinese text: a unique pinyin slug, and a new reporter with one."""

from __future__ import annotations

from django.db.models import Model

from articles.models import Reporter
from articles.slugs import pinyin_slug


def unique_slug(model: type[Model], text: str) -> str:
    """The pinyin slug of text, with -2, -3 … when another row of model has it."""
    base = pinyin_slug(text)
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def reporter_create(*, name: str, outlet: str) -> Reporter:
    reporter = Reporter(name=name, outlet=outlet, slug=unique_slug(Reporter, name))
    reporter.full_clean()
    reporter.save()
    return reporter
