"""The word list, each article's stored hits, and the chief editors' overrides."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from screening import matching


class SensitiveWord(models.Model):
    """A word the desk must see before publishing (提示) or may not publish (禁用)."""

    class Severity(models.TextChoices):
        NOTICE = matching.NOTICE, _("notice")
        BANNED = matching.BANNED, _("banned")

    word = models.CharField(_("word"), max_length=100, unique=True)
    category = models.CharField(_("category"), max_length=50, blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.BANNED)
    active = models.BooleanField(_("active"), default=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("sensitive word")
        verbose_name_plural = _("sensitive words")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word

    def clean(self) -> None:
        # Padding would make a word that never matches (or matches only beside a space).
        self.word = self.word.strip()


class WordList(models.Model):
    """One row: the generation of the word list, a new one for every change to it.

    Each process caches its automaton with the generation it was built from and
    compares it on every check (one primary-key read), so a word added in one
    worker is matched by all of them from the next check on. A random token, not
    a counter: a rolled-back change must not leave a number another change reuses,
    or a process would keep the automaton of the rolled-back list.
    """

    generation = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("word list generation")
        verbose_name_plural = _("word list generation")


class ArticleScreening(models.Model):
    """The hits of an article as last saved, so the desk's list can filter on them."""

    article = models.OneToOneField(
        Article, verbose_name=_("article"), primary_key=True, on_delete=models.CASCADE, related_name="screening"
    )
    banned_count = models.PositiveIntegerField(_("banned words"), default=0)
    notice_count = models.PositiveIntegerField(_("notices"), default=0)
    hits = models.JSONField(_("hits"), default=list, blank=True)  # matching.Hit.as_dict() each
    # The list the hits were found with: an article screened with an older one is screened again (screening.tasks).
    generation = models.CharField(_("word list generation"), max_length=32, blank=True)
    checked_at = models.DateTimeField(_("checked"), auto_now=True)

    class Meta:
        verbose_name = _("article screening")
        verbose_name_plural = _("article screenings")
        indexes = [
            # Partial: few articles have hits, and the list filters ask for exactly those.
            models.Index(fields=["article"], condition=models.Q(banned_count__gt=0), name="screening_has_banned"),
            models.Index(fields=["article"], condition=models.Q(notice_count__gt=0), name="screening_has_notice"),
        ]

    def __str__(self) -> str:
        return str(self.article_id)


class ScreeningOverride(models.Model):
    """A chief editor let banned words stand in one text of an article, and said why.

    It covers that text only (fingerprint) and those words only: any later edit,
    or a word banned later, is checked again.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="screening_overrides"
    )
    # SET_NULL: the log outlives the account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note"))
    fingerprint = models.CharField(_("text fingerprint"), max_length=64)
    words = models.JSONField(_("words let stand"), default=list)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("banned-word override")
        verbose_name_plural = _("banned-word overrides")
        ordering = ["-created_at", "-pk"]
        permissions = [("override_banned", _("Can publish an article with banned words, giving a note"))]

    def __str__(self) -> str:
        return "、".join(self.words)
