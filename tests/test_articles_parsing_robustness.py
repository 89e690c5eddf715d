"""Issue 12 §7-9: pages that used to stop an import with a traceback, or take
minutes, are parsed, warned about or refused by a readable name."""

from __future__ import annotations

import os
import resource

import pytest

from articles.parsing import DecodedPage, decode_page, parse_page, read_page
from articles.parsing.decoding import MAX_BYTES
from articles.parsing.warnings import warning

BODY = "青岛的线上消费在消费市场恢复中表现出极强的拉动作用。记者从市商务局获悉，网络零售额同比增长。\n"
# The max_length of the Article fields (articles/models.py).
MAX_LENGTHS = {"column": 50, "kicker": 200, "title": 200, "subtitle": 300, "dateline": 100}
STORY = "标题一则新闻\n\n本报记者 王浩\n\n" + BODY


def parse_text(text: str, name: str = "synthetic.txt"):
    return parse_page(decode_page(name, text.encode("utf-8")))


# --- impossible dates -----------------------------------------------------------


@pytest.mark.parametrize("masthead", ["2023年13月45日 星期一", "2024年2月30日 星期五", "2023年2月29日 星期三"])
def test_impossible_masthead_date_is_a_warning_not_an_edition_date(masthead):
    page = parse_text(f"{masthead}\n\n{STORY}")
    assert page.edition_date == ""
    assert any(w["code"] == "masthead_date_invalid" for w in page.warnings)
    assert page.articles[0].title == "标题一则新闻"


def test_real_leap_day_masthead_is_the_edition_date():
    assert parse_text("2024年2月29日 星期四\n\n" + STORY).edition_date == "2024-02-29"


@pytest.mark.parametrize("dateline", ["本报13月32日讯", "本报2月30日讯", "本报10月0日讯"])
def test_impossible_dateline_date_keeps_the_dateline_without_month_or_day(dateline):
    article = parse_text(f"标题一则新闻\n\n{dateline} {BODY}").articles[0]
    assert article.dateline == dateline
    assert (article.dateline_month, article.dateline_day) == (None, None)
    assert any(w["code"] == "dateline_not_a_date" for w in article.warnings)
    assert article.paragraphs[0].startswith("青岛的线上消费")


def test_leap_day_dateline_is_kept():
    article = parse_text(f"标题一则新闻\n\n本报2月29日讯 {BODY}").articles[0]
    assert (article.dateline_month, article.dateline_day) == (2, 29)
    assert article.warnings == []


# --- fields longer than the database stores -----------------------------------


def test_headline_of_250_characters_goes_back_to_the_body():
    long = "长" * 250
    article = parse_text(f"# {long}\n\n本报记者 王浩\n\n{BODY}").articles[0]
    assert article.title == ""
    assert article.paragraphs[0] == long
    assert warning("headline_too_long", field="title", length=250, limit=200) in article.warnings


def test_kicker_over_200_characters_goes_back_to_the_body():
    long = "引" * 210
    article = parse_text(f"# {long}——\n\n# 标题一则新闻\n\n本报记者 王浩\n\n{BODY}").articles[0]
    assert article.title == "标题一则新闻"
    assert article.kicker == ""
    assert article.paragraphs[0].startswith("引" * 210)
    assert any(w["code"] == "headline_too_long" and w["params"]["field"] == "kicker" for w in article.warnings)


def test_no_field_of_any_article_is_over_its_limit():
    page = parse_text(f"# {'长' * 400}\n\n## {'副' * 400}\n\n本报记者 王浩\n\n{BODY}")
    for article in page.articles:
        for name, limit in MAX_LENGTHS.items():
            assert len(getattr(article, name)) <= limit


# --- file names that are not UTF-8 ----------------------------------------------


