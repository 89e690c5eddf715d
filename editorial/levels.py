"""The review levels of 三审三校 (初审, 复审, 终审): which levels an article passes, in order.

A level is signed by a member of one of its groups. The newsroom sets its
levels in settings, not in the database: they are the paper's policy, change
with a deploy rather than from day to day, and are tested with the code; a
model would need an admin, a migration and an answer for stories in flight
every time someone edited it.

    NEWSROOM_REVIEW_LEVELS = [                      # default: the three below
        {"key": "first", "label": "First review", "groups": ["编辑"]},
        {"key": "second", "label": "Second review", "groups": ["部门主任"]},
        {"key": "final", "label": "Final review", "groups": ["主编", "总编辑"]},
    ]
    NEWSROOM_SECTION_REVIEW_LEVELS = {"brief": ["first", "final"]}   # section slug -> level keys

A section not in the second setting (and an article with no section) goes
through every level of the first. A label is a gettext msgid, translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext, gettext_lazy as _

from articles.models import Article


@dataclass(frozen=True)
class ReviewLevel:
    key: str
    label: str
    groups: frozenset[str]

    def __str__(self) -> str:
        return gettext(self.label)


DEFAULT_LEVELS = [
    {"key": "first", "label": _("First review"), "groups": ["编辑"]},
    {"key": "second", "label": _("Second review"), "groups": ["部门主任"]},
    {"key": "final", "label": _("Final review"), "groups": ["主编", "总编辑"]},
]


def all_levels() -> list[ReviewLevel]:
    rows = getattr(settings, "NEWSROOM_REVIEW_LEVELS", DEFAULT_LEVELS)
    levels = [ReviewLevel(key=row["key"], label=str(row["label"]), groups=frozenset(row["groups"])) for row in rows]
    if not levels or len({level.key for level in levels}) != len(levels):
        raise ImproperlyConfigured("NEWSROOM_REVIEW_LEVELS needs at least one level, each with its own key.")
    return levels


def levels_for(article: Article) -> list[ReviewLevel]:
    """The levels this article passes, in order: its section's, else all."""
    levels = all_levels()
    overrides = getattr(settings, "NEWSROOM_SECTION_REVIEW_LEVELS", {})
    keys = overrides.get(article.section.slug) if article.section_id else None
    if keys is None:
        return levels
    by_key = {level.key: level for level in levels}
    unknown = [key for key in keys if key not in by_key]
    if unknown or not keys:
        raise ImproperlyConfigured(
            f"NEWSROOM_SECTION_REVIEW_LEVELS[{article.section.slug!r}] names no levels or unknown ones: {unknown}"
        )
    return [by_key[key] for key in keys]


def level_label(key: str) -> str:
    """A level's name for a record whose level may since have left the settings."""
    return next((str(level) for level in all_levels() if level.key == key), key)
