from __future__ import annotations

from datetime import date, datetime, timezone as utc

from django.utils.safestring import mark_safe
from taggit.models import Tag

from articles.models import Article, Byline, Issue, Publication, Reporter, Section, SourcePage
from linking.models import Entity
from linking.selectors import Related
from public.citation import Citation
from public.templatetags.story import (
    article_meta,
    citation_meta,
    edition_line,
    entity_links,
    headline_nav,
    printed_on,
    related_items,
    story_blocks,
    story_bylines,
    story_facts,
    tag_links,
)
from text.bodytext import CAPTION, PARAGRAPH, SUBHEAD, Block

# Unsaved objects: the tags read what the view has loaded and ask the database nothing.
PUBLICATION = Publication(pk=1, name="某某日报", slug="moumou-ribao")
ISSUE = Issue(pk=1, publication=PUBLICATION, edition_date=date(2024, 8, 6))
PAGE = SourcePage(pk=7, issue=ISSUE, edition_date=date(2024, 8, 6), number=2, name="要闻", outlet="某某日报")


def _article(pk: int = 3, **fields) -> Article:
    fields.setdefault("source_page", PAGE)
    return Article(pk=pk, slug=fields.pop("slug", f"moumou-{pk}"), **fields)


def test_blocks_are_a_line_each_escaped_and_entity_links_kept():
    blocks = [Block(SUBHEAD, "某某 & 某某"), Block(PARAGRAPH, mark_safe('<a class="entity" href="/entities/x/">某某</a>说')),
              Block(CAPTION, "<某某>"), Block(PARAGRAPH, '"某某"')]
    assert story_blocks(blocks) == (
        "\n      <h3>某某 &amp; 某某</h3>\n      \n    "
        '\n      <p><a class="entity" href="/entities/x/">某某</a>说</p>\n    '
        "\n      <figure><figcaption>&lt;某某&gt;</figcaption></figure>\n      \n    "
        "\n      <p>&quot;某某&quot;</p>\n    "
    )


def test_bylines_are_role_and_link_joined_by_a_chinese_comma():
    bylines = [Byline(role="记者", reporter=Reporter(name="张<某>", slug="zhang-mou")),
               Byline(role="通讯员", reporter=Reporter(name="李某", slug="li-mou"))]
    assert story_bylines(bylines) == (
        '记者 <a rel="author" href="/reporters/zhang-mou/">张&lt;某&gt;</a>、'
        '通讯员 <a rel="author" href="/reporters/li-mou/">李某</a>'
    )


def test_the_edition_line_links_the_issue_and_the_printed_page():
    assert edition_line(_article()) == (
        '<p class="meta edition-line"><a href="/moumou-ribao/2024-08-06/">某某日报</a> · '
        '<time datetime="2024-08-06">2024年8月6日</time> · <a href="/moumou-ribao/2024-08-06/02/">第02版 · 要闻</a></p>'
    )


def test_the_facts_give_the_date_only_when_no_edition_line_does():
    section = Section(name="要闻", slug="yaowen")
    assert story_facts(_article(section=section, char_count=1234)) == (
        '\n      <span><a href="/sections/yaowen/">要闻</a></span>\n      <span>1234 字</span>'
    )
    loose = SourcePage(pk=8, edition_date=date(2024, 8, 5), outlet="某某晚报")
    assert story_facts(_article(source_page=loose)) == (
        '<span><time datetime="2024-08-05">2024年8月5日</time></span>\n      \n      \n      '
    )
    online = _article(source_page=SourcePage(pk=9), published_at=datetime(2024, 8, 5, 1, 30, tzinfo=utc.utc))
    assert story_facts(online) == (
        '<span><time datetime="2024-08-05T09:30:00+08:00">2024年8月5日 09:30</time></span>\n      \n      '
    )


def test_entity_and_tag_links_are_a_paragraph_each_or_nothing():
    entities = [Entity(name="某某<区>", slug="moumouqu"), Entity(name="某某港", slug="moumougang")]
    assert entity_links(entities) == (
        '<p class="tags">地点·人物·机构：<a href="/entities/moumouqu/">某某&lt;区&gt;</a>'
        '<a href="/entities/moumougang/">某某港</a></p>'
    )
    assert tag_links([Tag(name="某某 & 某某", slug="moumou"), Tag(name="港口", slug="港口")]) == (
        '<p class="tags">标签：<a href="/tags/moumou/">某某 &amp; 某某</a><a href="/tags/%E6%B8%AF%E5%8F%A3/">港口</a></p>'
    )
    assert entity_links([]) == "" and tag_links([]) == ""


