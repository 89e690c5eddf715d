"""Writes of the editorial workflow: one function per transition, plus the desk's
other changes (bulk edits, notes, proofreading marks, restoring a revision).

Every function checks the user's role, refuses illegal moves with a
WorkflowError whose message the desk shows as is, saves through
editorial.saving (optimistic lock, revision, articles_changed on commit) and
logs transitions in editorial.models.Transition.

三审三校 (the levels are editorial.levels; who holds one is editorial.rules):

- Approving signs the article's next level (a SignOff: who, when, level,
  note). Each level is signed by a different person (a superuser excepted),
  the last level only when no proofreading mark is open, and only the last
  signature moves the article to APPROVED; until then it is IN_REVIEW.
- Publishing (签发) needs every level signed, and passes PUBLISH_CHECKS.
- Sending back is asked by a level: the one the sender would sign now, else
  the highest they hold. Its sign-off and every later one are voided (kept,
  struck through on the desk), the lower ones stand, and the article goes to
  DRAFT. The reporter resubmits it, and it then waits at the first level
  without a standing sign-off: the asking level, when the ones below had
  signed. Nobody sends back over a standing sign-off of a level above their own.
- Editing the text (kicker, title, subtitle, dateline, body, column, bylines)
  of an article in review, approved, scheduled or unpublished voids the
  standing sign-offs of every level above the editor's highest: a 编辑's fix
  after 复审 sends it back to 复审, the 终审's own fix voids nothing. An
  approved or scheduled article that loses a sign-off goes back to IN_REVIEW.
  A draft's edits void nothing: its standing sign-offs are the ones its
  send-back kept, and the asking level reads the whole revised text. A public
  story's edits void nothing either: it was issued, and is corrected in the open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from reversion.models import Version

from articles.models import Article, Byline, Reporter, Section
from articles.services.editions import publication_time
from editorial.errors import IllegalMove, InvalidOperation, NotAllowed, WorkflowError
from editorial.levels import levels_for
from editorial.models import Note, ProofMark, SignOff, Transition
from editorial.rules import (
    User, can_add_note, can_edit, can_mark, can_resolve_mark, forget, has_role_for, pending_level,
    ready_to_publish, send_back_level, sign_refusal,
)
from editorial.saving import editing, signoffs_void, void_after_edit
from editorial.selectors import version_bylines
from editorial.workflow import APPROVE, CORRECT, PUBLISH, SCHEDULE, SEND_BACK, SPIKE, SUBMIT, UNPUBLISH, Move
from screening.errors import OverrideNotAllowed, ScreeningError
from screening.models import ScreeningOverride
from screening.services import override_create, publish_check
from text.bodytext import text_to_blocks
from text.textstats import body_char_count
from newsroom.contention import BUSY_MESSAGE, is_lock_timeout

logger = logging.getLogger(__name__)

S = Article.Status

# What restoring a revision brings back: the text and its placement, not the
# workflow state (that only changes through a transition) nor the provenance.
RESTORED_FIELDS = (
    "column_id", "kicker", "title", "subtitle", "body", "dateline", "dateline_date", "continued_from", "continues_to",
    "section_id", "slug", "char_count",
)


def _check_role(*, user: User, move: Move, article: Article) -> None:
    if not has_role_for(user, move, article):
        raise NotAllowed(gettext("You may not “%(move)s” this article.") % {"move": move.label})


def _check_state(*, move: Move, article: Article) -> None:
    if article.status not in move.sources:
        raise IllegalMove(
            gettext("An article that is “%(status)s” cannot be moved by “%(move)s”.")
            % {"status": article.get_status_display(), "move": move.label}
        )


def _apply(
    *, article: Article, user: User | None, move: Move, note: str, target: str | None = None, level: str = "", **changes,
) -> Article:
    """Make the move with no role check: callers have checked, or act for the scheduler.

    level names the review level a sign-off or send-back was made for; the log says it."""
    _check_state(move=move, article=article)
    from_status, target = article.status, target or move.target
    logged = f"{level}{'：' + note if note else ''}" if level else note
    with editing(article=article, user=user, comment=f"{move.label}{'：' + logged if logged else ''}", text_edit=False):
        article.status = target
        for name, value in changes.items():
            setattr(article, name, value)
        Transition.objects.create(
            article=article, user=user if user is not None and user.is_authenticated else None,
            from_status=from_status, to_status=target, note=logged,
        )
    return article


def check_signed_off(article: Article) -> None:
    """Every review level of the article has a standing sign-off."""
    if not ready_to_publish(article):
        level = levels_for(article)[pending_level(article)]
        raise IllegalMove(gettext("The %(level)s has not signed this article.") % {"level": level})


# What must hold before 签发, for the desk and the scheduler alike: each takes
# the article and raises a WorkflowError (IllegalMove) to refuse, and the
# move is not made. A new gate (e.g. a 敏感词 screening) is one more entry.
def check_screening(article: Article) -> None:
    """No banned word (敏感词) stands that an override does not cover."""
    try:
        publish_check(article=article)
    except ScreeningError as exc:
        raise IllegalMove(exc.message) from exc


PUBLISH_CHECKS: list[Callable[[Article], None]] = [check_signed_off, check_screening]


def check_publishable(article: Article) -> None:
    for check in PUBLISH_CHECKS:
        check(article)


def _move(*, article: Article, user: User, move: Move, note: str = "", **changes) -> Article:
    _check_role(user=user, move=move, article=article)
    return _apply(article=article, user=user, move=move, note=note, **changes)


@transaction.atomic
def article_submit(*, article: Article, user: User, note: str = "") -> Article:
    return _move(article=article, user=user, move=SUBMIT, note=note)


@transaction.atomic
def article_approve(*, article: Article, user: User, note: str = "") -> Article:
    """Sign the article's next review level; the last signature approves it for 签发."""
    _check_state(move=APPROVE, article=article)
    if not (user.is_active and user.has_perm(APPROVE.permission)):
        raise NotAllowed(gettext("You may not “%(move)s” this article.") % {"move": APPROVE.label})
    if (refusal := sign_refusal(user, article)) is not None:
        raise NotAllowed(refusal)
    levels = levels_for(article)
    level = levels[pending_level(article)]
    signoff = SignOff(article=article, level=level.key, user=user, note=note.strip())
    signoff.full_clean()
    signoff.save()
    forget(article)
    target = S.APPROVED if ready_to_publish(article) else S.IN_REVIEW
    return _apply(article=article, user=user, move=APPROVE, note=note, target=target, level=str(level))


