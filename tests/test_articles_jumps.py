"""articles.services.jumps: a story printed on two pages (转版) becomes one article.

Two pages of 青岛日报 2024-07-26: 第一版 holds two stories that end (下转第二版),
第二版 holds their continuations, which open (上接第一版) under a repeat of
the title, in the other order, plus a story of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from articles.exporting import article_export
from articles.models import Article, SourcePage
from editorial.exports import articles_for_export
from articles.services.importing import UNCHANGED, pages_import
from articles.services.jumps import JUMP_CODES, pair_parts, title_similarity
from articles.parsing.warnings import warning
from articles import signals

ISSUE = Path("qingdao-ribao") / "2024-07-26"

FRONT = """青岛港开通新航线

□青岛日报/观海新闻记者 王明

本报7月25日讯 25日，青岛港开通一条通往东南亚的集装箱新航线，这是今年开通的第十条航线。

新航线每周一班，途经新加坡、巴生等港口，为山东外贸企业节省运输时间三天以上。（下转第二版）

崂山茶园迎来采摘季

□青岛日报/观海新闻记者 李华

本报7月25日讯 眼下，崂山区的茶园进入夏茶采摘期，茶农们忙着采茶、制茶。

今年崂山茶种植面积稳定在四万亩以上，茶叶品质持续提升。（下转第二版）

西海岸新区举办招聘会

□青岛日报/观海新闻记者 赵强

本报7月25日讯 25日，西海岸新区举办夏季招聘会，两百余家企业提供岗位五千多个。

招聘会现场，不少高校毕业生与企业达成就业意向。
"""

SECOND = """崂山茶园迎来采摘季

（上接第一版）茶农们表示，通过技术培训，制茶工艺不断改进，茶叶价格也有所提高。

崂山区将继续推进茶产业发展，打造更多知名品牌。

青岛港开通新航线

（上接第一版）据介绍，今年以来青岛港集装箱吞吐量保持增长，航线网络不断完善。

青岛港将继续加密航线，服务“一带一路”建设。

市民文化节开幕

□青岛日报/观海新闻记者 孙丽

本报7月25日讯 25日，青岛市民文化节开幕，一百多项活动将持续到十月。

