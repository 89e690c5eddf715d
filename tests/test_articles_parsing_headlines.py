"""articles.parsing.headlines: reading a run of headline lines as column / kicker / title / subtitle."""

from __future__ import annotations

import pytest

from articles.parsing import lines as L
from articles.parsing.headlines import Headline, choose_stack, looks_like_banner
from articles.parsing.lines import split_lines
from tests.seedpages import article, nth, parsed


def run_of(*texts: str) -> list[L.Line]:
    """Headline lines as split_lines classifies them, one blank line apart."""
    run = split_lines("\n\n".join(texts))
    assert len(run) == len(texts)
    assert all(line.kind in L.HEADLINE_KINDS for line in run), [(l.text, l.kind) for l in run]
    return run


# --- looks_like_banner -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "强信心·稳经济·促发展",
        "学思想 强党性 重实践 建新功",
        "提升基本公共服务 青岛在行动",
        "乡村振兴齐鲁样板 村村有好戏",
        "学思想・强党性",
        "学思想•强党性",
        "学思想\u3000强党性",  # an ideographic space
    ],
)
def test_slogans_look_like_banners(text):
    assert looks_like_banner(text)


@pytest.mark.parametrize(
    "text",
    [
        "乘势而上推进城市更新建设",  # one phrase: a banner only when known or above a kicker
        "青岛电商“聚变”，澎湃消费强引擎",
        "创业担保贷款“一站式” 办理范围扩至青岛六区",  # a phrase longer than 8
        "老城复兴开辟新路径",
        "基地崛起",
        "",
    ],
)
def test_other_lines_do_not_look_like_banners(text):
    assert not looks_like_banner(text)


def test_known_columns_are_banners():
    known = frozenset({"乘势而上推进城市更新建设"})
    assert looks_like_banner("乘势而上推进城市更新建设", known)
    assert not looks_like_banner("乘势而上推进城市更新", known)


# --- choose_stack ---------------------------------------------------------------


def test_column_title_subtitle():
    run = run_of(
        "强信心·稳经济·促发展",
        "青岛电商“聚变”，澎湃消费强引擎",
        "众多电商产业基地快速崛起，前8个月网络零售额增速高于全国11个百分点",
    )
    assert choose_stack(run) == (
        0,
        Headline(
            column="强信心·稳经济·促发展",
            title="青岛电商“聚变”，澎湃消费强引擎",
            subtitle="众多电商产业基地快速崛起，前8个月网络零售额增速高于全国11个百分点",
        ),
    )


def test_column_title_without_subtitle():
    run = run_of("提升基本公共服务 青岛在行动", "创业担保贷款“一站式” 办理范围扩至青岛六区")
    assert choose_stack(run) == (
        0,
        Headline(column="提升基本公共服务 青岛在行动", title="创业担保贷款“一站式” 办理范围扩至青岛六区"),
    )


def test_title_subtitle_when_the_first_line_is_no_banner():
    run = run_of("中国红十字(山东)应急救援培训基地青岛综合训练中心揭牌", "配备300余万元救援装备及物资")
    assert choose_stack(run) == (
        0,
        Headline(title="中国红十字(山东)应急救援培训基地青岛综合训练中心揭牌", subtitle="配备300余万元救援装备及物资"),
    )


def test_lines_above_the_stack_are_left_to_the_previous_article():
    # A subhead-like line ending the previous article, then a title and its subtitle.
    run = run_of("倒逼生产", "中国红十字(山东)应急救援培训基地青岛综合训练中心揭牌", "配备300余万元救援装备及物资")
    first, headline = choose_stack(run)
    assert first == 1
    assert headline.title.startswith("中国红十字")
    assert headline.column == ""


def test_column_kicker_title():
    run = run_of(
        "乘势而上推进城市更新建设",
        "抢抓汛后黄金期，省重大项目官路水库建设全线拉开，小沽河工程多个施工点同时作业——",
        "青岛重点水务工程不断刷新“进度条”",
    )
    assert [line.kind for line in run] == [L.SHORT, L.KICKER, L.SHORT]
    assert choose_stack(run) == (
        0,
        Headline(
            column="乘势而上推进城市更新建设",
            kicker="抢抓汛后黄金期，省重大项目官路水库建设全线拉开，小沽河工程多个施工点同时作业",
            title="青岛重点水务工程不断刷新“进度条”",
        ),
    )


def test_kicker_title():
    run = run_of("城阳区出台政策,“真金白银”促进检验检测认证产业发展——", "## 对新获批或新引进的国家级检验检测中心奖励100万元")
    assert choose_stack(run) == (
        0,
        Headline(kicker="城阳区出台政策,“真金白银”促进检验检测认证产业发展", title="对新获批或新引进的国家级检验检测中心奖励100万元"),
    )


