"""articles.services.importing and the import_seeds command that drives it.

Every test works on copies of the seed pages under tmp_path, so pages can be
edited, re-encoded or spoiled without touching seeds/.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Byline, Column, Reporter, SourcePage
from articles.parsing import decode_page, parse_page, read_page
from articles.parsing.decoding import MAX_BYTES
from articles.parsing.warnings import warning
from articles.services import jumps
from articles.services.jumps import JUMP_CODES
from articles.services.importing import (
    CREATED,
    DUPLICATE,
    REFUSED,
    UNCHANGED,
    UPDATED,
    collect_paths,
    page_import,
    pages_import,
)
from articles import signals
from articles.services.editions import EditionOptions
from editorial import operations
from tests.desk import desk  # noqa: F401  (fixture)
from tests.seedpages import SEED_PREFIXES, copy_seed, flat_copy, seed_name, seed_path
from tests.english import english

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quiet_listeners(monkeypatch):
    """These tests are about the importer: the search index and the tagger that
    listen to articles_changed have their own tests, and would only slow these.
    (Announcements wait for a commit, which most tests never make; the
    transactional ones do.)"""
    monkeypatch.setattr(signals, "send_changed", lambda article_ids: None)

ARTICLES_PER_PAGE = {"000": 6, "001": 2, "002": 6, "003": 8, "004": 9}
IN_PATH_ORDER = sorted(SEED_PREFIXES, key=seed_name)  # folders are walked in path order
EDITOR_KEPT = warning("editor_version_kept")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# --- helpers -----------------------------------------------------------------


@pytest.fixture
def seed_dir(tmp_path) -> Path:
    """A folder holding copies of all five seed pages."""
    folder = tmp_path / "seeds"
    for prefix in SEED_PREFIXES:
        copy_seed(prefix, folder)
    return folder


def import_folder(folder: Path, **options):
    return pages_import(paths=collect_paths([folder]), **options)


def import_file(path: Path, **options):
    report = pages_import(paths=[path], **options)
    assert len(report.results) == 1
    return report.results[0]


def edited_copy(prefix: str, folder: Path, old: str, new: str) -> Path:
    """A copy of a seed page, same file name, with one unique passage replaced."""
    source = seed_path(prefix)
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur exactly once in {source.name}"
    target = folder / seed_name(prefix)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.replace(old, new).encode("utf-8"))
    return target


def page_articles(prefix: str):
    return Article.objects.filter(source_page__file_name=seed_name(prefix))


def article_at(prefix: str, position: int) -> Article:
    return page_articles(prefix).get(position=position)


def snapshot(prefix: str | None = None) -> dict[int, tuple]:
    """id -> (updated_at, title, body) for the articles of one page, or all."""
    qs = page_articles(prefix) if prefix else Article.objects.all()
    return {a.pk: (a.updated_at, a.title, a.body) for a in qs}


def bylines_of(article: Article) -> list[tuple[str, str, int]]:
    return [(b.reporter.name, b.role, b.position) for b in article.bylines.select_related("reporter")]


# Passages of page 002 used to make "a new version" of the page. Each lies in
# the body of one article and occurs once in the file.
P002_ART5_OLD = "全市排名第二"  # #5 对新获批或新引进的国家级检验检测中心奖励100万元
P002_ART5_NEW = "全市排名第一"
P002_ART2_OLD = "每天限量1500张"  # #2 青岛市总工会启动 “夏送清凉”活动
P002_ART2_NEW = "每天限量3000张"


# --- first import ------------------------------------------------------------


def test_importing_the_seeds_creates_pages_articles_and_reporters(seed_dir):
    report = import_folder(seed_dir)

    assert [r.status for r in report.results] == [CREATED] * 5
    assert [r.articles_created for r in report.results] == [ARTICLES_PER_PAGE[p] for p in IN_PATH_ORDER]
    assert not report.refused
    assert SourcePage.objects.count() == 5
    assert Article.objects.count() == 31
    for prefix, n in ARTICLES_PER_PAGE.items():
        assert page_articles(prefix).count() == n
        assert list(page_articles(prefix).order_by("position").values_list("position", flat=True)) == list(
            range(1, n + 1)
        )
    assert report.total("reporters_created") == Reporter.objects.count()
    assert Article.objects.filter(status=Article.Status.IMPORTED).count() == 31

    source = SourcePage.objects.get(file_name=seed_name("000"))
    assert source.raw_text == seed_path("000").read_text(encoding="utf-8")
    assert source.encoding == "utf-8"
    assert source.outlet == "青岛日报/观海新闻"


@pytest.mark.parametrize(
    ("name", "pages"),
    [("黄飞", {"000", "003"}), ("李德银", {"000", "002"})],
)
def test_a_reporter_on_two_pages_is_one_reporter_with_two_bylines(seed_dir, name, pages):
    import_folder(seed_dir)

    reporter = Reporter.objects.get(name=name)  # .get(): exactly one
    assert reporter.outlet == "青岛日报/观海新闻"
    prefix_of = {seed_name(p): p for p in SEED_PREFIXES}
    files = {prefix_of[b.article.source_page.file_name] for b in reporter.bylines.select_related("article__source_page")}
    assert reporter.bylines.count() == 2
    assert files == pages


def test_reporters_are_unique_by_name_and_outlet(seed_dir):
    import_folder(seed_dir)

    pairs = list(Reporter.objects.values_list("name", "outlet"))
    assert len(pairs) == len(set(pairs))
    assert Reporter.objects.filter(name="白晓", outlet="大众日报").get().bylines.count() == 3
    slugs = list(Reporter.objects.values_list("slug", flat=True))
    assert all(SLUG_RE.match(s) for s in slugs)
    assert len(slugs) == len(set(slugs))


def test_bylines_keep_role_and_printed_order(seed_dir):
    import_folder(seed_dir)

    assert bylines_of(article_at("002", 4)) == [("王萌", "记者", 1), ("王鹏辉", "见习记者", 2)]
    assert bylines_of(article_at("000", 5)) == [("李德银", "记者", 1), ("刘伟", "通讯员", 2)]
    assert bylines_of(article_at("004", 1)) == [("薄克国", "记者", 1), ("张少丰", "通讯员", 2), ("王秀梅", "通讯员", 3)]
    assert bylines_of(article_at("003", 2)) == [("余瑞新", "记者", 1), ("车芳如", "实习生", 2)]
    assert bylines_of(article_at("003", 3)) == []  # continued from page one: no byline printed here


def test_imported_article_fields(seed_dir):
    import_folder(seed_dir)

    first = article_at("000", 1)
    assert first.column.name == "强信心·稳经济·促发展"
    assert first.title == "青岛电商“聚变”，澎湃消费强引擎"
    assert first.subtitle == "众多电商产业基地快速崛起，前8个月网络零售额增速高于全国11个百分点"
    assert first.body.startswith("青岛的线上消费在消费市场恢复中表现出极强的拉动作用。")
    assert "\n\n## 基地崛起\n\n" in first.body
    assert first.char_count > 1000
    assert first.import_key == f"t:{first.title}"
    assert len(first.import_hash) == 64

    assert article_at("003", 3).continued_from == "第一版"
    assert "■ 官路水库工程项目建设全线拉开。" in article_at("000", 6).body
    assert Column.objects.filter(name="强信心·稳经济·促发展").count() == 1


# --- idempotency ---------------------------------------------------------------


def test_importing_twice_creates_nothing_new(seed_dir):
    import_folder(seed_dir)
    before = snapshot()
    counts = [m.objects.count() for m in (SourcePage, Article, Reporter, Byline, Column)]
    byline_ids = sorted(Byline.objects.values_list("pk", flat=True))
    imported_at = dict(SourcePage.objects.values_list("file_name", "imported_at"))

    report = import_folder(seed_dir)

    assert [r.status for r in report.results] == [UNCHANGED] * 5
    assert [r.articles_unchanged for r in report.results] == [ARTICLES_PER_PAGE[p] for p in IN_PATH_ORDER]
    assert report.total("articles_created") == report.total("articles_updated") == 0
    assert report.total("reporters_created") == 0
    assert [m.objects.count() for m in (SourcePage, Article, Reporter, Byline, Column)] == counts
    assert snapshot() == before  # same ids, same updated_at
    assert sorted(Byline.objects.values_list("pk", flat=True)) == byline_ids
    assert dict(SourcePage.objects.values_list("file_name", "imported_at")) == imported_at


def test_the_same_page_from_another_folder_is_unchanged(seed_dir, tmp_path):
    import_folder(seed_dir)
    before = snapshot("003")

    result = import_file(copy_seed("003", tmp_path / "elsewhere"))

    assert result.status == UNCHANGED
    assert snapshot("003") == before
    assert SourcePage.objects.count() == 5


# --- re-import of a changed page -------------------------------------------------


def test_a_changed_page_updates_the_changed_article_in_place(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"))
    changed = article_at("002", 5)
    before = snapshot("002")
    old_sha = SourcePage.objects.get().sha256

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW))

    assert result.status == UPDATED
    assert (result.articles_updated, result.articles_unchanged, result.articles_created) == (1, 5, 0)
    assert result.articles_removed == result.articles_protected == 0
    assert SourcePage.objects.count() == 1
    assert Article.objects.count() == 6  # no duplicates
    after = snapshot("002")
    assert set(after) == set(before)  # the same ids
    updated = Article.objects.get(pk=changed.pk)
    assert P002_ART5_NEW in updated.body and P002_ART5_OLD not in updated.body
    assert updated.updated_at > changed.updated_at
    assert updated.import_hash != changed.import_hash
    assert updated.version == changed.version + 1  # an editor holding the old version gets a conflict
    assert {pk: v for pk, v in after.items() if pk != changed.pk} == {
        pk: v for pk, v in before.items() if pk != changed.pk
    }
    assert bylines_of(updated) == [("周伟", "记者", 1)]
    source = SourcePage.objects.get()
    assert source.sha256 != old_sha
    assert P002_ART5_NEW in source.raw_text


def test_editor_edits_survive_a_reimport_of_a_changed_page(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"))
    article = article_at("002", 5)
    article.title = "编辑改过的标题"
    article.body = "编辑改写的第一段。\n\n编辑改写的第二段。"
    article.save()  # as the admin form would
    others = snapshot("002")
    del others[article.pk]

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW))

    assert result.status == UPDATED
    assert result.articles_protected == 1
    assert (result.articles_updated, result.articles_unchanged, result.articles_created) == (0, 5, 0)
    kept = Article.objects.get(pk=article.pk)
    assert kept.title == "编辑改过的标题"
    assert kept.body == "编辑改写的第一段。\n\n编辑改写的第二段。"
    assert EDITOR_KEPT in kept.warnings
    assert Article.objects.count() == 6
    after = snapshot("002")
    del after[article.pk]
    assert after == others


def test_editor_edits_survive_when_another_article_of_the_page_changes(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"))
    article = article_at("002", 5)
    article.body = "编辑改写的正文。"
    article.save()

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART2_OLD, P002_ART2_NEW))

    assert result.articles_updated == 1  # #2
    assert result.articles_protected == 0
    assert Article.objects.get(pk=article.pk).body == "编辑改写的正文。"
    assert P002_ART2_NEW in article_at("002", 2).body


def test_editor_byline_edit_is_protected(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"))
    article = article_at("002", 5)
    article.bylines.update(role="特约记者")

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW))

    assert result.articles_protected == 1
    assert bylines_of(article) == [("周伟", "特约记者", 1)]
    assert P002_ART5_OLD in Article.objects.get(pk=article.pk).body


def test_articles_dropped_from_a_page_are_removed_unless_published_or_edited(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"))
    published = article_at("002", 6)
    published.status, published.published_at = Article.Status.PUBLISHED, timezone.now()
    published.save()
    edited = article_at("002", 4)
    edited.subtitle = "编辑加的副题"
    edited.save()
    dropped = article_at("002", 5)

    # The new version of the page ends before #4: #4, #5 and #6 are gone.
    page = parse_page(read_page(seed_path("002")))
    cut = page.articles[3].span[0]
    shortened = tmp_path / "v2" / seed_name("002")
    shortened.parent.mkdir(parents=True)
    shortened.write_text(page.text[:cut], encoding="utf-8")

    result = import_file(shortened)

    assert result.status == UPDATED
    assert result.articles_removed == 1
    assert result.articles_unchanged == 3
    assert not Article.objects.filter(pk=dropped.pk).exists()
    assert Article.objects.get(pk=published.pk).status == Article.Status.PUBLISHED
    assert Article.objects.get(pk=edited.pk).subtitle == "编辑加的副题"
    assert Article.objects.count() == 5
    gone = [w for w in english(result.warnings) if "no longer found on the page" in w]
    assert len(gone) == 2
    assert any(published.title in w for w in gone)
    assert any(edited.title in w for w in gone)
    assert not any(dropped.title in w for w in gone)


# --- identity across re-imports ---------------------------------------------------


def page_layout(file_name: str) -> list[tuple[int, int, int]]:
    """(position, span_start, span_end) of a page's articles, in page order."""
    return list(
        Article.objects.filter(source_page__file_name=file_name)
        .order_by("position")
        .values_list("position", "span_start", "span_end")
    )


