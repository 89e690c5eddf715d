"""The article page's pieces as tags: its head's meta elements (Open Graph, article:*,
citation_*), its edition line, bylines, body, entity and tag links, the pages it
is printed on, 标题导航 and related stories.

Rendered as template loops, these were most of the article page's CPU: each
loop turn is a context push, and each {{ }} a variable lookup, localized and
escaped on its own. As tags, each is one string with every value escaped as
Django's escape() does (html.escape), as public.templatetags.listing does; a
value already marked safe (a body block with its entity links) is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from django import template
from django.utils.dateformat import format as format_date
from django.utils.formats import date_format, localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

from articles.models import Article, Byline, reverse_cached
from linking.models import Entity
from linking.selectors import Related
from public.citation import Citation
from public.templatetags.edition import page_label
from public.templatetags.listing import edition_time
from text.bodytext import Block

register = template.Library()


def _text(value: object) -> str:
    # What {{ value }} prints: safe strings as they are, the rest escaped.
    return str(value) if hasattr(value, "__html__") else escape(str(value))


@register.simple_tag
def edition_line(article: Article) -> SafeString:
    """报名 · date · 第01版 · 要闻, each a link to the issue or the page as printed (the page is in an issue)."""
    page = article.source_page
    return mark_safe(  # noqa: S308 (every value escaped)
        f'<p class="meta edition-line"><a href="{escape(page.issue.get_absolute_url())}">'
        f'{escape(page.issue.publication.name)}</a> · {edition_time(article)} · '
        f'<a href="{escape(page.get_absolute_url())}">{escape(page_label(page))}</a></p>'
    )


@register.simple_tag
def story_facts(article: Article) -> SafeString:
    """The head's facts, one a line ("" for one that does not apply): the date when no
    edition line above gives it (the edition's date wins over published_at), the
    section, the 字数."""
    if article.source_page.issue:
        day = ""
    elif article.edition_date:
        day = f"<span>{edition_time(article)}</span>\n      "
    elif article.published_at:
        moment = template_localtime(article.published_at)
        day = (f'<span><time datetime="{escape(format_date(moment, "c"))}">'
               f'{escape(date_format(moment, "DATETIME_FORMAT"))}</time></span>')
    else:
        day = ""
    section = article.section
    section = f'<span><a href="{escape(section.get_absolute_url())}">{escape(section.name)}</a></span>' if section else ""
    count = article.char_count
    chars = ngettext("%(chars)s character", "%(chars)s characters", count) % {"chars": escape(localize(count))}
    return mark_safe("\n      ".join([day, section, f"<span>{chars}</span>" if count else ""]))  # noqa: S308


@register.simple_tag
def story_bylines(bylines: Iterable[Byline]) -> SafeString:
    """记者 某某、通讯员 某某: each role, then the reporter's link; 、 between them, as Chinese lists names."""
    return mark_safe("、".join(  # noqa: S308 (every value escaped)
        f'{escape(byline.role)} <a rel="author" href="{escape(byline.reporter.get_absolute_url())}">'
        f'{escape(byline.reporter.name)}</a>'
        for byline in bylines
    ))


@register.simple_tag
def story_blocks(blocks: Iterable[Block]) -> SafeString:
    """The body's blocks, each on its own line: subheads as h3, captions as figures, the rest paragraphs
    (with the blank line after a subhead or a caption that the page has always had)."""
    parts = []
    for block in blocks:
        text = _text(block.text)
        if block.kind == "subhead":
            parts.append(f"\n      <h3>{text}</h3>\n      \n    ")
        elif block.kind == "caption":
            parts.append(f"\n      <figure><figcaption>{text}</figcaption></figure>\n      \n    ")
        else:
            parts.append(f"\n      <p>{text}</p>\n    ")
    return mark_safe("".join(parts))  # noqa: S308 (every text escaped or already safe)


@register.simple_tag
def entity_links(entities: list[Entity]) -> SafeString:
    """The places, people and organisations the story mentions, each a link to its page ("" if none)."""
    if not entities:
        return mark_safe("")
    links = "".join(f'<a href="{escape(e.get_absolute_url())}">{escape(e.name)}</a>' for e in entities)
    return mark_safe(f'<p class="tags">{escape(gettext("Places, people and organisations:"))}{links}</p>')  # noqa: S308


@register.simple_tag
def tag_links(tags: list) -> SafeString:
    """The story's tags, each a link to its page ("" if none)."""
    if not tags:
        return mark_safe("")
    links = "".join(f'<a href="{escape(reverse_cached("public:tag", slug=tag.slug))}">{escape(tag.name)}</a>'
                    for tag in tags)
    return mark_safe(f'<p class="tags">{escape(gettext("Tags:"))}{links}</p>')  # noqa: S308 (every value escaped)


def _moment(value) -> str:
    # What {{ value|date:'c' }} prints: the local time, ISO 8601.
    return escape(format_date(template_localtime(value), "c"))


@register.simple_tag
def article_meta(article: Article, *, description: str, url: str, site_name: str, tags: list) -> SafeString:
    """The head's description, Open Graph and article:* elements, one a line ("" for one that does not apply)."""
    published = article.published_on
    lines = [
        f'<meta name="description" content="{escape(description)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{escape(str(site_name))}">',
        '<meta property="og:locale" content="zh_CN">',
        f'<meta property="og:title" content="{escape(article.display_title)}">',
        f'<meta property="og:description" content="{escape(description)}">',
        f'<meta property="og:url" content="{escape(url)}">',
        f'<meta property="article:published_time" content="{_moment(published)}">' if published else "",
        f'<meta property="article:modified_time" content="{_moment(article.updated_at)}">',
        f'<meta property="article:section" content="{escape(article.section.name)}">' if article.section else "",
        "".join(f'<meta property="article:tag" content="{escape(tag.name)}">' for tag in tags),
    ]
    return mark_safe("\n  ".join(lines))  # noqa: S308 (every value escaped)


@register.simple_tag
def citation_meta(cite: Citation, *, url: str) -> SafeString:
    """Highwire Press citation_* elements (Google Scholar, reference managers), one a line."""
    lines = [
        f'<meta name="citation_title" content="{escape(cite.title)}">',
        "".join(f'<meta name="citation_author" content="{escape(author)}">\n  ' for author in cite.authors)
        + f'<meta name="citation_journal_title" content="{escape(str(cite.paper))}">',
        f'<meta name="citation_publication_date" content="{format_date(cite.date, "Y/m/d")}">' if cite.date else "",
        f'<meta name="citation_firstpage" content="{escape(cite.page)}">' if cite.page else "",
        '<meta name="citation_language" content="zh">',
        f'<meta name="citation_fulltext_html_url" content="{escape(url)}">',
    ]
    return mark_safe("\n  ".join(lines))  # noqa: S308 (every value escaped)


@register.simple_tag
def printed_on(article: Article, parts: list[Article]) -> SafeString:
    """The printed pages of the story's parts (转版: each), each a link to the page as printed;
    the edition's date after them when no issue shows it."""
    links = "、".join(
        f'<a href="{escape(part.source_page.get_absolute_url())}">'
        f'{escape(_paper(part))} {escape(page_label(part.source_page))}</a>'
        for part in parts
    )
    day = ""
    if article.edition_date and not article.source_page.issue:
        day = f"（{escape(date_format(article.edition_date, 'DATE_FORMAT'))}）"
    return mark_safe(f'<p class="meta">{escape(gettext("Printed on:"))}{links}{day}</p>')  # noqa: S308


def _paper(part: Article) -> str:
    # The issue's 报名, else the page's outlet.
    page = part.source_page
    return (page.issue.publication.name if page.issue else "") or page.outlet


@register.simple_tag
def headline_nav(headlines: list[Article], article: Article) -> SafeString:
    """标题导航's entries: every story on the page, this one marked as the current one."""
    return mark_safe("".join(  # noqa: S308 (every value escaped)
        f'<li><span aria-current="page">{escape(item.display_title)}</span></li>' if item.pk == article.pk
        else f'<li><a href="{escape(item.get_absolute_url())}">{escape(item.display_title)}</a></li>'
        for item in headlines
    ))


@register.simple_tag
def related_items(related: list[Related]) -> SafeString:
    """Related stories: title and date only (why one is related is for editors, not readers)."""
    return mark_safe("".join(  # noqa: S308 (every value escaped)
        f'<li><a href="{escape(item.article.get_absolute_url())}">{escape(item.article.display_title)}</a> '
        f'{edition_time(item.article, ' class="meta"')}</li>'
        for item in related
    ))
