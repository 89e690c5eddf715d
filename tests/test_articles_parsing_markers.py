"""articles.parsing.markers: datelines, jump lines and footers, and what the parser does with them."""

from __future__ import annotations

import pytest

from articles.parsing import decode_page, parse_page
from articles.parsing.markers import is_footer, ornamented, split_dateline, split_jump_from, split_jump_to
from articles.parsing.warnings import warning
from tests.seedpages import article, parsed
from text.scripts import fold_to_simplified

# --- split_dateline ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "本报10月10日讯 10日，中国红十字(山东)应急救援培训基地青岛综合训练中心在崂山区王哥庄街道揭牌。",
            ("本报10月10日讯", 10, 10, "10日，中国红十字(山东)应急救援培训基地青岛综合训练中心在崂山区王哥庄街道揭牌。"),
        ),
        ("本报9月4日讯 在推动全国文明典范城市创建工作中", ("本报9月4日讯", 9, 4, "在推动全国文明典范城市创建工作中")),
        ("本报2月27日讯 27日下午,全省微短剧", ("本报2月27日讯", 2, 27, "27日下午,全省微短剧")),
        ("本报青岛讯 近日,《青岛市直播电商发展行动方案》出台", ("本报青岛讯", None, None, "近日,《青岛市直播电商发展行动方案》出台")),
        ("本报讯 近日，某事发生。", ("本报讯", None, None, "近日，某事发生。")),
        ("本报北京10月9日电 记者获悉", ("本报北京10月9日电", 10, 9, "记者获悉")),
        ("新华社北京10月9日电 新华社记者报道", ("新华社北京10月9日电", 10, 9, "新华社记者报道")),
        ("本报10月10日讯　全角空格之后", ("本报10月10日讯", 10, 10, "全角空格之后")),
        ("本报10月10日讯", ("本报10月10日讯", 10, 10, "")),
        ("新华社电 据报道", ("新华社电", None, None, "据报道")),
        ("本报电 近日", ("本报电", None, None, "近日")),
        # a report filed from several places names them all
        ("本报甲城、乙城5月11日电  当前，某事发生。", ("本报甲城、乙城5月11日电", 5, 11, "当前，某事发生。")),
    ],
)
def test_split_dateline(text, expected):
    assert split_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "本报通讯员 张三",
        "本报通讯员 张少丰 王秀梅",
        "本报记者 薄克国",
        "记者从市商务局获悉，1-8月份，青岛市网络零售额1581.1亿元。",
        "10日，中国红十字(山东)应急救援培训基地揭牌。",
        "据本报10月10日讯",
        # 电 in a word (电商, 电话) is no dateline's 电
        "本报记者走访电商基地时了解到，直播带货正在兴起。",
        "本报记者调查电商平台发现，",
        "本报热线电话：82888000",
        "",
    ],
)
def test_split_dateline_finds_none(text):
    assert split_dateline(text) == ("", None, None, text)


def test_paragraph_opening_like_a_dateline_does_not_start_an_article():
    # A subhead followed by a paragraph that opens 本报记者…电商 stays in its article.
    text = (
        "青岛电商“聚变”\n\n□青岛日报/观海新闻记者 丁倩倩\n\n第一段写完了。\n\n基地崛起\n\n"
        "本报记者走访电商基地时了解到，直播带货正在兴起。\n\n第三段写完了。\n"
    )
    page = parse_page(decode_page("x.txt", text.encode("utf-8")))
    assert len(page.articles) == 1
    art = page.articles[0]
    assert art.dateline == ""
    assert art.subheads == ["基地崛起"]
    assert art.paragraphs == ["第一段写完了。", "本报记者走访电商基地时了解到，直播带货正在兴起。", "第三段写完了。"]


# --- jump lines ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(上接第一版)党性修养和实践本领显著增强", ("第一版", "党性修养和实践本领显著增强")),
        ("（上接第一版）党性修养和实践本领显著增强", ("第一版", "党性修养和实践本领显著增强")),
        ("(上接第一版) 常态化运行", ("第一版", "常态化运行")),
        ("(上接1版)正文", ("第1版", "正文")),
        ("(紧接第十二版)正文", ("第十二版", "正文")),
        ("(上接第一版)", ("第一版", "")),
        ("（接第1版）正文", ("第1版", "正文")),
    ],
)
def test_split_jump_from(text, expected):
    assert split_jump_from(text) == expected


@pytest.mark.parametrize(
    "text",
    ["党性修养(上接第一版)", "(下转第二版)", "上接第一版,正文", "(以下简称《方案》)正式发布"],
)
def test_split_jump_from_finds_none(text):
    assert split_jump_from(text) == ("", text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推动我市消费持续升温。(下转第二版)", ("第二版", "推动我市消费持续升温。")),
        ("推动我市消费持续升温。（下转第二版）", ("第二版", "推动我市消费持续升温。")),
        ("推动我市消费持续升温 (转第4版)  ", ("第4版", "推动我市消费持续升温")),
        ("推动我市消费(下转3版)", ("第3版", "推动我市消费")),
    ],
)
def test_split_jump_to(text, expected):
    assert split_jump_to(text) == expected


