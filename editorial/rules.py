"""Who may do what to which article. Reads only; the services enforce these, the desk uses them to show buttons."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils.translation import gettext

from articles.models import Article
from editorial.levels import ReviewLevel, levels_for
from editorial.models import SignOff
from editorial.workflow import APPROVE, MOVES, SEND_BACK, Move

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
    if move.name == "approve":
        return sign_refusal(user, article) is None
    if move.name == "send_back":
        return send_back_level(user, article) is not None
    return True


def _state_allows(move: Move, article: Article) -> bool:
    if article.status not in move.sources:
        return False
    return ready_to_publish(article) if move.name in {"publish", "schedule"} else True


def available_moves(user: User, article: Article) -> list[Move]:
    """The moves to offer: legal from the article's state (签发 once every level signed) and allowed to this user."""
    return [m for m in MOVES.values() if _state_allows(m, article) and has_role_for(user, m, article)]


def can_restructure(user: User, article: Article) -> bool:
    """Split, merge and moving paragraphs: fixes of imported copy, never on a public story
    (text must not vanish from a live page; editorial.operations refuses it too)."""
    return can_edit(user, article) and not article.is_public


def can_mark(user: User, article: Article) -> bool:
    """校对 marks: a reviewer queries a passage of a story not yet public."""
    return (
        user.is_active and user.has_perm("editorial.add_proofmark") and user.has_perm("articles.review_article")
        and article.status not in {*Article.PUBLIC_STATUSES, S.SPIKED}
    )


def can_resolve_mark(user: User, article: Article) -> bool:
    """A reviewer, or the reporter answering the query on their own story."""
    if can_mark(user, article):
        return True
    return user.is_active and article.status not in {*Article.PUBLIC_STATUSES, S.SPIKED} and is_own(user, article)


# 三审三校: who signs which level (editorial.levels), and when an article is ready for 签发.


def _group_names(user: User) -> frozenset[str]:
    """The user's group names, read once per request (the user object carries them)."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_newsroom_groups"):
        user._newsroom_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._newsroom_groups


def held_levels(user: User, levels: list[ReviewLevel]) -> list[int]:
    """The indices of the levels this user may sign; a superuser holds them all."""
    if not (user.is_active and user.has_perm("articles.review_article")):
        return []
    if user.is_superuser:
        return list(range(len(levels)))
    groups = _group_names(user)
    return [i for i, level in enumerate(levels) if level.groups & groups]


def _related(article: Article, name: str):
    """article.<name>.all(), read once: kept as Django keeps a prefetch, so the
    rules below may ask again without a query (services call forget() after writing)."""
    cache = article.__dict__.setdefault("_prefetched_objects_cache", {})
    if name not in cache:
        rows = getattr(article, name).all()
        list(rows)
        cache[name] = rows
    return cache[name]


def forget(article: Article) -> None:
    """Drop what _related read, after a write to the article's sign-offs or marks."""
    cache = article.__dict__.get("_prefetched_objects_cache", {})
    cache.pop("signoffs", None)
    cache.pop("proof_marks", None)


def standing_signoffs(article: Article) -> dict[str, SignOff]:
    """The article's sign-offs that still stand, by level key."""
    return {s.level: s for s in _related(article, "signoffs") if s.standing}


def pending_level(article: Article) -> int | None:
    """The index of the first level without a standing sign-off; None when every level signed."""
    signed = standing_signoffs(article)
    return next((i for i, level in enumerate(levels_for(article)) if level.key not in signed), None)


def has_open_marks(article: Article) -> bool:
    return any(mark.is_open for mark in _related(article, "proof_marks"))


def sign_refusal(user: User, article: Article) -> str | None:
    """Why this user may not sign the article's next level now, or None if they may."""
    levels = levels_for(article)
    pending = pending_level(article)
    if article.status not in APPROVE.sources or pending is None:
        return gettext("This article is not waiting for a review sign-off.")
    if pending not in held_levels(user, levels):
        return gettext("You may not sign the %(level)s of this article.") % {"level": levels[pending]}
    signed_by = {s.user_id for s in standing_signoffs(article).values()}
    if not user.is_superuser and user.pk in signed_by:
        # 三审: each level is a different pair of eyes.
        return gettext("You already signed another review level of this article.")
    if pending == len(levels) - 1 and has_open_marks(article):
        return gettext("Resolve the open proofreading marks before the %(level)s.") % {"level": levels[pending]}
    return None


def send_back_level(user: User, article: Article) -> int | None:
    """The level a send-back by this user returns the article to, or None if they may not send it back.

    The level that asks is the one the user would sign now, else the highest
    they hold. Nobody undoes a sign-off of a level above their own."""
    levels = levels_for(article)
    held = held_levels(user, levels)
    if not held or article.status not in SEND_BACK.sources:
        return None
    pending = pending_level(article)
    asking = pending if pending in held else max(held)
    signed = standing_signoffs(article)
    if any(level.key in signed for level in levels[asking + 1:]):
        return None
    return asking


def ready_to_publish(article: Article) -> bool:
    return pending_level(article) is None
