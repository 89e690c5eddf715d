"""articles.parsing.bylines, and the bylines the parser finds on the seed pages."""

from __future__ import annotations

import pytest

from articles.parsing import BylineRecord
from articles.parsing.bylines import parse_byline, split_inline_byline
from articles.parsing.warnings import warning
from tests.seedpages import article, nth, parsed
from text.scripts import fold_to_simplified

QD = "青岛日报/观海新闻"
GH = "观海新闻/青岛晚报"


def B(name, role, outlet=""):
    return BylineRecord(name=name, role=role, outlet=outlet)


# --- parse_byline -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("□青岛日报/观海新闻记者 王萌 见习记者 王鹏辉", [B("王萌", "记者", QD), B("王鹏辉", "见习记者", QD)]),
        ("□青岛日报/观海新闻记者 李德银 通讯员 刘伟", [B("李德银", "记者", QD), B("刘伟", "通讯员", QD)]),
        ("□青岛日报/观海新闻记者 余瑞新 实习生 车芳如", [B("余瑞新", "记者", QD), B("车芳如", "实习生", QD)]),
        ("□青岛日报/观海新闻记者 丁倩倩", [B("丁倩倩", "记者", QD)]),
        ("□ 记者 李媛 通讯员 丁厚冉 报道", [B("李媛", "记者"), B("丁厚冉", "通讯员")]),
        ("□ 记者 白晓 报道", [B("白晓", "记者")]),
        ("□ 本报记者 薄克国", [B("薄克国", "记者")]),
        ("□ 本报记者 李媛", [B("李媛", "记者")]),
        ("本报通讯员 张少丰 王秀梅", [B("张少丰", "通讯员"), B("王秀梅", "通讯员")]),
        ("通讯员 宋其富", [B("宋其富", "通讯员")]),
        ("刘栋 摄影报道", [B("刘栋", "摄影")]),
        ("观海新闻/青岛晚报 记者 李沛", [B("李沛", "记者", GH)]),
        ("(观海新闻/青岛晚报 记者 张琰)", [B("张琰", "记者", GH)]),
        ("（观海新闻/青岛晚报 记者 张琰）", [B("张琰", "记者", GH)]),
        ("大众日报记者 薄克国", [B("薄克国", "记者", "大众日报")]),
        # a reader's photo, credited by his screen name in quotes
        ("网友“某某小舟” 摄", [B("某某小舟", "摄影")]),
        ("读者“abc某某”供图", [B("abc某某", "供图")]),
    ],
)
def test_parse_byline(text, expected):
    assert parse_byline(text) == expected


def test_parse_byline_prefers_the_longest_role():
    # 见习记者 must not be read as 见习 + 记者.
    assert parse_byline("见习记者 王鹏辉") == [B("王鹏辉", "见习记者")]
    # corpus/README.md: every staff-reporter variant is recorded as 记者.
    assert parse_byline("首席记者 王萌") == [B("王萌", "记者")]


def test_parse_byline_ignores_surrounding_whitespace():
    assert parse_byline("  □ 本报记者 薄克国  ") == [B("薄克国", "记者")]


@pytest.mark.parametrize(
    "text",
    [
        "记者从市商务局获悉，1-8月份，青岛市网络零售额1581.1亿元，同比增长24.2%。",
        "记者从青岛市农业农村局获悉,青岛市围绕消费帮扶重点城市建设目标",
        "“通过针对性学习，进一步明确了发展方向。”",
        "“通过针对性学习，进一步明确了发展方向，有利于更好带领村民增收致富。”海青镇甜水河村党委书记宋瑞飞告诉记者。",
        "蒋文海向记者提及,新入局的跨境电商",
        "毕维准参加调研。",
        "基地崛起",
        "青岛日报",
        "记者",
        "本报记者",
        "□",
        "",
        "(以下简称《方案》)",
        "记者 Zhang San",
        "记者 " + "张三 " * 30,  # too long for a byline
        "青岛胶东临空经济示范区管委会企业服务二部部长冷鹏告诉记者。",
        "王宗阳则对记者表示",
        "“某某”摄",  # quotes with no word for who took it
    ],
)
def test_parse_byline_rejects_ordinary_text(text):
    assert parse_byline(text) is None


def test_unboxed_byline_with_many_names_is_not_a_byline():
    names = " ".join(["张一", "张二", "张三", "张四", "张五", "张六", "张七"])
    assert parse_byline("通讯员 " + names) is None
    assert len(parse_byline("□通讯员 " + names)) == 7


# --- split_inline_byline ---------------------------------------------------


def test_split_inline_byline_takes_the_byline_off_the_last_paragraph():
    paragraph = "引领“共建、共治、共享”的文明风潮。(观海新闻/青岛晚报 记者 张琰)"
    assert split_inline_byline(paragraph) == (
        "引领“共建、共治、共享”的文明风潮。",
        [B("张琰", "记者", GH)],
    )


