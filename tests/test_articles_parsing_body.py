"""articles.parsing.body: the clean body of each article (paragraphs, subheads, captions) and its warnings."""

from __future__ import annotations

import re

import pytest

from articles.parsing import Block, decode_page, parse_page
from articles.parsing.records import CAPTION, PARAGRAPH, SUBHEAD
from articles.parsing.warnings import warning
from tests.seedpages import nth, paragraphs_containing, parsed

MID_SENTENCE = warning("ends_mid_sentence")


def parse_text(text: str):
    return parse_page(decode_page("synthetic.txt", text.encode("utf-8")))


def one_paragraph_with(art, fragment: str) -> str:
    found = paragraphs_containing(art, fragment)
    assert len(found) == 1, f"{fragment!r} is in {len(found)} paragraphs of {art.title!r}"
    return found[0]


def assert_rejoined(art, left: str, right: str) -> str:
    """A sentence broken by a column end is one paragraph again."""
    paragraph = one_paragraph_with(art, left + right)
    assert not any(p.startswith(right) for p in art.paragraphs)
    assert not any(p.endswith(left) for p in art.paragraphs)
    return paragraph


# --- page 000 -----------------------------------------------------------------


def test_000_1_subheads_and_rejoined_paragraphs():
    art = nth(parsed("000"), 1)
    assert art.subheads == ["基地崛起", "产业支撑", "倒逼生产"]
    assert art.captions == []
    assert len(art.paragraphs) == 15
    assert art.paragraphs[0].startswith("青岛的线上消费在消费市场恢复中表现出极强的拉动作用。")
    paragraph = assert_rejoined(art, "于2022年实现电商销售额", "近10亿元。")
    assert "实现电商销售额近10亿元" in paragraph
    assert paragraph.startswith("青岛市直播电商行业协会参与了该产业园的运营")
    assert paragraph.endswith("解决中小商家的“流量瓶颈”。")
    paragraph = assert_rejoined(art, "基于城", "阳区在珠宝")
    assert paragraph.startswith("城阳区的抖音电商青岛珠宝直播基地就最为典型。")
    assert art.warnings == [warning("rejoined_paragraphs", count=2)]


def test_000_1_block_order():
    kinds = [b.kind for b in nth(parsed("000"), 1).blocks]
    assert kinds == [PARAGRAPH] * 2 + [SUBHEAD] + [PARAGRAPH] * 4 + [SUBHEAD] + [PARAGRAPH] * 5 + [SUBHEAD] + [PARAGRAPH] * 4


def test_000_2_dateline_is_removed_from_the_body():
    art = nth(parsed("000"), 2)
    assert art.paragraphs[0].startswith("10日，中国红十字(山东)应急救援培训基地")
    assert len(art.paragraphs) == 2
    assert art.warnings == []


def test_000_5_subheads_and_rejoined_paragraphs():
    art = nth(parsed("000"), 5)
    assert art.subheads == ["科学统筹安排理论学习", "推动调查研究走深走实", "注重破解民生发展难题"]
    paragraph = assert_rejoined(art, "西海岸新区区分农村、城市社区、机关、", "学校、医院、")
    assert paragraph.startswith("西海岸新区区分农村、城市社区、机关、学校、医院、国有企业")
    paragraph = assert_rejoined(art, "牢固树立以", "人民为中心")
    assert paragraph.startswith("在主题教育中，西海岸新区牢固树立以人民为中心的发展思想")
    # A quotation ending in 。” is a whole paragraph, not a subhead or a fragment.
    assert "“通过针对性学习，进一步明确了发展方向，有利于更好带领村民增收致富。”海青镇甜水河村党委书记宋瑞飞告诉记者。" in art.paragraphs
    assert art.paragraphs[-1].endswith("让发展成果更多惠及全区人民。")


