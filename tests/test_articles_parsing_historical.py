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


# A vertical page sets each headline as a deck of columns (主题 and 副题 lines
# of a few characters each), which page text gives one under the other; the
# wire dateline stands on its own line under it. Invented page.
DECK_PAGE = (
    "張三抵京\n晤李四\n商談時局\n問題\n各方\n均表關切\n\n"
    "中央社南京廿七日電\n\n"
    "行政院長張三昨日由滬抵京，即赴官邸晤李四，商談時局問題甚久。\n\n"
    "據悉雙方對於今後方針意見一致。\n\n"
    "王五發表談話\n國際局勢\n趨於緩和\n英美\n將召開會議\n\n"
    "聯合社倫敦廿六日電\n\n"
    "外相王五今日在下院發表談話，謂國際局勢已趨緩和，各國均願和平解決爭端。\n\n"
    "本市米價\n昨又上漲\n\n"
    "本報甲城廿六日專電\n\n"
    "甲城米價昨又上漲，每石漲至三十萬元，市民頗感不安。\n"
)


def parse_deck_page():
    return parse_page(decode_page("old.txt", DECK_PAGE.encode("utf-8"))).articles


def test_a_vertical_deck_of_many_columns_is_one_headline_and_one_article():
    articles = parse_deck_page()
    assert [a.title for a in articles] == [
        "張三抵京 晤李四 商談時局 問題 各方 均表關切",
        "王五發表談話 國際局勢 趨於緩和 英美 將召開會議",
        "本市米價 昨又上漲",
    ]
    assert all(not a.kicker and not a.subtitle for a in articles)
    # No deck line is left to the story above it.
    assert articles[0].paragraphs[-1] == "據悉雙方對於今後方針意見一致。"


def test_any_wire_agency_with_a_day_and_no_month_is_a_dateline():
    articles = parse_deck_page()
    assert [(a.dateline, a.dateline_month, a.dateline_day) for a in articles] == [
        ("中央社南京廿七日電", None, 27),
        ("聯合社倫敦廿六日電", None, 26),
        ("本報甲城廿六日專電", None, 26),
    ]
    assert articles[1].paragraphs == ["外相王五今日在下院發表談話，謂國際局勢已趨緩和，各國均願和平解決爭端。"]


def test_a_simplified_page_keeps_its_kicker_over_the_title():
    # The deck rule is the vertical page's: a modern page's stack keeps its 引题.
    text = "张三会见李四时强调\n两地合作要再上新台阶\n\n本报甲城3月4日电 张三昨日会见李四。\n"
    article = parse_page(decode_page("new.txt", text.encode("utf-8"))).articles[0]
    assert (article.kicker, article.title) == ("张三会见李四时强调", "两地合作要再上新台阶")


def test_a_wire_story_of_several_dispatches_is_one_article():
    # Each further dispatch heads its paragraph with its bracketed dateline; a
    # brief with no headline opens with its own dateline set plain.
    text = (
        "甲國擬召開會議\n商討乙國問題\n\n"
        "合眾社甲城六日電\n\n"
        "據若干跡象，甲國外長張三正力促各國召開會議，商討乙國問題。\n\n"
        "〔合眾社甲城五日電〕外交部發言人李四五日透露，會議或將於下月舉行。\n\n"
        "〔法國新聞社丙城五日電〕丙國外長王五今日在記者招待會中稱，丙國願意參加會議。\n\n"
        "本報訊　本市商會昨日召集各業代表，討論救濟失業辦法，到者甚眾。\n"
    )
    articles = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert [a.title for a in articles] == ["甲國擬召開會議 商討乙國問題", ""]
    story = articles[0]
    assert story.dateline == "合眾社甲城六日電"
    assert len(story.paragraphs) == 3
    assert story.paragraphs[2].startswith("〔法國新聞社丙城五日電〕")
    assert articles[1].dateline == "本報訊"


def test_a_pen_name_in_brackets_is_a_byline_without_a_role():
    text = (
        "甲城春遊記\n（丙丁）\n\n甲城春日遊人甚多、各園皆滿、茶社生意極好、\n\n"
        "乙鎮新聞\n（戊己自）（甲國寄）\n\n乙鎮近日新開戲園一所、座客常滿、\n\n（完）\n"
    )
    first, second = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert first.title == "甲城春遊記"
    assert [(p.name, p.role) for p in first.bylines] == [("丙丁", "")]
    assert second.title == "乙鎮新聞"
    assert [(p.name, p.role) for p in second.bylines] == [("戊己", "")]


def test_a_pen_name_closing_the_text_ends_the_article():
    text = (
        "甲城春遊記\n\n甲城春日遊人甚多、各園皆滿、茶社生意極好、遊人皆謂今年之盛、爲歷年所未有、\n\n（丙）\n\n"
        "乙鎮新聞\n\n乙鎮近日新開戲園一所、座客常滿、\n"
    )
    first, second = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert [(p.name, p.role) for p in first.bylines] == [("丙", "")]
    assert second.title == "乙鎮新聞"


