"""editorial.operations: one-click fixes keep text order, positions 1..n and spans that partition the page."""

from __future__ import annotations

import pytest

from articles.models import Article, Byline, Reporter
from articles.services.reporters import reporters_merge
from editorial import operations, services
from editorial.errors import EditConflict, InvalidOperation, NotAllowed
from editorial.models import Note
from editorial.selectors import article_versions
from tests.desk import PAGE_PARTS, desk, fresh, page  # noqa: F401  (fixtures)

S = Article.Status
RAW = "".join(PAGE_PARTS)


def _page_state(source_page_id: int) -> list[tuple[int, int, int]]:
    return list(
        Article.objects.filter(source_page_id=source_page_id).order_by("position").values_list("position", "span_start", "span_end")
    )


def _assert_partition(source_page_id: int) -> None:
    state = _page_state(source_page_id)
    assert [p for p, _, _ in state] == list(range(1, len(state) + 1))
    assert state[0][1] == 0 and state[-1][2] == len(RAW)
    assert all(state[i][2] == state[i + 1][1] for i in range(len(state) - 1))


def test_split_cuts_the_span_where_the_paragraph_starts_on_the_page(desk, page):
    tail = operations.article_split(article=fresh(page[0]), user=desk("editor"), block_index=1)
    head = fresh(page[0])
    assert head.body == "第一篇第一段，讲青岛电商。"
    assert tail.body == "第一篇第二段，讲直播基地。\n\n第一篇第三段，讲跨境电商。"
    assert (head.span_end, tail.span_start) == (RAW.index("第一篇第二段"),) * 2
    assert (head.span_start, tail.span_end) == (page[0].span_start, page[0].span_end)
    assert RAW[tail.span_start:tail.span_end].startswith("第一篇第二段")
    assert tail.position == 2 and tail.status == S.IMPORTED and tail.char_count > 0
    assert [fresh(a).position for a in page[1:]] == [3, 4]
    _assert_partition(page[0].source_page_id)
    assert article_versions(article_id=tail.pk).count() == 1  # created within the split's revision


def test_split_falls_back_to_a_proportional_cut_inside_the_span(desk, page):
    Article.objects.filter(pk=page[0].pk).update(body="改写过的第一段。\n\n改写过的第二段。")
    operations.article_split(article=fresh(page[0]), user=desk("editor"), block_index=1)
    assert page[0].span_start < fresh(page[0]).span_end < page[0].span_end
    _assert_partition(page[0].source_page_id)


@pytest.mark.parametrize("index", [0, 3])
def test_split_needs_a_block_inside_the_article(index, desk, page):
    with pytest.raises(InvalidOperation):
        operations.article_split(article=fresh(page[0]), user=desk("editor"), block_index=index)
    assert Article.objects.count() == 3


def test_merge_joins_neighbours_in_printed_order_and_renumbers_the_page(desk, page):
    editor = desk("editor")
    second_reporter = Reporter.objects.create(name="王明", slug="wang-ming")
    Byline.objects.create(article=page[1], reporter=second_reporter, role="通讯员", position=2)
    services.note_add(article=page[1], user=editor, text="港口数字待核")
    fresh(page[1]).tags.add("港口")

    merged = operations.articles_merge(article=fresh(page[1]), user=editor, other=fresh(page[0]))

    assert merged.pk == page[0].pk and not Article.objects.filter(pk=page[1].pk).exists()
    assert merged.body == f"{page[0].body}\n\n{page[1].body}"
    assert (merged.span_start, merged.span_end) == (page[0].span_start, page[1].span_end)
    assert [(b.role, b.reporter.name) for b in merged.bylines.all()] == [("记者", "丁倩倩"), ("通讯员", "王明")]
    assert list(merged.tags.names()) == ["港口"]
    assert Note.objects.get().article_id == merged.pk
    assert fresh(page[2]).position == 2
    _assert_partition(page[0].source_page_id)
    # The absorbed article's last state stays in the history.
    assert article_versions(article_id=page[1].pk).exists()


def test_merge_needs_adjacent_articles_that_are_not_public(desk, page):
    editor = desk("editor")
    with pytest.raises(InvalidOperation, match="相邻"):
        operations.articles_merge(article=fresh(page[0]), user=editor, other=fresh(page[2]))
    Article.objects.filter(pk=page[1].pk).update(status=S.PUBLISHED)
    with pytest.raises((InvalidOperation, NotAllowed)):
        operations.articles_merge(article=fresh(page[0]), user=editor, other=fresh(page[1]))
    assert Article.objects.count() == 3


def test_move_last_paragraph_to_the_next_article(desk, page):
    operations.paragraph_move(article=fresh(page[0]), user=desk("editor"), block_index=2, direction="next")
    first, second = fresh(page[0]), fresh(page[1])
    assert first.body.endswith("讲直播基地。") and second.body.startswith("第一篇第三段，讲跨境电商。\n\n第二篇第一段")
    assert first.span_end == second.span_start == RAW.index("第一篇第三段")
    assert second.span_end == page[1].span_end and second.version == 2
    _assert_partition(page[0].source_page_id)


