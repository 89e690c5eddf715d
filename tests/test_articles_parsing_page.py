"""articles.parsing.page: whole seed pages in, PageRecords out."""

from __future__ import annotations

import hashlib

import pytest

from articles.parsing import PageRecord, PageRejected, decode_page, parse_page
from articles.parsing.warnings import warning
from tests.seedpages import SEED_PREFIXES, all_pages, article, nth, parsed, seed_path

QD = "青岛日报/观海新闻"
GH = "观海新闻/青岛晚报"

PAGE_FACTS = {
    # prefix: (articles, outlet, page warnings)
    "000": (6, QD, []),
    "001": (2, GH, []),
    "002": (6, QD, []),
    "003": (8, QD, []),
    "004": (9, "大众日报", [warning("footers_dropped", count=1)]),
}


def parse_text(text: str, **kwargs) -> PageRecord:
    return parse_page(decode_page("synthetic.txt", text.encode("utf-8")), **kwargs)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_page_facts(prefix):
    count, outlet, warnings = PAGE_FACTS[prefix]
    page = parsed(prefix)
    path = seed_path(prefix)
    assert isinstance(page, PageRecord)
    assert page.file_name == path.name
    assert page.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert page.text == path.read_text(encoding="utf-8")
    assert page.encoding == "utf-8"
    assert len(page.articles) == count
    assert page.outlet == outlet
    assert page.warnings == warnings
    # The seed pages print no masthead, so no date or page label is claimed.
    assert page.edition_date == ""
    assert page.page_label == ""


def test_31_articles_in_all():
    assert sum(len(page.articles) for page in all_pages()) == 31


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_positions_follow_span_order(prefix):
    articles = parsed(prefix).articles
    assert [a.position for a in articles] == list(range(1, len(articles) + 1))
    starts = [a.span[0] for a in articles]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_spans_lie_in_the_page_and_do_not_overlap(prefix):
    page = parsed(prefix)
    previous_end = 0
    for art in page.articles:
        start, end = art.span
        assert 0 <= start < end <= len(page.text)
        assert start >= previous_end
        previous_end = end
        source = page.text[start:end]
        assert source == source.strip()  # spans start and end on printed text
        if art.title:
            assert art.title in source
        for part in (art.column, art.kicker, art.subtitle):
            assert part in source
        for block in art.blocks:
            # (a merged subhead such as "建构融合 凝聚城市…" was printed on two lines)
            assert block.text.split(" ")[0][:8] in source, (art.title, block.text[:20])
        for person in art.bylines:
            assert person.name in source


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_spans_cover_all_printed_text_but_footers(prefix):
    page = parsed(prefix)
    covered = set()
    for art in page.articles:
        covered.update(range(*art.span))
    stray = "".join(ch for i, ch in enumerate(page.text) if i not in covered).split()
    if prefix == "004":
        assert stray == ["◆", "更多精彩内容请关注大众报业·大众日报客户端青岛频道"]
    else:
        assert stray == []


def test_first_article_span_starts_at_the_first_printed_line():
    for page in all_pages():
        first = page.articles[0]
        assert first.span[0] == len(page.text) - len(page.text.lstrip())


def test_004_outlet_comes_from_the_footer():
    page = parsed("004")
    # Its bylines say 本报 and name no outlet; the footer names 大众日报.
    assert page.outlet == "大众日报"
    assert {p.outlet for a in page.articles for p in a.bylines} == {"大众日报"}
    assert not any("更多精彩内容" in page.text[slice(*a.span)] for a in page.articles)


def test_004_photo_news_sits_between_its_neighbours():
    page = parsed("004")
    photo = nth(page, 7)
    assert photo.title == ""
    assert nth(page, 6).span[1] < photo.span[0] < photo.span[1] < nth(page, 8).span[0]
    assert page.text[photo.span[0]:].startswith("由山东省农业机械科学研究所")
    assert page.text[: photo.span[1]].endswith("□ 记者 李媛 通讯员 丁厚冉 报道")


def test_004_9_span_starts_after_the_footer_at_the_kicker():
    page = parsed("004")
    art = nth(page, 9)
    assert page.text[art.span[0]:].startswith("这些历经风雨的老街和建筑")
    assert page.text[: art.span[1]].endswith("目前已确定有17家海内外设计机构进驻,未来这里将")


def test_001_1_kicker_and_title_printed_on_one_line():
    page = parsed("001")
    art = article(page, "青岛数字港")
    line = "市北区引入电商平台、头部主播助力中小商户，赋能本土商贸业发展 青岛数字港打造“全国样板”"
    assert page.text[art.span[0]:].startswith(line)
    assert f"{art.kicker} {art.title}" == line


def test_every_article_is_recognisable():
    for page in all_pages():
        for art in page.articles:
            assert art.paragraphs
            assert art.title or art.bylines or art.dateline


def test_articles_with_bylines_and_warnings_overview():
    # Which seed articles carry no byline at all: continued stories and one brief.
    unsigned = {(prefix, a.position) for prefix in SEED_PREFIXES for a in parsed(prefix).articles if not a.bylines}
    assert unsigned == {("003", 3), ("003", 4), ("003", 5), ("003", 6), ("004", 8)}


def test_parsing_is_deterministic():
    page = parsed("002")
    again = parse_page(decode_page(page.file_name, seed_path("002").read_bytes()))
    assert again == page