def test_kicker_title_subtitle():
    run = run_of("某区出台政策促进产业发展——", "对新引进的中心奖励100万元", "——记某区招商工作")
    assert choose_stack(run) == (
        0,
        Headline(kicker="某区出台政策促进产业发展", title="对新引进的中心奖励100万元", subtitle="记某区招商工作"),
    )


def test_same_level_headings_are_column_and_title_and_a_dash_line_the_subtitle():
    run = run_of(
        "# 学习贯彻党的二十届三中全会精神 区(市)委书记访谈",
        "# 以全面深化改革开创高质量发展新局面",
        "——访平度市委书记赵兴绩",
    )
    assert [line.kind for line in run] == [L.HEADING, L.HEADING, L.SUBLINE]
    assert choose_stack(run) == (
        0,
        Headline(
            column="学习贯彻党的二十届三中全会精神 区(市)委书记访谈",
            title="以全面深化改革开创高质量发展新局面",
            subtitle="访平度市委书记赵兴绩",
        ),
    )


def test_lower_heading_under_a_heading_is_the_subtitle():
    run = run_of("# 青岛:城市党建引领“搞活一座城”", "## 基层党建与城市发展“无缝衔接”")
    assert choose_stack(run) == (
        0,
        Headline(title="青岛:城市党建引领“搞活一座城”", subtitle="基层党建与城市发展“无缝衔接”"),
    )


def test_heading_then_deeper_heading_under_a_kicker():
    run = run_of(
        "这些历经风雨的老街和建筑,通过“修旧如旧”的保护更新,正在“涅槃重生”——",
        "# 老城复兴开辟新路径",
    )
    assert run[0].kind == L.KICKER
    assert choose_stack(run) == (
        0,
        Headline(kicker="这些历经风雨的老街和建筑,通过“修旧如旧”的保护更新,正在“涅槃重生”", title="老城复兴开辟新路径"),
    )


def test_title_alone():
    assert choose_stack(run_of("老城复兴开辟新路径")) == (0, Headline(title="老城复兴开辟新路径"))


def test_long_title_with_a_space_is_a_kicker_and_title_run_together():
    run = run_of("全省微短剧精品创作暨高质量发展推进会在青举行 青岛构筑微短剧产业发展高地")
    assert choose_stack(run) == (
        0,
        Headline(kicker="全省微短剧精品创作暨高质量发展推进会在青举行", title="青岛构筑微短剧产业发展高地"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "青岛市总工会启动 “夏送清凉”活动 线上线下同步开展",  # under 30 characters
        "实干担当 凝聚力量 坚定不移推动高质量发展",
        "未来产业:“抢跑”新赛道 创建“先导区”",
    ],
)
def test_short_titles_with_spaces_stay_whole(text):
    assert choose_stack(run_of(text)) == (0, Headline(title=text))


def test_title_with_a_space_under_a_column_is_not_split():
    run = run_of("强信心·稳经济·促发展", "全省微短剧精品创作暨高质量发展推进会在青举行 青岛构筑微短剧产业发展高地")
    _, headline = choose_stack(run)
    assert headline.column == "强信心·稳经济·促发展"
    assert headline.kicker == ""
    assert headline.title == "全省微短剧精品创作暨高质量发展推进会在青举行 青岛构筑微短剧产业发展高地"


def test_known_column_is_read_as_a_column():
    run = run_of("乘势而上推进城市更新建设", "青岛重点水务工程不断刷新“进度条”")
    assert choose_stack(run) == (
        0,
        Headline(title="乘势而上推进城市更新建设", subtitle="青岛重点水务工程不断刷新“进度条”"),
    )
    assert choose_stack(run, frozenset({"乘势而上推进城市更新建设"})) == (
        0,
        Headline(column="乘势而上推进城市更新建设", title="青岛重点水务工程不断刷新“进度条”"),
    )


def test_choose_stack_leaves_earlier_lines_of_a_long_run():
    run = run_of("基地崛起", "产业支撑", "强信心·稳经济·促发展", "青岛电商“聚变”，澎湃消费强引擎", "众多电商产业基地快速崛起")
    first, headline = choose_stack(run)
    assert first == 2
    assert headline.column == "强信心·稳经济·促发展"


# --- headlines on the seed pages --------------------------------------------

