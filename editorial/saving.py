"""How every editorial write reaches the database: atomically, with a revision,
never over someone else's newer save, and announced once committed.

Optimistic locking: an editor's change is made from the ``Article.version`` they
saw. The save first runs ``UPDATE … SET version = version + 1 WHERE version = seen``;
zero rows means someone saved in between, so nothing is written and the editor
is shown what changed. The UPDATE also holds the row lock until commit, so two
saves cannot both pass the check.

Sign-offs: a sign-off vouches for the text as it stood, so a text edit made
here voids the sign-offs of the levels above the editor's (the rule is in
editorial.services' docstring); transitions, which change no text, skip the check.

Lock order: the article's page, then the article, as the importer takes them
(articles.services.importing locks the page before writing its articles). A
save made while its page is being imported waits for the import and then meets
its new version as a conflict, instead of deadlocking with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from reversion.models import Version

from articles.models import Article, Byline, SourcePage
from articles.signals import announce_changed
from editorial.errors import EditConflict, InvalidOperation
from editorial.levels import levels_for
from editorial.models import SignOff, Transition
from editorial.rules import User, forget, held_levels, standing_signoffs
from editorial.selectors import changes_since

S = Article.Status

# The text a sign-off vouches for; the bylines too (signed_text).
SIGNED_FIELDS = ("kicker", "title", "subtitle", "dateline", "dateline_date", "body", "column_id")
# Where an edit voids sign-offs: in review and on the way to 签发. A draft keeps
# what its send-back kept; a public story was issued and is corrected openly.
_SIGNED_STATES = frozenset({S.IN_REVIEW, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED})


def ensure_baseline(article: Article) -> None:
    """Keep the article as it was before its first editorial save (usually as imported),
    so the first change can be diffed and undone. Call outside any revision block."""
    if not Version.objects.get_for_object_reference(Article, article.pk).exists():
        with reversion.create_revision():
            reversion.set_comment(gettext("Before the first edit"))
            reversion.add_to_revision(Article.objects.get(pk=article.pk))


def claim_version(*, article: Article, seen_version: int) -> None:
    """Bump the stored version if it is still the one seen, else raise EditConflict."""
    if not Article.objects.filter(pk=article.pk, version=seen_version).update(version=F("version") + 1):
        raise conflict(article_id=article.pk, seen_version=seen_version)
    article.version = seen_version + 1


def conflict(*, article_id: int, seen_version: int) -> EditConflict:
    current = Article.objects.filter(pk=article_id).values_list("version", flat=True).first() or 0
    changed_by, changes = changes_since(article_id=article_id, seen_version=seen_version)
    return EditConflict(
        article_id=article_id, seen_version=seen_version, current_version=current, changed_by=changed_by, changes=changes,
    )


def lock_page(article: Article) -> None:
    """Hold the article's page until commit (PostgreSQL; SQLite's IMMEDIATE transactions lock the whole file)."""
    # NO KEY: nothing here deletes the page or changes its id, so inserts that
    # merely reference it need not wait; the importer's FOR UPDATE still does.
    list(SourcePage.objects.select_for_update(no_key=True).filter(pk=article.source_page_id).values_list("pk"))


def _account(user: User | None) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None


def signed_text(article_id: int) -> tuple:
    """The stored text of an article and its bylines, as a sign-off vouches for them."""
    return (
        Article.objects.filter(pk=article_id).values_list(*SIGNED_FIELDS).first(),
        tuple(Byline.objects.filter(article_id=article_id).order_by("position", "pk").values_list("reporter_id", "role")),
    )


def _in_memory_text(article: Article) -> tuple:
    return (
        tuple(getattr(article, name) for name in SIGNED_FIELDS),
        tuple(Byline.objects.filter(article_id=article.pk).order_by("position", "pk").values_list("reporter_id", "role")),
    )


def signoffs_void(*, article: Article, keys: set[str], user: User | None, reason: str) -> int:
    """Void the article's standing sign-offs of these levels (they stay on record); returns how many."""
    ids = [s.pk for key, s in standing_signoffs(article).items() if key in keys]
    if ids:
        SignOff.objects.filter(pk__in=ids).update(
            voided_at=timezone.now(), voided_by=_account(user), void_reason=reason[:200],
        )
        forget(article)
    return len(ids)


def void_after_edit(*, article: Article, user: User | None) -> int:
    """The text changed: void the sign-offs above the editor's own level. An approved or
    scheduled article then waits for review again (the caller saves article.status)."""
    if article.status not in _SIGNED_STATES:
        return 0
    levels = levels_for(article)
    top = max(held_levels(user, levels), default=-1) if user is not None else -1
    voided = signoffs_void(
        article=article, keys={level.key for level in levels[top + 1:]}, user=user,
        reason=gettext("the text was edited afterwards"),
    )
    if voided and article.status != S.IN_REVIEW:
        Transition.objects.create(
            article=article, user=_account(user), from_status=article.status, to_status=S.IN_REVIEW,
            note=gettext("edited after sign-off: to be signed again"),
        )
        article.status = S.IN_REVIEW
        article.scheduled_at = None
    return voided


@contextmanager
def editing(
    *, article: Article, user: User | None, comment: str, also: Iterable[int] = (), text_edit: bool = True,
) -> Iterator[Article]:
    """One editorial change to article, made from article.version as loaded.

    The body of the with-block changes the article in memory (and may write
    its bylines, tags or neighbours); on exit the article is validated and
    saved and one revision records everything. Any exception rolls it all back.
    A text_edit that changes the signed text voids sign-offs (void_after_edit).
    """
    with transaction.atomic():
        lock_page(article)
        ensure_baseline(article)
        # Before the claim: the form may already have changed the article in memory.
        watched = text_edit and article.status in _SIGNED_STATES and bool(standing_signoffs(article))
        before = signed_text(article.pk) if watched else None
        claim_version(article=article, seen_version=article.version)
        with reversion.create_revision():
            reversion.set_user(_account(user))
            reversion.set_comment(comment)
            yield article
            if watched:
                stored_fields, stored_bylines = before
                fields, bylines = _in_memory_text(article)
                if fields != stored_fields or bylines != stored_bylines:
                    void_after_edit(article=article, user=user)
            try:
                article.full_clean()
            except ValidationError as exc:  # e.g. a restored revision naming a deleted section
                raise InvalidOperation("；".join(exc.messages)) from exc
            article.save()
        announce_changed([article.pk, *also])  # after commit: search and caches never see a rolled-back edit
