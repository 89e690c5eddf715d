"""The desk's own records: the workflow log and editors' notes. Never shown to readers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from articles.models import Article


class Transition(models.Model):
    """One move of an article between workflow states: who, when, from, to, and why."""

    article = models.ForeignKey(Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="transitions")
    # SET_NULL: the log outlives the account; a null user is the scheduler (cron).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField("原状态", max_length=20, choices=Article.Status.choices)
    to_status = models.CharField("新状态", max_length=20, choices=Article.Status.choices)
    note = models.TextField("说明", blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "流程记录"
        verbose_name_plural = "流程记录"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    def get_absolute_url(self) -> str:
        return reverse("editorial:review", kwargs={"pk": self.article_id})


class Note(models.Model):
    """An editor's comment on an article, for the desk only."""

    article = models.ForeignKey(Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="作者", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField("内容")
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "编辑备注"
        verbose_name_plural = "编辑备注"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:30]

    def get_absolute_url(self) -> str:
        return reverse("editorial:review", kwargs={"pk": self.article_id})
