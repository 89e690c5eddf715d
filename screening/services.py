"""Writes of screening: the word list, each article's stored hits, overrides; and the 签发 check."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import CharField, Value
from django.utils.translation import gettext

from articles.models import Article
from screening.errors import BannedWordsStand, OverrideNotAllowed, OverrideRefused
from screening.matching import BANNED, NOTICE, Hit, Matcher, article_passages
from screening.models import ArticleScreening, ScreeningOverride, SensitiveWord
from screening.wordlist import current_matcher, new_generation

logger = logging.getLogger(__name__)

User = AbstractBaseUser | AnonymousUser
BATCH_SIZE = 500
SCREENED_FIELDS = ("kicker", "title", "subtitle", "body")

# How a word file may spell a severity (import_sensitive_words, the admin's upload).
SEVERITY_NAMES = {NOTICE: NOTICE, BANNED: BANNED, "提示": NOTICE, "禁用": BANNED}


def text_fingerprint(article: Article) -> str:
    """Identifies the screened text: an override is good for this text only."""
    joined = "\x1f".join(getattr(article, name) for name in SCREENED_FIELDS)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def article_hits(article: Article, matcher: Matcher | None = None) -> list[Hit]:
    matcher = matcher or current_matcher()[1]
    return matcher.find(article_passages(
        kicker=article.kicker, title=article.title, subtitle=article.subtitle, body=article.body,
    ))


def banned_words(hits: Iterable[Hit]) -> list[str]:
    return sorted({hit.word for hit in hits if hit.severity == BANNED})


def published_text(article: Article) -> tuple[list[Article], str]:
    """What 签发 puts before readers: the article and the parts continued on later pages (转版),
    whose bodies readers see inside it; and the fingerprint of all of that text."""
    parts = article.parts
    if len(parts) == 1:
        return parts, text_fingerprint(article)
    joined = "".join(text_fingerprint(part) for part in parts)
    return parts, hashlib.sha256(joined.encode("ascii")).hexdigest()


def _published_banned_words(article: Article) -> tuple[list[str], str]:
    matcher = current_matcher()[1]
    parts, fingerprint = published_text(article)
    return banned_words(hit for part in parts for hit in article_hits(part, matcher)), fingerprint


def covering_override(
    overrides: Iterable[ScreeningOverride], *, words: list[str], fingerprint: str,
) -> ScreeningOverride | None:
    """The override that lets these banned words of this text stand, if any: same text, and every word in it."""
    return next((o for o in overrides if o.fingerprint == fingerprint and set(words) <= set(o.words)), None)


def articles_screen(*, article_ids: Iterable[int]) -> int:
    """Store the hits of these articles as they are now (ids deleted since are skipped); returns how many."""
    ids = list(dict.fromkeys(article_ids))
    generation, matcher = current_matcher()
    done = 0
    for start in range(0, len(ids), BATCH_SIZE):
        articles = Article.objects.filter(pk__in=ids[start: start + BATCH_SIZE]).only("pk", *SCREENED_FIELDS)
        rows = []
        for article in articles:
            hits = article_hits(article, matcher)
            rows.append(ArticleScreening(
                article=article,
                banned_count=sum(hit.severity == BANNED for hit in hits),
                notice_count=sum(hit.severity == NOTICE for hit in hits),
                hits=[hit.as_dict() for hit in hits],
                generation=Value(generation, output_field=CharField()),
            ))
        # One statement per batch, insert or update: a receiver for a whole imported page stays cheap.
        # The generation as an expression makes Django write plain VALUES rows on PostgreSQL
        # rather than an UNNEST of one array per column: in an array, psycopg escapes the
        # hits' JSON quote by quote in Python (a fifth of this function's CPU), in VALUES libpq does.
        ArticleScreening.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["article"],
            update_fields=["banned_count", "notice_count", "hits", "generation", "checked_at"],
        )
        done += len(rows)
    return done


def stale_article_ids() -> list[int]:
    """Articles never screened, or screened with another word list than the current one."""
    generation, _matcher = current_matcher()
    return list(
        Article.objects.exclude(screening__generation=generation).order_by("pk").values_list("pk", flat=True)
    )


def word_list_changed() -> None:
    """A new generation, and, once committed, the stored hits of every article brought up to date."""
    from screening.tasks import enqueue_rescreen  # tasks import these services

    new_generation()
    transaction.on_commit(enqueue_rescreen)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)  # lines not understood, as given


def parse_word_line(line: str) -> SensitiveWord | None:
    """`word[,category[,severity]]`, commas ASCII or full-width; None for a line that is not one."""
    parts = [part.strip() for part in line.replace("，", ",").split(",")]
    if not parts[0] or len(parts) > 3:
        return None
    severity = SEVERITY_NAMES.get(parts[2].lower(), None) if len(parts) == 3 and parts[2] else BANNED
    if severity is None:
        return None
    word = SensitiveWord(word=parts[0], category=parts[1] if len(parts) > 1 else "", severity=severity)
    return word if len(word.word) <= SensitiveWord._meta.get_field("word").max_length else None


@transaction.atomic
def words_import(*, lines: Iterable[str]) -> ImportResult:
    """Add or update words from lines of a word file; blank lines and # comments are skipped.

    A word already listed takes the file's category and severity and is active again.
    """
    result = ImportResult()
    wanted: dict[str, SensitiveWord] = {}
    for line in lines:
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        if (word := parse_word_line(line)) is None:
            result.skipped.append(line)
        else:
            wanted[word.word] = word  # the last line for a word wins
    existing = {w.word: w for w in SensitiveWord.objects.filter(word__in=list(wanted))}
    changed = []
    for text, word in wanted.items():
        if (old := existing.get(text)) is None:
            continue
        old.category, old.severity, old.active = word.category, word.severity, True
        changed.append(old)
    new = [word for text, word in wanted.items() if text not in existing]
    SensitiveWord.objects.bulk_create(new, batch_size=1000)
    SensitiveWord.objects.bulk_update(changed, ["category", "severity", "active", "updated_at"], batch_size=1000)
    result.created, result.updated = len(new), len(changed)
    if new or changed:
        word_list_changed()  # bulk writes send no save signals
    return result


def publish_check(*, article: Article) -> None:
    """Refuse 签发 while a banned word stands that no override covers; the text is screened as it is now."""
    words, fingerprint = _published_banned_words(article)
    if not words:
        return
    if covering_override(ScreeningOverride.objects.filter(article=article), words=words, fingerprint=fingerprint):
        return
    raise BannedWordsStand(
        gettext(
            "This article contains banned words: %(words)s. It cannot be published until they are removed,"
            " or the chief editor lets them stand with a note."
        ) % {"words": "、".join(words)},
        words=words,
    )


@transaction.atomic
def override_create(*, article: Article, user: User, note: str) -> ScreeningOverride:
    """Let the banned words of the article's current text stand, with the chief editor's reason (logged)."""
    if not (user.is_active and user.has_perm("screening.override_banned")):
        raise OverrideNotAllowed(gettext("You may not let banned words stand."))
    if not note.strip():
        raise OverrideRefused(gettext("Say why the banned words may stand: the note is kept with the override."))
    words, fingerprint = _published_banned_words(article)
    if not words:
        raise OverrideRefused(gettext("This article has no banned words to let stand."))
    override = ScreeningOverride(article=article, user=user, note=note.strip(), fingerprint=fingerprint, words=words)
    override.full_clean()
    override.save()
    logger.info("user %s let banned words %s stand in article %s: %s", user.pk, words, article.pk, override.note)
    return override