活动涵盖演出、展览、讲座等内容，全部免费向市民开放。
"""

# The continuations under headings that do not repeat the titles: matched by printed order.
SECOND_UNTITLED = (
    SECOND.replace("崂山茶园迎来采摘季\n\n（上接", "续一\n\n（上接", 1)
    .replace("青岛港开通新航线\n\n（上接", "续二\n\n（上接", 1)
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quiet_listeners(monkeypatch):
    # Listeners (search, linking, cache) have their own tests.
    monkeypatch.setattr(signals, "send_changed", lambda article_ids: None)


def write(root: Path, name: str, text: str) -> Path:
    path = root / ISSUE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def import_page(path: Path, **options):
    report = pages_import(paths=[path], **options)
    assert not report.refused, report.refused[0].error
    return report.results[0]


def part(title_start: str, page: int) -> Article:
    return Article.objects.get(title__startswith=title_start, source_page__number=page)


def assert_joined():
    for title, first_words, later_words in (
        ("青岛港", "青岛港开通一条", "航线网络不断完善"),
        ("崂山茶园", "夏茶采摘期", "制茶工艺不断改进"),
    ):
        first = part(title, 1)
        later = Article.objects.get(source_page__number=2, body__contains=later_words)
        assert later.continuation_of_id == first.pk, title
        assert first.parts == [first, later]
        body = first.full_body
        assert body.index(first_words) < body.index(later_words)
        # Both spans kept: each part still points into its own page.
        assert first.source_page.raw_text[first.span_start:first.span_end].startswith(first.title)
        assert later.source_page.raw_text[later.span_start:later.span_end].strip()
        assert not [w for w in first.warnings + later.warnings if w["code"] in JUMP_CODES]


# --- pure ---------------------------------------------------------------------------


def test_jumps_title_similarity():
    assert title_similarity("青岛港开通新航线", "青岛港开通新航线") == 1.0
    assert title_similarity("青岛港开通东南亚集装箱新航线", "青岛港开通") == 1.0  # a shortened repeat
    assert title_similarity("青岛港开通新航线", "崂山茶园迎来采摘季") < 0.5
    assert title_similarity("", "青岛港") == 0.0


class _Part:
    def __init__(self, title):
        self.title = title

    def __repr__(self):
        return self.title


def test_jumps_pairs_by_title_then_by_order():
    a, b, c = _Part("青岛港开通新航线"), _Part("崂山茶园迎来采摘季"), _Part("市民文化节开幕")
    x, y, z = _Part("崂山茶园迎来采摘季"), _Part("另一个标题"), _Part("青岛港开通新航线")
    assert pair_parts([a, b, c], [x, y, z]) == [(a, z), (b, x), (c, y)]
    assert pair_parts([a, b], [_Part(""), _Part("")])[0][0] is a  # no titles: printed order
    assert pair_parts([a], []) == []


# --- importing ----------------------------------------------------------------------


@pytest.mark.parametrize("order", ["front_first", "second_first"])
def test_jumps_two_parts_become_one_article_in_either_order(tmp_path, order):
    front, second = write(tmp_path, "01-要闻.txt", FRONT), write(tmp_path, "02-要闻.txt", SECOND)

    first, then = (front, second) if order == "front_first" else (second, front)
    early = import_page(first)
    assert any(w["code"] in JUMP_CODES for w in early.warnings)  # the other halves are not there yet
    import_page(then)

    assert_joined()
    assert Article.objects.filter(continuation_of__isnull=False).count() == 2


def test_jumps_without_repeated_titles_parts_join_in_printed_order(tmp_path):
    import_page(write(tmp_path, "02-要闻.txt", SECOND_UNTITLED))
    import_page(write(tmp_path, "01-要闻.txt", FRONT))

    port, tea = part("青岛港", 1), part("崂山茶园", 1)
    # Nothing to go by but order: the first jump of 第一版 takes the first continuation of 第二版.
    assert [a.title for a in port.parts] == ["青岛港开通新航线", "续一"]
    assert [a.title for a in tea.parts] == ["崂山茶园迎来采摘季", "续二"]


def test_jumps_missing_half_is_kept_flagged_and_not_published(tmp_path):
    result = import_page(write(tmp_path, "01-要闻.txt", FRONT), publish=True)

    port, tea, jobs = part("青岛港", 1), part("崂山茶园", 1), part("西海岸", 1)
    for lonely in (port, tea):
        assert lonely.status == Article.Status.IMPORTED and lonely.published_at is None
        assert warning("jump_rest_missing", label="第二版") in lonely.warnings
    assert jobs.status == Article.Status.PUBLISHED
    assert sum(w["code"] in JUMP_CODES for w in result.warnings) == 2


def test_jumps_publish_publishes_the_story_once_whole_and_never_the_later_part(tmp_path):
    import_page(write(tmp_path, "02-要闻.txt", SECOND), publish=True)
    assert not Article.objects.published().filter(title__in=["青岛港开通新航线", "崂山茶园迎来采摘季"]).exists()

    import_page(write(tmp_path, "01-要闻.txt", FRONT), publish=True)

    published = set(Article.objects.published().values_list("title", "source_page__number"))
    assert published == {
        ("青岛港开通新航线", 1), ("崂山茶园迎来采摘季", 1), ("西海岸新区举办招聘会", 1), ("市民文化节开幕", 2),
    }
    later = Article.objects.get(continuation_of=part("青岛港", 1))
    assert later.status == Article.Status.IMPORTED  # shown only inside the first part


def test_jumps_public_article_page_shows_both_parts(tmp_path):
    import_page(write(tmp_path, "01-要闻.txt", FRONT), publish=True)
    import_page(write(tmp_path, "02-要闻.txt", SECOND), publish=True)
    port = part("青岛港", 1)
    later = Article.objects.get(continuation_of=port)

    html = Client().get(port.get_absolute_url()).content.decode()

    assert "青岛港开通一条" in html and "航线网络不断完善" in html
    assert "（下转第二版）" not in html
    assert port.get_absolute_url().startswith("/articles/2024/07/26/")
    # The later part is not a story of its own, even if someone publishes it.
    later.status = Article.Status.PUBLISHED
    later.save()
    assert Client().get(later.get_absolute_url()).status_code == 404
    listing = Client().get("/").content.decode()
    assert listing.count("青岛港开通新航线") == 1


def test_jumps_export_gives_the_whole_story_and_both_spans(tmp_path):
    import_page(write(tmp_path, "01-要闻.txt", FRONT))
    import_page(write(tmp_path, "02-要闻.txt", SECOND))

    item = article_export(articles_for_export().get(title="青岛港开通新航线", source_page__number=1))

    assert "青岛港开通一条" in item["body"] and "航线网络不断完善" in item["body"]
    assert [(p["page_number"], p["source"]) for p in item["parts"]] == [
        (1, "qingdao-ribao/2024-07-26/01-要闻.txt"), (2, "qingdao-ribao/2024-07-26/02-要闻.txt"),
    ]
    assert all(p["span"][0] < p["span"][1] for p in item["parts"])


def test_jumps_reimport_is_idempotent(tmp_path):
    front, second = write(tmp_path, "01-要闻.txt", FRONT), write(tmp_path, "02-要闻.txt", SECOND)
    import_page(front)
    import_page(second)
    before = dict(Article.objects.values_list("pk", "continuation_of"))
    versions = dict(Article.objects.values_list("pk", "version"))

    assert import_page(second).status == UNCHANGED
    assert import_page(front).status == UNCHANGED
    # A changed 第一版 (a typo fixed in the third story) rewrites only that story.
    front.write_text(FRONT.replace("五千多个", "五千余个"), encoding="utf-8")
    changed = import_page(front)

    assert changed.articles_updated == 1
    assert dict(Article.objects.values_list("pk", "continuation_of")) == before
    jobs = part("西海岸", 1)
    assert {pk: v for pk, v in Article.objects.values_list("pk", "version") if pk != jobs.pk} == {
        pk: v for pk, v in versions.items() if pk != jobs.pk
    }
    assert_joined()
    assert SourcePage.objects.count() == 2


def test_jumps_a_join_whose_jump_line_is_gone_is_undone(tmp_path):
    front = write(tmp_path, "01-要闻.txt", FRONT)
    import_page(front)
    import_page(write(tmp_path, "02-要闻.txt", SECOND))
    port = part("青岛港", 1)
    assert len(port.parts) == 2

    # A corrected 第一版 prints the port story whole, without (下转第二版).
    front.write_text(FRONT.replace("三天以上。（下转第二版）", "三天以上。", 1), encoding="utf-8")
    import_page(front)

    port.refresh_from_db()
    assert port.continues_to == "" and port.parts == [port]
    orphan = Article.objects.get(source_page__number=2, body__contains="航线网络不断完善")
    assert orphan.continuation_of is None
    assert warning("jump_start_missing", label="第一版") in orphan.warnings


def test_jumps_pages_of_another_issue_are_never_joined(tmp_path):
    import_page(write(tmp_path, "01-要闻.txt", FRONT))
    other = tmp_path / "qingdao-ribao" / "2024-07-27" / "02-要闻.txt"
    other.parent.mkdir(parents=True)
    other.write_text(SECOND, encoding="utf-8")
    import_page(other)

    assert not Article.objects.filter(continuation_of__isnull=False).exists()


@pytest.mark.django_db(transaction=True)  # each page really commits, and announces
def test_jumps_a_public_part_joined_as_later_part_leaves_search_at_once(tmp_path, monkeypatch):
    from django.utils import timezone

    from articles.signals import announce_changed
    from search.selectors import DATE, search_results

    monkeypatch.undo()  # the listeners (search) run: what readers find is the point
    import_page(write(tmp_path, "02-要闻.txt", SECOND), publish=True)
    later = Article.objects.get(source_page__number=2, title="青岛港开通新航线")
    # An editor put the unpaired later part out on its own.
    Article.objects.filter(pk=later.pk).update(status=Article.Status.PUBLISHED, published_at=timezone.now())
    announce_changed([later.pk])

    def pages() -> dict[str, int]:
        facets = search_results("青岛港", sort=DATE).facets()
        return {f.value: f.count for f in facets["page"]}

    assert pages() == {"2": 1}
    seen = []
    # Its first part arrives in an import of many pages, announced in batches after
    # the last page: the join must reach search when the page commits, not then.
    with signals.announcing_together(size=1000):
        pages_import(paths=[write(tmp_path, "01-要闻.txt", FRONT)], publish=True,
                     on_result=lambda _: seen.append(pages()))
    assert seen == [{}]
    assert Article.objects.get(pk=later.pk).continuation_of == part("青岛港", 1)
    assert pages() == {"1": 1}  # the story once, on its first part's page