# --- page header ---------------------------------------------------------------


def test_edition_date_and_page_label_from_a_masthead():
    page = parse_text(
        "2023年10月11日 星期三\n第一版：要闻\n\n某区推进城市更新\n\n□青岛日报/观海新闻记者 张三\n\n本报10月10日讯 正文写完了。\n"
    )
    assert page.edition_date == "2023-10-11"
    assert page.page_label == "第一版"


def test_a_header_with_an_item_a_line_ends_with_the_page_name():
    page = parse_text("2024年5月6日\n星期一\nA05\n城市新闻\n\n某区推进城市更新\n\n本报讯 正文写完了。\n")
    assert (page.edition_date, page.page_label, page.page_name) == ("2024-05-06", "A05", "城市新闻")
    assert [a.title for a in page.articles] == ["某区推进城市更新"]


@pytest.mark.parametrize(
    "header",
    [
        "2024年5月6日\n星期一\nA05\n城市新闻\n责任编辑：张三",
        "2024年5月6日　星期一\n第A05版　城市新闻\n本版编辑：张三",
        "2024年5月6日　星期一　A05　城市新闻　责任编辑：张三",
    ],
)
def test_header_layouts_with_the_editor(header):
    page = parse_text(header + "\n\n某区推进城市更新\n\n本报讯 正文写完了。\n")
    assert (page.edition_date, page.page_name) == ("2024-05-06", "城市新闻")
    assert page.page_label in ("A05", "第A05版")
    assert [a.title for a in page.articles] == ["某区推进城市更新"]


def test_a_headline_under_the_header_block_is_no_page_name():
    page = parse_text("2024年5月6日\n星期一\nA05\n\n某区推进城市更新\n\n本报讯 正文写完了。\n")
    assert page.page_name == ""
    assert [a.title for a in page.articles] == ["某区推进城市更新"]


def test_masthead_is_only_read_at_the_top():
    page = parse_text(
        "某区推进城市更新\n\n□青岛日报/观海新闻记者 张三\n\n本报10月10日讯 正文写完了。\n\n第二段。\n\n2023年10月11日 星期三\n"
    )
    assert page.edition_date == ""


# --- outlets -------------------------------------------------------------------


def test_page_outlet_is_the_one_most_bylines_name():
    page = parse_text(
        "标题一\n\n□青岛日报/观海新闻记者 张三\n\n本报10月10日讯 正文写完了。\n\n"
        "## 标题二\n\n观海新闻/青岛晚报 记者 李四\n\n本报10月10日讯 正文写完了。\n\n"
        "## 标题三\n\n□青岛日报/观海新闻记者 王五\n\n本报10月10日讯 正文写完了。\n\n"
        "## 标题四\n\n通讯员 赵六\n\n本报10月10日讯 正文写完了。\n"
    )
    assert [a.title for a in page.articles] == ["标题一", "标题二", "标题三", "标题四"]
    assert page.outlet == QD
    assert [(p.name, p.outlet) for a in page.articles for p in a.bylines] == [
        ("张三", QD),
        ("李四", GH),
        ("王五", QD),
        ("赵六", QD),  # names no outlet: the page's
    ]


def test_page_without_any_outlet():
    page = parse_text("某区推进城市更新\n\n□ 记者 张三 报道\n\n本报讯 正文写完了。\n")
    assert page.outlet == ""
    assert page.articles[0].bylines[0].outlet == ""


# --- known columns -----------------------------------------------------------


def test_known_columns_are_passed_to_the_headline_reader():
    text = "乘势而上推进城市更新建设\n\n青岛重点水务工程不断刷新“进度条”\n\n□青岛日报/观海新闻记者 吴帅\n\n本报10月10日讯 正文写完了。\n"
    plain = parse_text(text).articles[0]
    assert (plain.column, plain.title, plain.subtitle) == ("", "乘势而上推进城市更新建设", "青岛重点水务工程不断刷新“进度条”")
    known = parse_text(text, known_columns=frozenset({"乘势而上推进城市更新建设"})).articles[0]
    assert (known.column, known.title, known.subtitle) == ("乘势而上推进城市更新建设", "青岛重点水务工程不断刷新“进度条”", "")


# --- refusals ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hello world\n" * 3,
        "\n\n◆ 更多精彩内容请关注大众报业·大众日报客户端青岛频道\n",
        "某区推进城市更新\n",
        "这是一句话。\n\n这是另一句话。\n",
    ],
    ids=["plain-english", "footer-only", "title-only", "text-without-headline-or-byline"],
)
def test_page_without_a_recognisable_article_is_refused(text):
    with pytest.raises(PageRejected) as info:
        parse_page(decode_page("noise.txt", text.encode("utf-8")))
    assert info.value.file_name == "noise.txt"
    assert "noise.txt" in str(info.value)
    assert info.value.reason.startswith("no recognisable article")


def test_page_with_one_recognisable_article_among_noise_is_kept():
    page = parse_text("这是一句话。\n\n某区推进城市更新\n\n□ 记者 张三 报道\n\n本报讯 正文写完了。\n")
    assert [a.title for a in page.articles] == ["", "某区推进城市更新"]
    assert page.articles[0].paragraphs == ["这是一句话。"]
