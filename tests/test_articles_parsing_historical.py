"""Historical pages (民国 papers, digitised): traditional characters, U+3000 padding,
bracketed wire datelines, briefs without headlines. Synthetic text from the conventions."""

from __future__ import annotations

from articles.parsing import decode_page, parse_page

PAGE = (
    "行政院昨開會議\u3000通過本年度預算案\n\n"
    "〔中央社南京四日電〕行政院四日上午舉行第十次會議，通過本年度預算案。各部會首長均出席。\n\n"
    "市府籌設平民住宅\n\n"
    "（本市訊）市政府為救濟貧民起見，決定籌設平民住宅三處，將於下月動工。\n\n"
    "本報訊\u3000本市商會昨日召集各業代表，討論救濟失業辦法，到者甚眾。\n"
)


def parse():
    return parse_page(decode_page("old.txt", PAGE.encode("utf-8")))


def test_a_headline_of_two_lines_joined_by_an_ideographic_space_is_one_title():
    first = parse().articles[0]
    assert first.title == "行政院昨開會議 通過本年度預算案"
    assert "\u3000" not in first.title


def test_traditional_bracketed_wire_dateline():
    first = parse().articles[0]
    assert first.dateline == "〔中央社南京四日電〕"
    assert first.dateline_day == 4
    assert first.paragraphs == ["行政院四日上午舉行第十次會議，通過本年度預算案。各部會首長均出席。"]


def test_a_dateline_opens_a_brief_printed_without_a_headline():
    articles = parse().articles
    assert [a.title for a in articles] == ["行政院昨開會議 通過本年度預算案", "市府籌設平民住宅", ""]
    assert articles[1].dateline == "（本市訊）"
    brief = articles[2]
    assert brief.dateline == "本報訊"
    assert brief.paragraphs == ["本市商會昨日召集各業代表，討論救濟失業辦法，到者甚眾。"]


def test_a_dateline_quoted_mid_paragraph_does_not_split():
    text = "市府籌設平民住宅\n\n（本市訊）市政府決定籌設平民住宅三處。\n此事前經本報訊問各方，均表贊同。\n"
    articles = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert len(articles) == 1
