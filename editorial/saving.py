"""How every editorial write reaches the database: atomically, with a revision,
never over someone else's newer save, and announced once committed.

Optimistic locking: an editor's change is made from the ``Article.version`` they
saw. The save first runs ``UPDATE … SET version = version + 1 WHERE version = seen``;
zero rows means someone saved in between, so nothing is written and the editor
is shown what changed. The UPDATE also holds the row lock until commit, so two
saves cannot both pass the check.

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
from reversion.models import Version

from articles.models import Article, SourcePage
from articles.signals import announce_changed
from editorial.errors import EditConflict, InvalidOperation
from editorial.rules import User
from editorial.selectors import changes_since


def ensure_baseline(article: Article) -> None:
    """Keep the article as it was before its first editorial save (usually as imported),
    so the first change can be diffed and undone. Call outside any revision block."""
    if not Version.objects.get_for_object_reference(Article, article.pk).exists():
        with reversion.create_revision():
            reversion.set_comment("编辑前的原稿 / before the first edit")
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


@contextmanager
def editing(*, article: Article, user: User | None, comment: str, also: Iterable[int] = ()) -> Iterator[Article]:
    """One editorial change to article, made from article.version as loaded.

    The body of the with-block changes the article in memory (and may write
    its bylines, tags or neighbours); on exit the article is validated and
    saved and one revision records everything. Any exception rolls it all back.
    """
    with transaction.atomic():
        lock_page(article)
        ensure_baseline(article)
        claim_version(article=article, seen_version=article.version)
        with reversion.create_revision():
            reversion.set_user(_account(user))
            reversion.set_comment(comment)
            yield article
            try:
                article.full_clean()
            except ValidationError as exc:  # e.g. a restored revision naming a deleted section
                raise InvalidOperation("；".join(exc.messages)) from exc
            article.save()
        announce_changed([article.pk, *also])  # after commit: search and caches never see a rolled-back edit
