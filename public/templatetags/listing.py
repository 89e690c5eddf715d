"""An article list's entry (section, column, reporter, tag, archive and entity pages,
the home page's latest) as a tag.

A list shows twenty; as an {% include %} each cost a template context and about
fourteen variable lookups, each localized and escaped on its own (5 ms of a
section page's CPU); as a tag, one string with each value escaped as Django's
escape() does (html.escape), without its check for lazy strings on every call
(1.5 ms as format_html).
"""

from html import escape

from django import template
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article

register = template.Library()


def edition_time(article: Article, attributes: str = "") -> str:
    """Its edition's date (Article.url_date) in a <time>, as {{ day|date:"DATE_FORMAT" }} prints it."""
    day = article.url_date
    return f'<time{attributes} datetime="{day.isoformat()}">{escape(date_format(day, "DATE_FORMAT"))}</time>'


@register.simple_tag
def article_item(article: Article) -> SafeString:
    """Its column, headline, bylines and the edition's date (load them with it: for_listing)."""
    column = article.column
    column_link = f'<a class="column" href="{escape(column.get_absolute_url())}">{escape(column.name)}</a>' if column else ""
    # 、 between names, as Chinese lists them.
    bylines = "、".join(f'<a href="{escape(byline.reporter.get_absolute_url())}">{escape(byline.reporter.name)}</a>'
                       for byline in article.bylines.all())
    time = edition_time(article) if article.published_at else ""
    return mark_safe(  # noqa: S308 (every value escaped above)
        f'<li class="item">{column_link}<a class="headline" href="{escape(article.get_absolute_url())}">'
        f'{escape(article.display_title)}</a><div class="meta">{bylines} {time}</div></li>'
    )
