"""articles.parsing.segment: where one article ends and the next begins in plain text.

Synthetic pages written from the conventions of Chinese newspapers (no corpus text).
"""

from __future__ import annotations

import pytest

from articles.parsing import decode_page, parse_page


def parse_text(text: str):
    return parse_page(decode_page("synthetic.txt", text.encode("utf-8")))


BODY_A = "市政府昨日召开会议，部署今年的重点工作。会议要求各部门加快进度。"
BODY_B = "今年以来，全市新增就业岗位三万余个，比去年同期增长一成。"


def test_a_source_credit_closes_the_article_and_is_not_body_text():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n据新华社\n\n新增就业岗位三万个\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新增就业岗位三万个"]
    assert page.articles[0].paragraphs == [BODY_A]


def test_a_signed_commentary_ends_with_its_author_note():
    page = parse_text(
        f"把重点工作落到实处\n\n{BODY_A}\n\n（作者为市发展研究中心主任）\n\n新增就业岗位三万个\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["把重点工作落到实处", "新增就业岗位三万个"]
    assert all("作者为" not in p for p in page.articles[0].paragraphs)


def test_a_compiled_report_credit_closes_the_article():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n综合新华社等报道\n\n新增就业岗位三万个\n\n{BODY_B}\n")
    assert len(page.articles) == 2


def test_a_sentence_opening_with_ju_is_not_a_credit():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n据悉\n\n{BODY_B}\n")
    assert len(page.articles) == 1


def test_a_byline_after_the_body_closes_the_article():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n本报记者  王  浩\n\n新增就业岗位三万个\n\n{BODY_B}\n")
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新增就业岗位三万个"]
    assert [p.name for p in page.articles[0].bylines] == ["王浩"]


def test_photo_news_a_title_a_caption_and_the_photographers_credit():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n春耕正忙\n\n图为农民在田间播种。\n\n张三摄\n\n新增就业岗位三万个\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "春耕正忙", "新增就业岗位三万个"]
    assert [(p.name, p.role) for p in page.articles[1].bylines] == [("张三", "摄影")]


def test_a_subhead_between_paragraphs_stays_in_the_story():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n稳就业见成效\n\n{BODY_B}\n")
    assert len(page.articles) == 1
    assert page.articles[0].subheads == ["稳就业见成效"]


def test_a_question_title_set_under_its_kicker():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n据新华社\n\n充电宝新标准来了\n旧充电宝还能用吗？\n\n{BODY_B}\n"
    )
    second = page.articles[1]
    assert (second.kicker, second.title) == ("充电宝新标准来了", "旧充电宝还能用吗？")
    assert second.paragraphs == [BODY_B]


def test_a_long_subtitle_runs_to_the_dateline():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n据新华社\n\n市政府召开常务会议\n\n"
        "审议通过《优化营商环境条例（草案）》，讨论通过《档案管理办法（修订草案）》\n\n"
        f"本报北京3月4日电  {BODY_B}\n"
    )
    second = page.articles[1]
    assert second.title == "市政府召开常务会议"
    assert second.subtitle.startswith("审议通过《优化营商环境条例")
    assert second.dateline == "本报北京3月4日电"


def test_a_dated_news_report_has_no_subheads_so_a_lone_line_starts_the_next_story():
    page = parse_text(
        f"全市部署重点工作\n\n本报青岛3月4日电  {BODY_A}\n\n{BODY_A}\n\n新增就业岗位三万个\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新增就业岗位三万个"]
    assert page.articles[1].paragraphs == [BODY_B]


def test_a_feature_without_a_dateline_keeps_its_subheads():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n稳就业见成效\n\n{BODY_B}\n\n促消费添活力\n\n{BODY_A}\n")
    assert len(page.articles) == 1
    assert page.articles[0].subheads == ["稳就业见成效", "促消费添活力"]


def test_photo_news_with_a_caption_of_several_paragraphs():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n边民跨境卖菜\n\n{BODY_B}\n\n{BODY_B}\n\n{BODY_B}\n\n新华社记者  胡  超摄\n\n"
        f"新增就业岗位三万个\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "边民跨境卖菜", "新增就业岗位三万个"]


def test_a_line_unlike_the_paired_subheads_before_it_starts_the_next_story():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n稳定就业，岗位增加\n\n{BODY_B}\n\n促进消费，市场回暖\n\n{BODY_A}\n\n"
        f"加快建设现代物流体系\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "加快建设现代物流体系"]
    assert page.articles[0].subheads == ["稳定就业，岗位增加", "促进消费，市场回暖"]


def test_paired_subheads_stay_together():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n稳定就业，岗位增加\n\n{BODY_B}\n\n促进消费，市场回暖\n\n{BODY_A}\n\n"
        f"强化产业，动能集聚\n\n{BODY_B}\n"
    )
    assert len(page.articles) == 1


