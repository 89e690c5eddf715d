"""Conventions of Chinese newspapers (issue 8 §3-4), each on a page modelled on
real ones: plain PDF text, no # marks, no layout of any one paper."""

from __future__ import annotations

import pytest

from articles.parsing import decode_page, parse_page
from articles.parsing.bylines import parse_byline
from articles.parsing.markers import split_dateline
from text.scripts import fold_to_simplified

P1 = "国家移民管理局近日公布数据，去年全国边检机关共查验出入境人员6.7亿人次。"
P2 = "各地各部门认真落实部署，工作取得明显成效。"


def parse_text(text: str):
    return parse_page(decode_page("page.txt", text.encode("utf-8")))


def people(records):
    return [(p.name, p.role) for p in records]


@pytest.mark.parametrize(
    "text, dateline, month, day",
    [
        ("本报讯 " + P1, "本报讯", None, None),
        ("本报3月4日讯 " + P1, "本报3月4日讯", 3, 4),
        ("本报北京3月4日电 " + P1, "本报北京3月4日电", 3, 4),
        ("新华社北京1月5日电  " + P1, "新华社北京1月5日电", 1, 5),
        ("中新网3月4日电 " + P1, "中新网3月4日电", 3, 4),
        ("南都讯 " + P1, "南都讯", None, None),
        ("据新华社北京1月5日电  " + P1, "据新华社北京1月5日电", 1, 5),
        ("〔中央社東京四日電〕" + P1, "〔中央社東京四日電〕", None, 4),
        ("本報訊 " + P1, "本報訊", None, None),
    ],
)
def test_datelines(text, dateline, month, day):
    # The parser reads the page folded to simplified characters (parsing.folding).
    assert split_dateline(fold_to_simplified(text))[:3] == (fold_to_simplified(dateline), month, day)


def test_headline_containing_benbao_dian_is_not_a_dateline():
    assert split_dateline("本报电视节目获全国大奖")[0] == ""


def test_place_in_brackets_opens_an_old_style_first_paragraph():
    article = parse_text("市府召开会议\n\n（南京）市府昨日召开会议，讨论本年度预算。\n").articles[0]
    assert article.dateline == "（南京）"
    assert article.paragraphs[0].startswith("市府昨日")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本报北京3月4日电（记者王浩、李心萍）" + P1, [("王浩", "记者"), ("李心萍", "记者")]),
        ("本报讯（记者 林建安 通讯员 黄小依）" + P1, [("林建安", "记者"), ("黄小依", "通讯员")]),
    ],
)
def test_byline_inside_the_datelines_brackets(text, expected):
    article = parse_text("去年出入境人员达6.7亿人次\n\n" + text + "\n").articles[0]
    assert people(article.bylines) == expected
    assert article.paragraphs[0] == P1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本报记者 黄  娴", [("黄娴", "记者")]),
        ("全媒体记者 张三", [("张三", "记者")]),
        ("融媒体记者 张三", [("张三", "记者")]),
        ("首席记者 张三", [("张三", "记者")]),
        ("特派记者 张三", [("张三", "记者")]),
        ("特约记者 张三", [("张三", "特约记者")]),
        ("本报驻广西记者 庞革平", [("庞革平", "记者")]),
        ("见习记者 张三", [("张三", "见习记者")]),
        ("实习生 张三", [("张三", "实习生")]),
        ("特约通讯员 张三", [("张三", "通讯员")]),
        ("编译 张三", [("张三", "编译")]),
        ("整理 张三", [("张三", "整理")]),
        ("王春摄", [("王春", "摄影")]),
        ("本报记者 王春摄", [("王春", "摄影")]),
        ("图/王春", [("王春", "摄影")]),
        ("王春供图", [("王春", "供图")]),
        ("常碧罗  邹  乐摄影报道（影像中国）", [("常碧罗", "摄影"), ("邹乐", "摄影")]),
    ],
)
def test_byline_roles_follow_the_corpus_readme(text, expected):
    assert people(parse_byline(text)) == expected


def test_stacked_plain_lines_are_kicker_and_title_and_start_an_article():
    page = parse_text(
        "第一篇报道的标题\n\n本报讯 " + P1 + "\n\n" + P2 + "\n\n胡春华强调\n确保剩余贫困人口全部如期脱贫\n\n" + P2 + "\n"
    )
    assert [a.title for a in page.articles] == ["第一篇报道的标题", "确保剩余贫困人口全部如期脱贫"]
    assert page.articles[1].kicker == "胡春华强调"


