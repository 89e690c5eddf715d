"""Reads for the desk: an article's hits in context, and whether 签发 is open."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from screening.matching import BANNED, Hit, article_passages
from screening.models import ScreeningOverride
from screening.services import article_hits, banned_words, covering_override, published_text
from screening.wordlist import current_matcher

FIELD_LABELS = {
    "kicker": _("kicker"), "title": _("title"), "subtitle": _("subtitle"), "body": _("body"), "caption": _("caption"),
}
CONTEXT_CHARS = 15


@dataclass(frozen=True)
class ShownHit:
    hit: Hit
    field_label: Promise
    part: Article | None  # a part continued on a later page (转版), None for the article itself
    before: str
    text: str  # as printed: 法輪功 for the listed 法轮功, vpn for VPN
    after: str

    @property
    def css_class(self) -> str:
        return "sensitive-ban" if self.hit.severity == BANNED else "sensitive-notice"


@dataclass(frozen=True)
class Report:
    hits: list[ShownHit]
    banned: list[str]
    notices: list[str]
    overrides: list[ScreeningOverride]  # every override of this article, newest first
    covering: ScreeningOverride | None  # the one that lets the current text's banned words stand

    @property
    def blocks_publishing(self) -> bool:
        return bool(self.banned) and self.covering is None


def article_report(*, article: Article) -> Report:
    """The text 签发 would publish (the article and its 转版 parts) as it stands, screened with
    the current list (not the stored hits, which may lag a list change)."""
    parts, fingerprint = published_text(article)
    matcher = current_matcher()[1]
    shown, found = [], []
    for part in parts:
        hits = article_hits(part, matcher)
        found += hits
        texts = {
            (p.field, p.block): p.text
            for p in article_passages(kicker=part.kicker, title=part.title, subtitle=part.subtitle, body=part.body)
        }
        for hit in hits:
            text = texts[(hit.field, hit.block)]
            shown.append(ShownHit(
                hit=hit, field_label=FIELD_LABELS[hit.field], part=part if part.pk != article.pk else None,
                before=("…" if hit.start > CONTEXT_CHARS else "") + text[max(0, hit.start - CONTEXT_CHARS): hit.start],
                text=text[hit.start: hit.end],
                after=text[hit.end: hit.end + CONTEXT_CHARS] + ("…" if hit.end + CONTEXT_CHARS < len(text) else ""),
            ))
    banned = banned_words(found)
    overrides = list(ScreeningOverride.objects.filter(article=article).select_related("user"))
    covering = covering_override(overrides, words=banned, fingerprint=fingerprint) if banned else None
    return Report(
        hits=shown, banned=banned, notices=sorted({h.word for h in found if h.severity != BANNED}),
        overrides=overrides, covering=covering,
    )
