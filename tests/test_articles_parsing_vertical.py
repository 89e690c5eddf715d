"""articles.parsing.vertical: a historical vertical page is told by two of its dates, figures and pauses, not its script."""

from __future__ import annotations

from articles.parsing import decode_page, parse_page
from articles.parsing.vertical import MIN_CHARS, set_vertically
from text.scripts import fold_to_simplified

MODERN = "某某市政府3月4日召开会议，部署2024年重点工作，会议要求，全年新增就业12万人，各项措施落实到位。"
OLD_DATED = "甲城商会昨日开会、议决筹设工厂、定廿六日开工、另于三日后召集各业、商议经费云、"
OLD_PAUSES = "甲城近日新开戏园一所、座客常满、每晚演至十二时始散、园主张三颇为得意、"
# An editorial or essay: long, and not one Arabic figure.
ESSAY = "某某论事，谓今之世，人心不古，风俗日偷，为之奈何。"


def _long(text: str) -> str:
    return text * (MIN_CHARS // len(text) + 1)


def test_a_modern_page_in_traditional_characters_is_horizontal():
    traditional = "某某市政府3月4日召開會議，部署2024年重點工作，會議要求，全年新增就業12萬人，各項措施落實到位。"
    assert fold_to_simplified(traditional) == MODERN
    assert not set_vertically(MODERN * 10, traditional=True)


def test_an_old_page_is_vertical_in_either_script():
    for traditional in (False, True):
        assert set_vertically(OLD_DATED * 5, traditional=traditional)  # 廿六日 and the 句读's 、
        assert set_vertically(_long(OLD_PAUSES), traditional=traditional)  # no figure, and the 句读's 、
        # A wire's dispatch dated in Chinese numerals, and no Arabic figure.
        assert set_vertically("某某社某地八日电\n" + _long(ESSAY), traditional=traditional)


def test_a_short_traditional_page_without_figures_is_old_by_its_script():
    assert set_vertically(fold_to_simplified("甲城近日新開戲園一所，座客常滿。"), traditional=True)
    assert not set_vertically("甲城近日新开戏园一所，座客常满。", traditional=False)


def test_one_habit_alone_decides_nothing():
    # An editorial without figures (a Hong Kong 社評 page) is a modern page.
    assert not set_vertically(_long(ESSAY), traditional=True)
    # A list of names joined by 、 (a 名单 or 公示 page) is no 句读.
    names = "、".join(["张某某", "李某", "王某某", "赵某"] * 40)
    assert not set_vertically(names + "。\n" + MODERN, traditional=False)
    assert not set_vertically(names + "。\n" + _long(ESSAY), traditional=False)


def test_a_duration_is_no_date():
    shop = "某某商场推出促销，满300元减50元，网购商品享有七日无理由退货，超过七日需与商家协商，三十日内可开发票，第三日起计息，七日年化收益，一日游。"
    assert not set_vertically(shop * 3, traditional=False)
    notice = "本院受理某某诉某某一案，限你于公告之日起三十日内到院领取，并于十五日内提出答辩，逾期视为放弃。\n二〇二四年三月十五日\n"
    assert not set_vertically(_long(notice), traditional=False)
    assert not set_vertically("十年如一日，守护山村学校", traditional=False)


def test_the_page_header_does_not_make_an_old_page_modern(monkeypatch):
    # An archive's header in Arabic figures above a short old page in traditional characters without a figure.
    import articles.parsing.page as page_module

    told: list[bool] = []
    monkeypatch.setattr(page_module, "set_vertically", lambda text, **kw: told.append(set_vertically(text, **kw)) or told[-1])
    text = "1948年4月21日\n第2版\n\n甲城竊案\n\n甲城某錢莊，爲張三所開，昨晚有客二人自稱送貨，叩門而入，將帳簿取去。\n"
    parse_page(decode_page("old.txt", text.encode("utf-8")))
    assert told == [True]


# A 副刊 essay: modern commas, no Arabic figure, and its days written in
# Chinese numerals after their months, as literary writing may.
ESSAY_DATED = (
    "副刊\n\n春日杂记\n\n某某\n\n"
    "那年三月十五日，我第一次到甲城，街上的树刚刚发芽，行人都穿着厚衣服，风吹过来还有些冷。"
    "到了五月四日，我们又去河边走了一回，柳絮飞满了天，孩子们在岸上追着跑，笑声传得很远。\n"
)


def test_a_modern_essay_dated_in_chinese_numerals_is_horizontal(monkeypatch):
    import articles.parsing.page as page_module

    essay = _long(ESSAY_DATED)
    for traditional in (False, True):
        assert not set_vertically(essay, traditional=traditional)
    told: list[bool] = []
    monkeypatch.setattr(page_module, "set_vertically", lambda text, **kw: told.append(set_vertically(text, **kw)) or told[-1])
    parse_page(decode_page("essay.txt", essay.encode("utf-8")))
    assert told == [False]


def test_the_old_pages_own_dates_and_no_figure_tell_a_vertical_page():
    # 廿 and 卅 (the modern page writes 二十, 三十), with commas and no 句读.
    old = "甲城商会于四月廿六日开会，议决筹设工厂，定于五月卅日开工，到会者甚众，颇极一时之盛。"
    assert set_vertically(_long(old), traditional=False)


def test_an_old_pages_wires_with_their_hour_or_as_special_dispatches_tell_it():
    # No 廿 or 卅 day, commas for its 句读: the wires' own forms still say it is old.
    story = "國府昨日開會，議决要案多起，由行政院分別辦理，到會委員甚衆，散會時已午後。\n\n"
    page = fold_to_simplified(("南京四日專電\n國府會議\n\n" + story + "北平五日下午六時電\n平市大雪\n\n" + story) * 8)
    assert len(page) > MIN_CHARS
    assert set_vertically(page, traditional=True)