def test_a_column_end_fragment_with_a_comma_is_no_subhead():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n在调研工作中，各部门坚持以\n\n人民为中心，办好实事。\n")
    assert page.articles[0].subheads == []
    assert page.articles[0].paragraphs[-1] == "在调研工作中，各部门坚持以人民为中心，办好实事。"


def test_a_column_end_fragment_of_clauses_opening_on_an_adverbial_is_no_subhead():
    # Three clauses of six characters or more read like a subhead's points,
    # but 在某某方面，… opens a sentence of text.
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n在产业扶持政策方面，有业内人士提出，除了资金支持\n\n和税收优惠，还要优化服务。\n")
    assert page.articles[0].subheads == []


def test_a_column_end_fragment_running_past_a_question_is_no_subhead():
    # Two phrases of a subhead's length, but the second closes a question and
    # runs on into the next sentence: text cut at a column end.
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n政府和企业“联手”，如何把好事办好？某省财政\n\n厅负责人说，这需要健全制度。\n")
    assert page.articles[0].subheads == []


def test_a_tu_wei_caption_without_extra_blank_lines():
    page = parse_text(f"春耕正忙\n\n{BODY_B}\n\n图为农民在田间播种。\n\n张三摄\n")
    art = page.articles[0]
    assert art.captions == ["图为农民在田间播种。"]
    assert art.paragraphs == [BODY_B]


def test_a_caption_closed_by_its_source_credit_is_no_subtitle():
    page = parse_text(f"全市部署重点工作\n\n江边的白鹭成群飞过 受访者供图\n\n{BODY_A}\n")
    art = page.articles[0]
    assert (art.title, art.subtitle) == ("全市部署重点工作", "")
    assert art.captions == ["江边的白鹭成群飞过 受访者供图"]
    assert art.bylines == []


def test_a_photographers_credit_stays_a_byline():
    page = parse_text(f"春耕正忙\n\n{BODY_B}\n\n新华社记者  王  春摄\n")
    assert [(p.name, p.role) for p in page.articles[0].bylines] == [("王春", "摄影")]
    assert page.articles[0].captions == []


def test_commentary_signed_by_the_papers_commentator():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n{BODY_B}\n\n把重点工作落到实处\n\n本报评论员\n\n{BODY_A}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "把重点工作落到实处"]
    assert page.articles[1].paragraphs == [BODY_A]


def test_a_credit_run_into_the_last_paragraph_closes_the_article():
    # Evening papers run the source credit on after the last sentence: ……。据某某晚报
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n各部门表示将按期完成任务。据某某晚报\n\n"
        f"新增就业岗位三万个\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新增就业岗位三万个"]
    assert page.articles[0].paragraphs[-1] == "各部门表示将按期完成任务。据某某晚报"
    assert page.articles[1].paragraphs == [BODY_B]


def test_a_sentence_about_a_source_in_the_last_paragraph_does_not_close_the_article():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n据了解，各部门将按期完成任务。\n\n重点工作\n\n{BODY_B}\n")
    assert [a.title for a in page.articles] == ["全市部署重点工作"]
    assert page.articles[0].subheads == ["重点工作"]


def test_a_lone_headline_over_a_paragraph_broken_at_a_column_end_starts_the_next_story():
    # PDF text: the next story's first paragraph is cut after a comma, its rest directly under it.
    page = parse_text(
        f"全市部署重点工作\n\n本报青岛3月4日电  {BODY_A}\n\n新增就业岗位三万个\n\n"
        "今年以来，全市新增就业岗位三万余个，比去年\n同期增长一成。\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新增就业岗位三万个"]
    assert "".join(page.articles[1].paragraphs) == "今年以来，全市新增就业岗位三万余个，比去年同期增长一成。"


def test_a_line_opening_with_the_leads_time_is_a_paragraph_not_a_headline():
    # PDF text: the lead 3月4日，…… cut at a column end is short, but a headline
    # states its news without the lead's time frame.
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n春节市场供应充足\n\n3月4日，记者走访全市多家超市\n\n发现货源充足、价格平稳。\n\n李某摄\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "春节市场供应充足"]
    assert (page.articles[1].column, page.articles[1].kicker, page.articles[1].subtitle) == ("", "", "")
    assert page.articles[1].paragraphs == ["3月4日，记者走访全市多家超市发现货源充足、价格平稳。"]


def test_a_lone_line_with_no_sibling_subhead_heads_the_next_story():
    # Subheads come in sets; one line alone between paragraphs, no other anywhere, is a headline.
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n{BODY_A}\n\n新增就业岗位三万个\n\n{BODY_B}\n\n{BODY_B}\n")
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新增就业岗位三万个"]
    assert page.articles[1].paragraphs == [BODY_B, BODY_B]


def test_a_lone_line_with_a_sibling_set_after_a_caption_stays_a_subhead():
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n稳就业见成效\n\n{BODY_B}\n\n\n图为招聘会现场。\n\n促消费添活力\n\n{BODY_A}\n"
    )
    assert len(page.articles) == 1
    assert page.articles[0].subheads == ["稳就业见成效", "促消费添活力"]