@pytest.mark.parametrize(
    "text",
    ["(下转第二版)之后还有正文", "推动我市消费持续升温。", "(上接第一版)正文"],
)
def test_split_jump_to_finds_none(text):
    assert split_jump_to(text) == ("", text)


# --- footers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "◆ 更多精彩内容请关注大众报业·大众日报客户端青岛频道",
        "◇ 本版责编 张三",
        "★ 扫码关注",
        "更多精彩内容请关注观海新闻客户端",
        "扫码下载观海新闻客户端",
        "更多新闻资讯请关注某某日报客户端",  # invented: the convention, another paper's words
        "欢迎关注某某晚报微信公众号",
        "本版摄影 张三",  # the whole page's photographers
        "本版图片：李四 王五",
    ],
)
def test_is_footer(text):
    assert is_footer(text)


@pytest.mark.parametrize(
    "text",
    [
        "本报青岛讯 近日,《青岛市直播电商发展行动方案(2020-2022年)》出台",
        "■官路水库工程项目建设全线拉开。",
        "□ 记者 白晓 报道",
        "业主们只需一键扫码，就能搞定物业服务的琐事、杂事。",
        "老城复兴开辟新路径",
        "更多信息请关注市政府官网发布的通知，市民也可以拨打热线咨询。",  # a body sentence
        "关注孩子的心理健康，家长要多陪伴、多倾听。",
        "◇李壽◇",  # a phrase between ornaments: display type (ornamented)
        "本版摄影作品均由读者投稿，我们将择优刊登在下周的专版上，欢迎继续参与。",  # a sentence
        "本版图",
    ],
)
def test_is_not_footer(text):
    assert not is_footer(text)


@pytest.mark.parametrize(
    "text, phrase",
    [("◇李壽◇", "李壽"), ("◘王五小姐◘", "王五小姐"), ("◇ 本版责编 张三", ""), ("◇李壽◆", ""), ("◇◇", "")],
)
def test_ornamented(text, phrase):
    assert ornamented(text) == phrase


# --- markers on the seed pages -------------------------------------------


@pytest.mark.parametrize(
    "prefix, fragment, dateline, month, day, body_start",
    [
        ("000", "应急救援培训基地", "本报10月10日讯", 10, 10, "10日，"),
        ("000", "创业担保贷款", "本报10月10日讯", 10, 10, "自2023年10月11日起，"),
        ("000", "融合戏", "本报10月10日讯", 10, 10, "“茶园提升基本成型"),
        ("000", "进度条", "本报10月10日讯", 10, 10, "多雨的季节已经结束"),
        ("001", "市南区", "本报9月4日讯", 9, 4, "在推动全国文明典范城市创建工作中"),
        ("002", "夏送清凉", "本报8月5日讯", 8, 5, "5日上午,"),
        ("002", "国家级检验检测中心", "本报8月5日讯", 8, 5, "城阳区近日出台"),
        ("002", "数据要素", "本报8月5日讯", 8, 5, "在近日举行的"),
        # byline and dateline on consecutive lines, no blank line between them
        ("003", "微短剧", "本报2月27日讯", 2, 27, "27日下午,"),
        ("003", "医共体", "本报2月27日讯", 2, 27, "市医保局、市卫生健康委"),
        ("003", "未成年人网络文化", "本报2月27日讯", 2, 27, "市文化市场综合执法局"),
        ("004", "直播电商领先城市", "本报青岛讯", None, None, "近日,"),
        ("004", "网上政务服务", "本报青岛讯", None, None, "日前,"),
        ("004", "海尔卡奥斯", "本报青岛讯", None, None, "5月28日,海尔卡奥斯"),
        ("004", "青年创业", "本报青岛讯", None, None, "5月28日,上合组织"),
        ("004", "云展日", "本报青岛讯", None, None, "5月29日,"),
    ],
)
def test_seed_datelines_are_taken_off_the_body(prefix, fragment, dateline, month, day, body_start):
    art = article(parsed(prefix), fragment)
    assert (art.dateline, art.dateline_month, art.dateline_day) == (dateline, month, day)
    assert art.paragraphs[0].startswith(body_start)
    assert "本报" not in art.paragraphs[0][:4]


@pytest.mark.parametrize(
    "prefix, fragment",
    [
        ("000", "青岛电商“聚变”"),
        ("000", "办好17件民生实事"),
        ("001", "青岛数字港"),
        ("002", "以全面深化改革"),
        ("002", "张村河"),
        ("002", "代工厂"),
        ("003", "消费帮扶重点城市"),
        ("003", "应训尽训"),
        ("004", "搞活一座城"),
        ("004", "青岛金花"),
        ("004", "老城复兴"),
    ],
)
def test_seed_articles_without_dateline(prefix, fragment):
    art = article(parsed(prefix), fragment)
    assert (art.dateline, art.dateline_month, art.dateline_day) == ("", None, None)


