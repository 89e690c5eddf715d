"""The 数字报's repeated pieces as tags: a printed page's label, a headline entry,
and a headline list's link (the home page's sections; the article page's 标题导航
is public.templatetags.story.headline_nav).

An issue lists about fifty headlines; as an {% include %} each cost a template
context, a `with` and a dozen variable lookups (about half the issue page's
time), as a tag it is one format_html.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from articles.models import Article, SourcePage

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
def headline_link(article: Article) -> SafeString:
    """A headline list's entry (the home page's sections): its link, as one format_html."""
    return format_html('<li><a href="{}">{}</a></li>', article.get_absolute_url(), article.display_title)


@register.simple_tag
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