def test_000_6_caption_taken_out_of_the_sentence_it_interrupted():
    art = nth(parsed("000"), 6)
    assert art.captions == ["官路水库工程项目建设全线拉开。图为工作人员正在进行围坝填筑工程。"]
    paragraph = one_paragraph_with(art, "总计投入600余名人员")
    assert paragraph.startswith("“今年上半年进行库区清表")
    assert paragraph.endswith("掀起秋季建设热潮。")
    assert "■" not in paragraph and "图为" not in paragraph
    k = art.blocks.index(Block(PARAGRAPH, paragraph))
    assert art.blocks[k + 1] == Block(CAPTION, "官路水库工程项目建设全线拉开。图为工作人员正在进行围坝填筑工程。")
    assert_rejoined(art, "今年下", "半年主要是完成部分围坝填筑工程")
    assert art.warnings == [
        warning("rejoined_paragraphs", count=2),
        warning("captions_moved", count=1),
    ]


def test_000_articles_3_and_4_are_plain():
    page = parsed("000")
    for position, count in ((3, 3), (4, 4)):
        art = nth(page, position)
        assert len(art.paragraphs) == count
        assert art.subheads == [] and art.captions == []
        assert art.warnings == []


# --- page 001 -----------------------------------------------------------------


def test_001_1_caption_subheads_and_byline_at_the_end():
    art = nth(parsed("001"), 1)
    assert art.captions == ["青岛中央商务区。"]
    assert art.subheads == ["数字化让城市更美好", "期待被唤醒的商贸“摇篮”", "青岛数字港扬帆起航正当时"]
    assert art.blocks[2] == Block(CAPTION, "青岛中央商务区。")
    assert art.blocks[3] == Block(SUBHEAD, "数字化让城市更美好")
    assert art.paragraphs[0].startswith("伴随着城市化进程的日益加快")
    assert art.paragraphs[-1] == "数字化浪潮正澎湃而来，在这个大数据的时代中，青岛数字港将助力青岛商贸业的升级迭代，让城市变得更美好！"
    assert not any("观海新闻/青岛晚报" in b.text for b in art.blocks)
    assert_rejoined(art, "核心产业增加值突破9000亿元，", "占GDP比重三成以上。")
    assert_rejoined(art, "当下，数", "字经济正是市北区着力打造的方向之一。")


def test_001_2_caption_in_a_broken_sentence_and_inline_byline():
    art = nth(parsed("001"), 2)
    assert art.captions == ["市南区评选“志愿者之家”发挥典型示范作用。"]
    assert art.subheads == []
    paragraph = one_paragraph_with(art, "发现问题5600余项")
    assert paragraph.startswith("为进一步检验和巩固创城工作成效")
    assert "下发督查通报65期，发现问题5600余项" in paragraph
    assert paragraph.endswith("第一时间解决问题”的闭环处置。")
    assert "第一时间解决问题”的闭环处置" in paragraph
    assert not any(p.startswith("的闭环处置") for p in art.paragraphs)
    k = art.blocks.index(Block(PARAGRAPH, paragraph))
    assert art.blocks[k + 1].kind == CAPTION
    assert art.paragraphs[-1].endswith("引领“共建、共治、共享”的文明风潮。")
    assert "张琰" not in art.body
    assert len(art.paragraphs) == 6
    assert warning("byline_at_end") in art.warnings
    assert warning("captions_moved", count=1) in art.warnings


# --- page 002 -----------------------------------------------------------------


def test_002_1_markdown_subheads_and_rejoined_paragraphs():
    art = nth(parsed("002"), 1)
    assert art.subheads == [
        "以发展新质生产力为方向 激活先进制造业集聚区建设新动能",
        "以深化城乡改革为动力 开创乡村振兴示范区建设新局面",
        "以绿色低碳发展为抓手 谱写生态宜居样板区建设新篇章",
        "以增进百姓福祉为目标 绘就民生幸福均衡区建设新图景",
        "以高水平安全为保障 打造社会治理引领区建设新样板",
    ]
    paragraph = assert_rejoined(art, "加快经", "济社会发展全面绿色转型")
    assert "加快经济社会发展全面绿色转型" in paragraph
    assert paragraph.startswith("《决定》提出,聚焦建设美丽中国")
    assert_rejoined(art, "“4+10+12”的产业", "发展格局")
    assert_rejoined(art, "发挥好青大附院胶", "东医疗中心作用")
    assert art.warnings == [warning("rejoined_paragraphs", count=3)]
    assert not any(p.startswith("#") for p in art.paragraphs)


