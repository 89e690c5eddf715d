"""Reads for the desk: revisions as readable text, diffs between them, the review page's data.

The history page shows each revision (修订 N, counted from the oldest) as the
fields an editor changes, side by side with the revision before, the changed
characters marked <del>/<ins>; provenance and bookkeeping (spans, positions,
import hashes, version counters) are the importer's and the lock's, not the text's."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy as _, ngettext
from reversion.models import Version

from articles.models import Article, Byline, Column, Reporter, Section
from editorial.models import Note, ProofMark, SignOff, Transition
from text.bodytext import CAPTION, SUBHEAD, text_to_blocks

# The fields an editor changes, in the order a reader meets them; a revision
# is shown as these lines so that difflib gives an editor-readable diff.
SNAPSHOT_FIELDS = (
    "column", "kicker", "title", "subtitle", "dateline", "dateline_date", "body", "continued_from", "continues_to",
    "section", "slug", "status", "scheduled_at", "correction",
)
# The history's fields, side by side (bylines are the revision's Byline rows).
HISTORY_FIELDS = ("kicker", "title", "subtitle", "bylines", "dateline", "body")
_KIND_LABELS = {SUBHEAD: _("subhead"), CAPTION: _("caption")}
_NAMED = {"column": Column, "section": Section}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: SafeString  # the previous revision's text, removed characters in <del>
    after: SafeString  # this revision's text, added characters in <ins>


@dataclass(frozen=True)
class HistoryEntry:
    number: int  # 修订 N: the oldest revision is 1
    version: Version
    changes: list[FieldChange]  # from the previous revision; for the oldest, every field it has


def version_bylines(version: Version) -> list[dict]:
    byline_type = ContentType.objects.get_for_model(Byline)
    # .all(): article_versions prefetches each revision's versions.
    rows = [v.field_dict for v in version.revision.version_set.all() if v.content_type_id == byline_type.pk]
    rows = [row for row in rows if row["article_id"] == int(version.object_id)]
    return sorted(rows, key=lambda row: row["position"])


def char_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """old and new, escaped, with the characters only old has in <del> and those only new has in <ins>.

    By character, not by word or line: Chinese has no spaces, and one changed
    character (的/地, a digit) is the usual correction."""
    before, after = [], []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            before.append(escape(old[i1:i2]))
            after.append(escape(new[j1:j2]))
            continue
        if i2 > i1:
            before.append(format_html("<del>{}</del>", old[i1:i2]))
        if j2 > j1:
            after.append(format_html("<ins>{}</ins>", new[j1:j2]))
    return mark_safe("".join(before)), mark_safe("".join(after))  # noqa: S308  (every piece escaped above)


def body_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """char_diff paragraph by paragraph, with the unchanged paragraphs between changes left
    out (counted), so a one-character fix in a long story does not show the whole story twice."""
    a, b = (old.split("\n\n") if old else []), (new.split("\n\n") if new else [])
    before: list[SafeString] = []
    after: list[SafeString] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            count = i2 - i1
            skipped = format_html(
                '<span class="quiet">{}</span>',
                ngettext("(%(count)d paragraph unchanged)", "(%(count)d paragraphs unchanged)", count) % {"count": count},
            )
            before.append(skipped)
            after.append(skipped)
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            if k < len(olds) and k < len(news):
                one, other = char_diff(olds[k], news[k])
                before.append(one)
                after.append(other)
            elif k < len(olds):
                before.append(format_html("<del>{}</del>", olds[k]))
            else:
                after.append(format_html("<ins>{}</ins>", news[k]))
    return mark_safe("\n\n".join(before)), mark_safe("\n\n".join(after))  # noqa: S308  (escaped pieces)


def _body_text(body: str) -> str:
    return "\n\n".join(
        f"[{_KIND_LABELS[block.kind]}] {block.text}" if block.kind in _KIND_LABELS else block.text
        for block in text_to_blocks(body or "")
    )


def _history_fields(version: Version, names: dict[int, str]) -> dict[str, str]:
    data = version.field_dict
    fields = {name: str(data.get(name) or "") for name in HISTORY_FIELDS if name not in {"bylines", "body"}}
    fields["body"] = _body_text(data.get("body"))
    fields["bylines"] = "、".join(
        f"{b['role']} {names.get(b['reporter_id'], '?')}".strip() for b in version_bylines(version)
    )
    return fields


def _field_label(name: str) -> str:
    return str(_("bylines")) if name == "bylines" else str(Article._meta.get_field(name).verbose_name)


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
    lines.append(f"{gettext('Bylines')}：" + "、".join(f"{b['role']} {names.get(b['reporter_id'], '?')}".strip() for b in bylines))
    return "\n".join(lines)


def text_diff(old: str, new: str) -> str:
    return "\n".join(
        difflib.unified_diff(old.splitlines(), new.splitlines(), gettext("before"), gettext("after"), lineterm="", n=0)
    )


def article_versions(*, article_id: int) -> QuerySet[Version]:
    """The article's revisions, newest first."""
    return (
        Version.objects.get_for_object_reference(Article, article_id)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def article_history(*, article_id: int) -> list[HistoryEntry]:
    """Newest first, each with what changed since the revision before it. Three queries
    whatever the number of revisions: versions, their revisions' versions, reporters' names."""
    versions = list(article_versions(article_id=article_id).prefetch_related("revision__version_set"))
    reporter_ids = {row["reporter_id"] for v in versions for row in version_bylines(v)}
    names = dict(Reporter.objects.filter(pk__in=reporter_ids).values_list("pk", "name"))
    fields = [_history_fields(v, names) for v in versions]
    entries = []
    for i, version in enumerate(versions):
        older = fields[i + 1] if i + 1 < len(versions) else dict.fromkeys(HISTORY_FIELDS, "")
        changes = [
            FieldChange(_field_label(name), *(body_diff if name == "body" else char_diff)(older[name], fields[i][name]))
            for name in HISTORY_FIELDS if older[name] != fields[i][name]
        ]
        entries.append(HistoryEntry(number=len(versions) - i, version=version, changes=changes))
    return entries


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
    """The article with what the review page shows: its edition, bylines, jump parts, sign-offs and marks."""
    parts = Article.objects.select_related("source_page").defer("source_page__raw_text", "source_page__parse_warnings")
    return (
        Article.objects.select_related(
            "source_page__issue__publication", "column", "section", "continuation_of__source_page",
        )
        .defer("continuation_of__source_page__raw_text", "continuation_of__source_page__parse_warnings")
        .prefetch_related(
            "bylines__reporter",
            Prefetch("continuations", parts),
            Prefetch("signoffs", SignOff.objects.select_related("user", "voided_by")),
            Prefetch("proof_marks", ProofMark.objects.select_related("author", "resolved_by")),
        )
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


def page_stories(*, article: Article) -> list[Article]:
    """Every article printed on the article's page, in printed order, with just what the
    review page needs of them (place, headline, zone): one query for its neighbours and
    the boxes drawn on the page image."""
    return list(
        Article.objects.filter(source_page_id=article.source_page_id)
        .only("pk", "source_page_id", "position", "title", "zone")
        .order_by("position")
    )


def article_notes(*, article: Article) -> QuerySet[Note]:
    return Note.objects.filter(article=article).select_related("author")


def article_transitions(*, article: Article) -> QuerySet[Transition]:
    return Transition.objects.filter(article=article).select_related("user")


def continuation_candidates(*, article: Article) -> list[Article]:
    """The stories of the article's issue on other pages that it may continue, by page and place."""
    issue_id = article.source_page.issue_id
    if issue_id is None or article.continuation_of_id is not None:
        return []
    return list(
        Article.objects.filter(source_page__issue_id=issue_id, continuation_of=None)
        .exclude(source_page_id=article.source_page_id)
        .select_related("source_page").defer("source_page__raw_text", "body")
        .order_by("source_page__number", "position")[:200]
    )