def assert_layout_is_sound(file_name: str) -> None:
    """Positions 1..n, and spans in page order that never overlap."""
    layout = page_layout(file_name)
    assert [p for p, _, _ in layout] == list(range(1, len(layout) + 1)), layout
    assert all(end <= nxt for (_, _, end), (_, nxt, _) in zip(layout, layout[1:])), layout


TWIN_PAGE = (
    "# 同一个标题\n\n□本报记者 张三\n\n本报10月10日讯 {first}\n\n"
    "# 同一个标题\n\n□本报记者 李四\n\n本报10月11日讯 {second}\n"
)


def test_two_articles_with_one_headline_stay_two_and_are_both_updated(tmp_path):
    path = tmp_path / "200_twins.txt"
    path.write_text(TWIN_PAGE.format(first="第一篇正文。", second="第二篇正文。"), encoding="utf-8")
    import_file(path)
    zhang, li = Article.objects.order_by("position")

    for version in (2, 3):
        first, second = f"第一篇正文，第{version}稿。", f"第二篇正文，第{version}稿。"
        path.write_text(TWIN_PAGE.format(first=first, second=second), encoding="utf-8")
        result = import_file(path)

        assert (result.articles_updated, result.articles_created, result.articles_removed) == (2, 0, 0)
        assert Article.objects.count() == 2
        assert Article.objects.get(pk=zhang.pk).body == first
        assert Article.objects.get(pk=li.pk).body == second
        assert bylines_of(Article.objects.get(pk=li.pk)) == [("李四", "记者", 1)]
    assert_layout_is_sound(path.name)