def test_002_2_body():
    art = nth(parsed("002"), 2)
    assert len(art.paragraphs) == 2
    assert art.paragraphs[0].startswith("5日上午,青岛市总工会2024年")
    assert not any("宋其富" in p for p in art.paragraphs)


def test_002_3_photo_story_has_one_paragraph():
    art = nth(parsed("002"), 3)
    assert len(art.blocks) == 1
    assert art.paragraphs[0].startswith("眼下,张村河流域综合治理正在进行")
    assert art.paragraphs[0].endswith("青银高速以东1.2公里区域8月底前将对市民开放。")
    assert "摄影" not in art.body


def test_002_4_opens_with_a_subhead():
    art = nth(parsed("002"), 4)
    assert art.blocks[0] == Block(SUBHEAD, "应对全新的市场规则")
    assert art.subheads == ["应对全新的市场规则", "从拼流量转向拼产品拼服务", "不断完善跨境电商基础设施"]
    assert_rejoined(art, "如果没有充", "分了解各个平台")
    assert_rejoined(art, "在网络平台比", "价,有利于企业")


# --- page 003 -----------------------------------------------------------------


def test_003_1_highlight_boxes_are_dropped():
    art = nth(parsed("003"), 1)
    assert art.subheads == []
    assert art.captions == []
    assert art.paragraphs[0].startswith("2月27日上午")
    assert art.body.count("2024年,青岛市累计帮销") == 1
    assert art.body.count("初步构建起政府引导、市场主导、社会参与“三线齐发”的青岛全链条消费帮扶模式") == 1
    assert "助力农业增效农民增收" not in art.body
    assert "拓展消费帮扶新模式" not in [b.text for b in art.blocks]
    paragraph = assert_rejoined(art, "培育地理标志农", "产品8个")
    assert paragraph.startswith("2024年,青岛市累计帮销中西部地区农特产品50.1亿元")
    assert len(art.paragraphs) == 9
    assert [w for w in art.warnings if w["code"] == "highlight_box_dropped"] == [
        warning("highlight_box_dropped", text="青岛聚焦“帮销、促产、疏浚、解困”四大功"),
        warning("highlight_box_dropped", text="2024年,青岛市累计帮销中西部地区农特"),
    ]


def test_003_2_byline_and_dateline_on_consecutive_lines():
    art = nth(parsed("003"), 2)
    assert art.paragraphs[0].startswith("27日下午,全省微短剧精品创作暨高质量发展推进会在市北区举行")
    assert_rejoined(art, "微短剧拍摄场景", "平台、一站式服务平台")
    assert_rejoined(art, "去年,", "青岛规划备案重点网络微短剧62部")
    assert not any("车芳如" in p for p in art.paragraphs)


def test_003_3_jump_line_is_removed_from_the_body():
    art = nth(parsed("003"), 3)
    assert art.paragraphs[0] == "党性修养和实践本领显著增强,先锋模范作用充分发挥,党员队伍建设质量不断提高。"
    assert len(art.paragraphs) == 2


def test_003_4_rejoins_across_a_column_end():
    art = nth(parsed("003"), 4)
    assert art.paragraphs[0].startswith("常态化运行TIR“中俄专线”")
    assert_rejoined(art, "国内国际", "国际双循环的战略枢纽")


def test_003_5_short_closing_paragraph():
    art = nth(parsed("003"), 5)
    assert art.paragraphs == [
        "扩大服务消费,积极培育新的消费增长点,推动我市消费持续升温、扩容提质。",
        art.paragraphs[1],
        "毕维准参加调研。",
    ]
    assert art.subheads == []


