"""Scoring the parser against answer keys (articles.evaluation) on small hand-made pages.

The found articles are built by hand (not parsed), so each segmentation case
— a correct match, a split, a merge, a miss, an invention — is exactly what
the test says it is.
"""

from __future__ import annotations

import ast

import pytest

from articles.evaluation import check_fields, locate_gold, match_articles, norm, score_page
from articles.evaluation.fields import gold_month_day
from articles.evaluation.report import FailuresRefused, format_failures
from articles.evaluation.segmentation import PageText
from articles.parsing import ArticleRecord, Block, BylineRecord, PageRecord
from articles.parsing.records import CAPTION, PARAGRAPH, SUBHEAD
from tests.seedpages import REPO_ROOT

EVALUATION_DIR = REPO_ROOT / "articles" / "evaluation"

HEADER = "2024年5月6日 星期一\n第一版 要闻\n责任编辑 王某\n\n"
# (title, first paragraph, second paragraph), each paragraph long enough that
# a title or a header line is a minority of any span.
ARTICLES = [
    ("甲地新建一座大桥", "甲地今日宣布新建一座跨江大桥，总投资二十亿元，预计三年内建成通车。", "大桥建成后两岸通行时间将缩短一半，惠及沿线数十万居民出行。"),
    ("乙市推进老旧小区改造", "乙市今年计划改造老旧小区一百二十个，涉及居民三万余户。", "改造内容包括加装电梯、更新管网、整治环境等多个方面的工作。"),
    ("丙县举办农民丰收节", "丙县第五届农民丰收节昨日开幕，展销农产品三百余种。", "活动持续三天，吸引周边游客数万人次前来参观选购特色农产品。"),
    ("丁区开通社区食堂", "丁区首批十家社区食堂正式开业，为老年人提供助餐服务。", "食堂实行分类补贴，八十岁以上老人每餐可享受五元优惠。"),
    ("戊镇打造特色小镇", "戊镇依托温泉资源打造特色小镇，已吸引投资十五亿元。", "小镇规划建设温泉酒店、民宿和康养中心，带动就业两千人。"),
]


def build_page():
    """The page text and, per article, its [start, end) and each paragraph's [start, end)."""
    text = HEADER
    spans = []
    for title, first, second in ARTICLES:
        start = len(text)
        text += f"{title}\n\n"
        p1 = (len(text), len(text) + len(first))
        text += f"{first}\n\n"
        p2 = (len(text), len(text) + len(second))
        text += f"{second}\n\n\n"
        spans.append((start, p2[1], p1, p2))
    return text, spans


def gold_article(title, first, second, **fields):
    article = {
        "column": "", "kicker": "", "title": title, "subtitle": "", "reporters": [], "dateline": "",
        "dateline_date": "", "body_start": norm(first)[:12], "body_end": norm(second)[-12:],
        "subheads": [], "captions": [], "continued_from": "", "continues_to": "",
    }
    article.update(fields)
    return article


def found_article(position, span, title, paragraphs, **fields):
    blocks = [Block(PARAGRAPH, p) for p in paragraphs]
    return ArticleRecord(position=position, span=span, title=title, blocks=blocks, **fields)


def key_of(articles):
    return {"page": "demo/2024-05-06/01", "paper_slug": "demo", "articles": articles}


# --- segmentation --------------------------------------------------------------------------------


