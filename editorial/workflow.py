"""The editorial workflow as data: which move goes from which states to which, and who may make it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from articles.models import Article

S = Article.Status


@dataclass(frozen=True)
class Move:
    name: str
    label: str  # the button text on the desk (a lazy gettext)
    sources: frozenset[str]
    target: str
    permission: str


PUBLIC = frozenset(Article.PUBLIC_STATUSES)

SUBMIT = Move("submit", _("Submit for review"), frozenset({S.IMPORTED, S.DRAFT}), S.IN_REVIEW, "articles.submit_article")
# An imported article already waits for review (its state says so), so the desk
# may sign or send it back without a reporter submitting it first. APPROVE signs
# the next review level (editorial.levels); only the last signature reaches
# APPROVED, the others leave the article IN_REVIEW (services.article_approve).
APPROVE = Move("approve", _("Approve"), frozenset({S.IMPORTED, S.IN_REVIEW}), S.APPROVED, "articles.review_article")
SEND_BACK = Move(
    "send_back", _("Send back"), frozenset({S.IMPORTED, S.IN_REVIEW, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED}), S.DRAFT,
    "articles.review_article",
)
PUBLISH = Move("publish", _("Publish"), frozenset({S.APPROVED, S.SCHEDULED, S.UNPUBLISHED}), S.PUBLISHED, "articles.publish_article")
SCHEDULE = Move("schedule", _("Schedule"), frozenset({S.APPROVED}), S.SCHEDULED, "articles.publish_article")
UNPUBLISH = Move("unpublish", _("Unpublish"), PUBLIC, S.UNPUBLISHED, "articles.publish_article")
CORRECT = Move("correct", _("Correct"), PUBLIC, S.CORRECTED, "articles.publish_article")
# A public article is unpublished first, so killing a story is never one careless click.
SPIKE = Move(
    "spike", _("Spike"), frozenset(S.values) - PUBLIC - {S.SPIKED}, S.SPIKED, "articles.spike_article",
)

MOVES: dict[str, Move] = {m.name: m for m in (SUBMIT, APPROVE, SEND_BACK, PUBLISH, SCHEDULE, UNPUBLISH, CORRECT, SPIKE)}