def test_003_6_ends_mid_sentence():
    art = nth(parsed("003"), 6)
    assert art.subheads == ["探索发展新空间", "“确定一点”就“推进一步”"]
    assert art.paragraphs[-1] == "未来产业代表着新一轮科技革命和产业变革的重要方"
    assert art.blocks[-2:] == [
        Block(SUBHEAD, "“确定一点”就“推进一步”"),
        Block(PARAGRAPH, "未来产业代表着新一轮科技革命和产业变革的重要方"),
    ]
    assert MID_SENTENCE in art.warnings
    assert art.continues_to == ""
    assert_rejoined(art, "华芯晶电磷化铟衬底等", "产品通过了国内外50多家客户验证")


def test_003_8_ends_mid_sentence():
    art = nth(parsed("003"), 8)
    assert art.paragraphs[-1].endswith("主题宣传等活动,现场")
    assert MID_SENTENCE in art.warnings


def test_only_unfinished_articles_warn_about_mid_sentence_endings():
    flagged = {
        (prefix, a.position)
        for prefix in ("000", "001", "002", "003", "004")
        for a in parsed(prefix).articles
        if MID_SENTENCE in a.warnings
    }
    assert flagged == {("003", 6), ("003", 8)}


# --- page 004 -----------------------------------------------------------------


def test_004_1_heading_subheads_are_merged():
    art = nth(parsed("004"), 1)
    assert art.subheads == [
        "标准化激活 城市党建“一池春水”",
        "精耕细作 练好服务群众内功",
        "建构融合 凝聚城市“治理共同体”",
    ]
    assert art.paragraphs[0].startswith("2018年6月,上海合作组织青岛峰会成功举办")
    assert_rejoined(art, "及时调", "整基层党建工作重点")
    assert_rejoined(art, "日益成为居民喜爱的", "“共享家”“网红打卡地”")
    assert_rejoined(art, "从2017年起将市直机", "关与城市社区结对共建")


def test_004_7_photo_news_without_headline():
    art = nth(parsed("004"), 7)
    assert art.title == ""
    assert len(art.blocks) == 1
    assert art.paragraphs[0].startswith("由山东省农业机械科学研究所")
    assert art.paragraphs[0].endswith("图为观摩会上展示的低损高效大蒜收获机。")
    assert warning("no_headline") in art.warnings


def test_004_6_keeps_its_own_body_when_photo_news_follows():
    art = nth(parsed("004"), 6)
    assert art.paragraphs[-1].endswith("为青岛会展业代言。")
    assert not any("大蒜" in p for p in art.paragraphs)
    assert not any("李媛" == b.name for b in art.bylines)


def test_004_8_no_byline_and_a_rejoined_paragraph():
    art = nth(parsed("004"), 8)
    assert_rejoined(art, "细分领域处于行业领先地位的新锐和", "特色品牌企业20家以上")
    assert len(art.paragraphs) == 5
    assert "◆" not in art.body


def test_004_9_columns_printed_out_of_order_are_reordered():
    art = nth(parsed("004"), 9)
    assert art.paragraphs[0] == "一座承载着城市百年记忆的老院子,要不要拆?留着能做什么?青岛给出了不一样的答案,也闯出了一条老城复兴的新路径。"
    assert art.subheads == ["百年里院成为转型新样板", "精准导入产业为老城赋能", "城市更新转型步入快车道"]
    assert art.blocks[1] == Block(SUBHEAD, "百年里院成为转型新样板")
    paragraph = one_paragraph_with(art, "未来这里将以工业设计创新、文化创意等总部经济为主")
    assert paragraph.startswith("“我们坚持修旧如旧的原则")
    assert paragraph.endswith("构建以产品创新为核心的设计产业链。")
    assert_rejoined(art, "馆陶路3", "号三菱洋行旧址")
    assert_rejoined(art, "青岛在总面积28平方公里的历", "史城区保护范围内")
    assert art.paragraphs[-1].endswith("正在进行一次彻底的“涅槃重生”。")
    assert warning("byline_mid_text") in art.warnings
    assert "李媛" not in art.body