def test_evaluation_counts_correct_split_merged_missed_invented():
    text, spans = build_page()
    key = key_of([gold_article(*a) for a in ARTICLES])
    (a0, a1, a2, a3, a4) = spans
    found = [
        found_article(1, (0, len(HEADER) - 2), "", ["2024年5月6日 星期一 第一版 要闻 责任编辑 王某"]),  # invented: the masthead
        found_article(2, (a0[0], a0[1]), ARTICLES[0][0], ARTICLES[0][1:]),  # correct
        found_article(3, (a1[0], a1[3][0] - 1), ARTICLES[1][0], [ARTICLES[1][1]]),  # split, first half
        found_article(4, a1[3], "", [ARTICLES[1][2]]),  # split, second half
        found_article(5, (a2[0], a3[1]), ARTICLES[2][0], [*ARTICLES[2][1:], *ARTICLES[3][1:]]),  # merges 丙 and 丁
        # 戊 is missed: nothing found there
    ]
    record = PageRecord(file_name="01.txt", sha256="0", text=text, articles=found)
    score = score_page(key, record, text)
    assert score.counts == {
        "gold": 5, "found": 5, "correct": 1, "split": 1, "merged": 1, "missed": 1, "invented": 1, "partial": 0,
    }
    assert score.gold_status == ["correct", "split", "in_merge", "in_merge", "missed"]
    assert score.found_status == ["invented", "correct", "fragment", "fragment", "merged"]
    # Fields are checked on the correct match only, and it passes all 13.
    assert [(a.gold_index, a.found_index) for a in score.articles] == [(0, 1)]
    assert (score.checks_passed, score.checks_total) == (13, 13)


def test_evaluation_a_large_piece_of_a_split_is_not_a_correct_match():
    # 70% of a gold found as one article and 30% as another: a split, though the
    # big piece alone has a majority both ways.
    match = match_articles([(0, 100)], [(0, 70), (70, 100)])
    assert match.counts["correct"] == 0 and match.counts["split"] == 1
    assert match.found_status == ["fragment", "fragment"]


def test_evaluation_one_small_piece_found_is_partial_not_missed():
    match = match_articles([(0, 100), (100, 200)], [(0, 30), (100, 200)])
    assert match.gold_status == ["partial", "correct"]
    assert match.counts["missed"] == 0 and match.counts["partial"] == 1


def test_evaluation_gold_region_keeps_a_byline_moved_to_the_end_and_starts_at_the_kicker():
    text = (
        "第二版\n\n"
        "引题在这里——\n\n主题甲\n\n正文第一段甲甲甲甲甲甲甲甲甲。\n\n（本报记者 王浩）\n\n"
        "主题乙\n\n正文乙乙乙乙乙乙乙乙乙乙。\n"
    )
    page = PageText(text)
    located = locate_gold(page, [
        gold_article("主题甲", "正文第一段", "甲甲。", kicker="引题在这里"),
        gold_article("主题乙", "正文乙", "乙乙。"),
    ])
    assert located.problems == []
    first, second = (page.text[a:b] for a, b in located.regions)
    assert first == "引题在这里——主题甲正文第一段甲甲甲甲甲甲甲甲甲。(本报记者王浩)"
    assert second == "主题乙正文乙乙乙乙乙乙乙乙乙乙。"


def test_evaluation_gold_not_in_the_page_is_a_problem_and_missed():
    text, spans = build_page()
    key = key_of([gold_article(*a) for a in ARTICLES] + [gold_article("没有这篇文章", "不存在", "不存在")])
    record = PageRecord(file_name="01.txt", sha256="0", text=text, articles=[
        found_article(n, s[:2], a[0], a[1:]) for n, (s, a) in enumerate(zip(spans, ARTICLES), start=1)
    ])
    score = score_page(key, record, text)
    assert score.counts["missed"] == 1 and score.counts["correct"] == 5
    assert score.problems == ["gold article 6 ('没有这篇文章') not found in the page text"]


def test_evaluation_a_rejected_page_misses_every_article():
    text, _ = build_page()
    score = score_page(key_of([gold_article(*a) for a in ARTICLES]), None, text)
    assert score.counts["missed"] == 5 and score.counts["found"] == 0


# --- fields ----------------------------------------------------------------------------------------