def test_an_article_merged_on_the_desk_is_not_brought_back(tmp_path, desk):
    import_file(copy_seed("002", tmp_path / "v1"))
    second, third = article_at("002", 2), article_at("002", 3)
    merged = operations.articles_merge(article=second, user=desk("editor"), other=third)

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW))

    assert result.articles_created == 0
    assert result.articles_suppressed == 1
    assert any(third.title in w and "removed or merged by an editor" in w for w in english(result.warnings))
    assert Article.objects.count() == 5
    assert not Article.objects.filter(title=third.title).exists()
    kept = Article.objects.get(pk=merged.pk)
    assert kept.body == merged.body  # the editor's merge stands
    # It still covers the printed text of both, and the page stays in order.
    page = parse_page(read_page(tmp_path / "v2" / seed_name("002")))
    assert (kept.span_start, kept.span_end) == (page.articles[1].span[0], page.articles[2].span[1])
    assert P002_ART5_NEW in article_at("002", 4).body
    assert_layout_is_sound(seed_name("002"))

    again = import_file(edited_copy("002", tmp_path / "v3", P002_ART2_OLD, P002_ART2_NEW))
    assert again.articles_created == 0 and Article.objects.count() == 5  # and it stays away


def test_an_article_that_absorbed_two_neighbours_keeps_covering_all_three(tmp_path, desk):
    import_file(copy_seed("002", tmp_path / "v1"))
    editor = desk("editor")
    merged = operations.articles_merge(article=article_at("002", 2), user=editor, other=article_at("002", 3))
    merged = operations.articles_merge(article=merged, user=editor, other=article_at("002", 3))  # the old #4

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW))

    assert (result.articles_created, result.articles_suppressed) == (0, 2)
    page = parse_page(read_page(tmp_path / "v2" / seed_name("002")))
    kept = Article.objects.get(pk=merged.pk)
    assert (kept.position, kept.span_start, kept.span_end) == (2, page.articles[1].span[0], page.articles[3].span[1])
    assert_layout_is_sound(seed_name("002"))


def test_an_article_an_editor_deleted_is_not_brought_back(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"))
    deleted = article_at("002", 6)
    deleted.delete()  # as the admin's delete does

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW))

    assert (result.articles_created, result.articles_suppressed) == (0, 1)
    assert not Article.objects.filter(title=deleted.title).exists()
    assert_layout_is_sound(seed_name("002"))


def test_an_article_the_importer_dropped_comes_back_when_the_page_does(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"))
    page = parse_page(read_page(seed_path("002")))
    shortened = tmp_path / "v2" / seed_name("002")
    shortened.parent.mkdir(parents=True)
    shortened.write_text(page.text[: page.articles[5].span[0]], encoding="utf-8")
    assert import_file(shortened).articles_removed == 1

    result = import_file(copy_seed("002", tmp_path / "v3"))

    assert (result.articles_created, result.articles_suppressed) == (1, 0)
    assert page_articles("002").count() == 6


@pytest.mark.parametrize("kept_by", ["published", "edited"])
def test_a_changed_headline_does_not_duplicate_a_published_or_edited_article(tmp_path, kept_by):
    import_file(copy_seed("000", tmp_path / "v1"))
    article = article_at("000", 5)
    assert article.title.startswith("办好17件")
    if kept_by == "published":
        article.status, article.published_at = Article.Status.PUBLISHED, timezone.now()
    else:
        article.body = "编辑改写的正文。"
    article.save()

    result = import_file(edited_copy("000", tmp_path / "v2", "办好17件民生实事", "办好18件民生实事"))

    assert result.articles_created == 0
    assert Article.objects.count() == 6
    assert list(page_articles("000").filter(position=5).values_list("pk", flat=True)) == [article.pk]
    same = Article.objects.get(pk=article.pk)
    if kept_by == "published":
        assert same.title.startswith("办好18件")  # untouched by editors: follows the page
        assert same.status == Article.Status.PUBLISHED
    else:
        assert same.body == "编辑改写的正文。" and same.title.startswith("办好17件")
        assert result.articles_protected == 1
    assert_layout_is_sound(seed_name("000"))


def test_a_kept_article_that_left_the_page_moves_after_its_articles_without_a_span(tmp_path):
    import_file(copy_seed("000", tmp_path / "v1"))
    kept = article_at("000", 4)
    kept.subtitle = "编辑加的副题"
    kept.save()
    page = parse_page(read_page(seed_path("000")))
    start, end = page.articles[3].span
    without = tmp_path / "v2" / seed_name("000")
    without.parent.mkdir(parents=True)
    without.write_text(page.text[:start] + page.text[end + 2 :], encoding="utf-8")

    result = import_file(without)

    moved = Article.objects.get(pk=kept.pk)
    assert moved.subtitle == "编辑加的副题"
    assert moved.position == 6
    assert moved.span_start == moved.span_end == len(SourcePage.objects.get().raw_text)
    assert article_at("000", 4).title.startswith("办好17件")
    assert any("no longer found on the page" in w for w in english(moved.warnings))
    assert any(kept.title in w and "no longer found on the page" in w for w in english(result.warnings))
    assert_layout_is_sound(seed_name("000"))

    import_file(edited_copy("000", tmp_path / "v3", "办好17件民生实事", "办好18件民生实事"))
    assert len([w for w in Article.objects.get(pk=kept.pk).warnings if w["code"] == "detached"]) == 1


def test_a_split_off_part_stays_beside_its_article_on_reimport(tmp_path, desk):
    import_file(copy_seed("002", tmp_path / "v1"))
    head = article_at("002", 1)
    tail = operations.article_split(article=head, user=desk("editor"), block_index=5)

    result = import_file(edited_copy("002", tmp_path / "v2", P002_ART2_OLD, P002_ART2_NEW))

    assert result.articles_created == 0
    assert not any("no longer found" in w for w in english(result.warnings))
    assert Article.objects.count() == 7
    assert (Article.objects.get(pk=head.pk).position, Article.objects.get(pk=tail.pk).position) == (1, 2)
    assert P002_ART2_NEW in article_at("002", 3).body
    layout = page_layout(seed_name("002"))
    page = parse_page(read_page(tmp_path / "v2" / seed_name("002")))
    assert (layout[0][1], layout[1][2]) == page.articles[0].span  # the two still share the first article's text
    assert_layout_is_sound(seed_name("002"))


def test_the_same_page_under_another_name_is_reported_as_a_duplicate(tmp_path):
    first = copy_seed("003", tmp_path)
    twin = tmp_path / "003_again.txt"
    twin.write_bytes(first.read_bytes())
    import_file(first)

    result = import_file(twin)

    assert result.status == DUPLICATE
    assert seed_name("003") in result.error
    assert result.articles == 0
    assert list(SourcePage.objects.values_list("file_name", flat=True)) == [seed_name("003")]
    assert Article.objects.count() == ARTICLES_PER_PAGE["003"]


def test_the_command_reports_a_duplicate_page_by_name(tmp_path):
    # Both flat: a flat page seen again in the PUB/DATE/NN layout is the same page moved.
    first = flat_copy("001", tmp_path)
    (tmp_path / "001_copy.txt").write_bytes(first.read_bytes())
    out = StringIO()

    call_command("import_seeds", str(tmp_path), stdout=out)  # a duplicate is not a refusal

    line = next(ln for ln in out.getvalue().splitlines() if "001_copy.txt" in ln and "重复" in ln)
    assert first.name in line
    assert SourcePage.objects.count() == 1


# --- atomicity -----------------------------------------------------------------


def _fail_on_call(monkeypatch, n: int) -> list[int]:
    calls: list[int] = []
    real = Byline.objects.bulk_create

    def bulk_create(objs, *args, **kwargs):
        calls.append(1)
        if len(calls) == n:
            raise RuntimeError("database went away")
        return real(objs, *args, **kwargs)

    monkeypatch.setattr("articles.services.importing.Byline.objects.bulk_create", bulk_create)
    return calls


@pytest.mark.django_db(transaction=True)
def test_a_page_that_fails_midway_leaves_nothing_behind(tmp_path, monkeypatch):
    import_file(copy_seed("000", tmp_path))
    before = snapshot("000")
    reporters = set(Reporter.objects.values_list("name", flat=True))
    calls = _fail_on_call(monkeypatch, 1)

    with pytest.raises(RuntimeError, match="database went away"):
        import_file(copy_seed("002", tmp_path))

    assert len(calls) == 1  # page 002, its articles and new reporters had been written before the failure
    assert not SourcePage.objects.filter(file_name=seed_name("002")).exists()
    assert not page_articles("002").exists()
    assert Article.objects.count() == 6
    assert set(Reporter.objects.values_list("name", flat=True)) == reporters  # 刘萍 etc. rolled back
    assert not Reporter.objects.filter(name="刘萍").exists()
    assert SourcePage.objects.get().file_name == seed_name("000")
    assert snapshot("000") == before
    assert Byline.objects.filter(article__source_page__file_name=seed_name("000")).count() == 7


@pytest.mark.django_db(transaction=True)
def test_a_failed_reimport_keeps_the_previous_version(tmp_path, monkeypatch):
    import_file(copy_seed("002", tmp_path / "v1"))
    source = SourcePage.objects.get()
    before = snapshot("002")
    bylines = Byline.objects.count()
    _fail_on_call(monkeypatch, 1)

    # Rewriting the article's bylines fails after its new text was saved.
    with pytest.raises(RuntimeError):
        import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW))

    assert SourcePage.objects.get().sha256 == source.sha256
    assert snapshot("002") == before
    assert Byline.objects.count() == bylines

    monkeypatch.undo()
    result = import_file(tmp_path / "v2" / seed_name("002"))
    assert result.status == UPDATED and result.articles_updated == 1