# --- every seed page ---------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_markers_or_fragments_left_in_paragraphs(prefix):
    dateline = re.compile(r"^本报[^。，,]{0,12}讯")
    for art in parsed(prefix).articles:
        assert art.paragraphs, art.title
        for p in art.paragraphs:
            assert p == p.strip()
            assert p
            assert not p.startswith(("□", "■", "(上接", "（上接", "#", "——"))
            assert not dateline.match(p), p[:20]
            assert "更多精彩内容" not in p
            assert "\n" not in p
        for text in art.subheads + art.captions:
            assert text and text == text.strip() and not text.startswith(("#", "■"))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_body_property_joins_paragraphs_only(prefix):
    for art in parsed(prefix).articles:
        assert art.body == "\n\n".join(art.paragraphs)
        assert [b.text for b in art.blocks if b.kind == SUBHEAD] == art.subheads
        assert {b.kind for b in art.blocks} <= {PARAGRAPH, SUBHEAD, CAPTION}


# --- synthetic pages -----------------------------------------------------------

HEAD = "某区推进城市更新\n\n□青岛日报/观海新闻记者 张三\n\n"


def test_synthetic_caption_between_halves_of_a_sentence():
    page = parse_text(HEAD + "本报10月10日讯 工程进展顺利，假期中总计投入\n\n\n\n■图为施工现场。\n\n600余名人员奋战一线。\n")
    art = page.articles[0]
    assert art.blocks == [
        Block(PARAGRAPH, "工程进展顺利，假期中总计投入600余名人员奋战一线。"),
        Block(CAPTION, "图为施工现场。"),
    ]
    assert art.warnings == [
        warning("rejoined_paragraphs", count=1),
        warning("captions_moved", count=1),
    ]


def test_synthetic_caption_set_apart_by_blank_lines():
    page = parse_text(HEAD + "第一段写完了。\n\n\n\n图为施工现场。\n\n第二段也写完了。\n")
    assert page.articles[0].blocks == [
        Block(PARAGRAPH, "第一段写完了。"),
        Block(CAPTION, "图为施工现场。"),
        Block(PARAGRAPH, "第二段也写完了。"),
    ]


def test_synthetic_subhead_needs_a_finished_paragraph_above_and_text_below():
    page = parse_text(HEAD + "第一段写完了。\n\n小标题\n\n第二段写完了。\n\n收尾\n")
    art = page.articles[0]
    assert art.blocks == [
        Block(PARAGRAPH, "第一段写完了。"),
        Block(SUBHEAD, "小标题"),
        Block(PARAGRAPH, "第二段写完了。"),
        Block(PARAGRAPH, "收尾"),  # nothing follows it, so it is text, not a subhead
    ]
    assert MID_SENTENCE in art.warnings


def test_synthetic_short_fragment_with_comma_is_joined_not_a_subhead():
    page = parse_text(HEAD + "第一段写完了。\n\n在主题教育中，新区牢固树立以\n\n人民为中心的发展思想，办好民生实事。\n")
    assert page.articles[0].paragraphs == ["第一段写完了。", "在主题教育中，新区牢固树立以人民为中心的发展思想，办好民生实事。"]


def test_synthetic_heading_levels_merge_into_one_subhead():
    page = parse_text(HEAD + "第一段写完了。\n\n### 建构融合\n\n#### 凝聚城市“治理共同体”\n\n第二段写完了。\n")
    assert page.articles[0].subheads == ["建构融合 凝聚城市“治理共同体”"]


def test_synthetic_latin_words_broken_across_lines_get_a_space():
    page = parse_text(
        HEAD + "公司今年推出多款新品，其中最受关注的是全新的AI\n\nAgent平台。\n\n今年收入增长，达到了2022\n\n年的两倍。\n"
    )
    assert page.articles[0].paragraphs == [
        "公司今年推出多款新品，其中最受关注的是全新的AI Agent平台。",
        "今年收入增长，达到了2022年的两倍。",
    ]


