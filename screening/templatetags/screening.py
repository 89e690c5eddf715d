from __future__ import annotations

from django import template

from articles.models import Article
from screening.selectors import Report, article_report

register = template.Library()


@register.simple_tag
def screening_report(article: Article) -> Report:
    """{% screening_report article as report %}{% include "screening/_hits.html" %}"""
    return article_report(article=article)