@pytest.mark.parametrize(
    "fragment, body_start",
    [
        ("用5年左右时间全体党员应训尽训", "党性修养和实践本领显著增强"),
        ("上合示范区聚力扩能提质", "常态化运行TIR“中俄专线”"),
        ("实干担当 凝聚力量 坚定不移推动高质量发展", "扩大服务消费"),
        ("未来产业:“抢跑”新赛道 创建“先导区”", "快速太赫兹时域光谱系统"),
    ],
)
def test_003_continued_from_the_front_page(fragment, body_start):
    art = article(parsed("003"), fragment)
    assert art.title == fragment
    assert art.continued_from == "第一版"
    assert art.continues_to == ""
    assert art.paragraphs[0].startswith(body_start)


def test_only_continued_articles_have_a_jump():
    for prefix in ("000", "001", "002", "004"):
        assert all(a.continued_from == "" and a.continues_to == "" for a in parsed(prefix).articles)
    page = parsed("003")
    assert [a.continued_from for a in page.articles] == ["", "", "第一版", "第一版", "第一版", "第一版", "", ""]


def test_004_footer_is_dropped_with_a_page_warning():
    page = parsed("004")
    footer = "◆ 更多精彩内容请关注大众报业·大众日报客户端青岛频道"
    start = page.text.index(footer)
    assert warning("footers_dropped", count=1) in page.warnings
    for art in page.articles:
        assert not (art.span[0] <= start < art.span[1])
        assert not any("更多精彩内容" in block.text for block in art.blocks)


def test_pages_without_footers_have_no_footer_warning():
    for prefix in ("000", "001", "002", "003"):
        assert not any(w["code"] == "footers_dropped" for w in parsed(prefix).warnings)


def test_a_jump_on_a_line_of_its_own_closes_the_article_and_is_no_headline():
    text = "市里召开会议\n\n本报讯 昨天，市里召开会议。\n\n会议要求抓好落实，\n\n（下转第二版）\n\n新书店开张\n\n本报讯 昨天，新书店开张。\n"
    page = parse_page(decode_page("x.txt", text.encode("utf-8")))
    assert [(a.title, a.continues_to) for a in page.articles] == [("市里召开会议", "第二版"), ("新书店开张", "")]
    assert page.articles[0].paragraphs == ["昨天，市里召开会议。", "会议要求抓好落实，"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Any news agency (通讯社): 社, a place, a day (the month may be the issue's), 电.
        ("聯合社倫敦廿六日電 外相王五", ("聯合社倫敦廿六日電", None, 26, "外相王五")),
        ("合众社甲城3月4日电 张三", ("合众社甲城3月4日电", 3, 4, "张三")),
        ("據合衆社乙城三月廿六日電", ("據合衆社乙城三月廿六日電", 3, 26, "")),
        ("法國新聞社甲城十七日電", ("法國新聞社甲城十七日電", None, 17, "")),
        ("中央社南京廿七日電", ("中央社南京廿七日電", None, 27, "")),
        # A paper's own wire: 专电.
        ("本报甲城3月4日专电 记者获悉", ("本报甲城3月4日专电", 3, 4, "记者获悉")),
        ("本報甲城廿六日專電", ("本報甲城廿六日專電", None, 26, "")),
    ],
)
def test_split_dateline_of_any_agency(text, expected):
    # The parser reads the page folded to simplified characters (parsing.folding).
    assert split_dateline(fold_to_simplified(text)) == tuple(fold_to_simplified(x) if isinstance(x, str) else x for x in expected)


@pytest.mark.parametrize("text", ["合作社昨日来电称，", "供销社3日电话通知各户。", "报社3日电视台来访。"])
def test_an_agency_word_before_a_word_with_dian_is_no_dateline(text):
    assert split_dateline(text) == ("", None, None, text)


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("（本报某城1月1日电）", "本报某城1月1日电"),
        ("(新华社某地3月4日电)", "新华社某地3月4日电"),
        ("（本报甲城、乙城、丙城1月27日电）", "本报甲城、乙城、丙城1月27日电"),
        ("（本报某城1月1日电）某地近日举行活动。", ""),  # opens a paragraph: a leading dateline
        ("本报某城1月1日电", ""),  # not in brackets
        ("（某某）", ""),
    ],
)
def test_a_dateline_in_brackets_alone_on_its_line_is_one_printed_after_the_text(text, dateline):
    from articles.parsing.markers import trailing_dateline

    assert trailing_dateline(text) == dateline


def test_the_pages_photographers_under_its_last_story_are_no_story_of_their_own():
    text = (
        "甲市樱花盛开\n\n记者 王五\n\n甲市公园的樱花昨天进入盛花期，游人如织。\n\n"
        "园方提醒游客文明赏花，不要攀折花枝。\n\n本版摄影 张三\n"
    )
    [story] = parse_page(decode_page("p.txt", text.encode("utf-8"))).articles
    assert story.paragraphs[-1] == "园方提醒游客文明赏花，不要攀折花枝。"