def test_a_line_ending_one_character_after_a_comma_is_a_fragment_not_a_headline():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n全市拥有完整的产业体系、大量人才、最\n\n大的消费市场。\n")
    assert [a.title for a in page.articles] == ["全市部署重点工作"]
    assert page.articles[0].subheads == []


@pytest.mark.parametrize(
    "caption",
    [
        "农民在田间播种 本报记者 张三 摄",  # the role and a name set apart from 摄
        "农民在田间播种\u3000张三\u3000摄",
        "▲农民在田间播种",  # ▲ points at the photograph
        "▲农民在田间播种。 本报记者 张三 摄",
    ],
)
def test_a_caption_with_a_spaced_credit_or_a_photo_pointer_is_a_caption(caption):
    page = parse_text(f"春耕正忙\n\n{BODY_B}\n\n{caption}\n\n{BODY_A}\n")
    assert len(page.articles) == 1
    art = page.articles[0]
    assert [c.replace(" ", "") for c in art.captions] == [caption.replace(" ", "").replace("\u3000", "")]
    assert art.subheads == []
    assert art.paragraphs == [BODY_B, BODY_A]


def test_a_lone_headline_that_lost_one_blank_line_still_heads_the_next_story():
    # PDF text may drop a blank line: the headline sits right under the story above.
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n{BODY_A}\n新增就业岗位三万个\n\n{BODY_B}\n\n{BODY_B}\n")
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新增就业岗位三万个"]
    assert page.articles[0].paragraphs == [BODY_A, BODY_A]


@pytest.mark.parametrize(
    "fragment, rest",
    [
        # A quote left open.
        ("全市已开工建设“智慧城", "市”平台等十二个项目。"),
        # The rest opens with the punctuation closing the clause.
        ("志愿者每天执勤，寒暑从不间断", "。他们早出晚归，十分辛苦。"),
        # A sentence adverb opens a paragraph, not a heading.
        ("目前项目主体已完工，关键技术经验证", "后续将投入使用。"),
    ],
)
def test_a_paragraph_cut_at_a_column_end_in_a_dated_report_is_no_headline(fragment, rest):
    page = parse_text(f"全市部署重点工作\n\n本报青岛3月4日电  {BODY_A}\n\n{fragment}\n\n{rest}\n")
    assert [a.title for a in page.articles] == ["全市部署重点工作"]
    assert page.articles[0].paragraphs[-1] == fragment + rest


def test_a_paragraph_cut_at_a_column_end_over_a_photo_credit_is_no_photo_news_headline():
    # The story's last paragraph, cut in two, and then the photographer's credit of its picture.
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n志愿者每天清晨上岗执勤，寒暑不辍\n\n\n。他们早出晚归，十分辛苦。\n\n张三摄\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作"]
    assert page.articles[0].paragraphs[-1] == "志愿者每天清晨上岗执勤，寒暑不辍。他们早出晚归，十分辛苦。"


def test_a_lone_headline_over_a_long_two_clause_fragment_heads_the_next_story():
    # Under the headline, the next story's first paragraph cut at a column end: two long
    # clauses are no paired subhead but a piece of text.
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n{BODY_A}\n\n新研究提示久坐危害\n\n"
        "某大学团队近日发布的一份调查报告指出，当成年人每天连续坐着超过八个小时并且缺少运动\n\n"
        f"时，患病风险明显上升。\n\n{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作", "新研究提示久坐危害"]


def test_a_subhead_set_right_over_a_cut_paragraph_stays_a_subhead():
    # PDF text lost the blank lines: a subhead directly over its paragraph's first,
    # cut piece is no headline stack over a subtitle.
    page = parse_text(
        f"全市部署重点工作\n\n{BODY_A}\n\n稳就业见成效\n\n{BODY_B}\n\n{BODY_A}\n促消费添活力\n"
        "观察今年的消费形势，可以从两个方面入手：一方面要看城乡居民的\n收入增长。\n\n"
        f"{BODY_B}\n"
    )
    assert [a.title for a in page.articles] == ["全市部署重点工作"]
    assert page.articles[0].subheads == ["稳就业见成效", "促消费添活力"]


def test_a_short_tail_closing_a_headline_is_no_column_end_piece():
    page = parse_text(f"全市部署重点工作\n\n{BODY_A}\n\n{BODY_A}\n\n公园樱花提前一周开放\n赏花人来了\n\n{BODY_B}\n\n{BODY_B}\n")
    assert [a.title for a in page.articles] == ["全市部署重点工作", "公园樱花提前一周开放赏花人来了"]


def test_a_line_ending_on_a_word_closed_by_he_is_not_cut_off():
    # 和 as a conjunction leaves a sentence hanging; 缓和, 温和, 共和 are words.
    from articles.parsing.segment import broken

    assert broken("张三与李四和", "王五会谈。")
    assert not broken("甲乙两地局势趋于缓和", "张三昨日表示，")
    assert not broken("天气转向温和", "李四介绍，")