def test_marked_items_without_headlines_are_each_a_brief():
    text = (
        "甲城春遊記\n\n甲城春日遊人甚多、各園皆滿、茶社生意極好、\n\n"
        "◘乙鎮近日新開戲園一所、座客常滿、鎮中商店亦甚熱鬧、\n\n"
        "◘丙村農民張三、近日種麥十畝、收成甚豐、\n"
    )
    articles = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert [a.title for a in articles] == ["甲城春遊記", "", ""]
    assert articles[2].paragraphs == ["◘丙村農民張三、近日種麥十畝、收成甚豐、"]


def test_a_round_bracketed_wire_dateline_and_its_further_dispatches():
    text = (
        "甲軍反攻\n克復乙城\n\n（甲城廿日海通電）甲軍昨日反攻、克復乙城、\n\n"
        "（丙城十九日美聯電（丙國外長王五稱、丙國極表關切、\n\n"
        "丁城米價高漲\n\n（丁城廿日電）丁城米價昨又上漲、市民頗感不安、\n"
    )
    articles = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert [a.title for a in articles] == ["甲軍反攻 克復乙城", "丁城米價高漲"]
    assert (articles[0].dateline, articles[0].dateline_day) == ("（甲城廿日海通電）", 20)
    assert len(articles[0].paragraphs) == 2  # the further dispatch, its bracket mirrored by OCR
    assert (articles[1].dateline, articles[1].dateline_day) == ("（丁城廿日電）", 20)


def test_a_pointer_on_a_vertical_page_opens_an_item_not_a_caption():
    text = (
        "外交消息\n\n"
        "▲甲國駐華大使張三、定於後日赴乙城一行、其在乙城逗留之期、約有十日云、\n\n"
        "▲昨晚六時半、丙國總會舉行招待會、歡迎丙國大使李四、到者甚眾、\n"
    )
    articles = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert [a.captions for a in articles] == [[], []]
    assert [len(a.paragraphs) for a in articles] == [1, 1]  # each item a brief (test_articles_parsing_segment.py)


def test_a_serials_deck_of_many_columns_is_one_headline():
    deck = ["甲城夜話", "（一）", "（〇）", "（五）", "張三著", "禁止轉載", "第七回", "逞狡謀移花接木", "驚奇醜倒樹尋根"]
    text = (
        "\n".join(deck) + "\n\n李四近來身體甚弱、風都吹得要倒下來、那裏禁得起他蠻力、\n\n（第七回完）\n\n"
        "乙城新聞\n\n乙城近日新開戲園一所、座客常滿、\n"
    )
    first, second = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert first.title == " ".join(deck)
    assert first.bylines == []  # the serial's end mark names nobody
    assert second.title == "乙城新聞"


def test_a_deck_column_ending_on_a_particle_stays_in_the_headline():
    body = "甲國海軍根據地、向在乙城、近已移往丙城、據稱將來還要開設新港、各國均表關切、"
    text = f"甲國的海軍\n根據地\n\n{body}\n"
    first = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles[0]
    assert first.title == "甲國的海軍 根據地"
    assert first.paragraphs == [body]


def test_a_pen_name_with_a_rare_character():
    text = "甲城春遊記\n（\U0002000b丙）\n\n甲城春日遊人甚多、各園皆滿、茶社生意極好、遊人皆謂今年之盛、爲歷年所未有、\n"
    article = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles[0]
    assert article.title == "甲城春遊記"
    assert [(p.name, p.role) for p in article.bylines] == [("\U0002000b丙", "")]


def test_a_long_first_piece_of_a_cut_paragraph_under_a_vertical_deck_is_body():
    first = "甲乙兩隊主辦之慈善籃球賽最後一幕、昨晚仍在甲城健身房舉行、觀衆不下七百人、甲隊以卅二對廿九吿"
    text = f"慈善籃球閉幕\n甲隊雪前恥\n\n{first}\n\n捷、報復上兩戰受挫之辱、來賓皆謂此戰甚爲精彩、\n"
    article = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles[0]
    assert article.title == "慈善籃球閉幕 甲隊雪前恥"
    assert article.paragraphs == [first + "捷、報復上兩戰受挫之辱、來賓皆謂此戰甚爲精彩、"]


def test_a_paragraph_ending_in_cloud_is_no_report_closed_by_yun():
    # 雲 (cloud) folds to 云 ("it is said"): only the printed 云 closes a report, so
    # the single column after 白雲 is the story's subhead, not the next story's headline.
    text = (
        "甲城竊案\n手段雖巧終被拘獲\n\n"
        "甲城某錢莊、爲張三所開、本月十二號晚間八時、有客二人自稱來自白雲\n\n"
        "兩人叩門\n\n"
        "自稱送貨、並附致張三一函、時張三適外出、由其弟收下、兩人卽去、\n\n"
        "巡捕到塲\n\n"
        "不料其時、又有三人闖入、自稱爲捕房探員、將該錢莊帳簿取去、\n"
    )
    articles = parse_page(decode_page("old.txt", text.encode("utf-8"))).articles
    assert len(articles) == 1 and articles[0].subheads == ["兩人叩門", "巡捕到塲"]
    # The same paragraph closed by 云 ends the report: the column after it heads a story.
    # So does 雲 before the report's closing pause, as a page converted to traditional by machine prints 云.
    for end in ("來自白城云", "來自白城雲、"):
        closed = parse_page(decode_page("old.txt", text.replace("來自白雲", end).encode("utf-8"))).articles
        assert [a.title for a in closed][1:] == ["兩人叩門"]