def test_split_inline_byline_with_full_width_parentheses_and_trailing_space():
    text, people = split_inline_byline("全面开展清理整治。（记者 王萌 通讯员 刘伟）  ")
    assert text == "全面开展清理整治。"
    assert people == [B("王萌", "记者"), B("刘伟", "通讯员")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "青岛等7个城市的网上政务服务能力总体指数评价为“非常高(超过90分)”。",
        "上合组织青年创业国际孵化器(青岛)",
        "城阳区(含青岛高新区)",
        "没有括号的一段话。",
        "(记者 张琰)后面还有正文。",
    ],
)
def test_split_inline_byline_leaves_other_paragraphs_alone(paragraph):
    assert split_inline_byline(paragraph) == (paragraph, None)


# --- bylines on the seed pages --------------------------------------------


def test_000_boxed_bylines():
    page = parsed("000")
    assert article(page, "青岛电商“聚变”").bylines == [B("丁倩倩", "记者", QD)]
    assert article(page, "办好17件民生实事").bylines == [B("李德银", "记者", QD), B("刘伟", "通讯员", QD)]


def test_001_byline_printed_at_the_end():
    art = article(parsed("001"), "青岛数字港")
    assert art.bylines == [B("李沛", "记者", GH)]
    assert warning("byline_at_end") in art.warnings
    assert not any("李沛" in block.text for block in art.blocks)


def test_001_inline_byline_closing_the_last_paragraph():
    art = article(parsed("001"), "市南区")
    assert art.bylines == [B("张琰", "记者", GH)]
    assert art.paragraphs[-1].endswith("引领“共建、共治、共享”的文明风潮。")
    assert not any("张琰" in p or "(观海新闻" in p for p in art.paragraphs)


def test_002_byline_split_over_two_lines_shares_the_outlet():
    page = parsed("002")
    assert article(page, "夏送清凉").bylines == [B("刘萍", "记者", QD), B("宋其富", "通讯员", QD)]
    assert article(page, "数据要素").bylines == [B("李勋祥", "记者", QD), B("李宏亮", "通讯员", QD)]


def test_002_trainee_reporter():
    art = article(parsed("002"), "代工厂")
    assert art.bylines == [B("王萌", "记者", QD), B("王鹏辉", "见习记者", QD)]


def test_002_photo_story_byline():
    page = parsed("002")
    art = article(page, "张村河片区加速蝶变")
    assert [(p.name, p.role) for p in art.bylines] == [("刘栋", "摄影")]
    # 刘栋 摄影报道 names no outlet, so the page's is used.
    assert art.bylines[0].outlet == page.outlet == QD


def test_003_reporter_and_intern():
    page = parsed("003")
    assert article(page, "消费帮扶重点城市").bylines == [B("张晋", "记者", QD), B("冯志", "通讯员", QD)]
    assert article(page, "微短剧").bylines == [B("余瑞新", "记者", QD), B("车芳如", "实习生", QD)]
    assert article(page, "医共体").bylines == [B("黄飞", "记者", QD)]


def test_003_continued_articles_have_no_bylines():
    page = parsed("003")
    for fragment in ("应训尽训", "上合示范区聚力扩能提质", "实干担当", "未来产业"):
        assert article(page, fragment).bylines == []


def test_004_byline_over_a_markdown_hard_break():
    # "□ 本报记者 薄克国  " then "本报通讯员 张少丰 王秀梅" on the next line.
    art = article(parsed("004"), "搞活一座城")
    assert art.bylines == [B("薄克国", "记者", "大众日报"), B("张少丰", "通讯员", "大众日报"), B("王秀梅", "通讯员", "大众日报")]


def test_004_bylines_take_the_page_outlet():
    page = parsed("004")
    assert article(page, "直播电商领先城市").bylines == [B("白晓", "记者", "大众日报")]
    assert article(page, "青年创业").bylines == [B("白晓", "记者", "大众日报"), B("李颖慧", "通讯员", "大众日报")]
    assert nth(page, 7).bylines == [B("李媛", "记者", "大众日报"), B("丁厚冉", "通讯员", "大众日报")]
    assert article(page, "老城复兴").bylines == [B("李媛", "记者", "大众日报")]
    assert article(page, "青岛金花").bylines == []


@pytest.mark.parametrize(
    "name, first, second",
    [("黄飞", "000", "003"), ("李德银", "000", "002")],
)
def test_same_reporter_on_two_pages_has_one_identity(name, first, second):
    def identities(prefix):
        return {(p.name, p.outlet) for a in parsed(prefix).articles for p in a.bylines if p.name == name}

    assert identities(first) == identities(second) == {(name, QD)}


# --- a bullet for the box; bylines run in after a dateline --------------------