@transaction.atomic
def article_send_back(*, article: Article, user: User, note: str = "") -> Article:
    """Return the article to the reporter for the level that asks; see the module docstring."""
    _check_state(move=SEND_BACK, article=article)
    if not (user.is_active and user.has_perm(SEND_BACK.permission)) or (asking := send_back_level(user, article)) is None:
        raise NotAllowed(gettext("You may not “%(move)s” this article.") % {"move": SEND_BACK.label})
    levels = levels_for(article)
    signoffs_void(
        article=article, keys={level.key for level in levels[asking:]}, user=user,
        reason=gettext("sent back by the %(level)s") % {"level": levels[asking]},
    )
    return _apply(
        article=article, user=user, move=SEND_BACK, note=note, scheduled_at=None,
        level=str(levels[asking]),
    )


@transaction.atomic
def article_publish(*, article: Article, user: User, note: str = "") -> Article:
    _check_role(user=user, move=PUBLISH, article=article)
    _check_state(move=PUBLISH, article=article)
    check_publishable(article)
    # A republished article keeps its first publication time, so its URL stays the same;
    # an article of a dated issue is published at its edition's time (URL date = edition date).
    first = article.published_at or publication_time(article.source_page.edition_date) or timezone.now()
    return _apply(article=article, user=user, move=PUBLISH, note=note, published_at=first)


@transaction.atomic
def article_schedule(*, article: Article, user: User, when: datetime, note: str = "") -> Article:
    _check_role(user=user, move=SCHEDULE, article=article)
    _check_state(move=SCHEDULE, article=article)
    check_publishable(article)
    if when <= timezone.now():
        raise IllegalMove(gettext("The scheduled time must be in the future."))
    return _apply(article=article, user=user, move=SCHEDULE, note=note, scheduled_at=when)


@transaction.atomic
def article_unpublish(*, article: Article, user: User, note: str = "") -> Article:
    return _move(article=article, user=user, move=UNPUBLISH, note=note)


@transaction.atomic
def article_spike(*, article: Article, user: User, note: str = "") -> Article:
    return _move(article=article, user=user, move=SPIKE, note=note)


