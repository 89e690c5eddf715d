"""Reads for the desk: revisions as readable text, diffs between them, the review page's data."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from reversion.models import Version

from articles.models import Article, Byline, Column, Reporter, Section
from editorial.models import Note, Transition
from text.bodytext import text_to_blocks

# The fields an editor changes, in the order a reader meets them; a revision
# is shown as these lines so that difflib gives an editor-readable diff.
SNAPSHOT_FIELDS = (
    "column", "kicker", "title", "subtitle", "dateline", "dateline_date", "body", "continued_from", "continues_to",
    "section", "slug", "status", "scheduled_at", "correction", "span_start", "span_end", "position",
)
_NAMED = {"column": Column, "section": Section}


@dataclass(frozen=True)
class HistoryEntry:
    version: Version
    diff: str  # from the previous revision; for the oldest one, its whole text


def version_bylines(version: Version) -> list[dict]:
    byline_type = ContentType.objects.get_for_model(Byline)
    rows = [
        v.field_dict for v in version.revision.version_set.filter(content_type=byline_type)
    ]
    rows = [row for row in rows if row["article_id"] == int(version.object_id)]
    return sorted(rows, key=lambda row: row["position"])


def version_text(version: Version) -> str:
    """The article as stored in one revision, one field per line, body block by block."""
    data = version.field_dict
    lines: list[str] = []
    for name in SNAPSHOT_FIELDS:
        field = Article._meta.get_field(name)
        value = data.get(field.attname)
        if name in _NAMED and value is not None:
            value = _NAMED[name].objects.filter(pk=value).first() or value
        if name == "status":
            value = Article.Status(value).label if value in Article.Status.values else value
        if name == "body":
            lines.append(f"{field.verbose_name}：")
            lines.extend(f"  {block.text}" if block.kind == "p" else f"  [{block.kind}] {block.text}"
                         for block in text_to_blocks(value or ""))
        else:
            lines.append(f"{field.verbose_name}：{'' if value is None else value}")
    bylines = version_bylines(version)
    names = dict(Reporter.objects.filter(pk__in=[b["reporter_id"] for b in bylines]).values_list("pk", "name"))
    lines.append("署名：" + "、".join(f"{b['role']} {names.get(b['reporter_id'], '?')}".strip() for b in bylines))
    return "\n".join(lines)


def text_diff(old: str, new: str) -> str:
    return "\n".join(
        difflib.unified_diff(old.splitlines(), new.splitlines(), "旧版 / before", "新版 / after", lineterm="", n=0)
    )


def article_versions(*, article_id: int) -> QuerySet[Version]:
    """The article's revisions, newest first."""
    return (
        Version.objects.get_for_object_reference(Article, article_id)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def article_history(*, article_id: int) -> list[HistoryEntry]:
    versions = list(article_versions(article_id=article_id))
    texts = [version_text(v) for v in versions]
    return [
        HistoryEntry(version=v, diff=text_diff(texts[i + 1], texts[i]) if i + 1 < len(versions) else texts[i])
        for i, v in enumerate(versions)
    ]


def changes_since(*, article_id: int, seen_version: int) -> tuple[str, str]:
    """Who saved the article last, and a diff from the version an editor saw to the stored one."""
    versions = list(article_versions(article_id=article_id))
    if not versions:
        return "", ""
    latest = versions[0]
    seen = next((v for v in versions if v.field_dict.get("version") == seen_version), None)
    user = latest.revision.user
    who = (user.get_full_name() or user.get_username()) if user else ""
    if seen is None:
        return who, version_text(latest)
    return who, text_diff(version_text(seen), version_text(latest))


def article_for_review(*, pk: int) -> Article:
    return (
        Article.objects.select_related("source_page", "column", "section")
        .prefetch_related("bylines__reporter")
        .get(pk=pk)
    )


def neighbours(*, article: Article) -> tuple[Article | None, Article | None]:
    """The articles printed just before and after this one on its page."""
    around = {
        a.position: a
        for a in Article.objects.filter(
            source_page_id=article.source_page_id, position__in=[article.position - 1, article.position + 1]
        )
    }
    return around.get(article.position - 1), around.get(article.position + 1)


def article_notes(*, article: Article) -> QuerySet[Note]:
    return Note.objects.filter(article=article).select_related("author")


def article_transitions(*, article: Article) -> QuerySet[Transition]:
    return Transition.objects.filter(article=article).select_related("user")
