"""Cutting a page into stories (articles/parsing/segment.py): the conventions of
the old vertical pages (民国 papers, traditional characters), on invented pages."""

from __future__ import annotations

from articles.parsing import decode_page, parse_page

REPORT = "甲城商會昨日開會、議决籌設平民工廠一所、收容失業工人、經費由各業分担、定下月開工云、"
OTHER = "乙城近日新開戲園一所、座客常滿、每晚演至十二時始散、園主張三頗爲得意、"


def parse(text: str):
    return parse_page(decode_page("old.txt", text.encode("utf-8"))).articles


def test_a_single_column_after_a_report_closed_by_yun_heads_the_next_story():
    first, second = parse(f"甲城商會開會\n籌設平民工廠\n\n{REPORT}\n\n戲園新開\n\n{OTHER}\n")
    assert first.title == "甲城商會開會 籌設平民工廠"
    assert (second.title, second.paragraphs) == ("戲園新開", [OTHER])


def test_single_columns_between_paragraphs_of_a_story_are_its_subheads():
    text = (
        "甲城騙案\n設計雖巧法網難逃\n\n"
        "甲城某公司、爲張三所開、本月十九號下午三時、\n\n"
        "突有二人\n\n"
        "持一小瓷罐、並附致張三一信、時張三適外出、由其妻收下、二人卽去、\n\n"
        "查抄烟土\n\n"
        "不料其時、又有不速客二人闖入、自稱爲捕房探員、將該瓷罐抄獲、\n"
    )
    [article] = parse(text)
    assert article.subheads == ["突有二人", "查抄烟土"]
    assert len(article.paragraphs) == 3


def test_each_item_of_a_news_column_is_a_brief_of_its_own():
    text = (
        "外交消息\n\n"
        "▲甲國駐華大使張三、定於後日赴乙城一行、其在乙城逗留之期、約有十日云、\n\n"
        "▲昨晚六時半、丙國總會舉行招待會、歡迎丙國大使李四、到者甚眾、\n\n"
        "▲丙國僑民、前晚假座某總會、舉行茶會、到來賓甚多、\n"
    )
    articles = parse(text)
    assert [a.title for a in articles] == ["外交消息", "", ""]
    assert [a.paragraphs[0][:3] for a in articles] == ["▲甲國", "▲昨晚", "▲丙國"]


def test_a_headline_counting_its_incidents_keeps_its_items_one_story():
    text = (
        "盜刼三起\n\n"
        "▲甲路某里九號、昨晚七時、被三盜闖入、刦去二百元、當卽報吿捕房、\n\n"
        "▲乙路一百十號門牌、昨晚九時、有八盜闖入、內四盜均執有武器、被刼達八千餘元、\n\n"
        "▲丙路某廠、昨日下午、被盜一千餘元、\n"
    )
    [article] = parse(text)
    assert len(article.paragraphs) == 3


def test_a_signed_column_of_items_is_one_piece():
    text = (
        "春江花事\n（老王）\n\n"
        "▲甲里的某姑娘、唱工甚好、愛他的人很多、據說這囘選舉、最有希望、\n\n"
        "▲乙里的某姑娘、近來生意不佳、日前遷往丙里、從此門前冷落了、\n"
    )
    [article] = parse(text)
    assert [(p.name, p.role) for p in article.bylines] == [("老王", "")]
    assert len(article.paragraphs) == 2


def test_a_phrase_between_ornaments_heads_a_story():
    first, second = parse(f"戲園新開\n乙城觀眾甚多\n\n{OTHER}\n\n◇李壽◇\n\n李四夫人今欣値四秩榮慶、諸友好定今日舉行堂會、\n")
    assert first.paragraphs == [OTHER]
    assert second.title == "◇李壽◇"


def test_a_phrase_between_ornaments_naming_the_storys_subject_is_her_portraits_caption():
    body = "南花北植、初唯甲乙兩城、而王五小姐、亦是甲城名花、近來滬、"
    [article] = parse(f"樓上春風\n（某甲）\n\n{body}\n\n◘王五小姐◘\n")
    assert article.captions == ["◘王五小姐◘"]
    assert article.paragraphs == [body]


def test_a_serials_deck_with_marked_columns_opens_a_story():
    text = (
        f"戲園新開\n乙城觀眾甚多\n\n{OTHER}\n\n"
        "今雜事秘\n△早熟\n（十五）\n某某譔\n\n"
        "明珠，張姓，縫人女。縫人傭一夥一徒，設肆於滬城一小巷中。\n"
    )
    first, second = parse(text)
    assert first.paragraphs == [OTHER]
    assert second.title == "今雜事秘 △早熟 （十五） 某某譔"
    assert second.captions == []


def test_a_deck_column_of_brackets_alone_belongs_to_the_title():
    text = f"戲園新開\n））\n張三\n自乙城寄\n（（\n\n{OTHER}\n"
    [article] = parse(text)
    assert article.title == "戲園新開 ）） 張三 自乙城寄 （（"
    assert article.paragraphs == [OTHER]


def test_a_punctuated_short_line_under_a_subhead_is_a_cut_paragraph_piece():
    text = (
        "甲輪被阻\n乙輪仍開航\n\n"
        "甲國某洋行之甲輪、於本月二十日由滬駛丙城、昨晨電滬向公司報吿、該輪被阻、\n\n"
        "乙輪來滬\n\n"
        "據航業界訊、停泊在丙城之外輪、爲乙國某洋行之乙輪、自\n\n"
        "甲輪被阻電報到滬後、某洋行卽電乙輪詢問、定今日午後由丙城駛囘上海、\n"
    )
    [article] = parse(text)
    assert article.subheads == ["乙輪來滬"]
    assert len(article.paragraphs) == 2


def test_a_headline_column_after_a_brief_opens_the_next_story():
    brief = "◘某君之妾、近日控告遺棄、昨日開庭審理、兩造均到、"
    story = "某洋行經理張三、與李四女士、過從甚密、近已訂婚、不日當可雙棲、"
    articles = parse(f"戲園新開\n（某甲）\n\n{OTHER}\n\n{brief}\n甲乙有緣記\n\n\n{story}\n\n（某乙）\n")
    assert [(a.title, a.paragraphs) for a in articles[1:]] == [("", [brief]), ("甲乙有緣記", [story])]
    assert [p.name for p in articles[2].bylines] == ["某乙"]


def test_a_piece_signed_under_its_text_begins_at_its_own_headline():
    first = "現在女人解放了、大學堂的講堂裏、已經有了女學生、"
    rest = ["凡是一種主張、必有一種理由、有了理由、方能稱得起主張。", "若拿老生常談來批評現代的思潮、在他以爲是獨具隻眼。"]
    text = f"男女平權\n（某甲）\n\n{first}\n\n不配！\n\n{rest[0]}\n\n{rest[1]}\n\n（某乙）\n"
    one, two = parse(text)
    assert (one.title, one.paragraphs, [p.name for p in one.bylines]) == ("男女平權", [first], ["某甲"])
    assert (two.title, two.paragraphs, [p.name for p in two.bylines]) == ("不配！", rest, ["某乙"])
