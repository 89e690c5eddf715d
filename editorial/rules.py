"""Who may do what to which article. Reads only; the services enforce these, the desk uses them to show buttons."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from articles.models import Article
from editorial.workflow import MOVES, Move

S = Article.Status

# Where each role may still change the text. A chief editor may also fix a
# public article (and then records a correction); nobody edits a spiked one.
_EDITOR_STATES = frozenset({S.IMPORTED, S.DRAFT, S.IN_REVIEW, S.APPROVED, S.UNPUBLISHED})
_REPORTER_STATES = frozenset({S.IMPORTED, S.DRAFT})

User = AbstractBaseUser | AnonymousUser


def is_own(user: User, article: Article) -> bool:
    """The article carries a byline of the reporter whose desk account this is."""
    return user.is_authenticated and article.bylines.filter(reporter__user=user).exists()


def can_edit(user: User, article: Article) -> bool:
    if not (user.is_active and user.has_perm("articles.change_article")):
        return False
    if user.has_perm("articles.publish_article"):
        return article.status != S.SPIKED
    if user.has_perm("articles.review_article"):
        return article.status in _EDITOR_STATES
    return article.status in _REPORTER_STATES and is_own(user, article)


def can_add_note(user: User, article: Article) -> bool:
    """Reviewers note on any article they see; a reporter only on what they may edit,
    so notes are not a way to write on other reporters' copy or on public stories."""
    if not (user.is_active and user.has_perm("editorial.add_note")):
        return False
    return user.has_perm("articles.review_article") or can_edit(user, article)


def has_role_for(user: User, move: Move, article: Article) -> bool:
    """The permission side only; whether the state allows the move is a separate question."""
    if not (user.is_active and user.has_perm(move.permission)):
        return False
    if move.name == "submit" and not user.has_perm("articles.review_article"):
        return is_own(user, article)  # reporters submit only their own copy
    return True


def available_moves(user: User, article: Article) -> list[Move]:
    """The moves to offer: legal from the article's state and allowed to this user."""
    return [m for m in MOVES.values() if article.status in m.sources and has_role_for(user, m, article)]