@transaction.atomic
def article_correct(*, article: Article, user: User, correction: str, note: str = "") -> Article:
    if not correction.strip():
        raise IllegalMove(gettext("A correction needs a note readers will see."))
    return _move(article=article, user=user, move=CORRECT, note=note, correction=correction.strip())


@transaction.atomic
def article_override_screening(*, article: Article, user: User, note: str) -> ScreeningOverride:
    """The chief editor lets the banned words of the current text stand, saying why (logged with the text's fingerprint)."""
    try:
        return override_create(article=article, user=user, note=note)
    except OverrideNotAllowed as exc:
        raise NotAllowed(exc.message) from exc
    except ScreeningError as exc:
        raise InvalidOperation(exc.message) from exc


# The desk's buttons post a move name; these take (article, user, note).
SIMPLE_MOVES = {
    SUBMIT.name: article_submit,
    APPROVE.name: article_approve,
    SEND_BACK.name: article_send_back,
    PUBLISH.name: article_publish,
    UNPUBLISH.name: article_unpublish,
    SPIKE.name: article_spike,
}


def scheduled_publish_due(*, now: datetime | None = None) -> list[int]:
    """Publish every scheduled article whose time has come; returns their ids.

    Runs without a user (cron): the chief editor who scheduled it authorised it.
    Each article is its own transaction, so one refused article does not hold up the rest.
    """
    now = now or timezone.now()
    published: list[int] = []
    due = Article.objects.filter(status=S.SCHEDULED, scheduled_at__lte=now).select_related("source_page")
    for article in due.defer("source_page__raw_text").order_by("scheduled_at", "pk"):
        try:
            check_publishable(article)
            _apply(
                article=article, user=None, move=PUBLISH, note=gettext("scheduled"),
                # As article_publish: a dated issue's story is published at its edition's time.
                published_at=article.published_at or publication_time(article.source_page.edition_date) or now,
            )
        except WorkflowError as exc:
            # An editor saved it this very moment, or it can no longer be published
            # as it stands: the others still go out, and the next run retries it.
            logger.warning("scheduled publish of article %s refused: %s", article.pk, exc)
            continue
        published.append(article.pk)
    return published


@dataclass
class BulkResult:
    done: list[int] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "title: reason", for the desk's message


def _each(articles: Iterable[Article], change) -> BulkResult:
    """Apply change to each article in its own transaction; collect who was refused and why."""
    result = BulkResult()
    for article in articles:
        try:
            with transaction.atomic():
                change(article)
        except WorkflowError as exc:
            result.refused.append(f"{article}: {exc.message}")
        except OperationalError as exc:
            # The articles before this one are committed: a busy database refuses
            # this one here rather than failing the whole request as unsaved.
            if not is_lock_timeout(exc):
                raise
            result.refused.append(f"{article}: {BUSY_MESSAGE}")
        else:
            result.done.append(article.pk)
    return result


def check_can_edit(*, user: User, article: Article) -> None:
    if not can_edit(user, article):
        raise NotAllowed(
            gettext("You may not edit an article that is “%(status)s”.") % {"status": article.get_status_display()}
        )


def articles_move(*, articles: Iterable[Article], user: User, move_name: str) -> BulkResult:
    """The same transition on many articles (the admin's bulk submit / publish)."""
    service = SIMPLE_MOVES[move_name]
    return _each(articles, lambda article: service(article=article, user=user))


def articles_assign_section(*, articles: Iterable[Article], user: User, section: Section | None) -> BulkResult:
    def assign(article: Article) -> None:
        check_can_edit(user=user, article=article)
        comment = gettext("Section: %(section)s") % {"section": section or gettext("none")}
        with editing(article=article, user=user, comment=comment, text_edit=False):
            article.section = section

    return _each(articles, assign)


def articles_add_tags(*, articles: Iterable[Article], user: User, tags: list[str]) -> BulkResult:
    if not tags:
        raise InvalidOperation(gettext("Give the tags to add."))

    def add(article: Article) -> None:
        check_can_edit(user=user, article=article)
        comment = gettext("Added tags: %(tags)s") % {"tags": "、".join(tags)}
        with editing(article=article, user=user, comment=comment, text_edit=False):
            article.tags.add(*tags)

    return _each(articles, add)