def test_stacked_title_over_figures_is_title_and_subtitle():
    page = parse_text("第一篇\n\n本报讯 " + P1 + "\n\n保障农民工工资支付工作考核结果公布\n10个省级政府被评为A级\n\n" + P2 + "\n")
    second = page.articles[1]
    assert (second.kicker, second.title, second.subtitle) == ("", "保障农民工工资支付工作考核结果公布", "10个省级政府被评为A级")


def test_title_with_a_series_tag_starts_an_article():
    page = parse_text("第一篇\n\n本报讯 " + P1 + "\n\n看谁推得快（动感2020）\n\n" + P2 + "\n")
    assert [a.title for a in page.articles] == ["第一篇", "看谁推得快（动感2020）"]


def test_marked_subheads_and_box_labels_are_subheads():
    page = parse_text("标题\n\n本报讯 " + P1 + "\n\n●减污，为长江减负\n\n" + P2 + "\n\n核心阅读\n\n" + P2 + "\n")
    assert len(page.articles) == 1
    assert page.articles[0].subheads == ["●减污，为长江减负", "核心阅读"]
    assert page.articles[0].subtitle == ""


def test_run_in_lead_ending_with_dashes_is_not_a_headline():
    page = parse_text("标题\n\n本报讯 " + P1 + "\n\n抓党性教育，筑牢初心使命——\n\n" + P2 + "\n")
    assert len(page.articles) == 1
    assert page.articles[0].kicker == ""


def test_quote_attribution_is_not_a_subtitle():
    page = parse_text("接续壁画里的千年时光（中国梦·家国情）\n\n“文物是老祖宗留给我们的文化遗产。”\n\n——李云鹤\n\n" + P2 + "\n")
    assert len(page.articles) == 1


@pytest.mark.parametrize(
    "header, date, label, name",
    [
        ("2020年1月6日\n星期一\n第11版", "2020-01-06", "第11版", ""),
        ("2020年1月14日\u3000星期二\u3000第04版", "2020-01-14", "第04版", ""),
        ("2024年5月6日 星期一 第01版：要闻 责任编辑：张三", "2024-05-06", "第01版", "要闻"),
    ],
)
def test_masthead_lines_are_page_metadata_not_an_article(header, date, label, name):
    page = parse_text(header + "\n\n去年出入境人员达6.7亿人次\n\n本报讯 " + P1 + "\n")
    assert (page.edition_date, page.page_label, page.page_name) == (date, label, name)
    assert [a.title for a in page.articles] == ["去年出入境人员达6.7亿人次"]
    assert page.articles[0].column == ""


def test_page_credit_lines_are_not_body():
    page = parse_text("标题\n\n本报讯 " + P1 + "\n\n本版编辑：张三  美编：李四  校对：王五\n")
    assert all("编辑" not in p for p in page.articles[0].paragraphs)
    assert page.credits == ["本版编辑：张三  美编：李四  校对：王五"]


def test_the_pages_staff_are_its_credits_as_printed_wherever_set():
    # The editor at the end of the header, the photographers under the last story, the
    # desk's line at the foot; in the page's own characters (a traditional page is read folded).
    page = parse_text(
        "2024年5月6日　星期一　A02　要闻　责任编辑：張  三\n\n标题\n\n本报讯 " + P1 + "\n\n"
        "本版攝影　王五\n\n本版編輯：李四　美编：趙六\n"
    )
    assert page.credits == ["责任编辑：張  三", "本版攝影 王五", "本版編輯：李四 美编：趙六"]
    assert page.page_name == "要闻" and all("王五" not in p for p in page.articles[0].paragraphs)


def test_a_header_credit_ends_where_the_pages_own_items_begin_and_a_label_alone_is_the_page_name():
    story = "标题\n\n本报讯 " + P1 + "\n"
    page = parse_text("A02　责任编辑：张三　2024年5月6日　星期一　要闻\n\n" + story)
    assert (page.credits, page.page_name, page.edition_date) == (["责任编辑：张三"], "要闻", "2024-05-06")
    page = parse_text("2024年5月6日　星期一　A08　视觉\n\n" + story)  # a picture page's name
    assert (page.credits, page.page_name) == ([], "视觉")


# --- issue 8 §3 on invented pages ---------------------------------------------------