# --- refused input -------------------------------------------------------------


BAD_FILES = {
    # name: (content, words the refusal must contain)
    "0000_binary.txt": (os.urandom(2000) + b"\x00\x00" + os.urandom(2000), "binary"),
    "001a_empty.txt": (b"", "empty"),
    "002a_blank.txt": (b" \n\n\t\n", "empty"),
    "002b_huge.txt": ("青岛".encode() * (MAX_BYTES // 6) + b"x" * 10, "over the"),
    "003a_notes.txt": ("本版责编：张三  美编：李四\n\n广告\n\n1\n2\n3\n".encode(), "no recognisable article"),
    "zzz_undecodable.txt": ("## 青岛新闻\n\n正文".encode() + b"\xff\xfe\xff" * 20, "not UTF-8 or GB18030"),
}


@pytest.fixture
def mixed_dir(tmp_path) -> Path:
    """Two good seed pages among files that must all be refused."""
    folder = tmp_path / "incoming"
    copy_seed("001", folder)
    copy_seed("004", folder)
    for name, (content, _) in BAD_FILES.items():
        (folder / name).write_bytes(content)
    assert (folder / "002b_huge.txt").stat().st_size > MAX_BYTES
    return folder


def test_bad_files_are_refused_with_name_and_reason_and_the_good_ones_imported(mixed_dir):
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="8 个文件中 6 个被拒绝"):
        call_command("import_seeds", str(mixed_dir), stdout=out, stderr=err)

    output = out.getvalue() + err.getvalue()
    for name, (_, reason) in BAD_FILES.items():
        line = next((ln for ln in output.splitlines() if name in ln and "已拒绝" in ln), None)
        assert line is not None, f"{name} not reported as refused:\n{output}"
        assert reason in line, line
        assert not SourcePage.objects.filter(file_name=name).exists()
    assert set(SourcePage.objects.values_list("file_name", flat=True)) == {seed_name("001"), seed_name("004")}
    assert Article.objects.count() == 2 + 9
    assert "已导入 2 个，拒绝 6 个" in out.getvalue()


def test_refusals_in_the_json_report(mixed_dir):
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError):
        call_command("import_seeds", str(mixed_dir), "--json", stdout=out, stderr=err)

    report = json.loads(out.getvalue())
    refused = {p["file"]: p["error"] for p in report["pages"] if p["status"] == REFUSED}
    assert set(refused) == set(BAD_FILES)
    for name, (_, reason) in BAD_FILES.items():
        assert reason in refused[name]
    assert report["totals"]["refused"] == 6
    assert report["totals"]["pages"] == 2
    assert report["totals"]["articles"] == 11


def test_pages_import_reports_refusals_without_raising(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 100)
    good = copy_seed("001", tmp_path)

    report = pages_import(paths=[bad, good])

    assert [r.status for r in report.results] == [REFUSED, CREATED]
    assert report.refused[0].file_name == "bad.txt"
    assert "binary" in report.refused[0].error
    assert SourcePage.objects.count() == 1


def test_a_missing_file_is_refused(tmp_path):
    report = pages_import(paths=[tmp_path / "nowhere.txt"])

    assert report.refused[0].file_name == "nowhere.txt"
    assert "cannot read" in report.refused[0].error
    assert SourcePage.objects.count() == 0


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="没有可导入的文件"):
        call_command("import_seeds", str(tmp_path), stdout=StringIO())


# --- encodings -----------------------------------------------------------------