def test_printed_on_lists_every_part_of_a_story_continued_on_another_page():
    later_page = SourcePage(pk=11, issue=ISSUE, edition_date=date(2024, 8, 6), number=5, name="某某<版>", outlet="某某日报")
    first = _article(continues_to="第五版")
    assert printed_on(first, [first, _article(pk=4, source_page=later_page)]) == (
        '<p class="meta">见报版面：<a href="/moumou-ribao/2024-08-06/02/">某某日报 第02版 · 要闻</a>、'
        '<a href="/moumou-ribao/2024-08-06/05/">某某日报 第05版 · 某某&lt;版&gt;</a></p>'
    )


def test_printed_on_names_the_outlet_and_the_date_when_the_page_is_in_no_issue():
    loose = SourcePage(pk=8, edition_date=date(2024, 8, 5), page_label="A3", outlet="某某晚报")
    article = _article(source_page=loose)
    assert printed_on(article, [article]) == '<p class="meta">见报版面：<a href="/pages/8/">某某晚报 A3</a>（2024年8月5日）</p>'


def test_the_page_headlines_mark_the_current_story():
    headlines = [_article(pk=3, title="某某 <一>"), _article(pk=4, title="某某 & 二")]
    assert headline_nav(headlines, headlines[0]) == (
        '<li><span aria-current="page">某某 &lt;一&gt;</span></li>'
        f'<li><a href="{headlines[1].get_absolute_url()}">某某 &amp; 二</a></li>'
    )


def test_related_stories_show_title_and_date_not_why():
    story = _article(pk=5, title='"某某"')
    assert related_items([Related(article=story, reason="同一专题")]) == (
        f'<li><a href="{story.get_absolute_url()}">&quot;某某&quot;</a> '
        '<time class="meta" datetime="2024-08-06">2024年8月6日</time></li>'
    )


def test_the_meta_elements_are_a_line_each_with_every_value_escaped():
    article = _article(title="某某<新闻>", section=Section(name="要闻", slug="yaowen"),
                       published_at=datetime(2024, 8, 6, 0, 0, tzinfo=utc.utc),
                       updated_at=datetime(2024, 8, 6, 2, 0, 30, tzinfo=utc.utc))
    html = article_meta(article, description='某某"说"', url="https://example.com/a/?x=1&y=2", site_name="某某网",
                        tags=[Tag(name="某某&某某"), Tag(name="港口")])
    assert html.split("\n  ") == [
        '<meta name="description" content="某某&quot;说&quot;">',
        '<meta property="og:type" content="article">',
        '<meta property="og:site_name" content="某某网">',
        '<meta property="og:locale" content="zh_CN">',
        '<meta property="og:title" content="某某&lt;新闻&gt;">',
        '<meta property="og:description" content="某某&quot;说&quot;">',
        '<meta property="og:url" content="https://example.com/a/?x=1&amp;y=2">',
        '<meta property="article:published_time" content="2024-08-06T06:00:00+08:00">',  # the edition's time
        '<meta property="article:modified_time" content="2024-08-06T10:00:30+08:00">',
        '<meta property="article:section" content="要闻">',
        '<meta property="article:tag" content="某某&amp;某某"><meta property="article:tag" content="港口">',
    ]


def test_the_citation_elements_leave_out_what_is_unknown():
    cite = Citation(title="某某<新闻>", authors=["张某", "李某"], paper="某某日报", date=date(2024, 8, 6), page="2")
    assert citation_meta(cite, url="https://example.com/a/").split("\n  ") == [
        '<meta name="citation_title" content="某某&lt;新闻&gt;">',
        '<meta name="citation_author" content="张某">',
        '<meta name="citation_author" content="李某">',
        '<meta name="citation_journal_title" content="某某日报">',
        '<meta name="citation_publication_date" content="2024/08/06">',
        '<meta name="citation_firstpage" content="2">',
        '<meta name="citation_language" content="zh">',
        '<meta name="citation_fulltext_html_url" content="https://example.com/a/">',
    ]
    unknown = Citation(title="某某", authors=[], paper="某某日报", date=None, page="")
    assert citation_meta(unknown, url="/a/").split("\n  ")[2:4] == ["", ""]
