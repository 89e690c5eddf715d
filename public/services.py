"""Writes from the site: readers' 纠错 reports."""

from __future__ import annotations

from django.db import transaction

from articles.models import Article
from public.models import ReaderReport


@transaction.atomic
def reader_report_create(*, article: Article, text: str, contact: str = "") -> ReaderReport:
    """Store a reader's report on a published article for the desk."""
    report = ReaderReport(article=article, text=text.strip(), contact=contact.strip())
    report.full_clean()
    report.save()
    return report