STORY = "甲城新建十所学校\n\n本报讯（记者 张三）甲城今年新建十所学校，将于九月投入使用。\n\n各校配套设施齐全，师资已经到位。\n\n"


def test_a_banner_over_several_stories_is_the_column_not_a_kicker():
    page = parse_text(
        "学思想·强党性·重实践·建新功\n甲城：把学习成果转化为发展动力\n\n本报甲城3月4日电（记者张三）" + P1 + "\n\n" + P2 + "\n\n"
        "乙县：让群众感受到实实在在的变化\n\n本报乙县3月4日电（记者李四）" + P1 + "\n"
    )
    first, second = page.articles
    assert (first.column, first.kicker, first.title) == ("学思想·强党性·重实践·建新功", "", "甲城：把学习成果转化为发展动力")
    assert second.title == "乙县：让群众感受到实实在在的变化"


def test_briefs_under_a_briefs_label_are_each_an_article():
    page = parse_text(
        STORY + "要闻简报\n乙县启动春耕备耕\n\n本报讯 乙县日前启动春耕备耕工作，全县已调运化肥五千吨。\n\n"
        "丙镇开通公交新线\n\n本报讯 丙镇3月4日开通公交新线，方便沿线群众出行。\n"
    )
    assert [(a.column, a.title) for a in page.articles] == [
        ("", "甲城新建十所学校"), ("要闻简报", "乙县启动春耕备耕"), ("", "丙镇开通公交新线"),
    ]


def test_briefs_without_headlines_under_a_label_are_each_an_article():
    page = parse_text(STORY + "简讯\n\n本报讯 乙县日前启动春耕备耕工作。\n\n本报讯 丙镇3月4日开通公交新线。\n")
    assert [(a.column, a.title, a.dateline) for a in page.articles[1:]] == [("简讯", "", "本报讯"), ("", "", "本报讯")]


def test_an_editorial_and_a_commentators_article():
    page = parse_text(
        "社论\n奋力谱写新篇章\n\n新的一年开启新的征程。我们要坚定信心，埋头苦干。\n\n让我们携起手来，共同创造美好未来。\n\n"
        "以实干担当开创新局面\n本报评论员\n\n实干才能梦想成真。各级干部要以实干担当开创新局面。\n"
    )
    assert [(a.column, a.kicker, a.title) for a in page.articles] == [
        ("社论", "", "奋力谱写新篇章"), ("", "", "以实干担当开创新局面"),
    ]
    assert all("评论员" not in p for a in page.articles for p in a.paragraphs)


def test_a_dated_report_keeps_a_set_of_paired_subheads():
    page = parse_text(
        "甲城推进老旧小区改造\n\n本报讯（记者 张三）甲城今年计划改造老旧小区一百个，惠及居民三万户。\n\n"
        "加装电梯，方便老人出行\n\n在乙小区，新装的电梯已经投入使用。居民李四说，现在方便多了。\n\n改造工作由街道牵头。\n\n"
        "管网更新，告别跑冒滴漏\n\n丙小区的供水管网已经全部更新。\n\n街道表示，今年将完成全部改造任务。\n"
    )
    assert len(page.articles) == 1
    assert page.articles[0].subheads == ["加装电梯，方便老人出行", "管网更新，告别跑冒滴漏"]


@pytest.mark.parametrize("title", ["旧手机还能卖个好价钱吗？", "春天来了！"])
def test_a_headline_that_asks_or_exclaims_over_a_byline(title):
    page = parse_text(STORY + title + "\n\n本报记者 李四\n\n家里的旧手机该如何处理？记者走访了多家回收店。\n\n" + P2 + "\n")
    assert [a.title for a in page.articles] == ["甲城新建十所学校", title]
    assert people(page.articles[1].bylines) == [("李四", "记者")]
    assert people(page.articles[0].bylines) == [("张三", "记者")]


def test_photo_news_without_a_headline_under_a_story_credited_in_its_dateline():
    caption = "3月4日，乙县农民在田间忙着春耕。眼下正值春耕时节，乙县各地田间地头一派繁忙景象。"
    page = parse_text(STORY + caption + "\n本报记者 李四摄\n\n丙镇开通公交新线\n\n本报讯 丙镇3月4日开通公交新线。\n")
    story, photo, brief = page.articles
    assert people(story.bylines) == [("张三", "记者")]
    assert (photo.title, photo.paragraphs, people(photo.bylines)) == ("", [caption], [("李四", "摄影")])
    assert brief.title == "丙镇开通公交新线"