def test_move_first_paragraph_to_the_previous_article(desk, page):
    operations.paragraph_move(article=fresh(page[1]), user=desk("editor"), block_index=0, direction="previous")
    first, second = fresh(page[0]), fresh(page[1])
    assert first.body.endswith("第一篇第三段，讲跨境电商。\n\n第二篇第一段，讲港口。")
    assert second.body == "第二篇第二段，讲航运。"
    assert first.span_end == second.span_start == RAW.index("第二篇第二段")
    _assert_partition(page[0].source_page_id)


@pytest.mark.parametrize("index, direction", [(1, "next"), (1, "previous"), (0, "next")])
def test_only_boundary_paragraphs_move(index, direction, desk, page):
    with pytest.raises(InvalidOperation):
        operations.paragraph_move(article=fresh(page[0]), user=desk("editor"), block_index=index, direction=direction)
    assert fresh(page[0]).body == page[0].body


def test_moving_into_an_article_someone_else_is_saving_is_refused(desk, page):
    editor = desk("editor")
    stale = fresh(page[0])
    operations.block_set_kind(article=fresh(page[0]), user=editor, block_index=0, kind="subhead")
    with pytest.raises(EditConflict):
        operations.paragraph_move(article=stale, user=editor, block_index=2, direction="next")
    assert fresh(page[1]).body == page[1].body


def test_block_kind_round_trip(desk, page):
    editor = desk("editor")
    operations.block_set_kind(article=fresh(page[0]), user=editor, block_index=1, kind="subhead")
    assert "\n\n## 第一篇第二段" in fresh(page[0]).body
    operations.block_set_kind(article=fresh(page[0]), user=editor, block_index=1, kind="caption")
    assert "\n\n■ 第一篇第二段" in fresh(page[0]).body
    operations.block_set_kind(article=fresh(page[0]), user=editor, block_index=1, kind="p")
    assert fresh(page[0]).body == page[0].body and fresh(page[0]).version == 4


def test_set_bylines_reuses_known_reporters_and_creates_new_ones(desk, page):
    known = Reporter.objects.get(name="丁倩倩")
    operations.article_set_bylines(article=fresh(page[0]), user=desk("editor"), people=[("通讯员", "李华"), ("记者", "丁倩倩")])
    bylines = list(fresh(page[0]).bylines.select_related("reporter"))
    assert [(b.position, b.role, b.reporter.name) for b in bylines] == [(1, "通讯员", "李华"), (2, "记者", "丁倩倩")]
    assert bylines[1].reporter == known and bylines[0].reporter.outlet == "青岛日报"


def test_a_name_merged_into_another_reporter_is_credited_to_that_reporter(desk, page):
    kept = Reporter.objects.get(name="丁倩倩")
    reporters_merge(into=kept, others=[Reporter.objects.create(name="丁 倩倩", slug="ding-qianqian-2")])
    operations.article_set_bylines(article=fresh(page[0]), user=desk("editor"), people=[("记者", "丁 倩倩")])
    assert [b.reporter for b in fresh(page[0]).bylines.all()] == [kept]
    assert not Reporter.objects.filter(name="丁 倩倩").exists()


def test_a_merged_name_is_credited_to_the_reporter_at_the_pages_paper(desk, page):
    # Two papers' 王浩 each once printed "王 浩": each spelling merged into its own paper's reporter.
    theirs = Reporter.objects.create(name="王浩", outlet="大众日报", slug="wanghao-dz")
    reporters_merge(into=theirs, others=[Reporter.objects.create(name="王 浩", outlet="大众日报", slug="wang-hao-dz")])
    ours = Reporter.objects.create(name="王浩", outlet="青岛日报", slug="wanghao-qd")
    reporters_merge(into=ours, others=[Reporter.objects.create(name="王 浩", outlet="青岛日报", slug="wang-hao-qd")])
    operations.article_set_bylines(article=fresh(page[0]), user=desk("editor"), people=[("记者", "王 浩")])
    assert [b.reporter for b in fresh(page[0]).bylines.all()] == [ours]  # the page is 青岛日报's


def test_a_reporter_fixes_only_their_own_drafts(desk, page):
    reporter = desk("reporter")
    with pytest.raises(NotAllowed):
        operations.block_set_kind(article=fresh(page[0]), user=reporter, block_index=0, kind="subhead")
    Reporter.objects.update(user=reporter)
    operations.block_set_kind(article=fresh(page[0]), user=reporter, block_index=0, kind="subhead")
    assert fresh(page[0]).body.startswith("## ")


def test_a_public_article_cannot_be_split(desk, page):
    Article.objects.filter(pk=page[0].pk).update(status=S.PUBLISHED)
    with pytest.raises(InvalidOperation):
        operations.article_split(article=fresh(page[0]), user=desk("chief"), block_index=1)
    assert Article.objects.count() == 3 and fresh(page[0]).body == page[0].body


def test_a_reporter_may_credit_known_people_but_not_invent_new_ones(desk, page):
    reporter = desk("reporter")
    Reporter.objects.update(user=reporter)
    with pytest.raises(NotAllowed):
        operations.article_set_bylines(article=fresh(page[0]), user=reporter, people=[("记者", "无名氏")])
    assert not Reporter.objects.filter(name="无名氏").exists()
    operations.article_set_bylines(article=fresh(page[0]), user=reporter, people=[("记者", "丁倩倩")])
    assert [b.reporter.name for b in fresh(page[0]).bylines.all()] == ["丁倩倩"]
