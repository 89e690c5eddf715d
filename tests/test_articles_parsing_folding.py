"""articles.parsing.folding: the parser reads a folded copy; records carry the page's own characters and exact spans."""

from __future__ import annotations

from articles.parsing import decode_page, parse_page
from articles.parsing.folding import Unfolder
from text.scripts import fold_to_simplified

# An invented page of a Hong Kong or Taiwan daily, in traditional characters.
PAGE = (
    "某某市推出新措施\n"
    "——兩岸企業共同參與\n\n"
    "本報記者　陳某某\n\n"
    "本報訊　某某市政府3月4日發佈新措施，兩岸企業將共同參與，相關工作已全面展開。\n\n"
    "市民表示，新措施讓生活更方便，期待後續發展。（下轉第二版）\n\n"
    "某某會展開幕\n\n"
    "中央社記者某某台北5日電　某某會展今天開幕，吸引大批參觀者，主辦單位表示反應熱烈。\n\n"
    "記者 黃某某 攝\n"
)


def _parse(text: str):
    return parse_page(decode_page("page.txt", text.encode("utf-8")))


def test_a_page_in_traditional_characters_reads_as_its_simplified_twin():
    traditional, simplified = _parse(PAGE), _parse(fold_to_simplified(PAGE))
    assert [a.span for a in traditional.articles] == [a.span for a in simplified.articles]
    assert [fold_to_simplified(a.title) for a in traditional.articles] == [a.title for a in simplified.articles]
    first = traditional.articles[0]
    assert first.title == "某某市推出新措施" and first.subtitle == "兩岸企業共同參與"
    assert first.dateline == "本報訊" and first.continues_to == "第二版"
    assert [(p.name, p.role) for p in first.bylines] == [("陳某某", "记者")]  # the role is the key's word


def test_every_string_of_the_record_is_the_pages_own():
    page = _parse(PAGE)
    for article in page.articles:
        start, end = article.span
        for text in (article.title, article.subtitle, article.dateline, *article.paragraphs):
            assert text in PAGE[start:end]
        assert all(p.name in PAGE for p in article.bylines)


def test_a_folded_character_standing_for_two_is_given_back_by_where_it_lies():
    original = "他的頭髮很長。\n\n事情發生以後。"
    folded = fold_to_simplified(original)
    assert folded == "他的头发很长。\n\n事情发生以后。"
    unfolder = Unfolder(original, folded)
    assert unfolder.restore("头发很长") == "頭髮很長"
    assert unfolder.restore("事情发生") == "事情發生"
    # Joined from two places (a headline's two lines), each piece from its own.
    assert unfolder.restore("头发事情发生") == "頭髮事情發生"
    # What the page does not hold stays as the parser made it.
    assert unfolder.restore("第二版") == "第二版"


def test_a_jumps_second_part_with_a_caption_in_traditional_characters():
    text = (
        "某某市推出新措施\n\n"
        "（上接第一版）兩岸企業表示，新措施讓合作更方便，期待後續發展。\n\n"
        "圖為市民在公園賞花。\n"
    )
    [article] = _parse(text).articles
    [twin] = _parse(fold_to_simplified(text)).articles
    assert article.title == "某某市推出新措施" and article.continued_from == "第一版"
    assert article.paragraphs == ["兩岸企業表示，新措施讓合作更方便，期待後續發展。"]
    assert article.captions == ["圖為市民在公園賞花。"]
    assert [fold_to_simplified(c) for c in article.captions] == twin.captions
