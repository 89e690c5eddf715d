"""What readers send in. A public model, not an articles one: reports come
only from the site, and public may not import the desk (editorial); the desk
reads them in the admin, which public registers (public/admin.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article

MAX_REPORT_LENGTH = 1000


class ReaderReport(models.Model):
    """A reader's 纠错 report on a published article: for the desk, never shown on the site."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="reader_reports")
    text = models.TextField(_("report"), max_length=MAX_REPORT_LENGTH)
    contact = models.CharField(_("contact"), max_length=100, blank=True)  # optional, for a reply
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("reader report")
        verbose_name_plural = _("reader reports")
        ordering = ["handled", "-created_at"]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.text[:30]}"