def test_a_story_credited_in_its_dateline_keeps_a_last_paragraph_cut_over_a_photo_credit():
    page = parse_text(STORY.replace("师资已经到位。", "师资已经到位，") + "教师均已上岗。\n\n王五摄\n")
    assert len(page.articles) == 1
    assert sorted(people(page.articles[0].bylines)) == [("张三", "记者"), ("王五", "摄影")]


def test_a_tuwei_caption_closed_by_its_photo_credit():
    page = parse_text(STORY + "图为首班公交车驶出站台。王五摄\n沿线群众纷纷表示，出行更方便了。\n")
    article = page.articles[0]
    assert article.captions == ["图为首班公交车驶出站台。王五摄"]
    assert article.paragraphs[-1] == "沿线群众纷纷表示，出行更方便了。"


def test_a_summary_between_the_headline_and_the_dateline_is_the_subtitle():
    summary = "全市新增学位一万个，九月起投入使用。今年还将改扩建二十所学校。"
    page = parse_text(f"甲城新建十所学校\n{summary}\n\n本报讯（记者 张三）甲城今年新建十所学校。\n\n{P2}\n")
    article = page.articles[0]
    assert (article.title, article.subtitle, article.dateline) == ("甲城新建十所学校", summary, "本报讯")
    assert people(article.bylines) == [("张三", "记者")]
    assert article.paragraphs[0] == "甲城今年新建十所学校。"


def test_reporters_named_without_a_role_under_the_headline():
    page = parse_text(f"甲城新建十所学校\n张三  欧阳小明\n\n{P1}\n\n{P2}\n\n乙县招商引资\n李四\n\n{P1}\n")
    first, second = page.articles
    assert (first.title, first.subtitle) == ("甲城新建十所学校", "")
    assert people(first.bylines) == [("张三", "记者"), ("欧阳小明", "记者")]
    assert people(second.bylines) == [("李四", "记者")]


@pytest.mark.parametrize("lower", ["黄金周", "高质量", "新时代"])
def test_a_short_headline_line_is_no_name(lower):
    page = parse_text(f"国庆长假\n{lower}\n\n今年国庆长假，各地游人如织。\n")
    assert page.articles[0].bylines == []


def test_a_round_up_of_short_news_is_one_article_per_item():
    # Each item under its own headline, opening with its own news lead (when, who).
    page = parse_text(
        "甲国选出新总统\n\n甲国议会3日举行投票，张三当选总统。\n\n张三现年60岁，曾任甲国总理。\n\n"
        "乙国遭遇强风暴\n\n4月2日，一股强风暴席卷乙国，带来狂风暴雨和洪水。\n\n当地已启动应急响应。\n\n"
        "丙国发现古船残骸\n\n丙国博物馆4月2日宣布，发现200多年前沉没的古船残骸。\n\n专家称这一发现意义重大。\n"
    )
    assert [a.title for a in page.articles] == ["甲国选出新总统", "乙国遭遇强风暴", "丙国发现古船残骸"]


def test_a_features_sections_that_do_not_open_with_a_lead_stay_one_story():
    page = parse_text(
        "甲城老街焕新颜\n\n3月4日，记者走进甲城老街，只见游人如织。\n\n老街始建于明代，历经数百年风雨。\n\n"
        "修旧如旧\n\n改造中，工匠们坚持修旧如旧的原则。\n\n每一块砖瓦都经过精心挑选。\n\n"
        "留住乡愁\n\n老街的居民李四说，这里承载着几代人的记忆。\n\n如今老街重现往日风采。\n"
    )
    assert len(page.articles) == 1
    assert page.articles[0].subheads == ["修旧如旧", "留住乡愁"]


def test_short_subheads_over_dated_sections_stay_subheads():
    page = parse_text(
        "甲城老街焕新颜\n\n3月4日，记者走进甲城老街，只见游人如织。\n\n老街始建于明代。\n\n"
        "修旧如旧\n\n3月5日，工匠们坚持修旧如旧的原则。\n\n每一块砖瓦都经过精心挑选。\n\n"
        "留住乡愁\n\n近日，老街的居民李四说，这里承载着几代人的记忆。\n\n如今老街重现往日风采。\n"
    )
    assert len(page.articles) == 1