def test_a_gb18030_page_imports_like_its_utf8_original(tmp_path):
    # Both without edition facts (flat names), so they are two pages of no issue.
    utf8 = flat_copy("000", tmp_path / "utf8")
    gb = tmp_path / "gb" / "000_gb18030.txt"
    gb.parent.mkdir(parents=True)
    gb.write_bytes(utf8.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(UnicodeDecodeError):
        gb.read_bytes().decode("utf-8")  # really not UTF-8

    import_file(utf8)
    result = import_file(gb)

    assert result.status == CREATED
    assert any("GB18030" in w for w in english(result.warnings))
    source = SourcePage.objects.get(file_name="000_gb18030.txt")
    assert source.encoding == "gb18030"
    assert warning("decoded_gb18030") in source.parse_warnings
    assert source.raw_text == SourcePage.objects.get(file_name=utf8.name).raw_text

    def content(file_name):
        return [
            (a.position, a.column_id, a.kicker, a.title, a.subtitle, a.body, a.dateline, a.dateline_date, a.slug,
             a.import_hash, bylines_of(a))
            for a in Article.objects.filter(source_page__file_name=file_name).order_by("position")
        ]

    assert len(content(gb.name)) == 6
    assert content(gb.name) == content(utf8.name)
    assert Reporter.objects.filter(name="黄飞").count() == 1


def test_a_utf8_page_with_bom_imports_as_utf8(tmp_path):
    path = tmp_path / "000_bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed_path("000").read_bytes())

    result = import_file(path)

    assert result.status == CREATED and result.articles_created == 6
    assert SourcePage.objects.get().encoding == "utf-8"
    assert not any("GB18030" in w for w in english(result.warnings))


# --- command options -----------------------------------------------------------


def test_dry_run_writes_nothing_but_reports_the_counts(seed_dir):
    out = StringIO()

    call_command("import_seeds", str(seed_dir), "--dry-run", stdout=out)

    for model in (SourcePage, Article, Reporter, Byline, Column):
        assert model.objects.count() == 0, model
    text = out.getvalue()
    assert "试运行：未写入任何内容" in text
    total = next(ln for ln in text.splitlines() if ln.startswith("total"))
    assert "已导入 5 个，拒绝 0 个" in total
    assert re.search(r"\b31\b", total)
    for prefix, n in ARTICLES_PER_PAGE.items():
        assert f"{seed_name(prefix)}：新建，{n} 篇稿件" in text


def test_dry_run_json_reports_what_would_happen(seed_dir):
    out = StringIO()

    call_command("import_seeds", str(seed_dir), "--dry-run", "--json", stdout=out, stderr=StringIO())

    report = json.loads(out.getvalue())
    assert report["dry_run"] is True
    assert report["totals"]["articles"] == 31
    assert [p["articles_created"] for p in report["pages"]] == [ARTICLES_PER_PAGE[p] for p in IN_PATH_ORDER]
    assert Article.objects.count() == 0


def test_dry_run_after_an_import_changes_nothing(seed_dir, tmp_path):
    import_folder(seed_dir)
    before = snapshot()
    changed = edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW)

    result = import_file(changed, dry_run=True)

    assert result.status == UPDATED and result.articles_updated == 1
    assert snapshot() == before
    assert P002_ART5_OLD in SourcePage.objects.get(file_name=seed_name("002")).raw_text


def test_publish_publishes_every_imported_article_but_parts_of_continued_stories(seed_dir):
    call_command("import_seeds", str(seed_dir), "--publish", stdout=StringIO())

    assert Article.objects.count() == 31
    # 003 is 第二版: its four (上接第一版) parts wait for 第一版, which is not imported.
    waiting = Article.objects.exclude(status=Article.Status.PUBLISHED)
    assert sorted(waiting.values_list("position", flat=True)) == [3, 4, 5, 6]
    assert {a.source_page.file_name for a in waiting} == {seed_name("003")}
    assert all(any(w["code"] in JUMP_CODES for w in a.warnings) for a in waiting)
    assert not Article.objects.published().filter(published_at__isnull=True).exists()


def test_publish_by_import_dates_articles_at_their_edition_not_the_import(seed_dir):
    start = timezone.now()

    call_command("import_seeds", str(seed_dir), "--publish", stdout=StringIO())

    for prefix in SEED_PREFIXES:
        edition = SourcePage.objects.get(file_name=seed_name(prefix)).edition_date
        for article in page_articles(prefix).published():
            assert article.published_at < start
            local = timezone.localtime(article.published_at)
            assert (local.date(), local.hour, local.minute) == (edition, 6, 0)
            assert article.url_date == edition
            assert f"/articles/{edition:%Y/%m/%d}/" in article.get_absolute_url()


def test_publish_without_an_edition_date_is_the_publishing_moment(tmp_path):
    start = timezone.now()

    import_file(flat_copy("001", tmp_path), publish=True)

    assert not Article.objects.filter(published_at__lt=start).exists()
    assert Article.objects.published().count() == 2


def test_without_publish_articles_await_review(seed_dir):
    call_command("import_seeds", str(seed_dir), stdout=StringIO())

    assert Article.objects.filter(status=Article.Status.IMPORTED, published_at__isnull=True).count() == 31


def test_publish_keeps_the_first_publishing_time_on_update(tmp_path):
    import_file(copy_seed("002", tmp_path / "v1"), publish=True)
    first = article_at("002", 5).published_at

    import_file(edited_copy("002", tmp_path / "v2", P002_ART5_OLD, P002_ART5_NEW), publish=True)

    assert article_at("002", 5).published_at == first


def test_json_report_has_per_page_results_and_totals(seed_dir):
    out, err = StringIO(), StringIO()

    call_command("import_seeds", str(seed_dir), "--json", stdout=out, stderr=err)

    report = json.loads(out.getvalue())  # stdout is only the JSON; progress goes to stderr
    assert report["dry_run"] is False
    assert [p["file"] for p in report["pages"]] == [seed_name(p) for p in IN_PATH_ORDER]
    assert {p["status"] for p in report["pages"]} == {CREATED}
    assert [p["articles"] for p in report["pages"]] == [ARTICLES_PER_PAGE[p] for p in IN_PATH_ORDER]
    for page in report["pages"]:
        assert page["error"] == ""
        assert isinstance(page["warnings"], list)
    assert report["totals"] == {
        "pages": 5,
        "refused": 0,
        "articles": 31,
        "reporters_created": Reporter.objects.count(),
        "warnings": sum(len(p["warnings"]) for p in report["pages"]),
    }
    assert seed_name("000") in err.getvalue()

    again = StringIO()
    call_command("import_seeds", str(seed_dir), "--json", stdout=again, stderr=StringIO())
    second = json.loads(again.getvalue())
    assert {p["status"] for p in second["pages"]} == {UNCHANGED}
    assert second["totals"]["articles"] == 31
    assert second["totals"]["reporters_created"] == 0


def test_command_accepts_single_files(tmp_path):
    out = StringIO()

    call_command("import_seeds", str(copy_seed("001", tmp_path)), str(copy_seed("003", tmp_path)), stdout=out)

    assert SourcePage.objects.count() == 2
    assert Article.objects.count() == 10


def test_command_skips_hidden_files(seed_dir):
    (seed_dir / ".DS_Store").write_bytes(b"\x00\x01binary")

    call_command("import_seeds", str(seed_dir), stdout=StringIO())  # no CommandError

    assert SourcePage.objects.count() == 5