def _parsed_text(text: str):
    from articles.parsing import decode_page, parse_page

    return parse_page(decode_page("page.txt", text.encode("utf-8")))


def test_a_byline_set_off_by_a_bullet_is_a_byline_not_a_subhead():
    art = _parsed_text("市里召开会议\n\n■本报记者 张三\n\n昨天，市里召开会议，部署全年工作。\n\n会议要求抓好落实。\n").articles[0]
    assert [(p.name, p.role) for p in art.bylines] == [("张三", "记者")]
    assert art.subheads == []


def test_a_bullet_subhead_stays_a_subhead():
    art = _parsed_text(
        "市里召开会议\n\n昨天，市里召开会议，部署全年工作。\n\n■抓好落实，务求实效\n\n会议要求抓好落实。\n"
    ).articles[0]
    assert art.subheads == ["■抓好落实，务求实效"]
    assert art.bylines == []


@pytest.mark.parametrize(
    "first, people, body",
    [
        ("本报讯 记者 张三 昨天，市里召开会议。", [("张三", "记者")], "昨天，市里召开会议。"),
        ("本报讯 记者 张三 通讯员 李四 王五 昨天，市里召开会议。", [("张三", "记者"), ("李四", "通讯员"), ("王五", "通讯员")], "昨天，市里召开会议。"),
        # 记者 opening a sentence is no byline.
        ("本报讯 记者昨天从市里获悉，会议召开。", [], "记者昨天从市里获悉，会议召开。"),
    ],
)
def test_a_byline_run_in_after_the_dateline_without_brackets(first, people, body):
    art = _parsed_text(f"市里召开会议\n\n{first}\n\n会议要求抓好落实。\n").articles[0]
    assert art.dateline == "本报讯"
    assert [(p.name, p.role) for p in art.bylines] == people
    assert art.paragraphs[0] == body


@pytest.mark.parametrize(
    "text, expected",
    [
        ("（丙丁）", [("丙丁", "")]),
        ("(丙)", [("丙", "")]),
        ("（戊己自）（甲國寄）", [("戊己", "")]),
    ],
)
def test_a_pen_name_in_brackets_has_no_role(text, expected):
    assert [(p.name, p.role) for p in parse_byline(text)] == expected


@pytest.mark.parametrize("text", ["（完）", "（待續）", "（第七回完）", "（一）", "（上）", "（下转第二版）", "（上接一版）", "（一）（〇）（五）", "（新华社）", "（本报讯）"])
def test_a_serials_marks_in_brackets_are_no_pen_name(text):
    assert parse_byline(fold_to_simplified(text)) is None  # the parser reads the page folded (parsing.folding)


# --- an organisation's name is nobody's ----------------------------------------

_STORY = "甲城戰事又起\n{under}\n\n昨日甲城一帶又有戰事，雙方相持不下，居民紛紛遷避，市面頗爲冷落。\n\n據悉，兩方仍在對峙之中。\n{closing}"


@pytest.mark.parametrize("name", ["關東軍", "東北軍", "八路軍", "甲城商會", "某某工務局", "某某司令部"])
def test_an_organisations_name_is_no_byline_or_signature(name):
    # A surname may open it (關, 東 …); its last word says what it is.
    folded = fold_to_simplified(name)
    assert parse_byline(f"（{folded}）") is None
    assert parse_byline(f"{folded}供图") is None
    under = _parsed_text(_STORY.format(under=name, closing="")).articles[0]
    assert under.bylines == []
    signed = _parsed_text(_STORY.format(under="", closing=f"（{name}）\n")).articles[0]
    assert signed.bylines == []


@pytest.mark.parametrize("name", ["王軍", "李建軍", "蕭軍"])
def test_a_given_name_ending_on_jun_is_a_persons(name):
    folded = fold_to_simplified(name)
    assert [p.name for p in parse_byline(f"（{folded}）")] == [folded]
    under = _parsed_text(_STORY.format(under=f"孫某某  {name}", closing="")).articles[0]
    assert [p.name for p in under.bylines] == ["孫某某", name]


@pytest.mark.parametrize("line", ["本报记者 张中军 通讯员 李国会", "新华社记者 刘东军", "本报记者 陈建府"])
def test_a_role_word_names_a_person_whatever_the_given_names_last_character(line):
    page = _parsed_text(f"市里召开会议\n{line}\n\n昨天，市里召开会议，部署下一阶段工作，各区负责人参加。\n\n会议要求抓好落实。\n")
    (story,) = page.articles
    assert story.subtitle == "" and [p.name for p in story.bylines] == [n for n in line.split() if "记者" not in n and "通讯员" not in n]


@pytest.mark.parametrize("name", ["孙中军", "卫东军"])
def test_a_signature_with_a_given_name_on_jun_is_a_persons(name):
    assert [p.name for p in parse_byline(f"（{name}）")] == [name]