@transaction.atomic
def article_store(*, article: Article, user: User, seen_version: int, comment: str = "") -> Article:
    """Save an article changed in a form (the admin) that was opened at seen_version.

    Inside an open revision block (the admin's) the revision also takes the
    inlines saved afterwards; the caller then has to call ensure_baseline first."""
    check_can_edit(user=user, article=article)
    article.version = seen_version
    article.char_count = body_char_count(text_to_blocks(article.body))  # the form may have changed the body
    with editing(article=article, user=user, comment=comment or gettext("Edited")):
        pass
    return article


@transaction.atomic
def article_revert(*, article: Article, user: User, version_id: int) -> Article:
    """Bring back the text and bylines of an older revision, as a new revision (nothing is lost)."""
    check_can_edit(user=user, article=article)
    version = Version.objects.get_for_object_reference(Article, article.pk).select_related("revision").filter(
        pk=version_id
    ).first()
    if version is None:
        raise InvalidOperation(gettext("No such revision of this article."))
    data = version.field_dict
    old_bylines = version_bylines(version)
    known = set(Reporter.objects.filter(pk__in=[row["reporter_id"] for row in old_bylines]).values_list("pk", flat=True))
    when = timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M")
    with editing(article=article, user=user, comment=gettext("Restored the revision of %(when)s") % {"when": when}):
        for name in RESTORED_FIELDS:
            if name == "slug" and article.is_public:
                continue  # a public article keeps its address
            setattr(article, name, data.get(name))
        article.bylines.all().delete()
        for row in old_bylines:
            # A reporter deleted since then cannot be credited again; the rest of the revision still returns.
            if row["reporter_id"] in known:
                Byline.objects.create(article=article, reporter_id=row["reporter_id"], role=row["role"], position=row["position"])
    return article


@transaction.atomic
def note_add(*, article: Article, user: User, text: str) -> Note:
    if not user.has_perm("editorial.add_note"):
        raise NotAllowed(gettext("You may not add desk notes."))
    if not can_add_note(user, article):
        raise NotAllowed(gettext("You may add notes only to your own drafts."))
    note = Note(article=article, author=user, text=text.strip())
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def article_bylines_changed(*, article: Article, user: User) -> None:
    """The admin saved the bylines after the article (its inline): the same voiding as any text edit."""
    status = article.status
    if void_after_edit(article=article, user=user) and article.status != status:
        Article.objects.filter(pk=article.pk).update(status=article.status, scheduled_at=None)


@transaction.atomic
def mark_add(*, article: Article, user: User, start: int, end: int, query: str) -> ProofMark:
    """校对: query the passage body[start:end] for the reporter; an open mark holds up the last review level."""
    if not can_mark(user, article):
        raise NotAllowed(gettext("You may not mark this article."))
    if not (0 <= start < end <= len(article.body)):
        raise InvalidOperation(
            gettext("Choose a passage of the body: from character 0 to %(length)d.") % {"length": len(article.body)}
        )
    mark = ProofMark(
        article=article, start=start, end=end, passage=article.body[start:end], query=query.strip(), author=user,
    )
    mark.full_clean()
    mark.save()
    forget(article)
    return mark


@transaction.atomic
def mark_resolve(*, mark: ProofMark, user: User) -> ProofMark:
    if not can_resolve_mark(user, mark.article):
        raise NotAllowed(gettext("You may not resolve this mark."))
    if not mark.is_open:
        raise InvalidOperation(gettext("This mark is already resolved."))
    mark.resolved_at, mark.resolved_by = timezone.now(), user
    mark.save(update_fields=["resolved_at", "resolved_by"])
    forget(mark.article)
    return mark


@transaction.atomic
def reporter_link_account(*, reporters: list[Reporter], account, user: User) -> Reporter:
    """Make account the desk login of one reporter: their bylines become its 我的稿件, and
    the reporter may edit and submit those drafts (editorial.rules.is_own)."""
    if not user.has_perm("articles.change_reporter"):
        raise NotAllowed(gettext("You may not change reporters."))
    if len(reporters) != 1 or account is None:
        raise InvalidOperation(gettext("Choose one reporter and one desk account."))
    reporter = reporters[0]
    taken = Reporter.objects.filter(user=account).exclude(pk=reporter.pk).first()
    if taken is not None:
        raise InvalidOperation(gettext("That account is already linked to %(reporter)s.") % {"reporter": taken})
    reporter.user = account
    reporter.full_clean()
    reporter.save(update_fields=["user"])
    return reporter