# --- derived fields ------------------------------------------------------------


def test_dateline_date_without_a_year_is_month_and_day(tmp_path):
    # Flat names, no masthead date: nothing says which year.
    for prefix in ("000", "002", "004"):
        import_file(flat_copy(prefix, tmp_path), edition_options=EditionOptions())
    name_of = {prefix: f"{prefix}.txt" for prefix in ("000", "002", "004")}

    def article_at(prefix, position):
        return Article.objects.get(source_page__file_name=name_of[prefix], position=position)

    assert article_at("000", 2).dateline == "本报10月10日讯"
    assert article_at("000", 2).dateline_date == "--10-10"
    assert article_at("002", 2).dateline_date == "--08-05"
    assert article_at("004", 2).dateline == "本报青岛讯"
    assert article_at("004", 2).dateline_date == ""
    assert article_at("000", 1).dateline == article_at("000", 1).dateline_date == ""


def test_dateline_date_uses_the_year_of_the_edition(db):
    page = dataclasses.replace(
        parse_page(read_page(seed_path("000"))), file_name=seed_name("000"), edition_date="2023-10-11"
    )

    page_import(page=page)

    assert article_at("000", 2).dateline_date == "2023-10-10"
    assert SourcePage.objects.get().edition_date.isoformat() == "2023-10-11"


def test_slugs_are_pinyin_by_word_and_never_empty(seed_dir):
    import_folder(seed_dir)

    assert article_at("000", 1).slug == "qingdao-dianshang-jubian-pengpai-xiaofei-qiang-yinqing"
    untitled = article_at("004", 7)
    assert untitled.title == ""
    assert untitled.slug not in ("", "article")
    assert SLUG_RE.match(untitled.slug)
    assert untitled.slug.startswith("you-shandongsheng")  # 由山东省农业机械科学研究所…
    for slug in Article.objects.values_list("slug", flat=True):
        assert slug and SLUG_RE.match(slug) and len(slug) <= 60, slug


# --- queries -------------------------------------------------------------------


# Measured on SQLite and PostgreSQL: 30 statements for page 000 (6 articles,
# 7 bylines, 5 new columns): the page's look-ups and INSERT, its edition (a new
# publication and issue, the page's issue/number check), one look-up and one
# INSERT per kind of row (columns, reporters, articles, bylines), the look-up of
# continued stories (转版) and the page's SAVEPOINT/RELEASE. (74 before rows were
# written a kind at a time.)
FIRST_IMPORT_MAX_QUERIES = 32
# First import, re-import rewriting every article (both databases); the jump
# warnings go in with the articles, not in an UPDATE after join_issue (13, 16 before).
PAGE_QUERIES = {False: 12, True: 14}
TRANSACTION_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.I)


def data_queries(ctx) -> list[str]:
    """The statements that read or write rows (not transaction control)."""
    return [q["sql"] for q in ctx.captured_queries if not TRANSACTION_CONTROL.match(q["sql"])]


def test_importing_a_page_uses_a_bounded_number_of_queries(tmp_path, django_assert_max_num_queries):
    path = copy_seed("000", tmp_path)
    # As pages_import names it: by its PUB/DATE/NN path.
    page = dataclasses.replace(parse_page(read_page(path)), file_name=seed_name("000"))

    # page_import alone: what listeners of articles_changed do is theirs to bound.
    with django_assert_max_num_queries(FIRST_IMPORT_MAX_QUERIES):
        result = page_import(page=page)
    assert result.articles_created == 6

    with django_assert_max_num_queries(5) as ctx:
        again = import_file(path)
    assert again.status == UNCHANGED
    assert again.articles_unchanged == 6
    # Known columns, the locked read of the page, the count of its articles.
    assert len(data_queries(ctx)) <= 3, data_queries(ctx)


REPORTERS = ["张明远", "李华清", "王强东", "赵敏慧", "刘洋帆", "陈静怡"]
TOPICS = ["港口", "地铁", "海洋", "学校", "医院", "公园"]


def generated_page(file_name: str, articles: int, *, version: int = 1):
    """A page of ``articles`` stories, each by a reporter, under a column and continued
    on another page (转版) of its own, none of them stored yet; ``version`` changes every body."""
    offset = 3 if file_name.endswith("b.txt") else 0  # two pages: other stories, reporters and columns
    stories = [
        f"# {TOPICS[i]}建设迈出新步伐\n\n□ 本报记者 {REPORTERS[i]}\n\n本报讯 今年以来，我市{TOPICS[i]}建设进展顺利，"
        f"第{version}期工程完成{10 * i + version}个节点。"
        for i in range(offset, offset + articles)
    ]
    page = parse_page(decode_page(file_name, "\n\n".join(stories).encode("utf-8")))
    assert len(page.articles) == articles
    for record in page.articles:
        record.column, record.continues_to = f"{record.title[:2]}专栏", "第二版"
    return page


def result_articles(file_name: str) -> list[Article]:
    articles = list(Article.objects.filter(source_page__file_name=file_name))
    assert articles and all(a.warnings for a in articles)
    return articles


@pytest.mark.parametrize("reimport", [False, True], ids=["first import", "every article changed"])
def test_a_pages_queries_do_not_grow_with_its_articles(reimport):
    # Each article new, with a new reporter and column, and a jump warning to store;
    # or each rewritten on re-import: the same statements for 1 article as for 3.
    counts = []
    for name, articles in (("a.txt", 1), ("b.txt", 3)):
        if reimport:
            page_import(page=generated_page(name, articles))
        with CaptureQueriesContext(connection) as ctx:
            result = page_import(page=generated_page(name, articles, version=2 if reimport else 1))
        assert (result.articles_updated if reimport else result.articles_created) == articles
        assert all(w["code"] == "jump_rest_missing" for a in result_articles(name) for w in a.warnings), name
        counts.append(len(data_queries(ctx)))
    assert counts[0] == counts[1], counts
    assert counts[1] == PAGE_QUERIES[reimport], counts


def test_a_page_of_no_issue_without_jumps_reads_no_parts_to_join():
    page = generated_page("a.txt", 2)
    for record in page.articles:
        record.continues_to = ""

    with CaptureQueriesContext(connection) as ctx:
        result = page_import(page=page)

    assert result.articles_created == 2
    assert len(data_queries(ctx)) == PAGE_QUERIES[False] - 1  # all but join_issue's read of the parts
    assert not [w for a in Article.objects.filter(source_page__file_name="a.txt") for w in a.warnings]


def test_the_pages_staff_lines_are_stored_on_the_page_and_follow_a_corrected_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("# 港口建设迈出新步伐\n\n本报讯 今年以来，我市港口建设进展顺利。\n\n本版编辑：张三  美编：李四\n", encoding="utf-8")
    import_file(path)
    assert SourcePage.objects.get().credits == "本版编辑：张三  美编：李四"

    path.write_text(path.read_text(encoding="utf-8").replace("李四", "王五") + "\n本版摄影 赵六\n", encoding="utf-8")
    import_file(path)
    assert SourcePage.objects.get().credits == "本版编辑：张三  美编：王五\n本版摄影 赵六"