# (page, position, column, kicker, title, subtitle)
SEED_HEADLINES = [
    ("000", 1, "强信心·稳经济·促发展", "", "青岛电商“聚变”，澎湃消费强引擎", "众多电商产业基地快速崛起，前8个月网络零售额增速高于全国11个百分点"),
    ("000", 2, "", "", "中国红十字(山东)应急救援培训基地青岛综合训练中心揭牌", "配备300余万元救援装备及物资"),
    ("000", 3, "提升基本公共服务 青岛在行动", "", "创业担保贷款“一站式” 办理范围扩至青岛六区", ""),
    ("000", 4, "乡村振兴齐鲁样板 村村有好戏", "", "打好特色牌唱响“融合戏”", "崂山区大河东村依托自身生态资源，做好农文旅融合新篇章"),
    ("000", 5, "学思想 强党性 重实践 建新功", "", "办好17件民生实事，打造“幸福美好生活态”", "西海岸新区以学促干推进主题教育走深走实"),
    ("000", 6, "乘势而上推进城市更新建设", "抢抓汛后黄金期，省重大项目官路水库建设全线拉开，小沽河工程多个施工点同时作业", "青岛重点水务工程不断刷新“进度条”", ""),
    ("001", 1, "", "市北区引入电商平台、头部主播助力中小商户，赋能本土商贸业发展", "青岛数字港打造“全国样板”", ""),
    ("001", 2, "", "", "市南区：聚力高效联动，激活创城力量", ""),
    ("002", 1, "学习贯彻党的二十届三中全会精神 区(市)委书记访谈", "", "以全面深化改革开创高质量发展新局面", "访平度市委书记赵兴绩"),
    ("002", 2, "", "", "青岛市总工会启动 “夏送清凉”活动 线上线下同步开展", ""),
    ("002", 3, "", "", "“山水城景人”和谐共生 张村河片区加速蝶变", "青银高速以东1.2公里区域8月底前将对市民开放"),
    ("002", 4, "", "随着资本和技术实力不断积聚,在青岛,部分传统代加工厂通过跨境电商路径谋求转型", "传统“代工厂”,如何闯荡海外市场", ""),
    ("002", 5, "", "城阳区出台政策,“真金白银”促进检验检测认证产业发展", "对新获批或新引进的国家级检验检测中心奖励100万元", ""),
    ("002", 6, "", "", "青岛获评山东海洋领域首个“数据要素×”典型应用案例", ""),
    ("003", 1, "", "助力打造“定西马铃薯”“武都花椒”等涉农中国驰名商标10个、全国区域公用品牌4个,2024年累计帮销中西部地区农特产品50.1亿元", "青岛加快建设消费帮扶重点城市", ""),
    ("003", 2, "", "全省微短剧精品创作暨高质量发展推进会在青举行", "青岛构筑微短剧产业发展高地", ""),
    ("003", 3, "", "", "用5年左右时间全体党员应训尽训", ""),
    ("003", 4, "", "", "上合示范区聚力扩能提质", ""),
    ("003", 5, "", "", "实干担当 凝聚力量 坚定不移推动高质量发展", ""),
    ("003", 6, "", "", "未来产业:“抢跑”新赛道 创建“先导区”", ""),
    ("003", 7, "", "", "莱西县域医共体医保基金将按人头总额付费", "青岛紧密型县域医共体医保支付方式改革进入实质性实践阶段"),
    ("003", 8, "", "", "青岛开展未成年人网络文化市场专项整治", ""),
    ("004", 1, "", "", "青岛:城市党建引领“搞活一座城”", "基层党建与城市发展“无缝衔接”"),
    ("004", 2, "", "", "青岛将打造成中国北方直播电商领先城市", ""),
    ("004", 3, "", "", "青岛网上政务服务获好评", ""),
    ("004", 4, "", "", "海尔卡奥斯与平度莱西达成战略合作", ""),
    ("004", 5, "", "", "上合示范区打造青年创业国际孵化平台", ""),
    ("004", 6, "", "", "“青岛·云展日”主题活动启动", ""),
    ("004", 7, "", "", "", ""),
    ("004", 8, "", "", "新一代“青岛金花”培育评选启动", "变政府主导为商协会评价"),
    ("004", 9, "", "这些历经风雨的老街和建筑,通过“修旧如旧”的保护更新,正在“涅槃重生”", "老城复兴开辟新路径", ""),
]


def test_seed_headline_table_covers_every_article():
    assert len(SEED_HEADLINES) == sum(len(parsed(p).articles) for p in ("000", "001", "002", "003", "004"))


@pytest.mark.parametrize(
    "prefix, position, column, kicker, title, subtitle",
    SEED_HEADLINES,
    ids=[f"{row[0]}-{row[1]}" for row in SEED_HEADLINES],
)
def test_seed_headline(prefix, position, column, kicker, title, subtitle):
    art = nth(parsed(prefix), position)
    assert (art.column, art.kicker, art.title, art.subtitle) == (column, kicker, title, subtitle)


def test_kickers_and_subtitles_lose_their_dashes():
    # The —— joining them to the title is typography, not headline text.
    for prefix in ("000", "001", "002", "003", "004"):
        for art in parsed(prefix).articles:
            assert not art.kicker.endswith("—")
            assert not art.subtitle.startswith("—")
            assert not art.title.startswith("#")


