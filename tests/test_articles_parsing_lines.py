"""articles.parsing.lines: what a line looks like, on invented text."""

from __future__ import annotations

import pytest

from articles.parsing.lines import PARA, SHORT, classify, Line, lead_time


@pytest.mark.parametrize(
    "text",
    ["3月4日，记者走访全市多家超市", "近日，某区新开一所学校", "五年前，某村还没有一条硬化路", "近年来，某区持续整治河道", "去年，全市新增绿地百余公顷", "三个月来，某镇新建道路十公里"],
)
def test_a_news_leads_time_frame(text):
    assert lead_time(text)
    assert classify(Line(start=0, end=len(text), text=text, gap=1)).kind == PARA  # text, never a headline


@pytest.mark.parametrize("text", ["今年首次大范围降雪来临", "两年来的变化", "去年的老问题今年解决了"])
def test_a_headline_names_no_leads_time_frame(text):
    assert not lead_time(text)
    assert classify(Line(start=0, end=len(text), text=text, gap=1)).kind == SHORT


@pytest.mark.parametrize(
    "text, note",
    [
        ("（摘自某月某日在某论坛上的致辞）", True),
        ("（原载某某日报）", True),
        ("（本系列评论到此结束）", True),
        ("（本组报道完）", True),
        ("（作者为某大学教授）", False),  # a credit, kept out of the text
        ("（摘自）", False),
        ("摘自某书的一段话", False),
    ],
)
def test_the_note_closing_a_reprinted_piece_or_a_series_is_text_not_display_type(text, note):
    from articles.parsing.lines import is_source_note

    assert is_source_note(text) is note
    if note:
        assert classify(Line(text=text, start=0, end=len(text), gap=1)).kind == PARA


def test_a_sentence_set_apart_by_two_blank_lines_is_a_caption_unless_it_ends_a_cut_paragraph():
    above_closed = Line(text="某地近日举行活动，吸引众多市民参加。", start=0, end=10, gap=1)
    above_cut = Line(text="某地近日举行活动，吸引众多市民", start=0, end=10, gap=1)
    line = "参加活动的市民在现场合影留念。"
    assert classify(Line(text=line, start=11, end=20, gap=2), above_closed).kind == "caption"
    # the rest of a paragraph cut at a column end, however many blank lines PDF text left
    assert classify(Line(text="参加。", start=11, end=20, gap=2), above_cut).kind != "caption"
    assert classify(Line(text=line, start=11, end=20, gap=2), above_cut).kind != "caption"


def test_a_line_of_clauses_set_apart_by_two_blank_lines_is_a_short_paragraph_not_a_caption():
    above = Line(text="某地近日举行活动，吸引众多市民参加。", start=0, end=10, gap=1)
    assert classify(Line(text="某区新建的中央公园。", start=11, end=20, gap=2), above).kind == "caption"
    assert classify(Line(text="目前，部分河段已经出现封河现象。", start=11, end=20, gap=2), above).kind != "caption"


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("张\u3000\u3000三图\u3000\u3000李四文", True),  # names padded to a common width
        ("张三图  李  四文", True),
        ("一张图 看懂全文", False),  # a headline of the same shape: no name is padded
    ],
)
def test_a_picture_and_words_credit_is_told_from_a_headline_by_its_padded_names(text, credit):
    kind = classify(Line(text=text, start=0, end=len(text), gap=1)).kind
    assert (kind == "credit") is credit
