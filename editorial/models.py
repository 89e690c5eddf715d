"""The desk's own records: the workflow log, editors' notes, review sign-offs (三审)
and proofreading marks (校对). Never shown to readers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class Transition(models.Model):
    """One move of an article between workflow states: who, when, from, to, and why."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="transitions")
    # SET_NULL: the log outlives the account; a null user is the scheduler (cron).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("from status"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("to status"), max_length=20, choices=Article.Status.choices)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    def get_absolute_url(self) -> str:
        return reverse("editorial:review", kwargs={"pk": self.article_id})


class Note(models.Model):
    """An editor's comment on an article, for the desk only."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("editorial note")
        verbose_name_plural = _("editorial notes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:30]

    def get_absolute_url(self) -> str:
        return reverse("editorial:review", kwargs={"pk": self.article_id})


class SignOff(models.Model):
    """One level's signature (初审, 复审, 终审 …) on an article, as the text stood then.

    Never deleted: a send-back or a later edit voids it (voided_at, and why),
    so the review page shows who had signed what before."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="signoffs")
    level = models.CharField(_("review level"), max_length=30)  # a key of editorial.levels
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    signed_at = models.DateTimeField(_("signed at"), auto_now_add=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voided by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    void_reason = models.CharField(_("why voided"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["signed_at", "pk"]
        indexes = [models.Index(fields=["article", "voided_at"])]

    def __str__(self) -> str:
        from editorial.levels import level_label

        return level_label(self.level)

    @property
    def standing(self) -> bool:
        return self.voided_at is None


class ProofMark(models.Model):
    """校对: a query on a passage of the body (a character range of Article.body) for the reporter.

    The passage is kept as it read when marked, because later edits move the offsets."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="proof_marks")
    start = models.PositiveIntegerField(_("from character"))
    end = models.PositiveIntegerField(_("to character"))
    passage = models.TextField(_("passage"))
    query = models.TextField(_("query"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("marked by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("marked at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("resolved by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("proofreading mark")
        verbose_name_plural = _("proofreading marks")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(start__lt=models.F("end")), name="proofmark_start_before_end"),
        ]

    def __str__(self) -> str:
        return self.passage[:30]

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    def get_absolute_url(self) -> str:
        return reverse("editorial:review", kwargs={"pk": self.article_id}) + "#marks"
