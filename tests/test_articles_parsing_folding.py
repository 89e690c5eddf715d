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


def test_a_name_padded_with_a_full_width_space_keeps_its_own_characters():
    # 於 folds to 于 and 範 to 范: the name's 于/范 must come from the byline, not from the headline or body.
    page = _parse(
        "某某新館將於下月開幕\n\n本報訊　某某新館將於下月開幕，擴大展覽範圍，市民可免費參觀。\n\n本報記者　于　明\n"
    )
    assert [p.name for a in page.articles for p in a.bylines] == ["于明"]
    page = _parse(
        "颱風過後市面恢復\n\n本報訊　颱風過後，政府擴大檢查範圍，市面逐步恢復正常，市民生活大致如常。\n\n記者　范　某\n"
    )
    assert [p.name for a in page.articles for p in a.bylines] == ["范某"]
    # The headline holds 於明 unbroken (將於明日): the name is still the byline's own.
    page = _parse("某某新館將於明日開幕\n\n本報記者　于　明\n\n本報訊　某某新館將於明日開幕，市民可免費參觀。\n")
    assert [p.name for a in page.articles for p in a.bylines] == ["于明"]


def test_a_string_is_looked_for_within_its_articles_span():
    original = "範某說明\n\n范某到場"
    unfolder = Unfolder(original, fold_to_simplified(original))
    assert unfolder.restore("范某", near=6, end=len(original)) == "范某"
    assert unfolder.restore("范某") == "範某"  # no span: the first on the page


def test_a_decoders_warning_keeps_the_files_own_name():
    # A GB18030 file name in simplified characters on a traditional page that prints 後 (folded to 后).
    name = "某某后记.txt"
    record = parse_page(decode_page(name.encode("gb18030"), PAGE.encode("utf-8")))
    assert [w["params"]["name"] for w in record.warnings if w["code"] == "file_name_gb18030"] == [name]