def test_000_subtitle_starts_as_printed():
    assert article(parsed("000"), "青岛电商").subtitle.startswith("众多电商产业基地快速崛起")


def test_003_kicker_is_the_long_line_above_the_title():
    kicker = article(parsed("003"), "消费帮扶重点城市").kicker
    assert kicker.startswith("助力打造“定西马铃薯”")
    assert kicker.endswith("50.1亿元")


# --- unmarked stacks: 引题 over 主题, 主题 over 副题, one 主题 wrapped --------------

BODY = "记者昨日从有关部门获悉，相关工作已全面展开，各项措施正在落实。"


def headline_of(*lines: str) -> tuple[str, str, str]:
    """The (kicker, title, subtitle) of a page with one article headed by these lines, set directly under each other."""
    from articles.parsing import decode_page, parse_page

    page = parse_page(decode_page("page.txt", ("\n".join(lines) + "\n\n" + BODY + "\n").encode("utf-8")))
    assert len(page.articles) == 1
    art = page.articles[0]
    assert art.paragraphs == [BODY]
    return art.kicker, art.title, art.subtitle


@pytest.mark.parametrize(
    "lines, expected",
    [
        # Three short lines of one measure: one 主题 in display type.
        (("某市男子夜跑迷路", "民警连夜进山搜寻", "两小时后找到"), ("", "某市男子夜跑迷路民警连夜进山搜寻两小时后找到", "")),
        (("老人独居家中", "突发疾病晕倒", "邻居破门救人", "送医后脱险"), ("", "老人独居家中突发疾病晕倒邻居破门救人送医后脱险", "")),
        # The break falls inside a sentence: a verb of saying without its words ...
        (("某市市长称", "明年再建十座口袋公园"), ("", "某市市长称明年再建十座口袋公园", "")),
        # ... or a predicate without a subject of its own under the line.
        (("六旬老人网购保健品", "被骗走积蓄"), ("", "六旬老人网购保健品被骗走积蓄", "")),
        (("某地中小学", "严禁违规补课"), ("", "某地中小学严禁违规补课", "")),
        # A tail of a few characters is no 副题.
        (("公园樱花提前一周开放", "赏花人来了"), ("", "公园樱花提前一周开放赏花人来了", "")),
        # Latin words or figures across the break keep a space.
        (("市民可凭新版APP", "5分钟办完", "入学手续"), ("", "市民可凭新版APP 5分钟办完入学手续", "")),
    ],
)
def test_one_title_wrapped_over_lines_is_joined(lines, expected):
    assert headline_of(*lines) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        # A 主题 in question or exclamation form, its 引题 above.
        (("新学期校车规定出台", "孩子上学怎么坐车？"), ("新学期校车规定出台", "孩子上学怎么坐车？", "")),
        (("寒潮来袭气温骤降", "这些防寒妙招请收好！"), ("寒潮来袭气温骤降", "这些防寒妙招请收好！", "")),
        # A 引题 of clauses setting the scene over a plain 主题.
        (("十年如一日，守护山村学校", "乡村教师的三尺讲台"), ("十年如一日，守护山村学校", "乡村教师的三尺讲台", "")),
        # A 主题 of two balanced phrases set apart by a space.
        (("某省加大投入改善交通", "路网更密 出行更畅"), ("某省加大投入改善交通", "路网更密 出行更畅", "")),
        # An agency issuing something is the 引题.
        (("某部门发布出行提示", "春运返程高峰将至"), ("某部门发布出行提示", "春运返程高峰将至", "")),
    ],
)
def test_kicker_over_title(lines, expected):
    assert headline_of(*lines) == expected


@pytest.mark.parametrize(
    "lines, expected",
    [
        # An event report: the event closes the 主题, the results follow.
        (("全市青年运动会举行", "张某、李某、王某获得金牌"), ("", "全市青年运动会举行", "张某、李某、王某获得金牌")),
        # The 副题 names the agency behind the news.
        (("本周末全省多地将迎降雪", "省气象台发布道路结冰预警"), ("", "本周末全省多地将迎降雪", "省气象台发布道路结冰预警")),
        # The 副题 gives the figures.
        (("全市新能源汽车销量走高", "前两月卖出2.3万辆"), ("", "全市新能源汽车销量走高", "前两月卖出2.3万辆")),
        # The 副题 goes on in clauses under a title of one.
        (("两名游客登山迷路被困", "救援人员称山路复杂 入夜后气温骤降，搜救难度很大"), ("", "两名游客登山迷路被困", "救援人员称山路复杂 入夜后气温骤降，搜救难度很大")),
    ],
)
def test_title_over_subtitle(lines, expected):
    assert headline_of(*lines) == expected