def test_one_new_name_at_two_outlets_is_two_reporters_with_their_own_slugs():
    page = generated_page("a.txt", 2)
    for record, outlet in zip(page.articles, ["青岛日报", "大众日报"]):
        record.bylines = [dataclasses.replace(record.bylines[0], name="林海", outlet=outlet)]

    result = page_import(page=page)

    assert result.reporters_created == 2
    reporters = {r.outlet: r for r in Reporter.objects.filter(name="林海")}
    assert sorted(r.slug for r in reporters.values()) == ["linhai", "linhai-2"]
    assert [list(a.bylines.values_list("reporter__outlet", flat=True)) for a in Article.objects.order_by("position")] == [
        ["青岛日报"], ["大众日报"]
    ]


def test_an_unchanged_folder_is_skipped_in_a_few_queries(seed_dir):
    import_folder(seed_dir)

    with CaptureQueriesContext(connection) as ctx:
        report = import_folder(seed_dir)

    assert [r.status for r in report.results] == [UNCHANGED] * 5
    # One look-up of the columns, then per page a locked read and a count.
    assert len(data_queries(ctx)) <= 1 + 5 * 2, data_queries(ctx)


def test_an_import_announces_its_pages_changed_articles_together(seed_dir, announcements):
    with announcements() as sent:
        import_folder(seed_dir)
        import_folder(seed_dir)  # unchanged pages announce nothing

    # One announcement for the five pages (31 articles): search indexes them in
    # a task, linking enqueues one, the page cache is bumped once.
    assert len(sent) == 1
    assert sorted(sent[0]) == sorted(Article.objects.values_list("pk", flat=True))


def test_a_large_import_announces_in_batches_of_group_size(seed_dir, announcements, monkeypatch):
    monkeypatch.setattr(signals, "GROUP_SIZE", 10)
    with announcements() as sent:
        import_folder(seed_dir)

    # Sent as soon as a page's commit brings the batch to 10 or more; the rest at the end.
    assert all(len(ids) >= 10 for ids in sent[:-1]) and len(sent) >= 3
    assert sorted(pk for ids in sent for pk in ids) == sorted(Article.objects.values_list("pk", flat=True))


def test_one_page_imported_alone_is_announced_at_once(seed_dir, announcements):
    with announcements() as sent:
        result = page_import(page=parse_page(read_page(sorted(seed_dir.rglob("*.txt"))[0])))
    assert sent == [result.changed_ids] and len(result.changed_ids) >= 1


def test_a_dry_run_announces_nothing(seed_dir, announcements):
    with announcements() as sent:
        report = import_folder(seed_dir, dry_run=True)
    assert report.total("articles_created") == 31
    assert sent == []


def test_a_page_given_another_date_moves_its_published_articles_to_that_edition(tmp_path):
    """Lists, the archive and feeds select and order by published_at, the edition's time:
    a page re-dated on re-import takes its published stories along."""
    from datetime import date

    from articles.services.editions import publication_time

    path = flat_copy("001", tmp_path)
    import_file(path, publish=True, edition_options=EditionOptions(publication="qingdao-wanbao", date="2019-03-05"))
    result = import_file(path, publish=True, edition_options=EditionOptions(publication="qingdao-wanbao", date="2019-03-06"))
    published = Article.objects.published().filter(source_page__file_name="001.txt")
    assert published.exists()
    assert {a.published_at for a in published} == {publication_time(date(2019, 3, 6))}
    assert set(published.values_list("pk", flat=True)) <= set(result.changed_ids)  # caches and index follow


def test_new_articles_are_filed_under_the_section_named_like_their_page(tmp_path):
    from articles.models import Section

    yaowen = Section.objects.create(name="要闻", slug="yaowen")
    other = Section.objects.create(name="经济", slug="jingji")
    path = copy_seed("000", tmp_path)  # qingdao-ribao/2023-10-11/01-要闻.txt
    import_file(path)
    articles = Article.objects.filter(source_page__file_name=seed_name("000"))
    assert articles.exists() and set(articles.values_list("section", flat=True)) == {yaowen.pk}
    # An editor's choice stands when the page is imported again.
    first = articles.order_by("position").first()
    Article.objects.filter(pk=first.pk).update(section=other)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    import_file(path)
    assert Article.objects.get(pk=first.pk).section == other


def test_a_page_without_a_section_of_its_name_files_nothing(tmp_path):
    import_file(copy_seed("001", tmp_path))  # 城区: no such section
    assert not Article.objects.filter(section__isnull=False).exists()


def test_a_page_given_another_number_announces_all_its_stories(tmp_path):
    """Search's facets and the e-paper list stories by 版: an unchanged text on another 版 changes them all."""
    path = flat_copy("001", tmp_path)
    options = dict(publication="qingdao-wanbao", date="2019-03-05")
    first = import_file(path, edition_options=EditionOptions(**options, page="1"))
    again = import_file(path, edition_options=EditionOptions(**options, page="5"))
    stored = set(Article.objects.filter(source_page__file_name="001.txt").values_list("pk", flat=True))
    assert stored and SourcePage.objects.get(file_name="001.txt").number == 5
    assert stored <= set(again.changed_ids) and first.changed_ids


def test_a_redated_page_marks_its_stories_changed_for_the_api(tmp_path):
    path = flat_copy("001", tmp_path)
    import_file(path, publish=True, edition_options=EditionOptions(publication="qingdao-wanbao", date="2019-03-05"))
    before = dict(Article.objects.filter(source_page__file_name="001.txt").values_list("pk", "updated_at"))
    import_file(path, publish=True, edition_options=EditionOptions(publication="qingdao-wanbao", date="2019-03-06"))
    after = dict(Article.objects.filter(source_page__file_name="001.txt").values_list("pk", "updated_at"))
    assert all(after[pk] > before[pk] for pk in before)  # the API's ETag and /changes read updated_at


def test_an_undated_page_given_its_date_moves_its_stories_to_that_edition(tmp_path):
    from datetime import date

    from articles.services.editions import publication_time

    path = flat_copy("001", tmp_path)
    import_file(path, publish=True)
    assert SourcePage.objects.get(file_name="001.txt").edition_date is None  # no masthead date, no layout
    import_file(path, publish=True, edition_options=EditionOptions(publication="qingdao-wanbao", date="2019-03-06"))
    published = Article.objects.published().filter(source_page__file_name="001.txt")
    assert published.exists() and {a.published_at for a in published} == {publication_time(date(2019, 3, 6))}


def test_an_import_stopped_by_sigterm_announces_the_pages_it_committed(seed_dir, announcements, monkeypatch):
    """Batched announcements wait in memory: a SIGTERM must not take the committed pages' with it."""
    import os
    import signal

    from articles.services import importing

    original = importing.page_import
    done: list[int] = []

    def page_then_terminate(**kwargs):
        result = original(**kwargs)
        done.extend(result.changed_ids)
        os.kill(os.getpid(), signal.SIGTERM)  # as a deploy stops the command after its first page
        return result

    monkeypatch.setattr(importing, "page_import", page_then_terminate)
    before = signal.getsignal(signal.SIGTERM)
    with announcements() as sent, pytest.raises(SystemExit):
        call_command("import_seeds", str(seed_dir), stdout=StringIO())
    assert done and sent == [done]
    assert signal.getsignal(signal.SIGTERM) == before  # the command's handler is gone with it