def test_non_utf8_file_name_is_made_printable(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/\xff\xfe-page.txt"
    with open(raw, "wb") as handle:
        handle.write(STORY.encode("utf-8"))
    page = parse_page(read_page(os.fsdecode(raw)))
    page.file_name.encode("utf-8")  # storable: no lone surrogates
    assert page.file_name == "\\xff\\xfe-page.txt"
    assert warning("file_name_not_utf8", name="\\xff\\xfe-page.txt") in page.warnings
    assert page.articles[0].title == "标题一则新闻"


def test_gbk_file_name_is_read_as_gb18030(tmp_path):
    raw = os.fsencode(str(tmp_path)) + "/青岛日报第一版.txt".encode("gbk")
    with open(raw, "wb") as handle:
        handle.write(STORY.encode("utf-8"))
    page = read_page(raw)
    assert page.file_name == "青岛日报第一版.txt"
    assert warning("file_name_gb18030", name="青岛日报第一版.txt") in page.warnings


def test_refusal_names_the_file_readably():
    with pytest.raises(Exception) as info:
        decode_page("\udcff\udcfe.txt", b"")
    assert info.value.file_name == "\\xff\\xfe.txt"


# --- UTF-16 ---------------------------------------------------------------------


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""), ("utf-16-be", b"")])
def test_utf16_is_decoded_with_a_warning(codec, bom):
    page = decode_page("page.txt", bom + STORY.encode(codec))
    assert page.text == STORY
    assert page.encoding == codec
    assert page.warnings == (warning("decoded_utf16", byte_order=codec[-2:].upper()),)
    assert parse_page(page).articles[0].title == "标题一则新闻"


def test_utf16_seed_parses_like_the_utf8_seed():
    from tests.seedpages import parsed, seed_path

    data = seed_path("000").read_text(encoding="utf-8").encode("utf-16")
    page = parse_page(decode_page("000.txt", data))
    assert [a.title for a in page.articles] == [a.title for a in parsed("000").articles]


def test_binary_with_nuls_on_both_byte_sides_is_still_refused():
    with pytest.raises(Exception) as info:
        decode_page("x.bin", bytes(range(256)) * 40)
    assert "binary" in info.value.reason


# --- linear time ----------------------------------------------------------------


# Speed is measured in bench/, not asserted here; these pages took minutes and
# gigabytes while the parser was quadratic (5 MB: 391 s, 8.4 GB), so the suite
# itself shows a regression, and memory is bounded.
def _parsed(text: str):
    decoded = DecodedPage(file_name="big.txt", text=text, encoding="utf-8", sha256="0" * 64)
    return parse_page(decoded)


@pytest.mark.parametrize(
    "line",
    [
        "这是一段重复的文字，没有结束的标点，并且一直重复下去",  # joined into one paragraph, a highlight candidate each
        "短行没有句号",  # short lines: subheads or titles
    ],
)
def test_the_most_lines_a_page_may_hold_parse_in_bounded_memory(line):
    # As many lines as the importer's 5 MB limit lets in (at most 200,000):
    # nothing longer reaches the parser, and a quadratic step would take hours.
    head = "标题一则新闻\n\n本报记者 王浩\n\n"
    line_bytes = len(f"{line}96\n".encode())
    lines = min(200_000, (MAX_BYTES - len(head.encode())) // line_bytes)
    text = head + "\n".join(f"{line}{i % 97}" for i in range(lines))
    assert len(text.encode()) <= MAX_BYTES
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    page = _parsed(text)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert page.articles
    assert grown_mb < 500, grown_mb


def test_five_megabytes_of_a_repeated_seed_page_parse_into_its_articles():
    from tests.seedpages import seed_path

    seed = seed_path("000").read_text(encoding="utf-8")
    text = (seed * (5 * 1024 * 1024 // len(seed.encode()) + 1))
    text = text.encode()[: 5 * 1024 * 1024 - 16].decode("utf-8", "ignore")
    page = _parsed(text)
    assert len(page.articles) > 1000


# --- bylines --------------------------------------------------------------------


def test_repeated_report_word_is_not_a_reporter():
    from articles.parsing.bylines import parse_byline

    people = parse_byline("记者 白晓 报道 报道")
    assert [(p.name, p.role) for p in people] == [("白晓", "记者")]