def test_synthetic_jump_to_another_page():
    page = parse_text(HEAD + "本报10月10日讯 第一段写完了。\n\n第二段没有写完，将在(下转第二版)\n")
    art = page.articles[0]
    assert art.continues_to == "第二版"
    assert art.paragraphs == ["第一段写完了。", "第二段没有写完，将在"]
    assert MID_SENTENCE not in art.warnings


def test_synthetic_jump_from_another_page():
    page = parse_text("某区推进城市更新\n\n（上接第一版）前文的后半句。\n\n第二段。\n")
    art = page.articles[0]
    assert art.continued_from == "第一版"
    assert art.paragraphs == ["前文的后半句。", "第二段。"]


def test_synthetic_highlight_box_repeating_the_body_is_dropped():
    box = "全市累计帮销中西部地区农特产品五十亿元并培育地理标志农产品八个"
    page = parse_text(HEAD + f"框题\n\n{box}\n\n正文第一段写完了。\n\n据统计，{box}，成效显著。\n")
    art = page.articles[0]
    assert art.blocks == [
        Block(PARAGRAPH, "正文第一段写完了。"),
        Block(PARAGRAPH, f"据统计，{box}，成效显著。"),
    ]
    assert art.warnings == [warning("highlight_box_dropped", text=box[:20])]


def test_synthetic_unfinished_sentence_not_repeated_is_kept():
    text = "全市累计帮销中西部地区农特产品五十亿元并培育地理标志农产品八个"
    page = parse_text(HEAD + f"{text}\n\n另起一段，写完了。\n")
    assert page.articles[0].paragraphs == [f"{text}另起一段，写完了。"]


def test_synthetic_byline_mid_text_reorders_columns():
    page = parse_text(
        "# 老城复兴开辟新路径\n\n"
        "以工业设计创新为主，构建设计产业链。\n\n"
        "□ 本报记者 李媛\n\n"
        "一座老院子重获新生。\n\n"
        "负责人介绍，已有17家设计机构进驻，未来这里将\n"
    )
    art = page.articles[0]
    assert art.paragraphs == [
        "一座老院子重获新生。",
        "负责人介绍，已有17家设计机构进驻，未来这里将以工业设计创新为主，构建设计产业链。",
    ]
    assert art.bylines[0].name == "李媛"
    assert warning("byline_mid_text") in art.warnings


def test_synthetic_photo_news_under_a_story_is_split_off():
    caption = "由某研究所主持的省重大科技创新工程项目科技成果现场演示观摩会近日举行。图为观摩会上展示的收获机。"
    page = parse_text(
        "## 上合示范区打造青年创业国际孵化平台\n\n□ 记者 白晓 报道\n\n本报青岛讯 第一段写完了。\n\n"
        f"第二段写完了。\n\n\n\n{caption}\n\n□ 记者 李媛 通讯员 丁厚冉 报道\n"
    )
    story, photo = page.articles
    assert story.paragraphs == ["第一段写完了。", "第二段写完了。"]
    assert [p.name for p in story.bylines] == ["白晓"]
    assert photo.title == ""
    assert photo.paragraphs == [caption]
    assert [p.name for p in photo.bylines] == ["李媛", "丁厚冉"]
    assert photo.span[0] == page.text.index(caption)


# --- subheads set in two lines; dash lines; sentence openings ---------------

FEATURE_P1 = "这两年，某镇的茶园越种越大，茶农的日子越过越红火。"
FEATURE_P2 = "镇里请来农技员，手把手教大家修剪、施肥和采摘。"
FEATURE_P3 = "如今，镇上的茶叶卖到了全国二十多个省份。"


