"""screening.matching: every occurrence with its field and offsets, overlaps and nested words included. No Django."""

from __future__ import annotations

from screening.matching import BANNED, NOTICE, Entry, Hit, Matcher, article_passages


def matcher(*entries: tuple[str, str, str]) -> Matcher:
    return Matcher(Entry(*entry) for entry in entries)


def find(m: Matcher, **fields: str) -> list[Hit]:
    return m.find(article_passages(**{"kicker": "", "title": "", "subtitle": "", "body": "", **fields}))


def test_exact_matches_with_their_positions():
    m = matcher(("赌博", "违法", BANNED), ("网贷", "金融", NOTICE))
    text = "严查赌博，也查网贷和赌博。"
    hits = find(m, title=text)
    assert [(h.word, h.start, h.end, h.severity, h.category, h.field) for h in hits] == [
        ("赌博", 2, 4, BANNED, "违法", "title"),
        ("网贷", 7, 9, NOTICE, "金融", "title"),
        ("赌博", 10, 12, BANNED, "违法", "title"),
    ]
    assert all(text[h.start: h.end] == h.word for h in hits)


def test_nested_and_overlapping_words_are_each_reported():
    m = matcher(("法轮", "", BANNED), ("法轮功", "", BANNED), ("轮功学", "", NOTICE))
    hits = find(m, body="有人提到法轮功学员。")
    assert [(h.word, h.start, h.end) for h in hits] == [("法轮功", 4, 7), ("法轮", 4, 6), ("轮功学", 5, 8)]


def test_fields_and_body_blocks_are_named_and_offsets_are_in_the_block():
    m = matcher(("走私", "", BANNED))
    body = "第一段没有。\n\n## 走私案告破\n\n■ 图为走私货物。"
    hits = find(m, kicker="打击走私", subtitle="走私", body=body)
    assert [(h.field, h.block, h.start) for h in hits] == [
        ("kicker", None, 2), ("subtitle", None, 0), ("body", 1, 0), ("caption", 2, 2),
    ]


def test_latin_words_match_in_either_case_at_the_same_offsets():
    m = matcher(("VPN", "", NOTICE))
    hits = find(m, body="翻墙用vpn或Vpn。")
    assert [(h.word, h.start, h.end) for h in hits] == [("VPN", 3, 6), ("VPN", 7, 10)]


def test_an_empty_list_finds_nothing_and_blank_words_are_ignored():
    assert find(matcher(), body="任何文字") == []
    assert matcher(("  ", "", BANNED)).size == 0


def test_ten_thousand_words_one_pass():
    words = [(f"词{i:05d}", "", BANNED) for i in range(10_000)]
    m = matcher(*words)
    hits = find(m, body="这里有词04242和词09999，没有词1。")
    assert [h.word for h in hits] == ["词04242", "词09999"]


def test_a_text_whose_lower_case_is_longer_keeps_its_offsets():
    m = matcher(("VPN", "", NOTICE))
    text = "İ用VPN"  # İ lowers to two characters
    assert [(h.start, h.end) for h in find(m, title=text)] == [(2, 5)]


def test_characters_beyond_the_bmp_keep_their_offsets():
    m = matcher(("𠮷野", "", NOTICE), ("赌博", "", BANNED))
    text = "𠮷野家的赌博"
    hits = find(m, title=text)
    assert [(h.word, h.start, h.end) for h in hits] == [("𠮷野", 0, 2), ("赌博", 4, 6)]
    assert all(text[h.start: h.end] == h.word for h in hits)


def test_no_match_straddles_two_characters():
    # 中 is U+4E2D; U+034E U+2D00 spell the bytes 03 4E 2D 00, with 4E 2D across the two.
    assert find(matcher(("中", "", BANNED)), body="\u034e\u2d00") == []


def test_a_word_matches_its_traditional_spelling_and_back():
    m = matcher(("法轮功", "", BANNED), ("台獨", "", BANNED))
    text = "法輪功、法轮功與台独"
    hits = find(m, body=text)
    assert [(h.word, text[h.start: h.end]) for h in hits] == [("法轮功", "法輪功"), ("法轮功", "法轮功"), ("台獨", "台独")]


def test_a_word_listed_in_both_scripts_keeps_its_own_entry():
    m = matcher(("发展", "", NOTICE), ("發展", "", BANNED))
    assert [(h.word, h.severity) for h in find(m, body="发展與發展")] == [("发展", NOTICE), ("發展", BANNED)]