# --- pages of one issue imported at once (PostgreSQL: rows are locked, not the database) ----------


def _import_at_once(*paths: Path, monkeypatch) -> tuple[list[object], list[str]]:
    """Import two pages, each in its own thread and transaction, started together; returns
    their results (or what they raised) and what each saw when about to join its issue's
    jumps (jumps.join_issue): it waits there until the other comes too ("came"), or until
    the other waits for a row lock ("waits": it cannot come before this one commits)."""
    real = jumps.join_issue
    backends: dict[str, int] = {}
    arrived = {f"import-{i}": threading.Event() for i in range(len(paths))}
    saw: dict[str, str] = {}

    def join_issue(source, **kwargs):
        me = threading.current_thread().name
        arrived[me].set()
        other = next(name for name in arrived if name != me)
        deadline = time.monotonic() + 10
        saw[me] = "nothing"
        with connection.cursor() as cursor:
            while time.monotonic() < deadline:
                if arrived[other].is_set():
                    saw[me] = "came"
                    break
                cursor.execute("SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted", [backends[other]])
                if cursor.fetchone()[0]:
                    saw[me] = "waits"
                    break
                time.sleep(0.02)
        return real(source, **kwargs)

    monkeypatch.setattr(jumps, "join_issue", join_issue)
    start = threading.Barrier(len(paths))
    outcomes: list[object] = [None] * len(paths)

    def run(i: int, path: Path) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backends[threading.current_thread().name] = cursor.fetchone()[0]
        start.wait()
        try:
            outcomes[i] = import_file(path)
        except Exception as exc:  # noqa: BLE001  (the test asserts on it)
            outcomes[i] = exc
        finally:
            connections.close_all()  # else the test database cannot be flushed

    threads = [threading.Thread(target=run, args=(i, path), name=f"import-{i}") for i, path in enumerate(paths)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes, sorted(saw.values())


def _write_page(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite locks the whole database per write")


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_pages_of_one_issue_imported_at_once_are_written_one_after_the_other(tmp_path, monkeypatch):
    from tests.test_articles_jumps import FRONT, SECOND, write

    # 第一版 first with a short notice above its stories, which its next version drops (retired).
    notice = "本报启事\n\n本报7月25日讯 本报热线电话即日起调整，欢迎读者来电。\n\n"
    front, second = write(tmp_path, "01-要闻.txt", notice + FRONT), write(tmp_path, "02-要闻.txt", SECOND)
    import_file(front)
    import_file(second)
    assert Article.objects.filter(continuation_of__isnull=False).count() == 2
    # Then, at once: 第一版 prints the port story whole, 第二版 both continuations as
    # stories of their own. Each import undoes a join whose other part is on the other
    # page, and writes that part: side by side, each would wait for the other (a deadlock).
    front.write_text(FRONT.replace("三天以上。（下转第二版）", "三天以上。", 1), encoding="utf-8")
    second.write_text(SECOND.replace("（上接第一版）", ""), encoding="utf-8")

    outcomes, saw = _import_at_once(front, second, monkeypatch=monkeypatch)

    assert [getattr(o, "status", o) for o in outcomes] == [UPDATED, UPDATED]
    # The first to come saw the other wait (for the issue's lock), which came once it had committed.
    assert saw == ["came", "waits"]
    assert not Article.objects.filter(title="本报启事").exists()
    assert not Article.objects.filter(continuation_of__isnull=False).exists()
    assert not Article.objects.exclude(continued_from="").exists()
    flagged = [
        (article.source_page.number, article.title, w["code"])
        for article in Article.objects.select_related("source_page") for w in article.warnings if w["code"] in JUMP_CODES
    ]
    assert flagged == [(1, "崂山茶园迎来采摘季", "jump_rest_missing")]  # its rest is no longer printed as one


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_pages_of_two_issues_imported_at_once_do_not_wait_for_each_other(tmp_path, monkeypatch):
    from tests.test_articles_jumps import FRONT

    # The paper and the reporters stored first: neither import inserts a row the other would wait for.
    import_file(_write_page(tmp_path / "qingdao-ribao" / "2024-07-25" / "01-要闻.txt", FRONT))
    first = _write_page(tmp_path / "qingdao-ribao" / "2024-07-26" / "01-要闻.txt", FRONT.replace("第十条", "第十一条"))
    other = _write_page(tmp_path / "qingdao-ribao" / "2024-07-27" / "01-要闻.txt", FRONT.replace("第十条", "第十二条"))

    outcomes, saw = _import_at_once(first, other, monkeypatch=monkeypatch)

    assert [getattr(o, "status", o) for o in outcomes] == [CREATED, CREATED]
    assert saw == ["came", "came"]  # both inside their imports at once


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_an_import_holding_its_issue_does_not_hold_up_an_editor_filing_a_page_under_it():
    from datetime import date

    from django.db import transaction

    from articles.models import Issue, Publication
    from articles.services.editions import issue_lock

    paper = Publication.objects.create(name="某某日报", slug="moumou-ribao")
    issue = Issue.objects.create(publication=paper, edition_date=date(2024, 7, 25))
    page = SourcePage.objects.create(file_name="01.txt", sha256="1" * 64, raw_text="x")  # in no issue yet
    locked, saved = threading.Event(), []

    def editor() -> None:
        locked.wait(10)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
                SourcePage.objects.filter(pk=page.pk).update(issue=issue)  # points at the issue: a key share lock
            saved.append(True)
        except Exception as error:  # the lock timeout: held up by the import
            saved.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=editor)
    thread.start()
    with transaction.atomic():  # an import of the issue, inside its transaction
        issue_lock(publication=paper, edition_date=issue.edition_date)
        locked.set()
        thread.join(15)
    assert saved == [True]


def test_a_byline_on_a_page_that_names_no_paper_is_the_publications():
    """One page names its paper (本报记者 ... 某某日报), another of the same paper
    does not: its reporters are still the paper's, not a second row with no outlet."""
    from articles.models import Publication
    from articles.services.editions import page_edition

    Publication.objects.create(name="某某日报", slug="moumou-ribao")
    options = EditionOptions(publication="moumou-ribao", date="2024-05-06")
    named = parse_page(decode_page("a.txt", "某某工程开工\n\n某某日报记者 林海\n\n本报讯 某某工程今天开工，预计明年建成。\n".encode()))
    bare = parse_page(decode_page("b.txt", "某某大桥通车\n\n记者 林海\n\n本报讯 某某大桥今天通车，市民出行更方便。\n".encode()))
    assert bare.outlet == "" and bare.articles[0].bylines[0].outlet == ""

    for page in (named, bare):
        page_import(page=page, edition=page_edition(page, options=options))

    assert list(Reporter.objects.filter(name="林海").values_list("outlet", flat=True)) == ["某某日报"]
    assert Byline.objects.filter(reporter__name="林海").count() == 2