def test_a_subhead_set_in_two_lines_is_two_subheads():
    art = parse_text(
        f"小茶叶撑起致富路\n\n{FEATURE_P1}\n\n从几亩荒坡起步\n\n一位返乡青年的坚持\n\n{FEATURE_P2}\n\n"
        f"技术下乡、品牌出山\n\n茶叶卖到二十多个省份\n\n{FEATURE_P3}\n"
    ).articles[0]
    assert art.subheads == ["从几亩荒坡起步", "一位返乡青年的坚持", "技术下乡、品牌出山", "茶叶卖到二十多个省份"]
    assert art.paragraphs == [FEATURE_P1, FEATURE_P2, FEATURE_P3]


def test_a_dash_line_in_the_body_is_text_not_a_subhead():
    art = parse_text(
        f"小茶叶撑起致富路\n\n“茶园就是我们的饭碗。”\n\n——某茶农\n\n{FEATURE_P2}\n\n——抓培训，强技术。\n\n{FEATURE_P3}\n"
    ).articles[0]
    assert art.subheads == []
    assert "——某茶农" in art.paragraphs
    assert "——抓培训，强技术。" in art.paragraphs


def test_a_paragraph_opening_with_a_common_word_is_no_continuation():
    # 过去/之后 open sentences; only a bare particle (的, 了 …) continues a cut line.
    art = parse_text(f"小茶叶撑起致富路\n\n{FEATURE_P1}\n\n种好茶叶，带富乡亲\n\n过去的一年，全镇茶叶产量翻了一番。\n").articles[0]
    assert art.subheads == ["种好茶叶，带富乡亲"]


def test_a_lead_set_off_by_two_blank_lines_under_the_headline_is_text_not_a_caption():
    art = parse_text(f"小茶叶撑起致富路\n\n\n{FEATURE_P3}\n\n{FEATURE_P1}\n").articles[0]
    assert art.captions == []
    assert art.paragraphs == [FEATURE_P3, FEATURE_P1]


def test_a_sentence_set_off_by_two_blank_lines_in_the_text_is_a_caption():
    art = parse_text(f"小茶叶撑起致富路\n\n{FEATURE_P1}\n\n\n茶农在山间采茶。\n\n{FEATURE_P2}\n").articles[0]
    assert art.captions == ["茶农在山间采茶。"]


def test_a_subhead_of_two_or_three_full_clauses_is_a_subhead():
    art = parse_text(
        f"小茶叶撑起致富路\n\n{FEATURE_P1}\n\n抓好标准化生产，茶叶品质稳步提高，收购价格随之上涨\n\n{FEATURE_P2}\n\n"
        f"打响本地品牌，让更多消费者认识家乡好茶\n\n{FEATURE_P3}\n"
    ).articles[0]
    assert art.subheads == ["抓好标准化生产，茶叶品质稳步提高，收购价格随之上涨", "打响本地品牌，让更多消费者认识家乡好茶"]


@pytest.mark.parametrize(
    "piece",
    [
        "2019年4月，全镇新建的茶叶加工厂正式投产",  # a lead's time frame: text
        "镇里请来农技员，手把手教大家修剪、施肥和采摘，茶叶",  # ends on a stub
    ],
)
def test_a_column_end_piece_with_clauses_is_no_subhead(piece):
    art = parse_text(f"小茶叶撑起致富路\n\n{FEATURE_P1}\n\n{piece}\n\n产量比去年翻了一番。\n").articles[0]
    assert art.subheads == []
    assert art.paragraphs == [FEATURE_P1, piece + "产量比去年翻了一番。"]


def test_a_lead_under_the_headline_that_the_body_repeats_is_kept():
    # A 提要 summarising the story, in words the body uses again, is no pull-out box.
    lead = "全市累计帮销中西部地区农特产品五十亿元并培育地理标志农产品八个"
    page = parse_text(HEAD + f"{lead}\n\n正文第一段写完了。\n\n据统计，{lead}，成效显著。\n")
    assert page.articles[0].paragraphs[0] == lead + "正文第一段写完了。"
