"""The 数字报's repeated pieces as tags: a printed page's label, its headline entries,
a headline list's links (the home page's sections; the article page's 标题导航
is public.templatetags.story.headline_nav) and the 往期 calendar's weeks.

An issue lists about fifty headlines; as an {% include %} each cost a template
context, a `with` and a dozen variable lookups (about half the issue page's
time), as a tag each is one format_html, and a list one tag.
"""

from datetime import date
from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from articles.models import Article, SourcePage
from public.selectors import IssueCalendar

register = template.Library()


@register.simple_tag
def page_label(page: SourcePage) -> str:
    """第02版 · 要闻: the page's number (else its printed label), then its name."""
    if page.number:
        label = gettext("Page %(number)s") % {"number": page.number_label}
    else:
        label = page.page_label or gettext("Printed page")
    return f"{label} · {page.name}" if page.name else label


@register.simple_tag
def headline_links(articles: list[Article]) -> SafeString:
    """A headline list's entries (the home page's sections): each its link. One tag a list,
    not one an entry: each call of a tag resolves its arguments and escapes its result again."""
    return mark_safe("".join(  # noqa: S308 (each value escaped)
        f'<li><a href="{escape(article.get_absolute_url())}">{escape(article.display_title)}</a></li>'
        for article in articles
    ))


@register.simple_tag
def headlines(articles: list[Article], *, with_subtitle: bool = False) -> SafeString:
    """A printed page's entries (headline), one tag a list as headline_links."""
    return mark_safe("".join(headline(article, with_subtitle=with_subtitle) for article in articles))  # noqa: S308


def headline(article: Article, *, with_subtitle: bool = False) -> SafeString:
    """One entry of a printed page: a story, or the later part of one continued here
    (转版), which leads to its first part."""
    story = article.continuation_of if article.continuation_of_id else article
    parts = []
    if article.continuation_of_id:
        parts.append(format_html('<span class="meta">{}</span>', gettext("Continued from an earlier page")))
    if story.kicker:
        parts.append(format_html('<span class="kicker">{}</span>', story.kicker))
    parts.append(format_html('<a class="headline" href="{}">{}</a>', story.get_absolute_url(), story.display_title))
    if with_subtitle and story.subtitle:
        parts.append(format_html('<span class="subtitle">{}</span>', story.subtitle))
    return mark_safe(f'<li class="headline-stack">{"".join(parts)}</li>')  # noqa: S308 (each part escaped above)


@register.simple_tag
def calendar_weeks(calendar: IssueCalendar, current_day: date | None = None) -> SafeString:
    """The calendar's rows: each day of the month, a link to its issue if it has one
    (aria-current on current_day's). As template loops, its forty-odd cells' lookups
    were a third of the issue page's rendering."""
    rows = []
    for week in calendar.weeks:
        cells = []
        for cell in week:
            if cell is None:
                cells.append("<td></td>")
            elif cell.issue_url:
                current = ' aria-current="date"' if cell.day == current_day else ""
                cells.append(f'<td><a href="{escape(cell.issue_url)}"{current}>{cell.day.day}</a></td>')
            else:
                cells.append(f'<td><span class="no-issue">{cell.day.day}</span></td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return mark_safe("\n".join(rows))  # noqa: S308 (the addresses escaped above; the rest are numbers)