def test_evaluation_field_mismatches_are_reported_per_field():
    gold = gold_article(
        "标题：一致", "第一段的开头十二个字在这", "最后十二个字在这里结束。",
        kicker="引题", reporters=[{"name": "王浩", "role": "记者"}, {"name": "李明", "role": "通讯员"}],
        dateline="本报北京3月4日电", dateline_date="--03-04",
        subheads=["小标题一", "小标题二"], captions=[], continued_from="第一版",
    )
    found = found_article(
        1, (0, 10), "标题: 一致", [],  # half-width colon and a space: still equal
        kicker="另一个引题",
        bylines=[BylineRecord("王浩", "记者", "人民日报"), BylineRecord("李明", "记者")],
        dateline="本报北京3月5日电", dateline_month=3, dateline_day=5,
        continued_from="第 一 版",
    )
    found.blocks = [
        Block(PARAGRAPH, "第一段的开头十二个字在这里。"),
        Block(SUBHEAD, "小标题一"),
        Block(PARAGRAPH, "最后十二个字在这里结束了。"),
        Block(CAPTION, "图为现场。"),
    ]
    checks, items = check_fields(gold, found)
    failed = {c.field for c in checks if not c.ok}
    assert failed == {"kicker", "reporters", "dateline", "dateline_date", "body_end", "subheads", "captions"}
    assert len(checks) == 13
    # (王浩, 记者) matched; (李明, 记者) found but the key says 通讯员.
    assert (items["reporters"].matched, items["reporters"].found, items["reporters"].gold) == (1, 2, 2)
    assert (items["subheads"].matched, items["subheads"].found, items["subheads"].gold) == (1, 1, 2)
    assert (items["captions"].matched, items["captions"].found, items["captions"].gold) == (0, 1, 0)
    assert items["reporters"].precision == 0.5 and items["subheads"].recall == 0.5


def test_evaluation_subheads_and_reporters_ignore_order():
    gold = gold_article("题", "正文", "正文", subheads=["二", "一"],
                        reporters=[{"name": "乙", "role": "记者"}, {"name": "甲", "role": "记者"}])
    found = found_article(1, (0, 1), "题", ["正文"], bylines=[BylineRecord("甲", "记者"), BylineRecord("乙", "记者")])
    found.blocks = [Block(SUBHEAD, "一"), Block(PARAGRAPH, "正文"), Block(SUBHEAD, "二")]
    checks, _ = check_fields(gold, found)
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]


@pytest.mark.parametrize(
    ("key", "month", "day", "ok"),
    [("--03-04", 3, 4, True), ("2024-03-04", 3, 4, True), ("---04", None, 4, True),
     ("---04", 3, 4, False), ("", None, None, True), ("", 3, 4, False), ("--03-04", 4, 3, False)],
)
def test_evaluation_dateline_date_compares_month_and_day(key, month, day, ok):
    assert (gold_month_day(key) == (month, day)) is ok


def test_evaluation_normalises_only_whitespace_and_width():
    assert norm(" 青岛，\u3000（一）\nＡ１！") == "青岛,(一)A1!"
    assert norm("“引号”—破折号") == "“引号”—破折号"  # quotes and dashes are not unified


# --- honesty and isolation -------------------------------------------------------------------------


def test_evaluation_failures_of_test_pages_are_refused():
    text, _ = build_page()
    dev = score_page(key_of([gold_article(*ARTICLES[0])]), None, text, page_id="a/1", split="dev")
    test = score_page(key_of([gold_article(*ARTICLES[0])]), None, text, page_id="b/1", split="test")
    assert "gold 1 missed: 甲地新建一座大桥" in format_failures([dev])
    with pytest.raises(FailuresRefused):
        format_failures([dev, test])


def test_evaluation_imports_no_django():
    for path in sorted(EVALUATION_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert not (name == "django" or name.startswith("django.")), path.name
                if name.startswith("articles"):
                    assert name.startswith(("articles.parsing", "articles.evaluation")), (path.name, name)


def test_evaluation_runs_on_the_seeds_without_loading_django():
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "from articles.evaluation import Totals, evaluate, find_pages\n"
        "pages, _ = find_pages('corpus', split='dev', paper='qingdao')\n"
        "totals = Totals.of(evaluate(pages))\n"
        "print(json.dumps({'correct': totals.counts['correct'],\n"
        "                  'django': sorted(m for m in sys.modules if m.split('.')[0] == 'django')}))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "PYTEST"))}
    env["PYTHONPATH"] = str(REPO_ROOT)
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"correct": 31, "django": []}
